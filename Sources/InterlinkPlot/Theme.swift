import InterlinkCore

/// Journal style: physical width, text size, line weights, tick lengths and colours.
///
/// Lengths are in PostScript points (1/72 in).
public struct Theme: Sendable, Hashable {
    /// Name shown in the gallery.
    public var name: String
    /// Figure width in points.
    public var width: Double
    /// Height of one row of panels in points (the figure height is this times the number of rows,
    /// unless the figure gives its own height).
    public var rowHeight: Double
    /// Size of all text (labels, ticks, legend) in points.
    public var fontSize: Double
    /// Width of the axes frame and ticks in points.
    public var axisLineWidth: Double
    /// Width of data lines in points.
    public var lineWidth: Double
    /// Full width of scatter markers in points.
    public var markerSize: Double
    /// Length of major ticks (drawn inward) in points.
    public var majorTickLength: Double
    /// Length of minor ticks in points.
    public var minorTickLength: Double
    /// Qualitative colours cycled over series without an explicit colour.
    public var palette: Palette
    /// Default colour map for heatmaps.
    public var colormap: Colormap

    /// A theme from explicit values; throws when a length is not positive and finite.
    public init(name: String, width: Double, rowHeight: Double, fontSize: Double, axisLineWidth: Double,
                lineWidth: Double, markerSize: Double, majorTickLength: Double, minorTickLength: Double,
                palette: Palette = .okabeIto, colormap: Colormap = .viridis) throws {
        self.init(unchecked: name, width, rowHeight, fontSize, axisLineWidth, lineWidth, markerSize,
                  majorTickLength, minorTickLength, palette, colormap)
        try validate()
    }

    /// Checks that every length is finite, positive and at most 200 in (14 400 pt); the properties
    /// are mutable, so figures check their theme again before rendering.
    public func validate() throws {
        let lengths: [(String, Double)] = [
            ("theme.width", width), ("theme.rowHeight", rowHeight), ("theme.fontSize", fontSize),
            ("theme.axisLineWidth", axisLineWidth), ("theme.lineWidth", lineWidth),
            ("theme.markerSize", markerSize), ("theme.majorTickLength", majorTickLength),
            ("theme.minorTickLength", minorTickLength),
        ]
        for (path, value) in lengths where !(value.isFinite && value > 0 && value <= 14_400) {
            throw ParameterError(path: path, value: "\(value)", allowed: "0 < value <= 14400 pt")
        }
    }

    private init(unchecked name: String, _ width: Double, _ rowHeight: Double, _ fontSize: Double,
                 _ axisLineWidth: Double, _ lineWidth: Double, _ markerSize: Double, _ majorTick: Double,
                 _ minorTick: Double, _ palette: Palette = .okabeIto, _ colormap: Colormap = .viridis) {
        self.name = name
        self.width = width
        self.rowHeight = rowHeight
        self.fontSize = fontSize
        self.axisLineWidth = axisLineWidth
        self.lineWidth = lineWidth
        self.markerSize = markerSize
        self.majorTickLength = majorTick
        self.minorTickLength = minorTick
        self.palette = palette
        self.colormap = colormap
    }

    /// Physical Review single column: 3.375 in (243 pt) wide, 8 pt text
    /// (APS Style and Notation Guide, figure preparation).
    public static let apsSingleColumn = Theme(unchecked: "APS single column", 243, 180, 8, 0.5, 1.0, 3.5, 3.0, 1.6)
    /// Physical Review double column: 7.0 in (504 pt) wide, 8 pt text.
    public static let apsDoubleColumn = Theme(unchecked: "APS double column", 504, 200, 8, 0.5, 1.0, 3.5, 3.0, 1.6)
    /// Nature single column: 89 mm (252.3 pt) wide, 7 pt text (Nature formatting guide for figures).
    public static let natureSingleColumn = Theme(
        unchecked: "Nature single column", 89 / 25.4 * 72, 180, 7, 0.5, 0.8, 3.0, 2.6, 1.4)
    /// IEEE single column: 3.5 in (252 pt) wide, 8 pt text (IEEE graphics preparation guide).
    public static let ieeeSingleColumn = Theme(unchecked: "IEEE single column", 252, 185, 8, 0.5, 1.0, 3.5, 3.0, 1.6)
    /// Presentation slide: 6.4 in (460.8 pt) wide, 14 pt text, heavier lines.
    public static let slide = Theme(unchecked: "Slide", 460.8, 300, 14, 1.0, 2.0, 6.0, 5.0, 2.6)

    /// All built-in themes, in gallery order.
    public static let all: [Theme] = [apsSingleColumn, apsDoubleColumn, natureSingleColumn, ieeeSingleColumn, slide]
}
