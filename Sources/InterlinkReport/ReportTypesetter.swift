import InterlinkPlot

/// Typesets a generated Markdown report as a multi-page PDF with Cairo and Pango (through
/// ``PageComposer``): a title block, headings, wrapped paragraphs, bullet lists, booktabs-style
/// tables with aligned numeric columns (the header repeats after a page break), code blocks,
/// figures drawn as vectors from their ``Figure`` values (never rasterised), and page numbers.
///
/// The PDF is built from the same Markdown text as `report.md`, so both always say the same thing.
package struct ReportTypesetter: Sendable {
    /// Paper size.
    public var pageSize: PageSize
    /// Page margin in points on every side.
    public var margin: Double = 64
    /// Body text size in points.
    public var bodySize: Double = 10
    /// Text in the footer of every page, before the page number.
    public var footer: String

    /// Creates a typesetter for `pageSize` paper.
    public init(pageSize: PageSize = .a4, footer: String = "") {
        self.pageSize = pageSize
        self.footer = footer
    }

    /// Typesets `markdown`; an image block whose path is a key of `figures` is drawn from that
    /// figure value. An image path without a figure is an error (the PDF would silently miss it).
    public func pdf(markdown: String, figures: [String: Figure]) throws -> [UInt8] {
        let blocks = MarkdownBlock.parse(markdown)
        for case let .image(_, path) in blocks where figures[path] == nil {
            throw ReportError.missingFigure(path: path)
        }
        return try PageComposer.renderPDF(size: pageSize) { composer in
            var state = LayoutState(composer: composer, setter: self)
            for (index, block) in blocks.enumerated() {
                try state.place(block, isFirst: index == 0, figures: figures)
            }
            try state.finishPage()
        }
    }
}

/// Where the typesetter is on the current page.
private struct LayoutState {
    let composer: PageComposer
    let setter: ReportTypesetter
    var y: Double

    init(composer: PageComposer, setter: ReportTypesetter) {
        self.composer = composer
        self.setter = setter
        self.y = setter.margin
    }

    var left: Double { setter.margin }
    var textWidth: Double { composer.pageWidth - 2 * setter.margin }
    /// Lowest y content may reach (the footer sits below it).
    var bottom: Double { composer.pageHeight - setter.margin }

    mutating func finishPage() throws {
        let size = setter.bodySize * 0.8
        let label = (setter.footer.isEmpty ? "" : InlineMarkup.pango(setter.footer) + "   ·   ") + "\(composer.pageCount)"
        try composer.text(label, size: size, at: left, bottom + setter.margin * 0.45, width: textWidth,
                          alignment: .center, color: Color(red: 0.35, green: 0.35, blue: 0.35))
    }

    /// Starts a new page when `height` does not fit below the current position.
    mutating func ensure(_ height: Double) throws {
        if y + height > bottom, y > setter.margin + 0.5 {
            try finishPage()
            composer.newPage()
            y = setter.margin
        }
    }

    mutating func place(_ block: MarkdownBlock, isFirst: Bool, figures: [String: Figure]) throws {
        let body = setter.bodySize
        switch block {
        case let .heading(level, text):
            let size = isFirst && level == 1 ? body * 2.0 : [body * 1.6, body * 1.3, body * 1.1, body][min(level, 4) - 1]
            let markup = InlineMarkup.pango(text)
            let height = try composer.measure(markup, size: size, bold: true, width: textWidth).height
            if !(isFirst && level == 1) { y += size * 0.8 }
            // Keep a heading with at least three lines of what follows.
            try ensure(height + body * 4)
            y += try composer.text(markup, size: size, bold: true, at: left, y, width: textWidth).height
            if isFirst && level == 1 {
                y += body * 0.4
                composer.line(from: left, y, to: left + textWidth, y, width: 0.8)
                y += body * 0.8
            } else {
                y += size * 0.35
            }
        case let .paragraph(text):
            try paragraph(InlineMarkup.pango(text), size: body, indent: 0)
        case let .bulletList(items):
            for item in items {
                let markup = InlineMarkup.pango(item)
                let indent = body * 1.4
                let height = try composer.measure(markup, size: body, width: textWidth - indent).height
                try ensure(min(height, body * 3))
                try composer.text("•", size: body, at: left + body * 0.4, y)
                try paragraph(markup, size: body, indent: indent, spacing: body * 0.25)
            }
            y += body * 0.4
        case let .image(_, path):
            // The caption is the paragraph the template writes under the image (the alt text is
            // for screen readers); keep the figure with the first lines of it.
            guard let figure = figures[path] else { throw ReportError.missingFigure(path: path) }
            let scale = min(1, textWidth / figure.width)
            let height = figure.resolvedHeight * scale
            try ensure(height + body * 4)
            try composer.draw(figure, at: left + (textWidth - figure.width * scale) / 2, y, scale: scale)
            y += height + body * 0.6
        case let .table(header, alignments, rows):
            try table(header: header, alignments: alignments, rows: rows)
        case let .code(text):
            let markup = "<tt>" + text.replacingOccurrences(of: "&", with: "&amp;")
                .replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;") + "</tt>"
            let size = body * 0.8
            for line in markup.split(separator: "\n", omittingEmptySubsequences: false) {
                let piece = String(line).hasPrefix("<tt>") ? String(line) : "<tt>" + line
                let closed = piece.hasSuffix("</tt>") ? piece : piece + "</tt>"
                let height = try composer.measure(closed, size: size, width: textWidth - 8).height
                try ensure(height)
                composer.fill(x: left, y: y, width: textWidth, height: height, color: Color(red: 0.95, green: 0.95, blue: 0.95))
                y += try composer.text(closed, size: size, at: left + 4, y, width: textWidth - 8).height
            }
            y += body * 0.6
        case .rule:
            try ensure(body)
            y += body * 0.4
            composer.line(from: left, y, to: left + textWidth, y, width: 0.4)
            y += body * 0.6
        }
    }

