import Foundation
import Interlink
import Testing
@testable import Studies

/// The shared headline-uncertainty helper and the shared error-budget table.
@Suite("headline uncertainty and error-budget tables")
struct HeadlineUncertaintyTests {
    struct Point: Sendable {
        var a = 1.0
        var b = 2.0
    }

    /// Two headlines of two uniform inputs: a + b and a·b.
    static let helper = HeadlineUncertainty<Point>(
        parameters: [UncertainParameter("input a", .range(0, 2, source: "test")) { $0.a = $1 },
                     UncertainParameter("input b", .range(1, 3, source: "test")) { $0.b = $1 }],
        headlines: [.init(name: "sum", label: "a + b", unit: ""), .init(name: "product", label: "a·b", unit: "")],
        draws: 4000, seed: 3) { p in [p.a + p.b, p.a * p.b] }

    @Test("the replayed tornadoes equal tornadoes computed directly, bar for bar (hand values at the 5 % and 95 % points)")
    func tornadoReplay() throws {
        let base = Point()
        let replayed = try Self.helper.tornadoes(around: base)
        let direct = [try Tornado(Self.helper.parameters, base: base, coverage: 0.9) { $0.a + $0.b },
                      try Tornado(Self.helper.parameters, base: base, coverage: 0.9) { $0.a * $0.b }]
        #expect(replayed == direct)
        // a at its 5 % / 95 % points of [0, 2]: 0.1 and 1.9; the product with b = 2: 0.2 and 3.8.
        let bar = try #require(replayed[1].bars.first { $0.field == "input a" })
        #expect(abs(bar.lowOutput - 0.2) < 1e-12 && abs(bar.highOutput - 3.8) < 1e-12)
    }

    @Test("the 90 % interval of a + b over uniform a ∈ [0, 2], b ∈ [1, 3] matches the triangular distribution's quantiles")
    func interval() throws {
        let entries = try Self.helper.entries(around: Point())
        let sum = try #require(entries.first { $0.headline.name == "sum" })
        #expect(sum.nominal == 3)
        // a + b is triangular on [1, 5] with mode 3: the 5 % point solves (x − 1)²/8 = 0.05, x = 1 + √0.4.
        // The sample 5 % quantile of 4000 draws has a standard error √(0.05·0.95/4000)/f(x) ≈ 0.022
        // (density f = (x − 1)/4 ≈ 0.16 there): the tolerance is about 3.5 of them (the draws are seeded).
        let low = 1 + 0.4.squareRoot(), high = 5 - 0.4.squareRoot()
        #expect(abs(sum.low - low) < 0.08 && abs(sum.high - high) < 0.08, "\(sum.low)–\(sum.high) vs \(low)–\(high)")
        #expect(sum.low < sum.nominal && sum.nominal < sum.high)
    }

    @Test("the shared error-budget table's mechanism rows sum to its total row, column by column")
    func errorBudgetSums() throws {
        let arm = try ModalityPreset.arm(named: "ion.sr88.422")
        let table = try LinkErrorBudget.table(columns: [0.0, 1].map { length in
            ("\(length) km", LinkConfiguration.midpoint(armA: arm, armB: arm, totalLengthKm: length, scheme: .twoPhoton,
                                                       residualVisibility: 0.88))
        })
        func number(_ cell: DataTable.Cell) -> Double? {
            if case let .number(v, _) = cell { return v }
            return nil
        }
        for column in 1..<table.columns.count {
            let parts = table.rows.dropLast().compactMap { number($0[column]) }.reduce(0, +)
            let total = try #require(table.rows.last.flatMap { number($0[column]) })
            #expect(abs(parts - total) < 1e-12)
            // The Oxford link's infidelity is dominated by the residual visibility: (1 − 0.88)/2 = 0.06.
            #expect(abs((table.rows.first { if case .text("visibility and mode mismatch") = $0[0] { return true }; return false }
                .flatMap { number($0[column]) } ?? 0) - 0.06) < 1e-3)
        }
    }
}
