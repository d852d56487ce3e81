/// One computed quantity of a sweep point (or one derived result): a name, a unit, a value and
/// optionally its standard uncertainty (one standard deviation of the estimate, as in the GUM,
/// JCGM 100:2008 §2.3.1; for a Monte Carlo mean it is the standard error s/√n).
public struct Metric: Sendable, Hashable, Codable {
    /// Column name: non-empty, unique within a point (`rateHz`, `fidelity`).
    public var name: String
    /// Unit as written in table headers (`Hz`, `dB/km`, `1` or empty for dimensionless).
    public var unit: String
    /// The value.
    public var value: Double
    /// The standard uncertainty, when known.
    public var uncertainty: Double?

    /// Creates a metric.
    public init(_ name: String, _ value: Double, unit: String = "", uncertainty: Double? = nil) {
        self.name = name
        self.unit = unit
        self.value = value
        self.uncertainty = uncertainty
    }
}
