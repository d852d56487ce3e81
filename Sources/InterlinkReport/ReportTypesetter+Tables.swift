import InterlinkPlot

/// How a pipe table is set: font size, column groups and widths, cell markup, row heights.
///
/// Rules, in order (a journal's, not a browser's):
/// 1. Cells wrap only at spaces (``TableCellText`` chooses the breaks, not Pango), so a header is never
///    hyphenated and never broken after `-`, `/` or `–`.
/// 2. A cell of a right-aligned (numeric) column never wraps at all: `0.1800 ± 0.0004` stays on one line.
/// 3. Columns get their natural (one-line) width when the table fits the text width; otherwise each
///    gets at least its widest unbreakable piece and the rest of the width in proportion to what it
///    would need on one line.
/// 4. When even the unbreakable pieces do not fit, the font shrinks, down to ``minimumScale`` of the
///    body size.
/// 5. When they still do not fit, the table is split by columns into parts set one after the other,
///    each repeating the key columns that identify a row (``keyColumns(rows:count:widths:limit:)``).
struct TablePlan {
    /// One group of columns set as a table of its own.
    struct Part {
        /// Indices of the source columns, in order (the key column first).
        var columns: [Int]
        /// Width of each of those columns, padding included.
        var widths: [Double]
        /// Height of the header row.
        var headerHeight: Double
        /// Height of every body row.
        var rowHeights: [Double]
        /// Header cells of these columns, broken into lines for their widths.
        var header: [String]
        /// Body cells of these columns, broken into lines for their widths.
        var rows: [[String]]
        /// Sum of the widths.
        var width: Double { widths.reduce(0, +) }
    }

    /// Size of table text relative to the body size.
    static let normalScale = 0.85
    /// Smallest size of table text relative to the body size.
    static let minimumScale = 0.65

    /// Font size of the table's text in points.
    let size: Double
    /// Horizontal padding of a cell on each side.
    var pad: Double { size * 0.6 }
    /// Header cells as Pango markup, split into words.
    let header: [TableCellText]
    /// Body cells as Pango markup split into words (rows padded to the header's column count).
    let cells: [[TableCellText]]
    /// Alignment of each column.
    let alignments: [TextAlignment]
    /// The column groups, one part unless the table is split.
    let parts: [Part]

    /// Height of the first part's header row.
    var headerHeight: Double { parts.first?.headerHeight ?? 0 }
    /// Heights of the first part's body rows.
    var rowHeights: [Double] { parts.first?.rowHeights ?? [] }

    init(header rawHeader: [String], alignments rawAlignments: [MarkdownBlock.ColumnAlignment], rows: [[String]],
         composer: PageComposer, setter: ReportTypesetter, width: Double) throws {
        let count = rawHeader.count
        let alignments: [TextAlignment] = (0..<count).map { c in
            switch c < rawAlignments.count ? rawAlignments[c] : .left {
            case .left: return .left
            case .center: return .center
            case .right: return .right
            }
        }
        let header = rawHeader.map { TableCellText(InlineMarkup.pango($0), breakable: true) }
        let cells = rows.map { row in
            (0..<count).map { c in
                TableCellText(InlineMarkup.pango(c < row.count ? row[c] : ""), breakable: alignments[c] != .right)
            }
        }
        // Natural and minimum widths (text only) at the normal size; both scale with the font size.
        func measureWidths(at size: Double) throws -> (natural: [Double], minimum: [Double]) {
            var natural = [Double](repeating: 0, count: count)
            var minimum = [Double](repeating: 0, count: count)
            for c in 0..<count {
                natural[c] = try composer.measure(header[c].oneLine, size: size, bold: true).width
                for piece in header[c].pieces {
                    minimum[c] = max(minimum[c], try composer.measure(piece, size: size, bold: true).width)
                }
                for row in cells {
                    natural[c] = max(natural[c], try composer.measure(row[c].oneLine, size: size).width)
                    for piece in row[c].pieces {
                        minimum[c] = max(minimum[c], try composer.measure(piece, size: size).width)
                    }
                }
            }
            return (natural, minimum)
        }
        let body = setter.bodySize
        var size = body * Self.normalScale
        var measured = try measureWidths(at: size)
        let padding = 2 * 0.6 * Double(count)   // per point of font size
        let needed = measured.minimum.reduce(0, +) + padding * size
        if needed > width {
            // Shrink so that the unbreakable pieces fit (widths are proportional to the size),
            // 1 % under to absorb rounding, but not below the floor.
            size = max(body * Self.minimumScale, size * width / needed * 0.99)
            measured = try measureWidths(at: size)
        }
        self.size = size
        self.header = header
        self.cells = cells
        self.alignments = alignments
        let pad = size * 0.6
        // Column groups: everything, or the key column plus as many as fit, repeatedly.
        var groups: [[Int]] = []
        if measured.minimum.reduce(0, +) + 2 * pad * Double(count) <= width || count < 2 {
            groups = [Array(0..<count)]
        } else {
            let keyColumns = Self.keyColumns(rows: rows, count: count, widths: measured.minimum.map { $0 + 2 * pad },
                                             limit: 0.4 * width)
            let key = keyColumns.map { measured.minimum[$0] + 2 * pad }.reduce(0, +)
            var current = keyColumns
            var used = key
            for c in keyColumns.count..<count {
                let w = measured.minimum[c] + 2 * pad
                if used + w > width, current.count > keyColumns.count {
                    groups.append(current)
                    current = keyColumns
                    used = key
                }
                current.append(c)
                used += w
            }
            groups.append(current)
        }
        var parts: [Part] = []
        for group in groups {
            let natural = group.map { measured.natural[$0] + 2 * pad }
            let minimum = group.map { measured.minimum[$0] + 2 * pad }
            let widths: [Double]
            let totalNatural = natural.reduce(0, +)
            let totalMinimum = minimum.reduce(0, +)
            if totalNatural <= width {
                widths = natural
            } else if totalMinimum < width {
                let share = (width - totalMinimum) / (totalNatural - totalMinimum)
                widths = zip(minimum, natural).map { $0 + ($1 - $0) * share }
            } else {
                widths = minimum   // a single column wider than the page: set it as it is
            }
            func lines(_ row: [TableCellText], bold: Bool) throws -> (markup: [String], height: Double) {
                var h = 0.0
                var markup: [String] = []
                for (k, c) in group.enumerated() {
                    let text = try row[c].wrapped(width: widths[k] - 2 * pad + 0.01) {
                        try composer.measure($0, size: size, bold: bold).width
                    }
                    markup.append(text)
                    h = max(h, try composer.measure(text, size: size, bold: bold).height)
                }
                return (markup, h + pad * 0.6)
            }
            let headerLines = try lines(header, bold: true)
            let rowLines = try cells.map { try lines($0, bold: false) }
            parts.append(Part(columns: group, widths: widths, headerHeight: headerLines.height,
                              rowHeights: rowLines.map(\.height), header: headerLines.markup, rows: rowLines.map(\.markup)))
        }
        self.parts = parts
    }

