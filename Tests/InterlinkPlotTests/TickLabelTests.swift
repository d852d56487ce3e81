import Foundation
import InterlinkCore
import Testing
@testable import InterlinkPlot

/// Tick labels identify their ticks: each reads back closer to its own tick than to a neighbour,
/// neighbours differ, and ordinary axes keep their familiar labels.
@Suite("Tick labels")
struct TickLabelTests {
    /// `m×10<sup>e</sup>` with a typographic minus, as a reader writes it by hand.
    private static func sci(_ mantissa: String, _ exponent: Int) -> String {
        let body = mantissa.replacingOccurrences(of: "-", with: "\u{2212}")
        let power = "10<sup>\(exponent < 0 ? "\u{2212}" : "")\(abs(exponent))</sup>"
        return body.isEmpty ? power : body + "×" + power
    }

    /// The number a reader takes from a label: "0.25", "−1.5×10<sup>−3</sup>", "10<sup>4</sup>".
    /// Written independently of the formatter: plain text surgery and `Double("…e…")`.
    static func readBack(_ label: String) -> Double? {
        let ascii = label.replacingOccurrences(of: "\u{2212}", with: "-")
        guard let supStart = ascii.range(of: "10<sup>") else { return Double(ascii) }
        guard let supEnd = ascii.range(of: "</sup>"), supEnd.upperBound == ascii.endIndex else { return nil }
        let exponent = String(ascii[supStart.upperBound..<supEnd.lowerBound])
        var mantissa = String(ascii[..<supStart.lowerBound])
        if mantissa.isEmpty {
            mantissa = "1"
        } else {
            guard mantissa.hasSuffix("×") else { return nil }
            mantissa.removeLast()
        }
        return Double("\(mantissa)e\(exponent)")
    }

    /// The labels of the linear ticks `k × step` for k in `ks` (as the axis places them).
    private static func labels(_ ks: ClosedRange<Int>, step: Double) -> [String] {
        Ticks.labels(ks.map { Double($0) * step }, step: step)
    }

    @Test("memory-buffering Fig 2(c): ticks 1.6 … 3.4 × 10⁻³ every 2 × 10⁻⁴ read 1.6×10⁻³ … 3.4×10⁻³")
    func memoryBufferingTornado() {
        // Committed figure: 2×10⁻³ three times (at 1.6, 1.8, 2.0), then 2.2×10⁻³ …
        let expected = ["1.6", "1.8", "2.0", "2.2", "2.4", "2.6", "2.8", "3.0", "3.2", "3.4"].map { Self.sci($0, -3) }
        #expect(Self.labels(8...17, step: 2e-4) == expected)
        // The brief's example: 1.8, 1.9, 2.0 × 10⁻³ every 10⁻⁴.
        #expect(Self.labels(18...20, step: 1e-4) == [Self.sci("1.8", -3), Self.sci("1.9", -3), Self.sci("2.0", -3)])
    }

