import InterlinkPlot

/// Typesets a generated Markdown report as a multi-page PDF with Cairo and Pango (through
/// ``PageComposer``): a title block, headings kept with what follows them, wrapped paragraphs,
/// bullet lists (a bullet always on the page of its item's text; a lead-in ending in a colon kept
/// with the first item or table row it introduces), booktabs-style tables (see
/// ``LayoutState/table(header:alignments:rows:)``: cells wrap only at spaces, numbers never split,
/// the header repeats after a page break), code blocks
/// in a monospace face, figures drawn as vectors from their ``Figure`` values (never rasterised),
/// a References section with hanging labels, and page numbers.
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
            var state = LayoutState(composer: composer, setter: self, blocks: blocks, figures: figures)
            for index in blocks.indices {
                try state.place(at: index)
            }
            try state.finishPage()
        }
    }
}

/// Where the typesetter is on the current page.
struct LayoutState {
    let composer: PageComposer
    let setter: ReportTypesetter
    let blocks: [MarkdownBlock]
    let figures: [String: Figure]
    var y: Double
    /// Whether the blocks being set are those of the References section.
    var inReferences = false

    init(composer: PageComposer, setter: ReportTypesetter, blocks: [MarkdownBlock], figures: [String: Figure]) {
        self.composer = composer
        self.setter = setter
        self.blocks = blocks
        self.figures = figures
        self.y = setter.margin
    }

    var left: Double { setter.margin }
    var textWidth: Double { composer.pageWidth - 2 * setter.margin }
    /// Lowest y content may reach (the footer sits below it).
    var bottom: Double { composer.pageHeight - setter.margin }
    /// Height available on an empty page.
    var pageBody: Double { bottom - setter.margin }

    mutating func finishPage() throws {
        let size = setter.bodySize * 0.8
        let label = (setter.footer.isEmpty ? "" : InlineMarkup.pango(setter.footer) + "   ·   ") + "\(composer.pageCount)"
        try composer.text(label, size: size, at: left, bottom + setter.margin * 0.45, width: textWidth,
                          alignment: .center, color: Color(red: 0.35, green: 0.35, blue: 0.35))
    }

    /// Starts a new page when `height` does not fit below the current position.
    mutating func ensure(_ height: Double) throws {
        if y + height > bottom, y > setter.margin + 0.5 {
            try newPage()
        }
    }

    /// Ends the page and starts the next one.
    mutating func newPage() throws {
        try finishPage()
        composer.newPage()
        y = setter.margin
    }

    /// Heading size of `level` (the first level-1 heading is the title).
    func headingSize(level: Int, isTitle: Bool) -> Double {
        let body = setter.bodySize
        return isTitle ? body * 2.0 : [body * 1.6, body * 1.3, body * 1.1, body][min(level, 4) - 1]
    }

    /// Whether the paragraph at `index` is the caption of the table right after it (`**Table N.** …`).
    func isTableCaption(_ index: Int) -> Bool {
        guard case let .paragraph(text) = blocks[index], index + 1 < blocks.count,
              case .table = blocks[index + 1] else { return false }
        return text.hasPrefix("**Table ")
    }

    /// Whether the paragraph at `index` introduces the list or table right after it: a table caption,
    /// or a lead-in ending in a colon ("The sweep varies:"). Such a paragraph is kept with the start
    /// of what it introduces, never left alone at the foot of a page.
    func introducesNext(_ index: Int) -> Bool {
        guard case let .paragraph(text) = blocks[index], index + 1 < blocks.count else { return false }
        switch blocks[index + 1] {
        case .table: return isTableCaption(index) || text.hasSuffix(":")
        case .bulletList: return text.hasSuffix(":")
        default: return false
        }
    }

    /// Height of the first item of a bullet list (an item is never split across pages, so this is
    /// what must fit below whatever is kept with the list).
    func firstItem(_ items: [String]) throws -> Double {
        guard let first = items.first else { return 0 }
        let body = setter.bodySize
        return try composer.measure(InlineMarkup.pango(first), size: body, width: textWidth - bulletIndent).height
    }

    /// Indent of a bullet item's text.
    var bulletIndent: Double { setter.bodySize * 1.4 }

    /// Height the block at `index` needs at the foot of a page so that it is not separated from what
    /// it introduces: a heading with the lead of the next block, a table caption or lead-in with its
    /// table's header and first row or its list's first item, a paragraph or list item whole (they
    /// move to the next page whole, so a heading kept with less would still be left alone), a figure
    /// with its caption, otherwise three lines.
    func lead(_ index: Int) throws -> Double {
        guard index < blocks.count else { return 0 }
        let body = setter.bodySize
        let threeLines = body * 4
        switch blocks[index] {
        case let .heading(level, text):
            let size = headingSize(level: level, isTitle: index == 0 && level == 1)
            let height = try composer.measure(InlineMarkup.pango(text), size: size, bold: true, width: textWidth).height
            let next = try lead(index + 1)
            return min(size * 0.8 + height + size * 0.35 + next, pageBody)
        case let .paragraph(text):
            let height = try composer.measure(InlineMarkup.pango(text), size: body, width: textWidth).height
            if introducesNext(index) {
                let next = try lead(index + 1)
                return min(height + body * 0.6 + next, pageBody)
            }
            return min(height, pageBody)
        case let .image(_, path):
            guard let figure = figures[path] else { return threeLines }
            let captionHeight = try caption(index)
            return min(figure.resolvedHeight * min(1, textWidth / figure.width) + body * 0.6 + captionHeight, pageBody)
        case let .table(header, alignments, rows):
            let plan = try TablePlan(header: header, alignments: alignments, rows: Array(rows.prefix(2)),
                                     composer: composer, setter: setter, width: textWidth)
            return plan.headerHeight + (plan.rowHeights.first ?? 0) + body
        case let .bulletList(items):
            return min(try firstItem(items), pageBody)
        case .code, .rule:
            return threeLines
        }
    }

