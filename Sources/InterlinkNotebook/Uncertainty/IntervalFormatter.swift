import Foundation
import InterlinkCore

/// Formats a value with its central interval as `value (low–high)`, with the digits matched to the
/// interval: all three numbers are rounded to the decimal place of the interval's smaller half-width
/// (its leading digit; one place further when that digit is 1, so "0.14" keeps two digits, as in the
/// Particle Data Group's rounding rule, Rev. Part. Phys., Introduction §5.3). A ±10 % spread on 82.83
/// prints `83 (75–91)`, never `82.83 (74.55–91.11)`. Magnitudes below 10⁻³ or from 10⁶ up share a
/// power of ten: `4.0 (3.2–5.0) × 10⁻⁸`.
public enum IntervalFormatter {
    /// The decimal exponent e of the rounding step 10^e for a spread.
    static func roundingExponent(spread: Double) -> Int {
        let e = Int(floor(log10(spread)))
        let leading = spread / pow(10, Double(e))
        return leading < 2 ? e - 1 : e
    }

    /// `value (low–high)` with digits matched to the interval. A degenerate interval (low = value =
    /// high) prints the value with `exactDigits` significant digits; a value outside [low, high]
    /// is still printed (the nominal value of a skewed quantity may lie outside the interval).
    /// - Throws: ``ParameterError`` for non-finite numbers or low > high.
    public static func format(_ value: Double, low: Double, high: Double, exactDigits: Int = 4) throws -> String {
        try Validate.finite(value, at: "value")
        try Validate.finite(low, at: "low")
        try Validate.inRange(high, low...Double.greatestFiniteMagnitude, at: "high")
        let halves = [value - low, high - value].filter { $0 > 0 }
        let spread = halves.min() ?? (high - low)
        guard spread > 0 else { return String(format: "%.\(exactDigits)g", value) }
        // Very small or large magnitudes: a common power of ten, "4.0 (3.2–5.0) × 10⁻⁸".
        let magnitude = [value, low, high].map(abs).max() ?? 0
        let power = magnitude > 0 ? Int(floor(log10(magnitude))) : 0
        if power < -3 || power >= 6 {
            let scale = pow(10, Double(-power))
            let mantissa = try format(value * scale, low: low * scale, high: high * scale, exactDigits: exactDigits)
            return "\(mantissa) × 10\(Superscript.of(power))"
        }
        let e = roundingExponent(spread: spread)
        let step = pow(10, Double(e))
        func text(_ x: Double) -> String {
            let rounded = (x / step).rounded() * step
            if e >= 0 { return String(format: "%.0f", rounded == 0 ? 0 : rounded) }
            return String(format: "%.\(-e)f", rounded == 0 ? 0 : rounded)
        }
        return "\(text(value)) (\(text(low))–\(text(high)))"
    }

}
