import Foundation
import InterlinkTestSupport
import Testing
@testable import InterlinkReport

/// A bullet item that moves to the next page takes its bullet with it (no orphan "•" at a page's foot).
@Suite("Typesetting bullet lists across page breaks")
struct BulletListPageBreakTests {
    @Test("no page ends with a bullet whose item went to the next page, wherever the list meets the foot")
    func bulletStaysWithItem() throws {
        let item = "- **Item.** " + String(repeating: "A sentence long enough to wrap over several lines of the page. ", count: 6)
        var checked = 0
        for filler in stride(from: 30, through: 52, by: 2) {
            let paragraphs = (0..<filler).map { "Filler paragraph \($0) of one line." }.joined(separator: "\n\n")
            let markdown = "# T\n\n" + paragraphs + "\n\n" + Array(repeating: item, count: 4).joined(separator: "\n") + "\n"
            let text = try ReportPDFCheck.text(ofPDF: try ReportTypesetter().pdf(markdown: markdown, figures: [:]))
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: CharacterSet.whitespaces.union(CharacterSet(charactersIn: "\u{0C}"))) }
            #expect(!lines.contains("•"), "an orphan bullet with \(filler) filler paragraphs")
            #expect(lines.filter { $0.hasPrefix("• Item.") }.count == 4, "every item keeps its bullet (\(filler))")
            checked += 1
        }
        #expect(checked == 12)
    }
}
