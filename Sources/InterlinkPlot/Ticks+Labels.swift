import Foundation

/// Tick labels that identify their ticks.
///
/// Every label reads back closer to its own tick than to either neighbour, and neighbouring labels
/// differ. The digits are the fewest that achieve this, shared along the axis: ticks at 1.8, 1.9 and
/// 2.0 × 10⁻³ read `1.8×10<sup>−3</sup>`, `1.9×10<sup>−3</sup>`, `2.0×10<sup>−3</sup>`, never
/// `2×10<sup>−3</sup>` three times.
extension Ticks {
    /// How one tick value is written.
    private enum Style {
        /// Exactly "0" (the value is zero to within 10⁻⁹ of the step).
        case zero
        /// Fixed-point decimals.
        case plain
        /// `m×10<sup>e</sup>` (`10<sup>e</sup>` alone when the mantissa reads "1").
        case scientific
    }

    /// A label and the number it reads as.
    private struct Written {
        /// Pango markup.
        var text: String
        /// The value a reader takes from `text`.
        var value: Double
    }

    /// Label for `value` on a linear axis whose ticks are `step` apart.
    ///
    /// The value is written with U+2212 for negatives, as many decimals as the step needs, and as
    /// `m×10<sup>e</sup>` when it is very large (≥ 10⁵) or very small (< 10⁻² with a step < 10⁻³); the
    /// mantissa has the fewest digits that keep the label within half a step of the value.
    /// Example: 1.5 × 10⁻³ with step 5 × 10⁻⁴ gives `1.5×10<sup>−3</sup>`.
    public static func label(_ value: Double, step: Double) -> String {
        labels([value], step: step)[0]
    }

    /// Labels for ascending tick `values` on a linear axis whose ticks are `step` apart.
    ///
    /// Each value is written as in ``label(_:step:)``. The decimals of the fixed-point labels (at
    /// least those the step needs) and of the `m×10<sup>e</sup>` mantissas (at least none) are shared
    /// by all ticks, and are the fewest with which every label reads back closer to its own tick than
    /// to a neighbour and neighbouring labels differ.
    /// Example: 1.6, 1.8, 2.0 and 2.2 × 10⁻³ with step 2 × 10⁻⁴ give `1.6×10<sup>−3</sup>`,
    /// `1.8×10<sup>−3</sup>`, `2.0×10<sup>−3</sup>`, `2.2×10<sup>−3</sup>`.
    public static func labels(_ values: [Double], step: Double) -> [String] {
        guard step.isFinite, step != 0 else { return values.map(fallbackLabel) }
        let styles = values.map { style(of: $0, step: step) }
        let basePlain = min(max(0, -Int((log10(abs(step)) + 1e-9).rounded(.down))), 12)
        let plainChoices = styles.contains(.plain) ? basePlain...(basePlain + 8) : basePlain...basePlain
        let mantissaChoices = styles.contains(.scientific) ? 0...16 : 0...0
        var written: [Written] = []
        search: for plain in plainChoices {
            for mantissa in mantissaChoices {
                written = zip(values, styles).map { value, style in
                    write(value, style: style, plainDecimals: plain, mantissaDecimals: mantissa)
                }
                if identifies(written, values, step: step) { break search }
            }
        }
        return written.map(\.text)
    }

    /// Plain label for a positive value on a log axis that spans less than two decades.
    static func plainLabel(_ value: Double) -> String {
        let exponent = Int(log10(value).rounded(.down))
        return label(value, step: pow(10, Double(exponent)))
    }

    /// How `value` is written on an axis with ticks `step` apart (`nil` when it is not finite).
    private static func style(of value: Double, step: Double) -> Style? {
        guard value.isFinite else { return nil }
        let magnitude = abs(value)
        if magnitude < abs(step) * 1e-9 { return .zero }
        return magnitude >= 1e5 || (abs(step) < 1e-3 && magnitude < 1e-2) ? .scientific : .plain
    }

    /// `value` in `style` with the given decimals, and the number the text reads as.
    private static func write(_ value: Double, style: Style?, plainDecimals: Int, mantissaDecimals: Int) -> Written {
        switch style {
        case nil:
            return Written(text: fallbackLabel(value), value: value)
        case .zero:
            return Written(text: "0", value: 0)
        case .plain:
            let text = String(format: "%.\(plainDecimals)f", value)
            return Written(text: text.replacingOccurrences(of: "-", with: minus), value: Double(text) ?? .nan)
        case .scientific:
            // "%e" rounds and normalises the mantissa together: 9.96e-3 with one decimal is 1.0e-02.
            let text = String(format: "%.\(mantissaDecimals)e", value)
            let parts = text.split(separator: "e")
            guard parts.count == 2, let exponent = Int(parts[1]) else {
                return Written(text: fallbackLabel(value), value: value)
            }
            let body = String(parts[0])
            let mantissa = body == "1" ? "" : body.replacingOccurrences(of: "-", with: minus) + "×"
            return Written(text: mantissa + powerOfTen(exponent), value: Double(text) ?? .nan)
        }
    }

    /// Whether every label reads back closer to its own value than to a neighbour (with a margin
    /// of 10⁻⁶ of the gap, so that a label halfway between two ticks does not count) and
    /// neighbouring labels differ. A lone value's neighbours are `step` away.
    private static func identifies(_ written: [Written], _ values: [Double], step: Double) -> Bool {
        for index in values.indices where values[index].isFinite {
            var gap = values.count == 1 ? abs(step) : Double.infinity
            if index > 0, values[index - 1].isFinite {
                gap = min(gap, abs(values[index] - values[index - 1]))
                if written[index].text == written[index - 1].text, values[index] != values[index - 1] { return false }
            }
            if index + 1 < values.count, values[index + 1].isFinite {
                gap = min(gap, abs(values[index + 1] - values[index]))
            }
            guard gap.isFinite, gap > 0 else { continue }
            let error = abs(written[index].value - values[index])
            if !(error < 0.5 * gap * (1 - 1e-6)) { return false }
        }
        return true
    }

    /// Label for a value or step that is not finite (or a zero step): ∞, NaN, or up to 12
    /// significant digits, with a proper minus sign.
    private static func fallbackLabel(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? minus + "∞" : "∞" }
        return String(format: "%.12g", value).replacingOccurrences(of: "-", with: minus)
    }
}
