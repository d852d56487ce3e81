/// Converts the inline Markdown of generated reports into Pango markup for the PDF: `**bold**`,
/// `*italic*` / `_italic_`, `` `code` `` (monospace), links `[text](url)` (text kept), the inline
/// HTML tags Markdown hosts render (`<sub>`, `<sup>`, `<i>`, `<em>`, `<b>`, `<strong>`, `<code>`),
/// the script shorthands of ``ScriptShorthand`` (`x_{n}`, `10^{-4}`, `N_add`), and every other
/// character Pango treats as markup (`&`, `<`, `>`) escaped.
enum InlineMarkup {
    /// Inline HTML tags understood, with the Pango tag each becomes.
    static let htmlTags: [String: String] = [
        "sub": "sub", "sup": "sup", "i": "i", "em": "i", "b": "b", "strong": "b", "code": "tt",
    ]

    /// Pango markup for one line or paragraph of inline Markdown. The result is always
    /// well-formed markup for any input: tags are kept on a stack, so closing a tag that is not
    /// the innermost one (`*a **b* c**`) closes the inner ones and reopens them after it;
    /// unclosed tags are closed at the end; `&`, `<`, `>`, quotes and control characters are escaped
    /// or dropped (Pango's XML parser rejects them).
    static func pango(_ markdown: String) -> String {
        var out = ""
        var open: [String] = []   // innermost last: "b", "i", "tt", "sub", "sup"
        let chars = Array(ScriptShorthand.html(markdown))
        var i = 0
        func close(_ position: Int) {
            let inner = open[(position + 1)...]
            for t in inner.reversed() { out += "</\(t)>" }
            out += "</\(open[position])>"
            for t in inner { out += "<\(t)>" }
            open.remove(at: position)
        }
        func toggle(_ tag: String) {
            guard let position = open.lastIndex(of: tag) else {
                out += "<\(tag)>"
                open.append(tag)
                return
            }
            close(position)
        }
        while i < chars.count {
            let c = chars[i]
            if open.last == "tt" {
                if c == "`" {
                    toggle("tt")
                } else if let html = Self.htmlTag(chars, i), html.tag == "tt", !html.opening {
                    toggle("tt")
                    i += html.length
                    continue
                } else {
                    out += escape(c)
                }
                i += 1
                continue
            }
            let italic = open.contains("i")
            switch c {
            case "<":
                guard let html = Self.htmlTag(chars, i) else {
                    out += escape(c)
                    break
                }
                if html.opening {
                    out += "<\(html.tag)>"
                    open.append(html.tag)
                } else if let position = open.lastIndex(of: html.tag) {
                    close(position)
                }
                i += html.length
                continue
            case "\\" where i + 1 < chars.count:
                out += escape(chars[i + 1]); i += 2; continue
            case "`":
                toggle("tt")
            case "*" where i + 1 < chars.count && chars[i + 1] == "*":
                toggle("b"); i += 2; continue
            case "*" where Self.isEmphasisDelimiter(chars, i, open: italic),
                 "_" where Self.isEmphasisDelimiter(chars, i, open: italic):
                toggle("i")
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
        for t in open.reversed() { out += "</\(t)>" }
        return out
    }

    /// The inline HTML tag starting at `i` (`<sub>`, `</em>`, …): its Pango tag, whether it opens,
    /// and its length in characters; nil when there is none.
    static func htmlTag(_ chars: [Character], _ i: Int) -> (tag: String, opening: Bool, length: Int)? {
        guard chars[i] == "<", let end = chars[(i + 1)...].prefix(9).firstIndex(of: ">") else { return nil }
        var name = String(chars[(i + 1)..<end]).lowercased()
        let opening = !name.hasPrefix("/")
        if !opening { name.removeFirst() }
        guard let tag = htmlTags[name] else { return nil }
        return (tag, opening, end - i + 1)
    }

    /// One character as Pango (XML) text: markup characters as entities, control characters
    /// other than tab and newline dropped.
    static func escape(_ c: Character) -> String {
        switch c {
        case "&": return "&amp;"
        case "<": return "&lt;"
        case ">": return "&gt;"
        case "'": return "&apos;"
        case "\"": return "&quot;"
        case "\t", "\n": return String(c)
        default:
            if c.unicodeScalars.contains(where: { ($0.value < 0x20) || $0.value == 0x7F || (0xFFFE...0xFFFF).contains($0.value) }) {
                return ""
            }
            return String(c)
        }
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
