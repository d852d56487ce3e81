import CCairo

/// Paper sizes for multi-page PDF documents, in points.
public enum PageSize: String, Sendable, Hashable, Codable, CaseIterable {
    /// ISO A4, 210 mm × 297 mm (595.28 pt × 841.89 pt).
    case a4
    /// US Letter, 8.5 in × 11 in (612 pt × 792 pt).
    case usLetter

    /// Width and height in points.
    public var points: (width: Double, height: Double) {
        switch self {
        case .a4: return (210 / 25.4 * 72, 297 / 25.4 * 72)
        case .usLetter: return (612, 792)
        }
    }
}

/// Horizontal alignment of wrapped text.
public enum TextAlignment: Sendable, Hashable {
    case left, center, right
}

/// Size of laid-out text in points.
public struct TextSize: Sendable, Hashable {
    /// Width of the widest line.
    public var width: Double
    /// Height of all lines.
    public var height: Double
}

/// Composes the pages of a typeset PDF document: wrapped Pango text, rules, filled boxes, and
/// figures drawn as vectors from their ``Figure`` values.
///
/// A composer exists only inside ``PageComposer/renderPDF(size:_:)``, which holds the process-wide
/// render lock; do not call ``Figure/render(_:)`` from inside the closure (draw figures with
/// ``draw(_:at:_:)`` instead). Coordinates are points from the top-left corner of the page.
package final class PageComposer {
    /// Page width in points.
    public let pageWidth: Double
    /// Page height in points.
    public let pageHeight: Double
    /// Number of pages started so far (the first page counts as 1).
    public private(set) var pageCount = 1

    private let canvas: Canvas

    private init(canvas: Canvas, size: PageSize) {
        self.canvas = canvas
        (pageWidth, pageHeight) = size.points
    }

    /// Renders a multi-page PDF: `body` draws on the first page and calls ``newPage()`` for more.
    /// The document carries fixed creation and modification dates, so the same drawing gives the
    /// same bytes (`cairo_pdf_surface_create_for_stream`, `cairo_show_page`).
    public static func renderPDF(size: PageSize, _ body: (PageComposer) throws -> Void) throws -> [UInt8] {
        try RenderEnvironment.shared.withFonts { fonts in
            let (width, height) = size.points
            let surface = try CairoSurface.pdf(width: width, height: height)
            do {
                let canvas = try Canvas(surface: surface, fonts: fonts)
                let composer = PageComposer(canvas: canvas, size: size)
                try body(composer)
                try canvas.checkStatus()
            }
            return try surface.finish()
        }
    }

    /// Ends the current page and starts a new one (`cairo_show_page`).
    public func newPage() {
        cairo_show_page(canvas.cr)
        pageCount += 1
    }

    /// A `PangoLayout` for `markup`, wrapped at `width` points when given
    /// (`pango_layout_set_width`, `pango_layout_set_wrap(PANGO_WRAP_WORD_CHAR)`,
    /// `pango_layout_set_alignment`).
    private func layout(_ markup: String, size: Double, bold: Bool, width: Double?, alignment: TextAlignment) throws
        -> OpaquePointer
    {
        let layout = try canvas.layout(markup, size: size, bold: bold)
        if let width {
            pango_layout_set_width(layout, Int32((width * Double(ccairo_pango_scale())).rounded(.down)))
            pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
        }
        switch alignment {
        case .left: pango_layout_set_alignment(layout, PANGO_ALIGN_LEFT)
        case .center: pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER)
        case .right: pango_layout_set_alignment(layout, PANGO_ALIGN_RIGHT)
        }
        return layout
    }

    /// Measures Pango `markup` at `size` points, wrapped at `width` when given.
    public func measure(_ markup: String, size: Double, bold: Bool = false, width: Double? = nil) throws -> TextSize {
        let layout = try self.layout(markup, size: size, bold: bold, width: width, alignment: .left)
        defer { ccairo_object_unref(UnsafeMutableRawPointer(layout)) }
        let extent = canvas.extent(of: layout)
        return TextSize(width: extent.width, height: extent.height)
    }

    /// Draws Pango `markup` with its top-left corner at (`x`, `y`), wrapped at `width` when given,
    /// and returns its size (`pango_cairo_show_layout`).
    @discardableResult
    public func text(_ markup: String, size: Double, bold: Bool = false, at x: Double, _ y: Double,
                     width: Double? = nil, alignment: TextAlignment = .left, color: Color = .black) throws -> TextSize
    {
        let layout = try self.layout(markup, size: size, bold: bold, width: width, alignment: alignment)
        defer { ccairo_object_unref(UnsafeMutableRawPointer(layout)) }
        let extent = canvas.extent(of: layout)
        canvas.save()
        defer { canvas.restore() }
        canvas.setColor(color)
        canvas.move(x, y)
        pango_cairo_show_layout(canvas.cr, layout)
        return TextSize(width: extent.width, height: extent.height)
    }

    /// Strokes a straight line of `width` points.
    public func line(from x0: Double, _ y0: Double, to x1: Double, _ y1: Double, width: Double = 0.5,
                     color: Color = .black) {
        canvas.save()
        defer { canvas.restore() }
        canvas.setColor(color)
        canvas.setLine(width: width)
        canvas.segment(x0, y0, x1, y1)
    }

    /// Fills a rectangle.
    public func fill(x: Double, y: Double, width: Double, height: Double, color: Color) {
        canvas.save()
        defer { canvas.restore() }
        canvas.setColor(color)
        canvas.newPath()
        canvas.rectangle(Rect(x: x, y: y, width: width, height: height))
        canvas.fill()
    }

    /// Draws `figure` as vectors with its top-left corner at (`x`, `y`), scaled by `scale`.
    public func draw(_ figure: Figure, at x: Double, _ y: Double, scale: Double = 1) throws {
        try figure.validate()
        canvas.save()
        defer { canvas.restore() }
        canvas.translate(x, y)
        if scale != 1 { canvas.scale(scale, scale) }
        try FigureRenderer(figure: figure, canvas: canvas).draw()
        try canvas.checkStatus()
    }
}