    /// Height of the caption paragraph right after the figure at `index` (three lines when there is
    /// none, as room for what follows).
    func caption(_ index: Int) throws -> Double {
        guard index + 1 < blocks.count, case let .paragraph(text) = blocks[index + 1] else { return setter.bodySize * 4 }
        return try composer.measure(InlineMarkup.pango(text), size: setter.bodySize, width: textWidth).height
    }

    mutating func place(at index: Int) throws {
        let block = blocks[index]
        let isFirst = index == 0
        let body = setter.bodySize
        switch block {
        case let .heading(level, text):
            let isTitle = isFirst && level == 1
            let size = headingSize(level: level, isTitle: isTitle)
            let markup = InlineMarkup.pango(text)
            inReferences = "## " + InlineMarkup.plain(text) == ReportCrossReferences.referencesHeading
            if !isTitle { y += size * 0.8 }
            // Keep the heading with what follows it: never alone at the foot of a page.
            let keep = try lead(index)
            try ensure(keep - (isTitle ? 0 : size * 0.8))
            y += try composer.text(markup, size: size, bold: true, at: left, y, width: textWidth).height
            if isTitle {
                y += body * 0.4
                composer.line(from: left, y, to: left + textWidth, y, width: 0.8)
                y += body * 0.8
            } else {
                y += size * 0.35
            }
        case let .paragraph(text):
            if introducesNext(index) {
                let keep = try lead(index)
                try ensure(keep)
            }
            if inReferences, let label = Self.referenceLabel(text) {
                try hanging(label: label.label, InlineMarkup.pango(label.rest), size: body)
            } else {
                try paragraph(InlineMarkup.pango(text), size: body, indent: 0)
            }
        case let .bulletList(items):
            for item in items {
                // The bullet is drawn where the item's text lands (after any page break), so it is
                // never left alone at the foot of a page.
                try paragraph(InlineMarkup.pango(item), size: body, indent: bulletIndent, spacing: body * 0.25,
                              label: ("•", body * 0.4))
            }
            y += body * 0.4
        case let .image(_, path):
            // The caption is the paragraph the template writes under the image (the alt text is
            // for screen readers); keep the figure with all of it.
            guard let figure = figures[path] else { throw ReportError.missingFigure(path: path) }
            let scale = min(1, textWidth / figure.width)
            let height = figure.resolvedHeight * scale
            let keep = try lead(index)
            try ensure(keep)
            try composer.draw(figure, at: left + (textWidth - figure.width * scale) / 2, y, scale: scale)
            y += height + body * 0.6
        case let .table(header, alignments, rows):
            try table(header: header, alignments: alignments, rows: rows)
        case let .code(text):
            let size = body * 0.8
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                let markup = "<tt>" + line.map { InlineMarkup.escape($0) }.joined() + "</tt>"
                let height = try composer.measure(markup, size: size, width: textWidth - 8).height
                try ensure(height)
                composer.fill(x: left, y: y, width: textWidth, height: height, color: Color(red: 0.95, green: 0.95, blue: 0.95))
                y += try composer.text(markup, size: size, at: left + 4, y, width: textWidth - 8).height
            }
            y += body * 0.6
        case .rule:
            try ensure(body)
            y += body * 0.4
            composer.line(from: left, y, to: left + textWidth, y, width: 0.4)
            y += body * 0.6
        }
    }

    /// `[12] rest` split into its label and the rest, for the entries of the References section.
    static func referenceLabel(_ text: String) -> (label: String, rest: String)? {
        guard text.hasPrefix("["), let close = text.firstIndex(of: "]"),
              text[text.index(after: text.startIndex)..<close].allSatisfy(\.isNumber),
              text.index(after: close) < text.endIndex, text[text.index(after: close)] == " " else { return nil }
        return (String(text[...close]), String(text[text.index(close, offsetBy: 2)...]))
    }

    /// A paragraph with `label` hanging in the left margin of its first line (reference lists).
    mutating func hanging(label: String, _ markup: String, size: Double) throws {
        let indent = try composer.measure("[00]", size: size).width + size * 0.6
        try paragraph(markup, size: size, indent: indent, spacing: size * 0.4, label: (InlineMarkup.pango(label), 0))
    }

    /// A wrapped paragraph, never split across pages: when it does not fit below the current
    /// position it starts the next page (one taller than a whole page starts where it is). `label`
    /// (a bullet or a reference number, with its x offset from the left margin) is drawn on the
    /// paragraph's first line after that decision, so it always stays with its text.
    mutating func paragraph(_ markup: String, size: Double, indent: Double, spacing: Double? = nil,
                            label: (markup: String, x: Double)? = nil) throws {
        let width = textWidth - indent
        let height = try composer.measure(markup, size: size, width: width).height
        if y + height > bottom {
            try ensure(height)
        }
        if let label {
            try composer.text(label.markup, size: size, at: left + label.x, y)
        }
        y += try composer.text(markup, size: size, at: left + indent, y, width: width).height
        y += spacing ?? size * 0.6
    }
}
