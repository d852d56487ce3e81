/// Converts the inline Markdown of generated reports into Pango markup for the PDF: `**bold**`,
/// `*italic*` / `_italic_`, `` `code` ``, links `[text](url)` (text kept), and the characters Pango
/// treats as markup (`&`, `<`, `>`) escaped. Inline HTML-like `<sub>`/`<sup>` written by templates
/// is not produced (Markdown hosts strip it), so nothing else needs translating.
enum InlineMarkup {
    /// Pango markup for one line or paragraph of inline Markdown.
    static func pango(_ markdown: String) -> String {
        var out = ""
        var bold = false, italic = false, code = false
        let chars = Array(markdown)
        var i = 0
        func escape(_ c: Character) -> String {
            switch c {
            case "&": return "&amp;"
            case "<": return "&lt;"
            case ">": return "&gt;"
            default: return String(c)
            }
        }
        while i < chars.count {
            let c = chars[i]
            if code {
                if c == "`" { out += "</tt>"; code = false } else { out += escape(c) }
                i += 1
                continue
            }
            switch c {
            case "\\" where i + 1 < chars.count:
                out += escape(chars[i + 1]); i += 2; continue
            case "`":
                out += "<tt>"; code = true
            case "*" where i + 1 < chars.count && chars[i + 1] == "*":
                out += bold ? "</b>" : "<b>"; bold.toggle(); i += 2; continue
            case "*" where Self.isEmphasisDelimiter(chars, i, open: italic),
                 "_" where Self.isEmphasisDelimiter(chars, i, open: italic):
                out += italic ? "</i>" : "<i>"; italic.toggle()
            case "[":
                // [text](url) -> text
                if let close = chars[i...].firstIndex(of: "]"), close + 1 < chars.count, chars[close + 1] == "(",
                   let end = chars[(close + 1)...].firstIndex(of: ")") {
                    out += pango(String(chars[(i + 1)..<close]))
                    i = end + 1
                    continue
                }
                out += "["
            default:
                out += escape(c)
            }
            i += 1
        }
        if code { out += "</tt>" }
        if italic { out += "</i>" }
        if bold { out += "</b>" }
        return out
    }

    /// Whether a single `*` or `_` at `i` opens emphasis (when `open` is false: the next character
    /// is not a space) or closes it (when `open` is true: the previous character is not a space).
    /// An underscore also needs a non-word character on its outer side, so `a_b` stays literal.
    static func isEmphasisDelimiter(_ chars: [Character], _ i: Int, open: Bool) -> Bool {
        let before: Character = i > 0 ? chars[i - 1] : " "
        let after: Character = i + 1 < chars.count ? chars[i + 1] : " "
        let isWord: (Character) -> Bool = { $0.isLetter || $0.isNumber }
        if open {
            return !before.isWhitespace && (chars[i] == "*" || !isWord(after))
        }
        return !after.isWhitespace && (chars[i] == "*" || !isWord(before))
    }

    /// Plain text of inline Markdown (markers removed), for measuring and for the PDF outline.
    static func plain(_ markdown: String) -> String {
        var s = markdown.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "`", with: "")
        s = s.replacingOccurrences(of: "\\|", with: "|")
        return s
    }
}