    /// A wrapped paragraph that may break across pages line by line.
    mutating func paragraph(_ markup: String, size: Double, indent: Double, spacing: Double? = nil) throws {
        let width = textWidth - indent
        let height = try composer.measure(markup, size: size, width: width).height
        if y + height > bottom {
            // Too tall for the rest of the page: set it on the next page when it fits on one
            // page, otherwise start it here and let it overflow onto the next page in pieces.
            try ensure(height)
        }
        y += try composer.text(markup, size: size, at: left + indent, y, width: width).height
        y += spacing ?? size * 0.6
    }

    /// A table with booktabs rules; numeric columns align right.
    mutating func table(header: [String], alignments: [MarkdownBlock.ColumnAlignment], rows: [[String]]) throws {
        let size = setter.bodySize * 0.85
        let pad = size * 0.6
        let columns = header.count
        let headerMarkup = header.map { InlineMarkup.pango($0) }
        let cellMarkup = rows.map { row in (0..<columns).map { $0 < row.count ? InlineMarkup.pango(row[$0]) : "" } }
        // Natural column widths, shrunk proportionally when the table is wider than the text.
        var widths = [Double](repeating: 0, count: columns)
        for c in 0..<columns {
            widths[c] = try composer.measure(headerMarkup[c], size: size, bold: true).width
            for row in cellMarkup { widths[c] = max(widths[c], try composer.measure(row[c], size: size).width) }
            widths[c] += 2 * pad
        }
        let total = widths.reduce(0, +)
        if total > textWidth { widths = widths.map { $0 * textWidth / total } }
        let tableWidth = min(total, textWidth)
        let alignment: (Int) -> TextAlignment = { c in
            switch c < alignments.count ? alignments[c] : .left {
            case .left: return .left
            case .center: return .center
            case .right: return .right
            }
        }
        func rowHeight(_ cells: [String], bold: Bool) throws -> Double {
            var h = 0.0
            for c in 0..<columns {
                h = max(h, try composer.measure(cells[c], size: size, bold: bold, width: widths[c] - 2 * pad).height)
            }
            return h + pad * 0.6
        }
        func drawRow(_ cells: [String], bold: Bool, at top: Double) throws {
            var x = left
            for c in 0..<columns {
                try composer.text(cells[c], size: size, bold: bold, at: x + pad, top + pad * 0.3,
                                  width: widths[c] - 2 * pad, alignment: alignment(c))
                x += widths[c]
            }
        }
        let headerHeight = try rowHeight(headerMarkup, bold: true)
        func drawHeader() throws {
            composer.line(from: left, y, to: left + tableWidth, y, width: 0.8)
            try drawRow(headerMarkup, bold: true, at: y)
            y += headerHeight
            composer.line(from: left, y, to: left + tableWidth, y, width: 0.4)
        }
        let firstRow = try cellMarkup.first.map { try rowHeight($0, bold: false) } ?? 0
        try ensure(headerHeight + firstRow + pad)
        try drawHeader()
        for row in cellMarkup {
            let h = try rowHeight(row, bold: false)
            if y + h > bottom {
                composer.line(from: left, y, to: left + tableWidth, y, width: 0.8)
                try finishPage()
                composer.newPage()
                y = setter.margin
                try drawHeader()
            }
            try drawRow(row, bold: false, at: y)
            y += h
        }
        composer.line(from: left, y, to: left + tableWidth, y, width: 0.8)
        y += setter.bodySize
    }
}
