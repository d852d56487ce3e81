/// How data values map to positions along an axis.
public enum Scale: Sendable, Hashable {
    /// Position proportional to the value.
    case linear
    /// Position proportional to log10 of the value; values <= 0 or non-finite are skipped.
    case log
}

/// One labelled tick chosen by the author (e.g. a category name under a bar group).
public struct Tick: Sendable, Hashable {
    /// Position in data units.
    public var value: Double
    /// Pango markup drawn at the tick.
    public var label: String
    /// A tick at `value` labelled `label`.
    public init(_ value: Double, _ label: String) {
        self.value = value
        self.label = label
    }
}

/// One axis of a panel: label, scale, limits and optional explicit ticks.
public struct Axis: Sendable, Hashable {
    /// Axis label (Pango markup: `<i>L</i>`, `η<sub>t</sub>`, `s<sup>−1</sup>`).
    public var label: String
    /// Linear or logarithmic.
    public var scale: Scale
    /// Fixed limits; `nil` chooses them from the data, rounded outward to ticks (decades on log axes).
    public var limits: ClosedRange<Double>?
    /// Explicit ticks replacing the automatic ones (minor ticks are then omitted).
    public var ticks: [Tick]?

    /// An axis; every argument is optional.
    public init(label: String = "", scale: Scale = .linear, limits: ClosedRange<Double>? = nil, ticks: [Tick]? = nil) {
        self.label = label
        self.scale = scale
        self.limits = limits
        self.ticks = ticks
    }
}
