import InterlinkTestSupport
import Testing
@testable import InterlinkNotebook

/// Typed column handles (issue 13): one declaration records a metric and reads it back.
@Suite struct ColumnTests {
    enum Columns {
        static let x = Column("x", unit: "m")
        static let area = Column("area", unit: "m2")
        static let noise = Column("noise")
        static let sum = Column("sum", unit: "m2")
        static let missing = Column("nowhere")
    }

    @Test("a handle makes the metric with its name and unit, and reads the column of a real run")
    func recordAndRead() async throws {
        let metric = Columns.area(2.5, uncertainty: 0.1)
        #expect(metric == Metric("area", 2.5, unit: "m2", uncertainty: 0.1))
        let run = try await StudyRunner(options: testOptions(jobs: 1)).run(ToyStudy(xs: [1, 2, 3]))
        // ToyStudy's area is x²·y over x ∈ {1, 2, 3}, y ∈ {1, 2} (grid, x outer).
        #expect(try run.table.values(Columns.area) == [1, 2, 4, 8, 9, 18])
        #expect(try run.table.values(Columns.x) == [1, 1, 2, 2, 3, 3])
        #expect(try run.table.uncertainties(Columns.noise).allSatisfy { $0 == 0.25 })
        #expect(run.table.rows.map { $0.number(Columns.area) } == [1, 2, 4, 8, 9, 18])
        #expect(try run.table.grouped(by: Columns.x).map { $0.table.rows.count } == [2, 2, 2])
        #expect(try run.table.dataTable(columns: [Columns.x, Columns.area]).columns.map(\.unit) == ["m", "m2"])
        let results = StudyResults(table: run.table, derived: run.derived)
        #expect(try results.derived(Columns.sum).value == 42)
        #expect(results.derivedIfPresent(Columns.missing) == nil)
    }

    @Test("an unknown column is an error naming it, as with a string")
    func unknownColumn() async throws {
        let run = try await StudyRunner(options: testOptions(jobs: 1)).run(ToyStudy(xs: [1]))
        #expect(throws: NotebookError.self) { try run.table.values(Columns.missing) }
        #expect(run.table.rows.first?.number(Columns.missing) == nil)
    }
}
