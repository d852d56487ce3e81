import Foundation
import InterlinkTestSupport
import Testing
@testable import InterlinkReport

/// Issue 16, item 8: no orphan at a page's foot — a bullet is never left alone without its text,
/// a heading never ends a page, and a lead-in ("The sweep varies:") stays with the first item it
/// introduces. Checked through the text `pdftotext -layout` extracts, with filler pushing the list
/// across every position near the foot of the first page.
@Suite("Typesetting lists without orphans")
struct ListTypesettingTests {
    /// A bullet item of about `words` words whose first and last words are `start<k>` and `end<k>`.
    func item(_ k: Int, words: Int) -> String {
        "- start\(k) " + (0..<words).map { "word\($0 % 10)" }.joined(separator: " ") + " end\(k)"
    }

    /// The body lines of every page (the footer line with the page number dropped).
    func pages(_ markdown: String) throws -> [[String]] {
        let text = try ReportPDFCheck.text(ofPDF: try ReportTypesetter().pdf(markdown: markdown, figures: [:]))
        return text.split(separator: "\u{0C}").map { page in
            let lines = page.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            return Array(lines.dropLast())
        }.filter { !$0.isEmpty }
    }

    @Test("a bullet stays with its text, a heading and a lead-in with the first item, items are not split",
          arguments: [30, 60])
    func noOrphans(itemWords: Int) throws {
        var checkedBreaks = 0
        for filler in stride(from: 20, through: 60, by: 1) {
            var markdown = "# Title\n\n"
            for i in 0..<filler { markdown += "Filler line \(i).\n\n" }
            markdown += "## Limitations\n\nThe sweep varies:\n\n"
            markdown += (0..<4).map { item($0, words: itemWords) }.joined(separator: "\n") + "\n\nThe end.\n"
            let pages = try pages(markdown)
            for (p, lines) in pages.enumerated() {
                let last = try #require(lines.last)
                #expect(last != "•", "filler \(filler): page \(p + 1) ends with a bullet alone")
                #expect(last != "Limitations", "filler \(filler): page \(p + 1) ends with a heading")
                #expect(last != "The sweep varies:", "filler \(filler): page \(p + 1) ends with a lead-in")
                // Every bullet on the page starts its item's text on the same line.
                for line in lines where line.hasPrefix("•") {
                    #expect(line.contains("start"), "filler \(filler): a bullet without its text: \"\(line)\"")
                }
            }
            // Each item (shorter than a page) is set whole on one page.
            for k in 0..<4 {
                let start = pages.firstIndex { $0.contains { $0.contains("start\(k) ") } }
                let end = pages.firstIndex { $0.contains { $0.contains("end\(k)") } }
                #expect(start != nil && start == end, "filler \(filler): item \(k) split across pages")
            }
            if pages.count > 1 { checkedBreaks += 1 }
        }
        // The filler range does push the list over a page break (the test would prove nothing otherwise).
        #expect(checkedBreaks > 10)
    }
}
