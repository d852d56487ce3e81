import CCairo

/// Thin wrapper over one `cairo_t` and the Pango context that lays out its text.
///
/// Every method names the Cairo or Pango function it calls; drawing state errors are collected by
/// Cairo and surfaced by ``checkStatus()`` (`cairo_status`).
final class Canvas {
    /// The wrapped `cairo_t *`.
    let cr: OpaquePointer
    /// The `PangoContext *` used for every layout on this canvas.
    let pango: OpaquePointer

    /// Creates a context on `surface` (`cairo_create`) and a Pango context from `fonts`
    /// (`pango_font_map_create_context`, `pango_cairo_context_set_font_options`,
    /// `pango_context_set_round_glyph_positions(FALSE)`, `pango_cairo_context_set_resolution(72)`).
    init(surface: CairoSurface, fonts: FontLibrary) throws {
        guard let cr = cairo_create(surface.pointer) else {
            throw PlotError.cairo(function: "cairo_create", status: 1, message: "no memory")
        }
        try CairoStatus.check(cairo_status(cr), "cairo_create")
        guard let context = pango_font_map_create_context(fonts.fontMap) else {
            cairo_destroy(cr)
            throw PlotError.text(function: "pango_font_map_create_context", message: "no context")
        }
        pango_cairo_context_set_font_options(context, fonts.fontOptions)
        pango_context_set_round_glyph_positions(context, 0)
        // `pango_cairo_context_set_resolution`: 72 dpi so that one point is one user unit.
        pango_cairo_context_set_resolution(context, 72)
        self.cr = cr
        self.pango = context
    }

    /// Wraps an existing `cairo_t` (taking a reference with `cairo_reference`) and creates the Pango
    /// context as above.
    init(context: OpaquePointer, fonts: FontLibrary) throws {
        try CairoStatus.check(cairo_status(context), "cairo_status")
        guard let pango = pango_font_map_create_context(fonts.fontMap) else {
            throw PlotError.text(function: "pango_font_map_create_context", message: "no context")
        }
        pango_cairo_context_set_font_options(pango, fonts.fontOptions)
        pango_context_set_round_glyph_positions(pango, 0)
        pango_cairo_context_set_resolution(pango, 72)
        self.cr = cairo_reference(context)
        self.pango = pango
    }

    deinit {
        ccairo_object_unref(UnsafeMutableRawPointer(pango))
        cairo_destroy(cr)
    }

    /// Throws if Cairo recorded an error on this context (`cairo_status`).
    func checkStatus() throws {
        try CairoStatus.check(cairo_status(cr), "cairo_status")
    }

    // MARK: State

    /// `cairo_save`
    func save() { cairo_save(cr) }
    /// `cairo_restore`
    func restore() { cairo_restore(cr) }
    /// `cairo_translate`
    func translate(_ x: Double, _ y: Double) { cairo_translate(cr, x, y) }
    /// `cairo_scale`
    func scale(_ sx: Double, _ sy: Double) { cairo_scale(cr, sx, sy) }
    /// `cairo_rotate` (radians, positive turns x toward y, i.e. clockwise on the page).
    func rotate(_ angle: Double) { cairo_rotate(cr, angle) }

    /// `cairo_set_source_rgba`
    func setColor(_ color: Color) {
        cairo_set_source_rgba(cr, color.red, color.green, color.blue, color.alpha)
    }

    /// Line end style (`cairo_line_cap_t`).
    enum LineCap {
        case butt, round, square
    }

    /// Line corner style (`cairo_line_join_t`).
    enum LineJoin {
        case miter, round
    }

    /// `cairo_set_line_width`, `cairo_set_line_cap`, `cairo_set_line_join` and `cairo_set_dash`.
    func setLine(width: Double, dashes: [Double] = [], cap: LineCap = .butt, join: LineJoin = .round) {
        cairo_set_line_width(cr, width)
        switch cap {
        case .butt: cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT)
        case .round: cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND)
        case .square: cairo_set_line_cap(cr, CAIRO_LINE_CAP_SQUARE)
        }
        switch join {
        case .miter: cairo_set_line_join(cr, CAIRO_LINE_JOIN_MITER)
        case .round: cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND)
        }
        // `cairo_set_dash` (an empty array switches dashing off).
        dashes.withUnsafeBufferPointer { buffer in
            cairo_set_dash(cr, buffer.baseAddress, Int32(buffer.count), 0)
        }
    }

    // MARK: Paths

    /// `cairo_new_path`
    func newPath() { cairo_new_path(cr) }
    /// `cairo_move_to`
    func move(_ x: Double, _ y: Double) { cairo_move_to(cr, x, y) }
    /// `cairo_line_to`
    func line(_ x: Double, _ y: Double) { cairo_line_to(cr, x, y) }
    /// `cairo_close_path`
    func closePath() { cairo_close_path(cr) }
    /// `cairo_rectangle`
    func rectangle(_ rect: Rect) { cairo_rectangle(cr, rect.x, rect.y, rect.width, rect.height) }
    /// `cairo_arc` (full circle).
    func circle(_ x: Double, _ y: Double, radius: Double) {
        cairo_new_sub_path(cr)
        cairo_arc(cr, x, y, radius, 0, 2 * Double.pi)
        cairo_close_path(cr)
    }

    /// `cairo_stroke`
    func stroke() { cairo_stroke(cr) }
    /// `cairo_fill`
    func fill() { cairo_fill(cr) }
    /// `cairo_fill_preserve`
    func fillPreserve() { cairo_fill_preserve(cr) }
    /// `cairo_clip`
    func clip() { cairo_clip(cr) }
    /// `cairo_paint`
    func paint() { cairo_paint(cr) }

    /// A straight segment stroked with the current line settings.
    func segment(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) {
        move(x0, y0)
        line(x1, y1)
        stroke()
    }
}
