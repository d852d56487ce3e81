import Foundation
import Interlink
import Testing
@testable import Studies

/// Issue 15 in the link-budget study: bands, headline interval, budgets, tornado and Sobol' table.
@Suite("link-budget uncertainty and budgets")
struct LinkBudgetUncertaintyTests {
    @Test("Bands bracket their median, nominal points are the exact model, the distance interval brackets the root")
    func bandsAndHeadline() async throws {
        let run = try await LinkBudgetFixture.run.value
        let base = LinkBudgetStudy().base
        for row in run.table.rows {
            let low = try #require(row.number("trueRate_low")), high = try #require(row.number("trueRate_high"))
            let median = try #require(row.number("trueRate_median"))
            #expect(low <= median && median <= high)
        }
        // Nominal values are untouched by the draws: the closed form at the base parameters.
        let row = try #require(run.table.rows.first {
            $0.parameters["route"] == .string("converted-1550nm") && $0.number("lengthKm") == 50 })
        let exact = try LinkBudgetStudy.evaluate(.converted1550, base, lengthKm: 50)
        #expect(row.number("trueRate") == exact.trueRate)
        let metrics = run.derived.flatMap(\.metrics)
        let distance = try #require(metrics.first { $0.name == "distance1Hz_1550" }?.value)
        let low = try #require(metrics.first { $0.name == "distance1Hz_1550_low" }?.value)
        let high = try #require(metrics.first { $0.name == "distance1Hz_1550_high" }?.value)
        #expect(low < distance && distance < high)
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
        let loss = try #require(run.tables.first { $0.fileName == "loss-time-budget" }).table
        for row in loss.rows {
            let stages = (1...7).compactMap { number(row[$0]) }.reduce(0, +)
            #expect(abs(stages - number(row[8])!) < 1e-9)
        }
        #expect(run.tables.contains { $0.fileName == "sensitivity-indices" } && run.figures.contains { $0.fileName == "tornado-distance" })
    }
}
