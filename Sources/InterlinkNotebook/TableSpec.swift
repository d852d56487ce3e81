/// A table a study publishes: built from the study's results, written as `data/<fileName>.csv` and
/// shown in the report.
public struct TableSpec: Sendable {
    /// File name without extension (file-safe like a study identifier).
    public let fileName: String
    /// Caption shown above the table in the report.
    public let caption: String
    /// Builds the table from the study's results.
    public let build: @Sendable (StudyResults) throws -> DataTable

    /// A table built from the result table by any closure.
    public init(_ fileName: String, caption: String, _ build: @escaping @Sendable (ResultTable) throws -> DataTable) {
        self.init(fileName, caption: caption, results: { try build($0.table) })
    }

    /// A table built from the result table and the derived results.
    @_disfavoredOverload
    public init(_ fileName: String, caption: String, results build: @escaping @Sendable (StudyResults) throws -> DataTable) {
        self.fileName = fileName
        self.caption = caption
        self.build = build
    }

    /// A selection of result-table columns (parameters or metrics; metrics keep their uncertainty).
    public init(_ fileName: String, caption: String, columns: [String]) {
        self.init(fileName, caption: caption) { table in try table.dataTable(columns: columns) }
    }
}
