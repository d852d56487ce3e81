import Foundation
import InterlinkPlot
import InterlinkTestSupport
import Testing
@testable import InterlinkReport

/// Issue 15, item 6: tables set like a journal's and headings kept with what follows, checked
/// through the text `pdftotext -layout` extracts from the PDF.
@Suite("Typesetting tables and headings")
struct TableTypesettingTests {
    /// A table of `columns` numeric columns with long values and multi-word headers.
    func wideTable(columns: Int, rows: Int) -> String {
        var lines = ["| Configuration name | " + (1..<columns).map { "Transmission efficiency \($0) (dB/km)" }.joined(separator: " | ") + " |"]
        lines.append("|:--|" + String(repeating: "--:|", count: columns - 1))
        for r in 0..<rows {
            lines.append("| ion–atom link \(r) | " + (1..<columns).map { "(\(r + 1).\($0)23 ± 0.0\($0)4) × 10⁻\($0)" }
                .joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n")
    }

    func pdfText(_ markdown: String) throws -> String {
        try ReportPDFCheck.text(ofPDF: try ReportTypesetter().pdf(markdown: markdown, figures: [:]))
    }

    @Test("a table that fits keeps every number and header word whole at the normal size")
    func narrowTable() throws {
        let markdown = "# T\n\n" + wideTable(columns: 3, rows: 4) + "\n"
        let problems = ReportPDFCheck.problems(markdown: markdown, pdfText: try pdfText(markdown), bibliography: false)
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test("a wide table shrinks, then splits by columns repeating the key column; no number splits", arguments: [5, 8, 14])
    func wideTables(columns: Int) throws {
        let markdown = "# T\n\n" + wideTable(columns: columns, rows: 6) + "\n"
        let text = try pdfText(markdown)
        let problems = ReportPDFCheck.problems(markdown: markdown, pdfText: text, bibliography: false)
        #expect(problems.isEmpty, "\(problems)")
        // Every hyphen on the page comes from the text itself (none inserted by line breaking).
        #expect(!text.contains("Transmis-") && !text.contains("Configura-") && !text.contains("efficien-"))
    }

    @Test("the plan: normal size when the unbreakable pieces fit, never below the floor, parts repeat column 0")
    func plan() throws {
        let setter = ReportTypesetter()
        var checked = 0
        _ = try PageComposer.renderPDF(size: .a4) { composer in
            let width = composer.pageWidth - 2 * setter.margin
            for columns in [3, 6, 14] {
                guard case let .table(header, alignments, rows) = MarkdownBlock.parse(wideTable(columns: columns, rows: 3))[0]
                else { continue }
                let plan = try TablePlan(header: header, alignments: alignments, rows: rows, composer: composer,
                                         setter: setter, width: width)
                #expect(plan.size >= setter.bodySize * TablePlan.minimumScale - 1e-9)
                #expect(plan.size <= setter.bodySize * TablePlan.normalScale + 1e-9)
                #expect(Set(plan.parts.flatMap(\.columns)) == Set(0..<columns))
                for part in plan.parts {
                    #expect(part.columns.first == 0)
                    #expect(part.width <= width + 1e-6)
                    // A numeric cell is never wrapped: its one-line width fits its column.
                    for (k, c) in part.columns.enumerated() where c > 0 {
                        for row in plan.cells {
                            #expect(try composer.measure(row[c].oneLine, size: plan.size).width <= part.widths[k] - 2 * plan.pad + 0.02)
                        }
                    }
                }
                if columns == 3 { #expect(plan.parts.count == 1 && plan.size == setter.bodySize * TablePlan.normalScale) }
                if columns == 14 { #expect(plan.parts.count > 1 && abs(plan.size - setter.bodySize * TablePlan.minimumScale) < 1e-9) }
                checked += 1
            }
        }
        #expect(checked == 3)
    }

    @Test("cell words: breaks only at spaces outside tags, tags reopened and closed on every line")
    func cellWords() throws {
        let cell = TableCellText("<span font_family=\"monospace\">a b</span> c–d <i>e</i>", breakable: true)
        #expect(cell.words.map(\.raw) == ["<span font_family=\"monospace\">a", "b</span>", "c–d", "<i>e</i>"])
        #expect(cell.line(1..<3) == "<span font_family=\"monospace\">b</span> c–d")
        #expect(cell.line(0..<1) == "<span font_family=\"monospace\">a</span>")
        #expect(TableCellText("1.0 ± 0.2", breakable: false).words.count == 1)
        // Greedy breaking with a width counted in characters of plain text.
        let plain = TableCellText("aa bb cc dddddd e", breakable: true)
        let wrapped = try plain.wrapped(width: 5) { Double($0.count) }
        #expect(wrapped == "aa bb\ncc\ndddddd\ne")
    }

    @Test("unbreakable pieces wider than a narrow column never abort Pango", arguments: [6, 12, 20])
    func unbreakablePiecesInNarrowColumns(columns: Int) throws {
        var lines = ["| " + (0..<columns).map { "<i>η</i><sub>t</sub>-limited_reach/route–\($0)" }.joined(separator: " | ") + " |"]
        lines.append("|" + String(repeating: "--:|", count: columns))
        lines.append("| " + (0..<columns).map { "1.234(5)×10⁻⁶–9.876(5)×10⁻³ \($0)" }.joined(separator: " | ") + " |")
        let text = try pdfText("# T\n\n" + lines.joined(separator: "\n") + "\n")
        #expect(text.contains("limited"))
    }

    @Test("the key columns of a split table: labels and counts after the first, within the width limit")
    func keyColumns() {
        let rows = [["transmon", "1", "7", "1356 ± 6", "0.83"], ["ion", "0", "8", "5842 ± 8", "0.91"]]
        let widths = [50.0, 20, 20, 60, 40]
        #expect(TablePlan.keyColumns(rows: rows, count: 5, widths: widths, limit: 200) == [0, 1, 2])
        #expect(TablePlan.keyColumns(rows: rows, count: 5, widths: widths, limit: 75) == [0, 1])
        #expect(TablePlan.keyColumns(rows: [["a", "0.5"], ["b", "1"]], count: 2, widths: [10, 10], limit: 100) == [0])
    }

    @Test("a heading is never the last line of a page, wherever the filler puts it")
    func headingsKeptWithNext() throws {
        for filler in stride(from: 30, through: 62, by: 2) {
            var markdown = "# Title\n\n"
            for i in 0..<filler { markdown += "Filler line \(i).\n\n" }
            markdown += "## Tables\n\n**Table 1.** The caption.\n\n" + wideTable(columns: 3, rows: 12) + "\n\n## Last words\n\nThe end.\n"
            let pages = try pdfText(markdown).split(separator: "\u{0C}")
            for page in pages {
                // The last line is the footer (page number); the one above it is the last of the body.
                let lines = page.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                guard lines.count >= 2 else { continue }
                let last = lines[lines.count - 2]
                #expect(last != "Tables" && last != "Last words" && !last.hasPrefix("Table 1."),
                        "filler \(filler): page ends with \"\(last)\"")
            }
        }
    }
}