    /// The columns that identify a row, repeated in every part of a split table: the first column,
    /// and the ones after it while their cells are labels or counts (no `±`, `×` or decimal point)
    /// and all of them together take at most `limit` of the width.
    static func keyColumns(rows: [[String]], count: Int, widths: [Double], limit: Double) -> [Int] {
        var key = [0]
        var used = widths[0]
        for c in 1..<max(count - 1, 1) {
            let isLabel = rows.allSatisfy { row in
                let cell = c < row.count ? row[c] : ""
                return !cell.contains("±") && !cell.contains("×") && !cell.contains(".")
            }
            guard isLabel, used + widths[c] <= limit else { break }
            key.append(c)
            used += widths[c]
        }
        return key
    }
}

extension LayoutState {
    /// A table with booktabs rules, set by ``TablePlan``; the header repeats after a page break and
    /// every further column part starts with "(continued)".
    mutating func table(header: [String], alignments: [MarkdownBlock.ColumnAlignment], rows: [[String]]) throws {
        let plan = try TablePlan(header: header, alignments: alignments, rows: rows, composer: composer,
                                 setter: setter, width: textWidth)
        let size = plan.size
        let pad = plan.pad
        for (index, part) in plan.parts.enumerated() {
            if index > 0 {
                let note = "<i>(continued)</i>"
                let height = try composer.measure(note, size: size).height
                try ensure(height + part.headerHeight + (part.rowHeights.first ?? 0) + pad)
                y += try composer.text(note, size: size, at: left, y).height + pad * 0.4
            }
            let tableWidth = part.width
            func drawRow(_ cells: [String], bold: Bool, at top: Double) throws {
                var x = left
                for (k, c) in part.columns.enumerated() {
                    // Lines are already broken; the width (with slack for rounding) only aligns them.
                    try composer.text(cells[k], size: size, bold: bold, at: x + pad, top + pad * 0.3,
                                      width: part.widths[k] - 2 * pad + 0.5, alignment: plan.alignments[c])
                    x += part.widths[k]
                }
            }
            func drawHeader() throws {
                composer.line(from: left, y, to: left + tableWidth, y, width: 0.8)
                try drawRow(part.header, bold: true, at: y)
                y += part.headerHeight
                composer.line(from: left, y, to: left + tableWidth, y, width: 0.4)
            }
            try ensure(part.headerHeight + (part.rowHeights.first ?? 0) + pad)
            try drawHeader()
            for (row, h) in zip(part.rows, part.rowHeights) {
                if y + h > bottom {
                    composer.line(from: left, y, to: left + tableWidth, y, width: 0.8)
                    try newPage()
                    try drawHeader()
                }
                try drawRow(row, bold: false, at: y)
                y += h
            }
            composer.line(from: left, y, to: left + tableWidth, y, width: 0.8)
            y += setter.bodySize
        }
    }
}
