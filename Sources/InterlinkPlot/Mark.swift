/// How the series of a bar group are arranged.
public enum BarLayout: Sendable, Hashable {
    /// Side by side within each group.
    case grouped
    /// On top of each other (values must be >= 0 to stack meaningfully).
    case stacked
}

/// One series of a bar group.
public struct BarSeries: Sendable, Hashable {
    /// Legend label (markup); empty for none.
    public var label: String
    /// One height per group position.
    public var values: [Double]
    /// Fill colour; `nil` takes the next palette colour.
    public var color: Color?
    /// A bar series.
    public init(label: String, values: [Double], color: Color? = nil) {
        self.label = label
        self.values = values
        self.color = color
    }
}

/// Which edge of the plot a filled region extends to.
public enum PlotEdge: Sendable, Hashable {
    /// Upper edge of the plot area.
    case top
    /// Lower edge of the plot area.
    case bottom
}

/// Which axis a reference line or span refers to.
public enum AxisSelector: Sendable, Hashable {
    /// The horizontal axis (vertical lines, vertical bands).
    case x
    /// The vertical axis (horizontal lines, horizontal bands).
    case y
}

/// A gridded scalar field drawn as colour cells, with a colour bar.
public struct Heatmap: Sendable, Hashable {
    /// Values, `values[row][column]`; row 0 is at the lower y limit. NaN cells are left empty.
    public var values: [[Double]]
    /// Data extent of the columns along x (cells are uniform in the x axis scale).
    public var x: ClosedRange<Double>
    /// Data extent of the rows along y (cells are uniform in the y axis scale).
    public var y: ClosedRange<Double>
    /// Colour map; `nil` uses the theme's.
    public var colormap: Colormap?
    /// Linear or logarithmic colour scale.
    public var colorScale: Scale
    /// Colour limits; `nil` uses the finite (positive, for log) data range.
    public var colorLimits: ClosedRange<Double>?
    /// Colour bar label (markup).
    public var colorLabel: String
    /// How the field is drawn between its grid points.
    public var shading: HeatmapShading

    /// A heatmap; `values[row][column]` with row 0 at `y.lowerBound`.
    public init(values: [[Double]], x: ClosedRange<Double>, y: ClosedRange<Double>, colormap: Colormap? = nil,
                colorScale: Scale = .linear, colorLimits: ClosedRange<Double>? = nil, colorLabel: String = "",
                shading: HeatmapShading = .cells) {
        self.values = values
        self.x = x
        self.y = y
        self.colormap = colormap
        self.colorScale = colorScale
        self.colorLimits = colorLimits
        self.colorLabel = colorLabel
        self.shading = shading
    }
}

/// How a heatmap is drawn between its grid points.
public enum HeatmapShading: Sendable, Hashable {
    /// One flat cell per value (the grid is visible).
    case cells
    /// Colour interpolated bilinearly between the cell centres along the colour scale (linear in
    /// the value, or in its logarithm on a log colour scale), for a field sampled on a grid coarser
    /// than the figure. Next to a missing value (NaN, or ≤ 0 on a log scale) the cell stays flat.
    case smooth
}

/// Contour lines of a gridded field, traced by marching squares.
public struct ContourSet: Sendable, Hashable {
    /// Grid abscissae (strictly increasing).
    public var x: [Double]
    /// Grid ordinates (strictly increasing).
    public var y: [Double]
    /// Field values `z[row][column]` at (`x[column]`, `y[row]`).
    public var z: [[Double]]
    /// Contour levels.
    public var levels: [Double]
    /// Whether each level is labelled inline with its value.
    public var labeled: Bool
    /// Line colour; `nil` colours levels with the theme colour map.
    public var color: Color?

    /// A contour set over a rectilinear grid.
    public init(x: [Double], y: [Double], z: [[Double]], levels: [Double], labeled: Bool = true, color: Color? = nil) {
        self.x = x
        self.y = y
        self.z = z
        self.levels = levels
        self.labeled = labeled
        self.color = color
    }
}