    @Test("validation Fig 2(b): −1.5 × 10⁻³ … 10⁻³ every 5 × 10⁻⁴ no longer reads −2×10⁻³ at −1.5 × 10⁻³")
    func validationMonteCarlo() {
        // One decimal is needed for −1.5; shared, it gives 5.0×10⁻⁴ and 1.0×10⁻³ too.
        #expect(Self.labels(-3...2, step: 5e-4) == [
            Self.sci("-1.5", -3), Self.sci("-1.0", -3), Self.sci("-5.0", -4), "0", Self.sci("5.0", -4), Self.sci("1.0", -3),
        ])
    }

    @Test("transduction-frontier Fig 2(b, c): 2.5 … 7.0 × 10⁻³ and 1.5 … 4.5 × 10⁻⁴ every half unit")
    func transductionFrontierTornado() {
        // Committed (b): 2, 3, 4, 4, 4, 5, 5.5, 6.0, 6.5, 7.0 (×10⁻³); (c): 2, 2, 2, 3, 4, 4, 4 (×10⁻⁴).
        let b = ["2.5", "3.0", "3.5", "4.0", "4.5", "5.0", "5.5", "6.0", "6.5", "7.0"].map { Self.sci($0, -3) }
        #expect(Self.labels(5...14, step: 5e-4) == b)
        let c = ["1.5", "2.0", "2.5", "3.0", "3.5", "4.0", "4.5"].map { Self.sci($0, -4) }
        #expect(Self.labels(3...9, step: 5e-5) == c)
    }

    @Test("A lone label (contour levels) keeps within half a step: 1.5 × 10⁻³ with step 5 × 10⁻⁴")
    func loneLabel() {
        #expect(Ticks.label(1.5e-3, step: 5e-4) == Self.sci("1.5", -3))
        #expect(Ticks.label(1e-3, step: 5e-4) == Self.sci("", -3))
        #expect(Ticks.label(1.5e5, step: 5e4) == Self.sci("1.5", 5))
        // 9.96 × 10⁻³ within half of 2 × 10⁻⁵ needs two decimals; within half of 10⁻⁴, none, and the
        // mantissa rounded up to 10 moves into the exponent (10⁻², not 10×10⁻³).
        #expect(Ticks.label(9.96e-3, step: 2e-5) == Self.sci("9.96", -3))
        #expect(Ticks.label(9.96e-3, step: 1e-4) == Self.sci("", -2))
    }

    @Test("Ordinary axes keep their labels", arguments: [
        // (lower, upper, maxTicks, labels as drawn in the committed figures)
        (0.0, 1.0, 6, ["0", "0.2", "0.4", "0.6", "0.8", "1.0"]),
        (0.4, 1.6, 4, ["0.5", "1.0", "1.5"]),
        (0.0, 20.0, 5, ["0", "5", "10", "15", "20"]),
        (0.5, 1.1, 7, ["0.5", "0.6", "0.7", "0.8", "0.9", "1.0", "1.1"]),
        (-2.0, 2.0, 5, ["\u{2212}2", "\u{2212}1", "0", "1", "2"]),
        (0.0, 2000.0, 3, ["0", "1000", "2000"]),
        (0.025, 0.028, 7, ["0.0250", "0.0255", "0.0260", "0.0265", "0.0270", "0.0275", "0.0280"]),
        (-1e-3, 1e-3, 5, ["\u{2212}1×10<sup>\u{2212}3</sup>", "\u{2212}5×10<sup>\u{2212}4</sup>", "0",
                          "5×10<sup>\u{2212}4</sup>", "10<sup>\u{2212}3</sup>"]),
        (1e-4, 8e-4, 4, ["2×10<sup>\u{2212}4</sup>", "4×10<sup>\u{2212}4</sup>", "6×10<sup>\u{2212}4</sup>",
                         "8×10<sup>\u{2212}4</sup>"]),
        (0.0, 2e5, 3, ["0", "10<sup>5</sup>", "2×10<sup>5</sup>"]),
    ])
    func ordinaryLinearAxes(lower: Double, upper: Double, maxTicks: Int, expected: [String]) {
        let axis = AxisResolver.ticks(for: Axis(), lower: lower, upper: upper, maxTicks: maxTicks)
        #expect(axis.major.map(\.label) == expected)
    }

    @Test("Ordinary log axes keep decade and plain labels")
    func ordinaryLogAxes() {
        let decades = AxisResolver.ticks(for: Axis(scale: .log), lower: 1e-3, upper: 1e3, maxTicks: 8)
        #expect(decades.major.map(\.label) == [
            "10<sup>−3</sup>", "10<sup>−2</sup>", "10<sup>−1</sup>", "10<sup>0</sup>",
            "10<sup>1</sup>", "10<sup>2</sup>", "10<sup>3</sup>",
        ])
        let narrow = AxisResolver.ticks(for: Axis(scale: .log), lower: 5e-4, upper: 3e-3, maxTicks: 8)
        #expect(narrow.major.map(\.label) == ["5×10<sup>−4</sup>", "0.001", "0.002"])
        let plain = AxisResolver.ticks(for: Axis(scale: .log), lower: 0.5, upper: 3, maxTicks: 8)
        #expect(plain.major.map(\.label) == ["0.5", "1", "2"])
    }

    /// Checks that every label reads back closer to its own tick than to a neighbour and that
    /// neighbouring labels differ; returns a description of the first failure.
    static func problem(in ticks: [Tick]) -> String? {
        for (index, tick) in ticks.enumerated() {
            guard let read = readBack(tick.label) else { return "unreadable label \(tick.label)" }
            var gap = Double.infinity
            if index > 0 {
                gap = min(gap, tick.value - ticks[index - 1].value)
                if tick.label == ticks[index - 1].label { return "repeated label \(tick.label)" }
            }
            if index + 1 < ticks.count { gap = min(gap, ticks[index + 1].value - tick.value) }
            if gap.isFinite, !(abs(read - tick.value) < gap / 2) {
                return "\(tick.label) reads \(read) for a tick at \(tick.value) (gap \(gap))"
            }
        }
        return nil
    }

    @Test("Random linear and log axes: labels read back within half a spacing and neighbours differ")
    func randomAxes() {
        var random = RandomStream(key: 0x7ABE15, replicate: 0)
        func uniform(_ lo: Double, _ hi: Double) -> Double { lo + (hi - lo) * random.nextUniform() }
        var checked = 0
        for trial in 0..<4000 {
            let maxTicks = 2 + Int(random.next() % 9)
            let axis: ResolvedAxis
            let description: String
            if trial % 2 == 0 {
                // Linear: centre anywhere from 10⁻⁹ to 10⁹ (either sign, or zero), relative width
                // from 10⁻⁸ (narrow) to 10³ (wide, crossing zero).
                let magnitude = pow(10, uniform(-9, 9))
                let centre = trial % 10 == 0 ? 0 : (random.next() % 2 == 0 ? magnitude : -magnitude)
                let width = magnitude * pow(10, uniform(-8, 3))
                let lower = centre - width * uniform(0, 1)
                let upper = lower + width
                let limits = AxisResolver.limits(for: Axis(), extent: (lower, upper), maxTicks: maxTicks)
                let given = random.next() % 2 == 0
                let (lo, hi) = given ? (lower, upper) : limits
                axis = AxisResolver.ticks(for: Axis(), lower: lo, upper: hi, maxTicks: maxTicks)
                description = "linear \(lo)…\(hi), \(maxTicks) ticks"
            } else {
                // Log: from a tenth of a decade (narrow) to 40 decades (wide).
                let lower = pow(10, uniform(-15, 15))
                let upper = lower * pow(10, pow(10, uniform(-1, log10(40))))
                axis = AxisResolver.ticks(for: Axis(scale: .log), lower: lower, upper: upper, maxTicks: maxTicks)
                description = "log \(lower)…\(upper), \(maxTicks) ticks"
            }
            if let problem = Self.problem(in: axis.major) {
                Issue.record("\(description): \(problem); labels \(axis.major.map(\.label))")
                return
            }
            checked += axis.major.count
        }
        // The ranges produced labels to check (more than one per axis on average).
        #expect(checked > 4000)
    }

    @Test("The read-back helper reads the label forms by hand")
    func readBackHelper() {
        #expect(Self.readBack("0.25") == 0.25)
        #expect(Self.readBack("\u{2212}1.5×10<sup>\u{2212}3</sup>") == -1.5e-3)
        #expect(Self.readBack("10<sup>4</sup>") == 1e4)
        #expect(Self.readBack("2×10") == nil)
        // The checker rejects the committed bad labels.
        #expect(Self.problem(in: [Tick(1.8e-3, Self.sci("2", -3)), Tick(2.0e-3, Self.sci("2", -3))]) != nil)
        #expect(Self.problem(in: [Tick(-1.5e-3, Self.sci("-2", -3)), Tick(-1e-3, Self.sci("-1", -3))]) != nil)
    }
}
