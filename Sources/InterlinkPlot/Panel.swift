/// Where a panel's legend goes.
public enum LegendPosition: Sendable, Hashable, CaseIterable {
    /// The candidate position that covers the least data (ties broken in the order listed below).
    case auto
    /// No legend.
    case hidden
    /// Inside, upper right.
    case topRight
    /// Inside, upper left.
    case topLeft
    /// Inside, lower right.
    case bottomRight
    /// Inside, lower left.
    case bottomLeft
    /// Inside, top centre.
    case top
    /// Inside, bottom centre.
    case bottom
    /// Inside, right centre.
    case right
    /// Inside, left centre.
    case left
}

/// One set of axes with its marks.
public struct Panel: Sendable, Hashable {
    /// Horizontal axis.
    public var x: Axis
    /// Vertical axis.
    public var y: Axis
    /// Optional title above the plot (markup).
    public var title: String?
    /// Marks in drawing order.
    public var marks: [Mark]
    /// Legend placement.
    public var legend: LegendPosition

    /// A panel with the given axes and no marks.
    public init(x: Axis = Axis(), y: Axis = Axis(), title: String? = nil, marks: [Mark] = [],
                legend: LegendPosition = .auto) {
        self.x = x
        self.y = y
        self.title = title
        self.marks = marks
        self.legend = legend
    }

    /// Appends a mark (drawn after those already added).
    public mutating func add(_ mark: Mark) {
        marks.append(mark)
    }
}
