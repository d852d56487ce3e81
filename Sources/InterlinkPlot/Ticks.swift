import Foundation

/// Tick positions and labels: 1-2-5 steps on linear axes, decades (with 2…9 minor ticks) on log axes.
///
/// Labels use the typographic minus U+2212 and powers of ten as `10<sup>−3</sup>` (Pango markup).
public enum Ticks {
    /// The typographic minus sign used in every label.
    public static let minus = "\u{2212}"

    /// The smallest step `m × 10^e` with `m` in {1, 2, 5} that puts at most `maxCount` ticks in
    /// [`lower`, `upper`] (at least one step when the range is empty or degenerate).
    public static func linearStep(lower: Double, upper: Double, maxCount: Int) -> Double {
        let span = upper - lower
        guard span.isFinite, span > 0 else { return 1 }
        let count = max(maxCount, 2)
        let start = (log10(span / Double(count))).rounded(.down) - 1
        var exponent = start
        while exponent < start + 4 {
            let decade = pow(10, exponent)
            for mantissa in [1.0, 2.0, 5.0] {
                let step = mantissa * decade
                guard step > 0, step.isFinite else { continue }
                if tickCount(lower: lower, upper: upper, step: step) <= count { return step }
            }
            exponent += 1
        }
        return 10 * pow(10, start + 3)
    }

    /// Number of multiples of `step` inside [`lower`, `upper`] (with a relative tolerance of 1e-9).
    static func tickCount(lower: Double, upper: Double, step: Double) -> Int {
        let first = (lower / step - 1e-9).rounded(.up)
        let last = (upper / step + 1e-9).rounded(.down)
        let count = last - first + 1
        guard count.isFinite else { return Int.max }
        return Int(min(max(count, 0), 1e15))
    }

    /// Multiples of `step` inside [`lower`, `upper`], computed as `k × step` (no accumulation).
    public static func multiples(of step: Double, lower: Double, upper: Double) -> [Double] {
        guard step > 0, step.isFinite, lower.isFinite, upper.isFinite, upper >= lower else { return [] }
        let firstValue = (lower / step - 1e-9).rounded(.up)
        let lastValue = (upper / step + 1e-9).rounded(.down)
        guard firstValue.isFinite, lastValue.isFinite, abs(firstValue) < 1e15, abs(lastValue) < 1e15 else { return [] }
        let first = Int(firstValue)
        let last = Int(lastValue)
        guard last >= first, last - first < 10_000 else { return [] }
        return (first...last).map { k in k == 0 ? 0 : Double(k) * step }
    }

    /// "Nice" linear ticks: multiples of ``linearStep(lower:upper:maxCount:)`` in the range.
    ///
    /// Example: 0.013…0.87 with at most 5 ticks gives 0.2, 0.4, 0.6, 0.8.
    public static func linear(lower: Double, upper: Double, maxCount: Int) -> [Double] {
        multiples(of: linearStep(lower: lower, upper: upper, maxCount: maxCount), lower: lower, upper: upper)
    }

    /// Minor step for a major step `m × 10^e`: fifths for m = 1 and 5, halves of halves for m = 2.
    static func minorStep(major step: Double) -> Double {
        let mantissa = step / pow(10, log10(step).rounded(.down))
        return abs(mantissa - 2) < 1e-6 ? step / 4 : step / 5
    }

    /// Decade exponents k with 10^k in [`lower`, `upper`] (both > 0).
    ///
    /// Example: 1e-4…3e2 gives −4, −3, …, 2.
    public static func decades(lower: Double, upper: Double) -> [Int] {
        guard lower > 0, upper >= lower, lower.isFinite, upper.isFinite else { return [] }
        let first = Int((log10(lower) - 1e-9).rounded(.up))
        let last = Int((log10(upper) + 1e-9).rounded(.down))
        guard last >= first else { return [] }
        return Array(first...last)
    }

    /// Markup `10<sup>k</sup>` with a proper minus sign.
    public static func powerOfTen(_ exponent: Int) -> String {
        "10<sup>\(exponent < 0 ? minus : "")\(exponent.magnitude)</sup>"
    }
}
