/// Numbers a report's figures and tables, resolves cross-references and citations, and collects
/// the cited works into a numbered References section — on the Markdown, so `report.md` and
/// `report.pdf` carry the same numbers.
///
/// Syntax (outside code):
/// - `{#fig:name}` / `{#tab:name}` defines a label where a caption starts; it becomes
///   "Figure N" / "Table N", numbered in order of appearance, separately for figures and tables;
/// - `@fig:name` / `@tab:name` anywhere becomes "Figure N" / "Table N" (before or after the definition);
/// - `[@key]` or `[@key1; @key2]` cites works of the ``Bibliography``; it becomes `[1]`, `[1, 2]`,
///   works numbered in order of first citation;
/// - a line `<!-- references -->` is where the "References" section goes (removed when nothing is
///   cited); without it the section is appended at the end.
///
/// Label names are letters, digits, `-` and `_`. An unknown label, a label defined twice and an
/// unknown citation key are errors naming it.
public enum ReportCrossReferences {
    /// The line that marks where the References section goes.
    public static let referencesMarker = "<!-- references -->"
    /// Heading of the References section.
    public static let referencesHeading = "## References"

    /// Kinds of numbered things.
    enum Kind: String, CaseIterable {
        case fig, tab
        var word: String { self == .fig ? "Figure" : "Table" }
    }

    /// A piece of inline syntax found in the text.
    enum Token: Equatable {
        case definition(Kind, String)
        case reference(Kind, String)
        case citation([String])
    }

    /// `markdown` with labels numbered, references and citations resolved and the References
    /// section in place.
    public static func resolve(_ markdown: String, bibliography: Bibliography) throws -> String {
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let prose = proseMask(lines)
        // Pass 1: numbers for definitions and citations, in order of appearance.
        var numbers: [Kind: [String: Int]] = [.fig: [:], .tab: [:]]
        var cited: [String] = []
        for (line, isProse) in zip(lines, prose) where isProse {
            _ = try rewrite(line) { token in
                switch token {
                case let .definition(kind, name):
                    var labels = numbers[kind] ?? [:]
                    if labels[name] != nil { throw ReportError.duplicateLabel("\(kind.rawValue):\(name)") }
                    labels[name] = labels.count + 1
                    numbers[kind] = labels
                case let .citation(keys):
                    for key in keys where !cited.contains(key) {
                        guard bibliography.entries[key] != nil else {
                            throw ReportError.unknownCitation(key: key, known: bibliography.entries.keys.sorted())
                        }
                        cited.append(key)
                    }
                case .reference:
                    break
                }
                return ""
            }
        }
        // Pass 2: replace.
        var out: [String] = []
        var placed = false
        for (line, isProse) in zip(lines, prose) {
            guard isProse else { out.append(line); continue }
            if line.trimmingCharacters(in: .whitespaces) == referencesMarker {
                if !placed { out += section(cited, bibliography) }
                placed = true
                continue
            }
            out.append(try rewrite(line) { token in
                switch token {
                case let .definition(kind, name), let .reference(kind, name):
                    guard let n = numbers[kind]?[name] else {
                        throw ReportError.unknownLabel("\(kind.rawValue):\(name)",
                                                       known: (numbers[kind] ?? [:]).keys.sorted().map { "\(kind.rawValue):\($0)" })
                    }
                    return "\(kind.word) \(n)"
                case let .citation(keys):
                    let ns = keys.compactMap { cited.firstIndex(of: $0).map { $0 + 1 } }
                    return "[" + Array(Set(ns)).sorted().map(String.init).joined(separator: ", ") + "]"
                }
            })
        }
        if !placed, !cited.isEmpty {
            if out.last?.isEmpty == false { out.append("") }
            out += section(cited, bibliography)
        }
        return out.joined(separator: "\n")
    }

    /// The References section: heading, then one paragraph `[n] entry` per cited work.
    static func section(_ cited: [String], _ bibliography: Bibliography) -> [String] {
        guard !cited.isEmpty else { return [] }
        var lines = [referencesHeading, ""]
        for (index, key) in cited.enumerated() {
            guard let entry = bibliography.entries[key] else { continue }
            lines += ["[\(index + 1)] " + entry.markdown, ""]
        }
        return lines
    }

    /// Which lines are prose (outside fenced code blocks).
    static func proseMask(_ lines: [String]) -> [Bool] {
        var inFence = false
        return lines.map { line in
            if line.trimmingCharacters(in: .whitespaces).hasPrefix("```") {
                inFence.toggle()
                return false
            }
            return !inFence
        }
    }

    /// `line` with every token replaced by `replacement(token)`; code spans are copied unchanged.
    static func rewrite(_ line: String, _ replacement: (Token) throws -> String) throws -> String {
        guard line.contains("@") || line.contains("{#") else { return line }
        let chars = Array(line)
        var out = ""
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "`", let end = chars[(i + 1)...].firstIndex(of: "`") {
                out += String(chars[i...end])
                i = end + 1
                continue
            }
            if let found = token(chars, at: i) {
                out += try replacement(found.token)
                i = found.end
                continue
            }
            out.append(c)
            i += 1
        }
        return out
    }

    /// The token starting at `i` and the index after it, if one starts there.
    static func token(_ chars: [Character], at i: Int) -> (token: Token, end: Int)? {
        // `{#kind:name}`
        if chars[i] == "{", i + 1 < chars.count, chars[i + 1] == "#",
           let found = label(chars, at: i + 2), found.end < chars.count, chars[found.end] == "}" {
            return (.definition(found.kind, found.name), found.end + 1)
        }
        // `@kind:name`, not inside a word or an e-mail address.
        if chars[i] == "@", i == 0 || !(chars[i - 1].isLetter || chars[i - 1].isNumber),
           let found = label(chars, at: i + 1) {
            return (.reference(found.kind, found.name), found.end)
        }
        // `[@key; @key]`
        if chars[i] == "[", i + 1 < chars.count, chars[i + 1] == "@",
           let close = chars[(i + 1)...].firstIndex(of: "]") {
            let body = String(chars[(i + 1)..<close])
            let keys = body.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            if !keys.isEmpty, keys.allSatisfy({ $0.hasPrefix("@") && Bibliography.isCitationKey(String($0.dropFirst())) }) {
                return (.citation(keys.map { String($0.dropFirst()) }), close + 1)
            }
        }
        return nil
    }

    /// `kind:name` at `i`: the kind, the name, and the index after the name.
    static func label(_ chars: [Character], at i: Int) -> (kind: Kind, name: String, end: Int)? {
        for kind in Kind.allCases {
            let prefix = Array(kind.rawValue + ":")
            guard i + prefix.count < chars.count, Array(chars[i..<(i + prefix.count)]) == prefix else { continue }
            var end = i + prefix.count
            while end < chars.count, (chars[end].isASCII && (chars[end].isLetter || chars[end].isNumber)) || chars[end] == "-" || chars[end] == "_" {
                end += 1
            }
            // A trailing hyphen or underscore is punctuation, not part of the name.
            while end > i + prefix.count, chars[end - 1] == "-" || chars[end - 1] == "_" { end -= 1 }
            guard end > i + prefix.count else { return nil }
            return (kind, String(chars[(i + prefix.count)..<end]), end)
        }
        return nil
    }
}
