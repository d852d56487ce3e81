import Foundation
import Testing
@testable import InterlinkPlot

/// Nice ticks: 1-2-5 steps on linear axes, decades on log axes, typographic labels.
@Suite("Ticks")
struct TickTests {
    @Test("0.013…0.87 with at most five ticks gives 0.2 steps: 0.2, 0.4, 0.6, 0.8")
    func linearTwoTenths() {
        // Range 0.857 / 5 = 0.17 per tick; 0.1 would give 8 ticks (0.1…0.8), 0.2 gives 4.
        let ticks = Ticks.linear(lower: 0.013, upper: 0.87, maxCount: 5)
        #expect(ticks.count == 4)
        for (tick, expected) in zip(ticks, [0.2, 0.4, 0.6, 0.8]) {
            #expect(abs(tick - expected) < 1e-12)
        }
        #expect(abs(Ticks.linearStep(lower: 0.013, upper: 0.87, maxCount: 5) - 0.2) < 1e-12)
    }

    @Test("Steps are always 1, 2 or 5 times a power of ten", arguments: [
        (0.0, 1.0), (-3.7, 12.2), (1e-6, 7e-6), (150.0, 90_000.0), (-1.0, -0.001),
    ])
    func stepsAreOneTwoFive(range: (Double, Double)) {
        for maxCount in 3...9 {
            let step = Ticks.linearStep(lower: range.0, upper: range.1, maxCount: maxCount)
            let mantissa = step / pow(10, log10(step).rounded(.down))
            #expect([1.0, 2.0, 5.0].contains { abs(mantissa - $0) < 1e-9 })
            let count = Ticks.linear(lower: range.0, upper: range.1, maxCount: maxCount).count
            #expect(count >= 1 && count <= maxCount)
        }
    }

    @Test("1e-4…3e2 on a log axis gives the decades 10⁻⁴ … 10²")
    func logDecades() {
        #expect(Ticks.decades(lower: 1e-4, upper: 3e2) == [-4, -3, -2, -1, 0, 1, 2])
        let axis = AxisResolver.ticks(for: Axis(scale: .log), lower: 1e-4, upper: 3e2, maxTicks: 8)
        #expect(axis.major.map(\.label) == [
            "10<sup>−4</sup>", "10<sup>−3</sup>", "10<sup>−2</sup>", "10<sup>−1</sup>",
            "10<sup>0</sup>", "10<sup>1</sup>", "10<sup>2</sup>",
        ])
        // Minor ticks 2…9 × 10^k inside the range: 8 per full decade (6 decades) + 2e2, 3e2.
        #expect(axis.minor.count == 6 * 8 + 2)
        #expect(axis.minor.contains { abs($0 - 2e-4) < 1e-18 })
        #expect(!axis.minor.contains { $0 > 3e2 * (1 + 1e-9) })
    }

    @Test("Automatic log limits round outward to whole decades")
    func logLimits() {
        let (lo, hi) = AxisResolver.limits(for: Axis(scale: .log), extent: (1e-4, 3e2), maxTicks: 8)
        #expect(abs(lo - 1e-4) < 1e-18)
        #expect(abs(hi - 1e3) < 1e-9)
    }

    @Test("Automatic linear limits round outward to the tick step")
    func linearLimits() {
        let (lo, hi) = AxisResolver.limits(for: Axis(), extent: (0.013, 0.87), maxTicks: 5)
        #expect(abs(lo - 0) < 1e-12)
        #expect(abs(hi - 1.0) < 1e-12)
        let given = AxisResolver.limits(for: Axis(limits: -2...3), extent: (0.013, 0.87), maxTicks: 5)
        #expect(given == (-2, 3))
    }

    @Test("Many decades are labelled every second decade, the others become minor ticks")
    func decadeStride() {
        let axis = AxisResolver.ticks(for: Axis(scale: .log), lower: 1e-10, upper: 1e10, maxTicks: 6)
        // 21 decades, at most 6 labels: stride 5 → −10, −5, 0, 5, 10.
        #expect(axis.major.map(\.value).map { log10($0).rounded() } == [-10, -5, 0, 5, 10])
        #expect(axis.minor.count == 16)
    }

    @Test("A log axis spanning less than a decade gets plain labels at integer multiples")
    func narrowLogAxis() {
        let axis = AxisResolver.ticks(for: Axis(scale: .log), lower: 0.3, upper: 0.9, maxTicks: 8)
        #expect(axis.major.map(\.label) == ["0.3", "0.4", "0.5", "0.6", "0.7", "0.8", "0.9"])
        // Spanning 2…80: 1-2-5 values 2, 5, 10, 20, 50 are enough; 3, 4, 6, … become minor ticks.
        let wide = AxisResolver.ticks(for: Axis(scale: .log), lower: 2, upper: 80, maxTicks: 8)
        #expect(wide.major.map(\.label) == ["2", "5", "10", "20", "50"])
        #expect(wide.minor.contains(3) && wide.minor.contains(70))
    }

    @Test("Labels use U+2212 for negatives and the decimals the step needs")
    func labels() {
        #expect(Ticks.label(-0.5, step: 0.5) == "\u{2212}0.5")
        #expect(Ticks.label(0.4, step: 0.2) == "0.4")
        #expect(Ticks.label(20, step: 20) == "20")
        #expect(Ticks.label(1e-17, step: 0.2) == "0")
        #expect(Ticks.label(2e6, step: 1e6) == "2×10<sup>6</sup>")
        #expect(Ticks.powerOfTen(-3) == "10<sup>−3</sup>")
        #expect(!Ticks.label(-3, step: 1).contains("-"))
    }
}
