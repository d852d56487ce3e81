import InterlinkCore

/// A typed handle on one column of a study's results — a swept parameter, a metric, or a derived
/// result — with its name and unit written once, where the study declares it.
///
/// The same handle records a value (`Self.rate(link.trueHeraldRateHz)` makes the metric) and reads
/// it back (`table.values(Self.rate)`, `row.number(Self.rate)`, `results.derived(Self.reach)`), so a
/// column renamed in one place is renamed everywhere and a misspelt name does not compile:
///
/// ```swift
/// enum Columns {
///     static let lengthKm = Column("lengthKm", unit: "km")
///     static let trueRate = Column("trueRate", unit: "1/s")
/// }
/// metrics.append(Columns.trueRate(link.trueHeraldRateHz))
/// let rates = try table.values(Columns.trueRate)
/// ```
public struct Column: Sendable, Hashable, CustomStringConvertible {
    /// The column name as it appears in the result table, the CSV header and the templates.
    public let name: String
    /// The unit written in table headers (empty for a dimensionless quantity).
    public let unit: String
    /// Words for the header of a published table (`rate above threshold`); nil: the name.
    public let label: String?

    /// A column named `name` with `unit` and, for published tables, a header `label` in words (the
    /// runner refuses a metric with an empty name).
    public init(_ name: String, unit: String = "", label: String? = nil) {
        self.name = name
        self.unit = unit
        self.label = label
    }

    /// The metric of this column with `value` (and its standard uncertainty, when known).
    public func callAsFunction(_ value: Double, uncertainty: Double? = nil) -> Metric {
        Metric(name, value, unit: unit, uncertainty: uncertainty)
    }

    /// The column name.
    public var description: String { name }
}

extension ResultTable {
    /// The values of `column` as numbers; NaN where a row has none. Throws for a column the table
    /// does not have.
    public func values(_ column: Column) throws -> [Double] {
        try values(column.name)
    }

    /// The standard uncertainties of the metric `column` (`nil` where a row has none).
    public func uncertainties(_ column: Column) throws -> [Double?] {
        try uncertainties(column.name)
    }

    /// The table split by the value of the parameter `column`, groups in order of first appearance.
    public func grouped(by column: Column) throws -> [(value: JSONValue, table: ResultTable)] {
        try grouped(by: column.name)
    }

    /// A `DataTable` of the chosen columns, in the given order, headed by their labels where they
    /// have one.
    public func dataTable(columns: [Column]) throws -> DataTable {
        var table = try dataTable(columns: columns.map(\.name))
        for (k, column) in columns.enumerated() {
            if let label = column.label { table.columns[k].name = label }
        }
        return table
    }
}

extension ResultTable.Row {
    /// The value of `column` in this row as a number (`nil` when absent or not numeric).
    public func number(_ column: Column) -> Double? {
        number(column.name)
    }
}

extension StudyResults {
    /// The derived metric of `column`; throws `NotebookError.unknownColumn` when no derivation
    /// produced it.
    public func derived(_ column: Column) throws -> Metric {
        try derived(column.name)
    }

    /// The derived metric of `column`, or `nil` when no derivation produced it.
    public func derivedIfPresent(_ column: Column) -> Metric? {
        derivedIfPresent(column.name)
    }
}
