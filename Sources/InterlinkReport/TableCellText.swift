import InterlinkPlot

/// The Pango markup of one table cell, split into the words between which a line may break.
///
/// Table cells are broken into lines here, not by Pango: a cell breaks only at a space outside
/// markup tags (or, for a numeric cell, nowhere), and the chosen breaks become newlines in the
/// markup. Pango then only draws lines that already fit. (Switching Pango's own break
/// opportunities off with `allow_breaks="false"` instead makes Pango 1.50 abort in `process_line`
/// when such a piece is wider than the layout.)
struct TableCellText: Sendable, Equatable {
    /// One unbreakable piece of the markup.
    struct Word: Sendable, Equatable {
        /// The markup of the word as it appears in the cell (tags may open or close inside it).
        var raw: String
        /// Opening tags in force where the word starts, outermost first.
        var openBefore: [String]
        /// Names of the tags still open where the word ends, outermost first.
        var openAfter: [String]
    }

    /// The words, in order.
    let words: [Word]

    /// Splits `markup` at spaces outside tags (`breakable`), or keeps it whole.
    init(_ markup: String, breakable: Bool) {
        var words: [Word] = []
        var stack: [(name: String, opening: String)] = []
        var current = ""
        var openBefore: [String] = []
        var tag = ""
        var inTag = false
        func finish() {
            if !current.isEmpty {
                words.append(Word(raw: current, openBefore: openBefore, openAfter: stack.map(\.name)))
            }
            current = ""
            openBefore = stack.map(\.opening)
        }
        for c in markup {
            if inTag {
                tag.append(c)
                current.append(c)
                if c == ">" {
                    inTag = false
                    let body = tag.dropFirst().dropLast()
                    if body.hasPrefix("/") {
                        if !stack.isEmpty { stack.removeLast() }
                    } else if !body.hasSuffix("/") {
                        let name = String(body.prefix { $0 != " " })
                        stack.append((name, tag))
                    }
                }
            } else if c == "<" {
                inTag = true
                tag = "<"
                current.append(c)
            } else if breakable, c == " " {
                finish()
            } else {
                current.append(c)
            }
        }
        finish()
        self.words = words.isEmpty ? [Word(raw: "", openBefore: [], openAfter: [])] : words
    }

    /// Valid markup of `words[range]` on one line: tags open at its start reopened, tags open at
    /// its end closed.
    func line(_ range: Range<Int>) -> String {
        let first = words[range.lowerBound], last = words[range.upperBound - 1]
        return first.openBefore.joined() + words[range].map(\.raw).joined(separator: " ")
            + last.openAfter.reversed().map { "</\($0)>" }.joined()
    }

    /// The whole cell on one line.
    var oneLine: String { line(0..<words.count) }

    /// The markup of every word on its own, for the widest unbreakable piece.
    var pieces: [String] { words.indices.map { line($0..<($0 + 1)) } }

    /// The cell broken greedily into lines no wider than `width` (a word wider than that gets a line
    /// of its own), joined by newlines; `measure` gives the width of one line of markup.
    func wrapped(width: Double, measure: (String) throws -> Double) throws -> String {
        var lines: [String] = []
        var start = 0
        while start < words.count {
            var end = start + 1
            var text = line(start..<end)
            while end < words.count {
                let longer = line(start..<(end + 1))
                guard try measure(longer) <= width else { break }
                text = longer
                end += 1
            }
            lines.append(text)
            start = end
        }
        return lines.joined(separator: "\n")
    }
}
