import Foundation
import Interlink
import Testing
@testable import Studies

@Suite("requirements by root finding")
struct RequirementTests {
    @Test("a minimum requirement on a rate R(x) = 10·x² is √(target/10); a maximum on 10/x is 10/target")
    func closedForms() throws {
        let minimum = try Requirement.solve(in: 1e-4...1, increasing: true, target: 2) { 10 * $0 * $0 }
        #expect(abs(try #require(minimum.value) - (0.2).squareRoot()) < 1e-9)
        let maximum = try Requirement.solve(in: 1e-3...1e3, increasing: false, target: 4) { 10 / $0 }
        #expect(abs(try #require(maximum.value) - 2.5) < 1e-9)
    }

    @Test("an unreachable target reports the best rate at the favourable end, never a number in range")
    func unreachable() throws {
        let r = try Requirement.solve(in: 1e-4...1, increasing: true, target: 20) { 10 * $0 * $0 }
        #expect(r == .unreachable(best: 10, at: 1))
        #expect(r.value == nil)
        #expect(r.text(parameter: "η").hasPrefix("not reachable: at most 10 ebit/s (η = 1)"))
        // A rate that is zero over the whole range is "no distillable rate", not "at most 0 ebit/s".
        let none = try Requirement.solve(in: 1e-4...1, increasing: true, target: 1) { _ in 0 }
        #expect(none.text(parameter: "η") == "not reachable: no distillable rate, even at η = 1")
        let met = try Requirement.solve(in: 0.5...1, increasing: true, target: 1) { 10 * $0 * $0 }
        #expect(met == .alwaysMet(at: 0.5))
        #expect(throws: ParameterError.self) { try Requirement.solve(in: 0...1, increasing: true, target: 1) { $0 } }
    }

    @Test("smallest count: 1 − (1 − p)^m ≥ target needs m = ⌈ln(1 − target)/ln(1 − p)⌉")
    func smallestCount() throws {
        let p = 0.003, target = 0.5
        let expected = (log(1 - target) / log(1 - p)).rounded(.up)
        let r = try Requirement.smallestCount(upTo: 100_000, target: target) { 1 - pow(1 - p, Double($0)) }
        #expect(r.value == expected)
        #expect(try Requirement.smallestCount(upTo: 10, target: target) { 1 - pow(1 - p, Double($0)) }.value == nil)
        #expect(try Requirement.smallestCount(upTo: 10, target: 0.001) { 1 - pow(1 - p, Double($0)) }.value == 1)
    }

    /// A one-parameter study type for the interval test.
    struct Point: Sendable { var x = 0.5 }

    @Test("the interval of a requirement equal to a uniform input is its 5 % and 95 % points; unreachable draws open an end")
    func interval() throws {
        let plan = Propagation([UncertainParameter(\Point.x, .range(0, 1, source: "test"))], draws: 200, seed: 3)
        let interval = try RequirementInterval(plan, base: Point(), increasing: true) { .value($0.x) }
        // Latin hypercube: one draw per 1/200 stratum, so the order statistics sit within 1/200 of i/200.
        #expect(abs(try #require(interval.low) - 0.05) < 0.01)
        #expect(abs(try #require(interval.high) - 0.95) < 0.01)
        // Spread ≈ 0.45 each way: one decimal (leading digit 4), so the text is "0.5 (0.1–0.9)" or with
        // an end rounded to 0.0 or 1.0 when the order statistic falls on the other side of 0.05/0.95.
        let text = try interval.text(parameter: "x")
        #expect(text.hasPrefix("0.5 (") && text.count == 13, "\(text)")
        let open = try RequirementInterval(plan, base: Point(), increasing: true) { $0.x > 0.9 ? .unreachable(best: 0, at: 1) : .value($0.x) }
        #expect(open.high == nil)
        #expect(abs(open.unreachableFraction - 0.1) < 0.01)
        #expect(try open.text(parameter: "x").contains("not reachable in 10 % of the draws"))
    }

    @Test("headline metrics are rounded to the interval's digits: smaller half-width 0.0090 → step 0.001; 0.17 → 0.01")
    func roundedMetrics() throws {
        let a = RequirementInterval(nominal: .value(0.0301602), low: 0.0211, high: 0.1731, unreachableFraction: 0, draws: 64)
        let m = a.metrics("eta")
        #expect(m.map(\.name) == ["eta", "eta_low", "eta_high"])
        for (metric, expected) in zip(m, [0.030, 0.021, 0.173]) { #expect(abs(metric.value - expected) < 1e-12) }
        let b = RequirementInterval(nominal: .value(2.04), low: 1.87, high: 2.31, unreachableFraction: 0, draws: 64)
        for (metric, expected) in zip(b.metrics("x", unit: "s"), [2.04, 1.87, 2.31]) {
            #expect(abs(metric.value - expected) < 1e-12 && metric.unit == "s")
        }
        // An open end: only the nominal; an unreachable nominal: nothing.
        #expect(RequirementInterval(nominal: .value(1), low: nil, high: 2, unreachableFraction: 0.1, draws: 64).metrics("y").count == 1)
        #expect(RequirementInterval(nominal: .unreachable(best: 0, at: 1), low: nil, high: nil, unreachableFraction: 1, draws: 64)
            .metrics("z").isEmpty)
    }
}

@Suite("Requirement text")
struct RequirementTextTests {
    @Test("bounds print at two significant digits without e-notation", arguments: [
        (0.4, "0.4"), (0.00056, "0.00056"), (11.15, "11"), (1000.0, "1000"), (1e5, "100000"),
        (1e-9, "10⁻⁹"), (1e-8, "10⁻⁸"), (2.5e-7, "2.5 × 10⁻⁷"), (1.1e6, "1.1 × 10⁶"), (9.96e6, "10⁷"),
    ])
    func format(value: Double, expected: String) {
        #expect(Requirement.format(value) == expected)
    }
}
