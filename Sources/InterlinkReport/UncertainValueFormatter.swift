import Foundation
import InterlinkCore

/// Formats a value with its uncertainty for reports, at the significant digits the uncertainty
/// justifies: `0.912 ± 0.004`, `(3.1 ± 0.2) × 10⁻⁴`, `182 ± 12`.
///
/// Rounding follows the common experimental-physics convention (e.g. Hughes & Hase, *Measurements
/// and their Uncertainties*, OUP 2010, §2.9): the uncertainty keeps one significant digit, or two
/// when its leading digit is 1 (so `0.0012` stays `0.0012`, `0.2` stays `0.2`); the value is
/// rounded to the same decimal place. Numbers whose magnitude lies outside [10⁻², 10⁴) are written with a shared power
/// of ten. Minus signs are U+2212 and exponents are Unicode superscripts, so the text reads the same
/// in Markdown and in the typeset PDF.
public struct UncertainValueFormatter: Sendable {
    /// Significant digits for a value without an uncertainty.
    public var significantDigits: Int

    /// Creates a formatter; `significantDigits` applies to values given without an uncertainty.
    public init(significantDigits: Int = 4) {
        self.significantDigits = max(1, significantDigits)
    }

    /// Formats `value`, with `± uncertainty` when the uncertainty is finite and positive.
    public func string(_ value: Double, uncertainty: Double? = nil) -> String {
        guard value.isFinite else { return Self.nonFinite(value) }
        if let u = uncertainty, u.isFinite, u > 0 {
            return withUncertainty(value, u)
        }
        return plain(value)
    }

    /// Formats a number alone at `significantDigits` significant digits (whole numbers below 10⁶ —
    /// counts — exactly and without decimals).
    public func plain(_ value: Double) -> String {
        guard value.isFinite else { return Self.nonFinite(value) }
        if value == 0 { return "0" }
        // Whole numbers of moderate size (counts, indices) print without decimals.
        if value == value.rounded(), abs(value) < 1e6 { return Self.fixed(value, decimals: 0) }
        var exponent = Self.decade(value)
        // Rounding to the significant digits may carry into the next decade (9.99999 is 10.0, not 10.00).
        if Self.decade(Self.round(value, at: exponent - significantDigits + 1)) > exponent { exponent += 1 }
        if (-2..<4).contains(exponent) {
            let decimals = max(0, significantDigits - 1 - exponent)
            // More integer digits than significant ones: round the last of them to zero (8439.2 at
            // three digits is 8440), so that no more digits are shown than asked for.
            let place = exponent - significantDigits + 1
            return Self.fixed(place > 0 ? Self.round(value, at: place) : value, decimals: decimals)
        }
        let mantissa = value / Self.power(exponent)
        let rounded = Self.fixed(mantissa, decimals: significantDigits - 1)
        // Rounding may carry the mantissa to 10.0: renormalise.
        if let m = Double(rounded), abs(m) >= 10 {
            return Self.fixed(mantissa / 10, decimals: significantDigits - 1) + " × 10" + Self.superscript(exponent + 1)
        }
        return rounded + " × 10" + Self.superscript(exponent)
    }

    private func withUncertainty(_ value: Double, _ u: Double) -> String {
        // Decimal place of the uncertainty's last kept digit: two digits when the leading one is 1.
        let uDecade = Self.decade(u)
        let leading = Int((u / Self.power(uDecade)).rounded(.down))
        let uDigits = leading == 1 ? 2 : 1
        var lastPlace = uDecade - (uDigits - 1)
        // Rounding the uncertainty can carry to the next decade (e.g. 0.096 -> 0.10).
        let uRounded = (u / Self.power(lastPlace)).rounded() * Self.power(lastPlace)
        if Self.decade(uRounded) > uDecade, uDigits == 1 { lastPlace += 1 }
        let magnitude = max(abs(value), uRounded)
        let exponent = magnitude == 0 ? 0 : Self.decade(magnitude)
        if (-2..<4).contains(exponent) {
            let decimals = max(0, -lastPlace)
            return Self.fixed(Self.round(value, at: lastPlace), decimals: decimals) + " ± "
                + Self.fixed(Self.round(u, at: lastPlace), decimals: decimals)
        }
        let scale = Self.power(exponent)
        let decimals = max(0, exponent - lastPlace)
        let v = Self.fixed(Self.round(value, at: lastPlace) / scale, decimals: decimals)
        let e = Self.fixed(Self.round(u, at: lastPlace) / scale, decimals: decimals)
        return "(\(v) ± \(e)) × 10" + Self.superscript(exponent)
    }

    // MARK: helpers

    static func decade(_ x: Double) -> Int { Int((log10(abs(x))).rounded(.down)) }

    static func power(_ e: Int) -> Double { pow(10, Double(e)) }

    static func round(_ x: Double, at place: Int) -> Double {
        (x / power(place)).rounded() * power(place)
    }

    static func fixed(_ x: Double, decimals: Int) -> String {
        var s = String(format: "%.\(max(0, decimals))f", x)
        if s.hasPrefix("-") {
            // "-0.000" is zero: drop the sign; otherwise use a true minus sign.
            if s.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) { s.removeFirst() } else {
                s = "\u{2212}" + s.dropFirst()
            }
        }
        return s
    }

    /// Unicode superscript digits for an exponent, e.g. -4 -> "⁻⁴" (``Superscript/of(_:)``).
    public static func superscript(_ exponent: Int) -> String { Superscript.of(exponent) }

    static func nonFinite(_ x: Double) -> String {
        x.isNaN ? "NaN" : (x > 0 ? "∞" : "\u{2212}∞")
    }
}