/// One graphical element of a panel. Build marks with the static factories (`.line`, `.scatter`, …);
/// marks are drawn in the order they were added, clipped to the plot area.
public struct Mark: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        case line(x: [Double], y: [Double], style: LineStyle, marker: MarkerShape?)
        case scatter(x: [Double], y: [Double], marker: MarkerShape, filled: Bool)
        case errorBars(x: [Double], y: [Double], yError: [Double], xError: [Double]?, marker: MarkerShape)
        case band(x: [Double], lower: [Double], upper: [Double])
        case step(x: [Double], y: [Double], style: LineStyle)
        case bars(positions: [Double], series: [BarSeries], layout: BarLayout, width: Double)
        case histogram(edges: [Double], counts: [Double])
        case heatmap(Heatmap)
        case contour(ContourSet)
        case reference(axis: AxisSelector, value: Double, style: LineStyle)
        case span(axis: AxisSelector, from: Double, to: Double)
        case fillToEdge(x: [Double], y: [Double], edge: PlotEdge)
        case text(String, at: DataPoint, anchor: TextAnchor)
        case pointLabel(String, at: DataPoint)
        case arrow(from: DataPoint, to: DataPoint, text: String?)
        case tornado(TornadoBars, lowColor: Color?, highColor: Color?)
    }

    let kind: Kind
    /// Legend label (Pango markup); `nil` keeps the mark out of the legend.
    public var label: String?
    /// Colour; `nil` takes the next palette colour (lines, markers, bars) or a neutral grey.
    public var color: Color?
    /// Opacity of fills (bands, spans, regions).
    public var opacity: Double

    init(_ kind: Kind, label: String?, color: Color?, opacity: Double = 1) {
        self.kind = kind
        self.label = label
        self.color = color
        self.opacity = opacity
    }

    /// A polyline through (x[i], y[i]); points that cannot be shown (non-finite, or <= 0 on a log
    /// axis) break the line instead of being drawn. An optional `marker` is drawn at every point.
    public static func line(x: [Double], y: [Double], label: String? = nil, style: LineStyle = .solid,
                            color: Color? = nil, marker: MarkerShape? = nil) -> Mark {
        Mark(.line(x: x, y: y, style: style, marker: marker), label: label, color: color)
    }

    /// Markers at (x[i], y[i]); `filled: false` draws open markers.
    public static func scatter(x: [Double], y: [Double], label: String? = nil, marker: MarkerShape = .circle,
                               filled: Bool = true, color: Color? = nil) -> Mark {
        Mark(.scatter(x: x, y: y, marker: marker, filled: filled), label: label, color: color)
    }

    /// Markers with symmetric error bars (±`yError[i]`, and ±`xError[i]` when given) and caps.
    public static func errorBars(x: [Double], y: [Double], yError: [Double], xError: [Double]? = nil,
                                 label: String? = nil, marker: MarkerShape = .circle, color: Color? = nil) -> Mark {
        Mark(.errorBars(x: x, y: y, yError: yError, xError: xError, marker: marker), label: label, color: color)
    }

    /// A shaded band between `lower[i]` and `upper[i]` (e.g. a confidence interval). Without a colour
    /// it takes the colour the next line will get, so a band followed by its line match.
    public static func band(x: [Double], lower: [Double], upper: [Double], label: String? = nil,
                            color: Color? = nil, opacity: Double = 0.25) -> Mark {
        Mark(.band(x: x, lower: lower, upper: upper), label: label, color: color, opacity: opacity)
    }

    /// A step function: y[i] holds from x[i] to x[i+1] (post-step).
    public static func step(x: [Double], y: [Double], label: String? = nil, style: LineStyle = .solid,
                            color: Color? = nil) -> Mark {
        Mark(.step(x: x, y: y, style: style), label: label, color: color)
    }

    /// A bar group: at each position, one bar per series, grouped side by side or stacked.
    /// `width` is the fraction of the smallest position spacing the group occupies (0…1].
    public static func bars(positions: [Double], series: [BarSeries], layout: BarLayout = .grouped,
                            width: Double = 0.8) -> Mark {
        Mark(.bars(positions: positions, series: series, layout: layout, width: width), label: nil, color: nil)
    }

    /// A histogram of precomputed counts over bin `edges` (`edges.count == counts.count + 1`).
    public static func histogram(edges: [Double], counts: [Double], label: String? = nil,
                                 color: Color? = nil) -> Mark {
        Mark(.histogram(edges: edges, counts: counts), label: label, color: color)
    }

    /// A histogram of `values` in `bins` equal bins over `range` (default: the finite data range).
    public static func histogram(values: [Double], bins: Int, range: ClosedRange<Double>? = nil,
                                 label: String? = nil, color: Color? = nil) throws -> Mark {
        let (edges, counts) = try Histogram.bin(values, bins: bins, range: range)
        return histogram(edges: edges, counts: counts, label: label, color: color)
    }

    /// A heatmap with a colour bar on the right of the panel.
    public static func heatmap(_ heatmap: Heatmap) -> Mark {
        Mark(.heatmap(heatmap), label: nil, color: nil)
    }

    /// Contour lines (marching squares), optionally labelled with their level.
    public static func contour(_ contours: ContourSet, label: String? = nil) -> Mark {
        Mark(.contour(contours), label: label, color: contours.color)
    }

    /// A horizontal (`axis: .y`) or vertical (`axis: .x`) reference line across the plot.
    public static func reference(_ axis: AxisSelector, at value: Double, label: String? = nil,
                                 style: LineStyle = .dashed, color: Color? = nil) -> Mark {
        Mark(.reference(axis: axis, value: value, style: style), label: label, color: color ?? .gray)
    }

    /// A shaded span between two values of one axis, across the whole plot.
    public static func span(_ axis: AxisSelector, from: Double, to: Double, label: String? = nil,
                            color: Color? = nil, opacity: Double = 1) -> Mark {
        Mark(.span(axis: axis, from: from, to: to), label: label, color: color ?? .lightGray, opacity: opacity)
    }

    /// The region between a curve and the top or bottom edge of the plot, shaded (e.g. the region
    /// excluded by a bound).
    public static func region(x: [Double], y: [Double], toward edge: PlotEdge, label: String? = nil,
                              color: Color? = nil, opacity: Double = 1) -> Mark {
        Mark(.fillToEdge(x: x, y: y, edge: edge), label: label, color: color ?? .lightGray, opacity: opacity)
    }

    /// Text (markup) at a data position.
    public static func text(_ markup: String, at point: DataPoint, anchor: TextAnchor = .center,
                            color: Color? = nil) -> Mark {
        Mark(.text(markup, at: point, anchor: anchor), label: nil, color: color ?? .black)
    }

    /// The name of the marker at `point`, placed next to it by the renderer (``PointLabels``): on the
    /// side, among eight around the marker, where the text covers no drawn line or marker, no other
    /// point label, stays inside the plot, and is nearer its own marker than any other marker.
    public static func pointLabel(_ markup: String, at point: DataPoint, color: Color? = nil) -> Mark {
        Mark(.pointLabel(markup, at: point), label: nil, color: color ?? .black)
    }

    /// An arrow from `from` to `to` (head at `to`), with optional text placed beyond its tail.
    public static func arrow(from: DataPoint, to: DataPoint, text: String? = nil, color: Color? = nil) -> Mark {
        Mark(.arrow(from: from, to: to, text: text), label: nil, color: color ?? .black)
    }
}
