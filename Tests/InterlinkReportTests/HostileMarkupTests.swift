import InterlinkCore
import InterlinkTestSupport
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import InterlinkReport

/// Whether `markup` parses as XML inside one root element (Pango markup is XML).
func isWellFormed(_ markup: String) -> Bool {
    XMLParser(data: Data("<markup>\(markup)</markup>".utf8)).parse()
}

/// Issue 18, item 2: inline Markdown whose emphasis overlaps (`*a **b* c**`) used to produce
/// crossed tags that crashed the PDF writer; any input must now give well-formed markup.
@Suite("hostile inline markup")
struct HostileMarkupTests {
    @Test("overlapping emphasis closes and reopens tags", arguments: [
        ("*a **b* c**", "<i>a <b>b</b></i><b> c</b>"),
        ("**a *b** c*", "<b>a <i>b</i></b><i> c</i>"),
        ("`a **b` c**", "<tt>a **b</tt> c<b></b>"),
    ])
    func overlapping(input: String, expected: String) {
        #expect(InlineMarkup.pango(input) == expected)
        #expect(isWellFormed(InlineMarkup.pango(input)))
    }

    @Test("seeded random strings of markup characters always give well-formed markup")
    func randomStrings() {
        let alphabet = Array("*_`[]()<>&'\"\\ab \u{1}\u{7f}")
        var state: UInt64 = 18
        for _ in 0..<3_000 {
            var text = ""
            for _ in 0..<Int(state % 24) {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                text.append(alphabet[Int((state >> 33) % UInt64(alphabet.count))])
            }
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let markup = InlineMarkup.pango(text)
            #expect(isWellFormed(markup), "\(text.debugDescription) -> \(markup.debugDescription)")
        }
    }

    @Test("a report paragraph with overlapping emphasis renders to a PDF")
    func rendersPDF() throws {
        let pdf = try ReportTypesetter().pdf(markdown: "# T\n\n*a **b* c** and `x **y` z**\n\n- *1 **2* 3**\n", figures: [:])
        #expect(pdf.starts(with: Array("%PDF".utf8)))
    }
}
