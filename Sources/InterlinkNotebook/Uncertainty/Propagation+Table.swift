import InterlinkPlot

/// A propagated metric read back from a result table.
public struct PropagatedSeries: Sendable, Hashable {
    /// The x column's values.
    public var x: [Double]
    /// Nominal values (exact parameters).
    public var nominal: [Double]
    /// Medians over the draws.
    public var median: [Double]
    /// Lower ends of the central interval.
    public var low: [Double]
    /// Upper ends of the central interval.
    public var high: [Double]

    /// The series of metric `metric` against column `x` of `table` (columns `metric`,
    /// `metric_median`, `metric_low`, `metric_high`, written by ``Engine/propagated(_:_:)``).
    public init(_ table: ResultTable, x: String, metric: String) throws {
        let names = PropagatedColumns.names(metric)
        self.x = try table.values(x)
        nominal = try table.values(metric)
        median = try table.values(names.median)
        low = try table.values(names.low)
        high = try table.values(names.high)
    }

    /// A band over the central interval followed by the nominal line, in one colour.
    public func marks(label: String? = nil, color: Color? = nil, bandLabel: String? = nil) -> [Mark] {
        [.band(x: x, lower: low, upper: high, label: bandLabel, color: color),
         .line(x: x, y: nominal, label: label, color: color)]
    }

    /// Row `index` as `value (low–high)` (``IntervalFormatter``).
    public func formatted(at index: Int) throws -> String {
        try IntervalFormatter.format(nominal[index], low: low[index], high: high[index])
    }
}
