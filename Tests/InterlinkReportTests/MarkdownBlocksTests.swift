import Testing
@testable import InterlinkReport

@Suite("Reading generated Markdown back into blocks")
struct MarkdownBlocksTests {
    @Test("headings, paragraphs, lists, images, tables and code are recognised")
    func blocks() {
        let md = """
        # Title

        First line
        continues here.

        - one
        - two
          wrapped

        ![Rate versus length](figures/rate.svg)

        | L (km) | rate (s⁻¹) |
        |:--|--:|
        | 0 | 1.5 |
        | 10 | a \\| b |

        ```
        code
        ```
        ---
        """
        #expect(MarkdownBlock.parse(md) == [
            .heading(level: 1, text: "Title"),
            .paragraph("First line continues here."),
            .bulletList(["one", "two wrapped"]),
            .image(caption: "Rate versus length", path: "figures/rate.svg"),
            .table(header: ["L (km)", "rate (s⁻¹)"], alignments: [.left, .right], rows: [["0", "1.5"], ["10", "a | b"]]),
            .code("code"),
            .rule,
        ])
    }

    @Test("a line starting with a pipe but without a delimiter row stays a paragraph")
    func notATable() {
        #expect(MarkdownBlock.parse("| not a table\nnext") == [.paragraph("| not a table next")])
    }
}
