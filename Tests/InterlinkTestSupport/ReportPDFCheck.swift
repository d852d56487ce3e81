import Foundation
import InterlinkReport

/// Checks a typeset report the way a reader would: through the text `pdftotext -layout` (poppler)
/// extracts from the PDF, against the Markdown it was typeset from (issue 15, item 6).
public enum ReportPDFCheck {
    /// Inline markup that must never reach the page literally.
    public static let rawMarkup = ["<sub>", "<sup>", "</sub>", "</sup>", "_{", "^{", "**"]

    /// The text of `pdf` as `pdftotext -layout` gives it; pages are separated by form feeds.
    public static func text(ofPDF pdf: [UInt8]) throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("interlink-pdftext-\(UUID().uuidString).pdf")
        try Data(pdf).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        return try text(ofPDFAt: file)
    }

    /// The text of the PDF file at `url` (`pdftotext -layout url -`).
    public static func text(ofPDFAt url: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/pdftotext")
        process.arguments = ["-layout", "-enc", "UTF-8", url.path, "-"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSFilePathErrorKey: url.path])
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// `line` with runs of spaces collapsed to one and the ends trimmed.
    static func normalized(_ line: Substring) -> String {
        line.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }

    /// Plain text of a table cell as it should appear on the page (Markdown and HTML markers removed).
    static func plain(_ cell: String) -> String {
        var text = cell
        for marker in ["**", "`", "<sub>", "</sub>", "<sup>", "</sup>", "<i>", "</i>", "<b>", "</b>"] {
            text = text.replacingOccurrences(of: marker, with: "")
        }
        return normalized(Substring(text))
    }

    /// Every problem found, one line each (empty when the report reads as typeset):
    /// raw inline markup or a bare `N_add`-style shorthand on the page; a number of a table cell
    /// (right-aligned column) not found whole on one line; a header word not found whole (it was
    /// hyphenated or split); no "References" heading followed by a `[1]` entry (when
    /// `bibliography`).
    public static func problems(markdown: String, pdfText: String, bibliography: Bool = true) -> [String] {
        var problems: [String] = []
        let lines = pdfText.split(whereSeparator: { $0 == "\n" || $0 == "\u{0C}" }).map(normalized)
        for (number, line) in lines.enumerated() {
            for token in rawMarkup where line.contains(token) {
                problems.append("raw \(token) on the page: \(line)")
            }
            if line.range(of: #"(^|[^\p{L}\p{N}_.\\])\p{L}_[\p{L}\p{N}]"#, options: .regularExpression) != nil {
                problems.append("literal subscript shorthand on the page (line \(number + 1)): \(line)")
            }
        }
        let pageText = lines.joined(separator: "\n")
        for case let .table(header, alignments, rows) in MarkdownBlock.parse(markdown) {
            for row in rows {
                for (c, cell) in row.enumerated() where c < alignments.count && alignments[c] == .right {
                    let text = plain(cell)
                    if text.isEmpty || text == "—" { continue }
                    if !lines.contains(where: { $0.contains(text) }) {
                        problems.append("table number \"\(text)\" (column \"\(plain(header[c]))\") is not whole on one line")
                    }
                }
            }
            for cell in header {
                for word in plain(cell).split(separator: " ") where word.count >= 4 {
                    if !pageText.contains(word) {
                        problems.append("table header word \"\(word)\" is split or hyphenated")
                    }
                }
            }
        }
        if bibliography {
            guard let heading = lines.firstIndex(of: "References") else {
                problems.append("no References section")
                return problems
            }
            if !lines[heading...].contains(where: { $0.hasPrefix("[1] ") }) {
                problems.append("the References section has no [1] entry")
            }
        }
        return problems
    }
}
