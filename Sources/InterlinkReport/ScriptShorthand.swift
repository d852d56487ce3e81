/// Rewrites the sub- and superscript shorthands that report templates and captions use into the
/// HTML tags Markdown hosts render (`<sub>`, `<sup>`), so that `report.md` and `report.pdf` show
/// real scripts instead of `_{…}` or `N_add`:
///
/// - `x_{n−1}` → `x<sub>n−1</sub>`, `10^{-4}` → `10<sup>-4</sup>` (any base);
/// - `N_add`, `η_t`, `r_single-click` → `N<sub>add</sub>`, … when the base is a single letter standing
///   alone (not preceded by a letter, digit, `_`, `.` or `\`) and the script is letters and
///   digits (hyphenated words allowed) ending at a non-word character. `fitPoints_422`,
///   `rate_per_s` and `a.b_c` stay literal.
///
/// Code spans (`` `…` ``), link targets (`](…)`) and HTML tags are left untouched.
enum ScriptShorthand {
    /// `text` with every shorthand rewritten as `<sub>`/`<sup>`.
    static func html(_ text: String) -> String {
        guard text.contains("_") || text.contains("^") else { return text }
        let chars = Array(text)
        var out = ""
        var i = 0
        while i < chars.count {
            let c = chars[i]
            switch c {
            case "`":
                // A code span: copy through its closing backtick (or the end).
                let end = chars[(i + 1)...].firstIndex(of: "`") ?? (chars.count - 1)
                out += String(chars[i...end])
                i = end + 1
                continue
            case "<":
                // An HTML tag: copy through `>` when it closes on this text.
                if let end = chars[(i + 1)...].firstIndex(where: { $0 == ">" || $0 == "<" }), chars[end] == ">" {
                    out += String(chars[i...end])
                    i = end + 1
                    continue
                }
            case "]" where i + 1 < chars.count && chars[i + 1] == "(":
                // A link target: copy through its closing parenthesis.
                if let end = chars[(i + 2)...].firstIndex(of: ")") {
                    out += String(chars[i...end])
                    i = end + 1
                    continue
                }
            case "_", "^":
                let tag = c == "_" ? "sub" : "sup"
                if i + 1 < chars.count, chars[i + 1] == "{", i > 0,
                   let close = chars[(i + 2)...].firstIndex(of: "}"), close > i + 2 {
                    out += "<\(tag)>" + html(String(chars[(i + 2)..<close])) + "</\(tag)>"
                    i = close + 1
                    continue
                }
                if c == "_", let end = bareScriptEnd(chars, underscore: i) {
                    out += "<sub>" + String(chars[(i + 1)..<end]) + "</sub>"
                    i = end
                    continue
                }
            default:
                break
            }
            out.append(c)
            i += 1
        }
        return out
    }

    /// The end (exclusive) of a bare subscript `B_word` whose underscore is at `i`, or nil when the
    /// underscore is not one (see the type's rules).
    static func bareScriptEnd(_ chars: [Character], underscore i: Int) -> Int? {
        func isWord(_ c: Character) -> Bool { c.isLetter || c.isNumber }
        guard i >= 1, chars[i - 1].isLetter else { return nil }
        if i >= 2 {
            let before = chars[i - 2]
            if isWord(before) || "_.\\".contains(before) { return nil }
        }
        var end = i + 1
        while end < chars.count {
            if isWord(chars[end]) {
                end += 1
            } else if chars[end] == "-", end > i + 1, end + 1 < chars.count, chars[end + 1].isLetter {
                end += 1
            } else {
                break
            }
        }
        guard end > i + 1 else { return nil }
        if end < chars.count, chars[end] == "_" { return nil }
        return end
    }
}
