import InterlinkCore

/// A small published table: named columns with units, rows of cells. Written as RFC 4180 CSV
/// (numbers in shortest round-trip form) and rendered by the report.
public struct DataTable: Sendable, Hashable {
    /// One column.
    public struct Column: Sendable, Hashable {
        /// Column name.
        public var name: String
        /// Unit (empty when none).
        public var unit: String

        /// Creates a column.
        public init(_ name: String, unit: String = "") {
            self.name = name
            self.unit = unit
        }

        /// Header text: `name [unit]`, or `name` when there is no unit.
        public var header: String { unit.isEmpty ? name : "\(name) [\(unit)]" }
    }

    /// One cell.
    public enum Cell: Sendable, Hashable {
        /// Nothing (a failed point's metric).
        case empty
        /// Text.
        case text(String)
        /// An integer (written without a decimal point).
        case integer(Int64)
        /// A number with an optional standard uncertainty.
        case number(Double, uncertainty: Double?)
    }

    /// The columns.
    public var columns: [Column]
    /// The rows (each as long as `columns`).
    public var rows: [[Cell]]

    /// Creates a table; throws if a row's length differs from the column count.
    public init(columns: [Column], rows: [[Cell]]) throws {
        if let bad = rows.firstIndex(where: { $0.count != columns.count }) {
            throw NotebookError.invalidTable(reason: "row \(bad) has \(rows[bad].count) cells for \(columns.count) columns")
        }
        self.columns = columns
        self.rows = rows
    }

    /// Whether column `index` holds any uncertainty (it then gets a `<name>_uncertainty` column in CSV).
    public func hasUncertainty(column index: Int) -> Bool {
        rows.contains { row in
            if case .number(_, .some) = row[index] { return true }
            return false
        }
    }

    /// RFC 4180 CSV: header `name [unit]`; a column with uncertainties is followed by
    /// `name_uncertainty [unit]`.
    public func csv() -> String {
        let withUncertainty = columns.indices.map { hasUncertainty(column: $0) }
        var header: [String] = []
        for (index, column) in columns.enumerated() {
            header.append(column.header)
            if withUncertainty[index] {
                header.append(Column(column.name + "_uncertainty", unit: column.unit).header)
            }
        }
        var records = [header]
        for row in rows {
            var record: [String] = []
            for (index, cell) in row.enumerated() {
                switch cell {
                case .empty:
                    record.append("")
                    if withUncertainty[index] { record.append("") }
                case .integer(let value):
                    record.append("\(value)")
                    if withUncertainty[index] { record.append("") }
                case .text(let text):
                    record.append(text)
                    if withUncertainty[index] { record.append("") }
                case .number(let value, let uncertainty):
                    record.append(JSONValue.numberText(value))
                    if withUncertainty[index] { record.append(uncertainty.map(JSONValue.numberText) ?? "") }
                }
            }
            records.append(record)
        }
        return CSVWriter.document(records)
    }
}
