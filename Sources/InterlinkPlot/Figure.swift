import InterlinkCore

/// Output document type.
public enum OutputFormat: Sendable, Hashable {
    /// Vector PDF with TrueType font subsets and fixed metadata.
    case pdf
    /// SVG 1.1 with normalised element ids.
    case svg
    /// Raster PNG preview at `dpi` pixels per inch, white background.
    case png(dpi: Double)

    /// File extension without the dot.
    public var fileExtension: String {
        switch self {
        case .pdf: return "pdf"
        case .svg: return "svg"
        case .png: return "png"
        }
    }
}

/// A figure of physical size: panels in a grid, a theme, and optional shared axes.
///
/// Render it with ``render(_:)``; the same value always gives the same bytes.
public struct Figure: Sendable, Hashable {
    /// Journal style and size.
    public var theme: Theme
    /// Panels in row-major order.
    public var panels: [Panel]
    /// Number of grid columns (rows follow from the panel count).
    public var columns: Int
    /// Figure height in points; `nil` uses `theme.rowHeight` per row.
    public var height: Double?
    /// Whether panels carry (a), (b), … labels; `nil` labels them when there is more than one.
    public var panelLabels: Bool?
    /// Share x limits within each column and show x tick labels only on the bottom row.
    public var sharedX: Bool
    /// Share y limits within each row and show y tick labels only in the left column.
    public var sharedY: Bool

    /// A figure; `columns` defaults to one column per panel up to the panel count.
    public init(theme: Theme = .apsSingleColumn, panels: [Panel], columns: Int? = nil, height: Double? = nil,
                panelLabels: Bool? = nil, sharedX: Bool = false, sharedY: Bool = false) {
        self.theme = theme
        self.panels = panels
        self.columns = columns ?? max(panels.count, 1)
        self.height = height
        self.panelLabels = panelLabels
        self.sharedX = sharedX
        self.sharedY = sharedY
    }

    /// Number of grid rows.
    public var rows: Int { max(1, (panels.count + max(columns, 1) - 1) / max(columns, 1)) }

    /// Figure width in points (the theme's).
    public var width: Double { theme.width }

    /// Figure height in points.
    public var resolvedHeight: Double { height ?? theme.rowHeight * Double(rows) }

    /// Checks sizes and the grid; throws ``ParameterError``.
    func validate() throws {
        try theme.validate()
        guard !panels.isEmpty else {
            throw ParameterError(path: "figure.panels", value: "[]", allowed: "at least one panel")
        }
        guard columns >= 1, columns <= panels.count else {
            throw ParameterError(
                path: "figure.columns", value: "\(columns)", allowed: "1...\(panels.count) (the panel count)")
        }
        if let height, !(height.isFinite && height > 0 && height <= 14_400) {
            throw ParameterError(path: "figure.height", value: "\(height)", allowed: "0 < h <= 14400 pt")
        }
        for (index, panel) in panels.enumerated() {
            for (name, axis) in [("x", panel.x), ("y", panel.y)] {
                guard let limits = axis.limits else { continue }
                let path = "figure.panels[\(index)].\(name).limits"
                guard limits.lowerBound.isFinite, limits.upperBound.isFinite,
                      limits.upperBound > limits.lowerBound else {
                    throw ParameterError(path: path, value: "\(limits)", allowed: "finite, upper > lower")
                }
                if axis.scale == .log, limits.lowerBound <= 0 {
                    throw ParameterError(path: path, value: "\(limits)", allowed: "lower > 0 on a log axis")
                }
            }
        }
    }
}
