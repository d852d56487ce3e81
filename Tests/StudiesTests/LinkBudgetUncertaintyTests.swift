import Foundation
import Interlink
import Testing
@testable import Studies

private typealias Columns = LinkBudgetStudy.Columns

/// Issue 15 in the link-budget study: bands, headline interval, budgets, tornado and Sobol' table.
@Suite("link-budget uncertainty and budgets")
struct LinkBudgetUncertaintyTests {
    @Test("Bands bracket their median, nominal points are the exact model, the distance interval brackets the root")
    func bandsAndHeadline() async throws {
        let run = try await LinkBudgetFixture.run.value
        let base = LinkBudgetStudy().base
        for row in run.table.rows {
            for metric in ["trueHeraldRate", "distillableRate", "fidelity"] {
                let low = try #require(row.number(metric + "_low")), high = try #require(row.number(metric + "_high"))
                let median = try #require(row.number(metric + "_median"))
                #expect(low <= median && median <= high)
            }
        }
        // Nominal values are untouched by the draws: the closed form at the base parameters.
        let row = try #require(run.table.rows.first {
            $0.parameters["route"] == .string("converted-1550nm") && $0.number(Columns.lengthKm) == 50 })
        let exact = try LinkBudgetStudy.evaluate(.converted1550, base, lengthKm: 50)
        #expect(row.number(Columns.trueHeraldRate) == exact.trueHeraldRate)
        #expect(row.number(Columns.distillableRate) == exact.distillableRate)
        let metrics = run.derived.flatMap(\.metrics)
        let distance = try #require(metrics.first { $0.name == "distanceEbit_1550" })
        let low = try #require(metrics.first { $0.name == "distanceEbit_1550_low" }?.value)
        let high = try #require(metrics.first { $0.name == "distanceEbit_1550_high" }?.value)
        #expect(low < distance.value && distance.value < high)
        // The quoted ± is half the 90 % interval, so the report's digits match it.
        #expect(abs((distance.uncertainty ?? 0) - (high - low) / 2) < 1e-12)
        // Tornado and Sobol' tables label parameters in words, not field names.
        let sensitivity = try #require(run.tables.first { $0.fileName == "sensitivity-indices" }).table
        for row in sensitivity.rows {
            guard case let .text(label) = row[0] else { continue }
            #expect(label.contains(" "), "\(label)")
        }
    }

    @Test("The published budget tables sum to their totals")
    func budgetsSum() async throws {
        let run = try await LinkBudgetFixture.run.value
        let budget = try #require(run.tables.first { $0.fileName == "error-budget" }).table
        func number(_ cell: DataTable.Cell) -> Double? {
            if case let .number(v, _) = cell { return v }
            return nil
        }
        for column in 1..<budget.columns.count {
            let parts = budget.rows.dropLast().compactMap { number($0[column]) }.reduce(0, +)
            let total = try #require(number(budget.rows.last![column]))
            #expect(abs(parts - total) < 1e-12)
        }
        // Stages that lose nothing on any route are left out; the rest still add to the total.
        let loss = try #require(run.tables.first { $0.fileName == "loss-budget" }).table
        #expect(loss.columns.last?.name == "total")
        for row in loss.rows {
            let stages = (1..<(loss.columns.count - 1)).compactMap { number(row[$0]) }.reduce(0, +)
            #expect(abs(stages - number(row[loss.columns.count - 1])!) < 1e-9)
        }
        #expect(run.tables.contains { $0.fileName == "time-budget" })
        #expect(run.tables.contains { $0.fileName == "sensitivity-indices" } && run.figures.contains { $0.fileName == "tornado-distance" })
    }
}
