import InterlinkCore

/// The typed result of a study: one row per sweep point in sweep order (whatever order the
/// points finished in), parameter columns then metric columns, every metric with its unit and
/// uncertainty. Figures, tables and derived results are computed from it.
public struct ResultTable: Sendable, Hashable {
    /// A parameter column: a dotted field path of the parameter type.
    public struct ParameterColumn: Sendable, Hashable {
        /// Dotted field path (`lengthKm`, `link.armA.efficiency`).
        public let name: String
        /// Unit from the study's `parameterUnits` (empty when none).
        public let unit: String
    }

    /// A metric column.
    public struct MetricColumn: Sendable, Hashable {
        /// Metric name.
        public let name: String
        /// Unit.
        public let unit: String
        /// Whether any row carries an uncertainty for it.
        public let hasUncertainty: Bool
    }

    /// One sweep point's row.
    public struct Row: Sendable, Hashable {
        /// Position in sweep order (0-based).
        public let index: Int
        /// The point's stable key (SHA-256 hex).
        public let pointKey: String
        /// Every leaf of the point's parameters, by dotted path.
        public let parameters: [String: JSONValue]
        /// The metrics by name (empty for a failed point).
        public let metrics: [String: Metric]
        /// The error of a failed point (keep-going runs), else `nil`.
        public let failure: String?

        /// A parameter or metric value as a number (`nil` when absent or not numeric).
        public func number(_ column: String) -> Double? {
            if let metric = metrics[column] { return metric.value }
            return parameters[column]?.doubleValue
        }
    }

    /// The study identifier.
    public let study: String
    /// Parameter columns: the swept fields in declaration order, then any other field that
    /// varies between points (derived parameters), sorted.
    public let parameterColumns: [ParameterColumn]
    /// Metric columns in order of first appearance.
    public let metricColumns: [MetricColumn]
    /// The rows in sweep order.
    public let rows: [Row]

    /// Every column name, parameters first.
    public var columnNames: [String] {
        parameterColumns.map(\.name) + metricColumns.map(\.name)
    }

    /// The failed rows (keep-going runs).
    public var failures: [Row] { rows.filter { $0.failure != nil } }

    /// A column's values as numbers; NaN where a row has no numeric value. Throws for an
    /// unknown column.
    public func values(_ column: String) throws -> [Double] {
        try requireColumn(column)
        return rows.map { $0.number(column) ?? .nan }
    }

    /// A metric column's standard uncertainties (`nil` where a row has none).
    public func uncertainties(_ metric: String) throws -> [Double?] {
        guard metricColumns.contains(where: { $0.name == metric }) else {
            throw NotebookError.unknownColumn(metric, available: metricColumns.map(\.name))
        }
        return rows.map { $0.metrics[metric]?.uncertainty }
    }

    /// The rows for which `isIncluded` is true (same columns).
    public func filter(_ isIncluded: (Row) throws -> Bool) rethrows -> ResultTable {
        ResultTable(study: study, parameterColumns: parameterColumns, metricColumns: metricColumns, rows: try rows.filter(isIncluded))
    }

    /// The table split by the value of one parameter, groups in order of first appearance
    /// (for example one curve per wavelength).
    public func grouped(by parameter: String) throws -> [(value: JSONValue, table: ResultTable)] {
        try requireColumn(parameter)
        var order: [JSONValue] = []
        var members: [JSONValue: [Row]] = [:]
        for row in rows {
            let key = row.parameters[parameter] ?? .null
            if members[key] == nil { order.append(key) }
            members[key, default: []].append(row)
        }
        return order.map { key in
            (key, ResultTable(study: study, parameterColumns: parameterColumns, metricColumns: metricColumns, rows: members[key] ?? []))
        }
    }

    /// A `DataTable` of the chosen columns (parameters or metrics), in the given order.
    public func dataTable(columns names: [String]) throws -> DataTable {
        var columns: [DataTable.Column] = []
        var cells: [(Row) -> DataTable.Cell] = []
        for name in names {
            if let parameter = parameterColumns.first(where: { $0.name == name }) {
                columns.append(DataTable.Column(name, unit: parameter.unit))
                cells.append { row in ResultTable.cell(row.parameters[name]) }
            } else if let metric = metricColumns.first(where: { $0.name == name }) {
                columns.append(DataTable.Column(name, unit: metric.unit))
                cells.append { row in
                    guard let value = row.metrics[name] else { return .empty }
                    return .number(value.value, uncertainty: value.uncertainty)
                }
            } else {
                throw NotebookError.unknownColumn(name, available: columnNames)
            }
        }
        return try DataTable(columns: columns, rows: rows.map { row in cells.map { $0(row) } })
    }

    /// Every column as a `DataTable`, plus an `error` column when some point failed.
    public func dataTable() throws -> DataTable {
        var table = try dataTable(columns: columnNames)
        if rows.contains(where: { $0.failure != nil }) {
            table = try DataTable(
                columns: table.columns + [DataTable.Column("error")],
                rows: zip(table.rows, rows).map { cells, row in cells + [row.failure.map { .text($0) } ?? .empty] })
        }
        return table
    }

    static func cell(_ value: JSONValue?) -> DataTable.Cell {
        switch value {
        case .none, .null?: return .empty
        case .integer(let number)?: return .integer(number)
        case .number(let number)?: return .number(number, uncertainty: nil)
        case let other?: return .text(other.cellText)
        }
    }

    private func requireColumn(_ name: String) throws {
        guard columnNames.contains(name) else { throw NotebookError.unknownColumn(name, available: columnNames) }
    }
}
