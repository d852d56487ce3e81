/// What a study's tables and figures are drawn from: the result table and the derived results
/// (fits, roots, optima), computed once by the runner and handed down typed — a figure that shows
/// a root reads it here instead of solving it again.
public struct StudyResults: Sendable {
    /// The result table, one row per point in sweep order.
    public let table: ResultTable
    /// The derived results, in the study's order.
    public let derived: [DerivedResult]

    /// Creates the results a figure or table is drawn from.
    public init(table: ResultTable, derived: [DerivedResult]) {
        self.table = table
        self.derived = derived
    }

    /// The derived metric named `name` (every derivation's metrics are searched, in order).
    /// - Throws: `NotebookError.unknownColumn` listing the derived names when there is none (a
    ///   derivation that found nothing to fit, say, publishes no metric of that name).
    public func derived(_ name: String) throws -> Metric {
        for result in derived {
            if let metric = result.metrics.first(where: { $0.name == name }) { return metric }
        }
        throw NotebookError.unknownColumn(name, available: derived.flatMap { $0.metrics.map(\.name) })
    }

    /// The derived metric named `name`, or `nil` when no derivation produced it.
    public func derivedIfPresent(_ name: String) -> Metric? {
        try? derived(name)
    }
}
