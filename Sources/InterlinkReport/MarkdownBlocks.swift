/// The block structure of a generated Markdown report, read back so the PDF report is typeset from
/// exactly the same content as `report.md`.
///
/// Only the subset the report templates produce is understood: ATX headings, paragraphs, bullet
/// lists, pipe tables (GitHub Flavored Markdown spec, §4.10), images on a line of their own, fenced
/// code blocks and thematic breaks. Anything else is kept as a paragraph, so no text is ever lost.
package enum MarkdownBlock: Sendable, Equatable {
    /// `#`…`######` heading with its level (1–6) and text.
    case heading(level: Int, text: String)
    /// A paragraph; lines are joined with spaces.
    case paragraph(String)
    /// A bullet list, one string per item.
    case bulletList([String])
    /// A pipe table: header cells, alignment per column, body rows.
    case table(header: [String], alignments: [ColumnAlignment], rows: [[String]])
    /// An image alone on its line: `![caption](path)`.
    case image(caption: String, path: String)
    /// A fenced code block.
    case code(String)
    /// A thematic break (`---`).
    case rule

    /// Column alignment from a table's delimiter row (`:--`, `:-:`, `--:`).
    public enum ColumnAlignment: Sendable, Equatable {
        case left, center, right
    }

    /// Parses Markdown text into blocks.
    public static func parse(_ markdown: String) -> [MarkdownBlock] {
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var blocks: [MarkdownBlock] = []
        var paragraph: [String] = []
        var i = 0
        func flush() {
            if !paragraph.isEmpty {
                blocks.append(.paragraph(paragraph.joined(separator: " ")))
                paragraph = []
            }
        }
        while i < lines.count {
            let line = lines[i]
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { flush(); i += 1; continue }
            if trimmed.hasPrefix("```") {
                flush()
                var body: [String] = []
                i += 1
                while i < lines.count, !lines[i].trimmingCharacters(in: .whitespaces).hasPrefix("```") {
                    body.append(lines[i]); i += 1
                }
                blocks.append(.code(body.joined(separator: "\n")))
                i += 1
                continue
            }
            if let heading = Self.heading(trimmed) { flush(); blocks.append(heading); i += 1; continue }
            if trimmed == "---" || trimmed == "***" { flush(); blocks.append(.rule); i += 1; continue }
            if let image = Self.image(trimmed) { flush(); blocks.append(image); i += 1; continue }
            if trimmed.hasPrefix("|"), i + 1 < lines.count,
               let alignments = Self.delimiterRow(lines[i + 1]) {
                flush()
                let header = Self.cells(trimmed)
                var rows: [[String]] = []
                i += 2
                while i < lines.count, lines[i].trimmingCharacters(in: .whitespaces).hasPrefix("|") {
                    rows.append(Self.cells(lines[i].trimmingCharacters(in: .whitespaces))); i += 1
                }
                blocks.append(.table(header: header, alignments: alignments, rows: rows))
                continue
            }
            if trimmed.hasPrefix("- ") || trimmed.hasPrefix("* ") {
                flush()
                var items: [String] = []
                while i < lines.count {
                    let t = lines[i].trimmingCharacters(in: .whitespaces)
                    if t.hasPrefix("- ") || t.hasPrefix("* ") {
                        items.append(String(t.dropFirst(2)))
                    } else if !t.isEmpty, lines[i].hasPrefix("  "), !items.isEmpty {
                        items[items.count - 1] += " " + t   // continuation line
                    } else { break }
                    i += 1
                }
                blocks.append(.bulletList(items))
                continue
            }
            paragraph.append(trimmed)
            i += 1
        }
        flush()
        return blocks
    }

    static func heading(_ line: String) -> MarkdownBlock? {
        let hashes = line.prefix(while: { $0 == "#" }).count
        guard (1...6).contains(hashes), line.dropFirst(hashes).first == " " else { return nil }
        return .heading(level: hashes, text: line.dropFirst(hashes + 1).trimmingCharacters(in: .whitespaces))
    }

    static func image(_ line: String) -> MarkdownBlock? {
        guard line.hasPrefix("!["), line.hasSuffix(")"),
              let mid = line.range(of: "](") else { return nil }
        let caption = String(line[line.index(line.startIndex, offsetBy: 2)..<mid.lowerBound])
        let path = String(line[mid.upperBound..<line.index(before: line.endIndex)])
        guard !path.contains(" ") else { return nil }
        return .image(caption: caption, path: path)
    }

    static func cells(_ row: String) -> [String] {
        var body = Substring(row)
        if body.hasPrefix("|") { body = body.dropFirst() }
        if body.hasSuffix("|") && !body.hasSuffix("\\|") { body = body.dropLast() }
        var cells: [String] = []
        var current = ""
        var escaped = false
        for ch in body {
            if escaped { current.append(ch); escaped = false; continue }
            if ch == "\\" { escaped = true; continue }
            if ch == "|" { cells.append(current.trimmingCharacters(in: .whitespaces)); current = ""; continue }
            current.append(ch)
        }
        cells.append(current.trimmingCharacters(in: .whitespaces))
        return cells
    }

    static func delimiterRow(_ line: String) -> [ColumnAlignment]? {
        let t = line.trimmingCharacters(in: .whitespaces)
        guard t.hasPrefix("|") else { return nil }
        let parts = cells(t)
        var out: [ColumnAlignment] = []
        for p in parts {
            guard !p.isEmpty, p.allSatisfy({ $0 == "-" || $0 == ":" }), p.contains("-") else { return nil }
            switch (p.hasPrefix(":"), p.hasSuffix(":")) {
            case (true, true): out.append(.center)
            case (false, true): out.append(.right)
            default: out.append(.left)
            }
        }
        return out
    }
}
