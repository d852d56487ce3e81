/// Unicode superscript digits for exponents in typeset numbers (`× 10⁻⁴`): the one spelling the
/// report formatters, the interval formatter, the preset descriptions and the studies share.
public enum Superscript {
    /// An integer in superscript digits: `-4` → `⁻⁴`, `12` → `¹²`.
    public static func of(_ n: Int) -> String {
        let digits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        return (n < 0 ? "⁻" : "") + String(String(n.magnitude).compactMap { $0.wholeNumberValue.map { digits[$0] } })
    }
}
