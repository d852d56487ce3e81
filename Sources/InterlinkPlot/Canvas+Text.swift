import CCairo
import Foundation

/// Size of a laid-out piece of text in points.
struct TextExtent: Equatable {
    /// Logical width.
    var width: Double
    /// Logical height (one line for single-line labels).
    var height: Double
    /// Distance from the top of the logical rectangle to the first baseline.
    var baseline: Double
    /// Horizontal offset of the logical rectangle from the layout origin (non-zero for centred,
    /// wrapped text).
    var originX: Double = 0
}

/// Pango text on a ``Canvas``: markup parsing, measurement and drawing.
extension Canvas {
    /// Creates a `PangoLayout` for `markup` at `size` points (`pango_parse_markup` validates first,
    /// then `pango_layout_new`, `pango_layout_set_markup`, `pango_layout_set_font_description` with
    /// the size in points at 72 dpi).
    func layout(_ text: String, size: Double, bold: Bool = false, wrapWidth: Double? = nil) throws -> OpaquePointer {
        let markup = Self.expandMonospace(Self.expandScripts(text, size: size))
        var error: UnsafeMutablePointer<GError>?
        // `pango_parse_markup`
        let parsed = pango_parse_markup(markup, -1, 0, nil, nil, nil, &error)
        if parsed == 0 {
            let message = error.flatMap { $0.pointee.message.map { String(cString: $0) } } ?? "parse error"
            if let error { g_error_free(error) }
            throw PlotError.invalidMarkup(text: text, message: message)
        }
        // `pango_cairo_update_context` is deliberately not called: the Pango context keeps the
        // identity matrix, so text is laid out in points independently of the output resolution
        // (Cairo still rasterises the glyphs at the device resolution).
        guard let layout = pango_layout_new(pango) else {
            throw PlotError.text(function: "pango_layout_new", message: "no layout")
        }
        pango_layout_set_markup(layout, markup, -1)
        guard let description = pango_font_description_new() else {
            ccairo_object_unref(UnsafeMutableRawPointer(layout))
            throw PlotError.text(function: "pango_font_description_new", message: "no font description")
        }
        pango_font_description_set_family(description, FontLibrary.family)
        // Size in points with the context at 72 dpi (1 pt = 1 user unit); an absolute size would make
        // Pango 1.50's `<sup>`/`<sub>` font scaling misbehave.
        pango_font_description_set_size(description, Int32((size * Double(ccairo_pango_scale())).rounded()))
        if bold { pango_font_description_set_weight(description, PANGO_WEIGHT_BOLD) }
        pango_layout_set_font_description(layout, description)
        // Text longer than `wrapWidth` breaks between words into centred lines
        // (`pango_layout_set_width`, `pango_layout_set_wrap`, `pango_layout_set_alignment`).
        if let wrapWidth, wrapWidth.isFinite, wrapWidth > 0 {
            pango_layout_set_width(layout, Int32(min(wrapWidth, 1e5) * Double(ccairo_pango_scale())))
            pango_layout_set_wrap(layout, PANGO_WRAP_WORD)
            pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER)
        }
        pango_font_description_free(description)
        return layout
    }

    /// Rewrites `<sup>` and `<sub>` as explicit spans (70 % size, raised by 0.36 em or lowered by
    /// 0.14 em, in Pango units of 1/1024 pt): Pango 1.50's own script scaling misbehaves with
    /// fonts from a private font map.
    static func expandScripts(_ markup: String, size: Double) -> String {
        guard markup.contains("<su") else { return markup }
        let scale = Double(ccairo_pango_scale())
        let small = Int((0.7 * size * scale).rounded())
        let up = Int((0.36 * size * scale).rounded())
        let down = Int((0.14 * size * scale).rounded())
        return markup
            .replacingOccurrences(of: "<sup>", with: "<span size=\"\(small)\" rise=\"\(up)\">")
            .replacingOccurrences(of: "<sub>", with: "<span size=\"\(small)\" rise=\"-\(down)\">")
            .replacingOccurrences(of: "</sup>", with: "</span>")
            .replacingOccurrences(of: "</sub>", with: "</span>")
    }

    /// Rewrites `<tt>` as a span in ``FontLibrary/monospaceFamily`` (Pango's `<tt>` asks for the
    /// generic "Monospace" family, which the private font configuration does not define).
    static func expandMonospace(_ markup: String) -> String {
        guard markup.contains("<tt>") else { return markup }
        return markup
            .replacingOccurrences(of: "<tt>", with: "<span font_family=\"\(FontLibrary.monospaceFamily)\">")
            .replacingOccurrences(of: "</tt>", with: "</span>")
    }

    /// Logical extent of a layout (`pango_layout_get_extents`, `pango_layout_get_baseline`).
    func extent(of layout: OpaquePointer) -> TextExtent {
        var ink = PangoRectangle()
        var logical = PangoRectangle()
        pango_layout_get_extents(layout, &ink, &logical)
        let scale = Double(ccairo_pango_scale())
        return TextExtent(
            width: Double(logical.width) / scale,
            height: Double(logical.height) / scale,
            baseline: Double(pango_layout_get_baseline(layout)) / scale,
            originX: Double(logical.x) / scale)
    }

    /// Measures `markup` at `size` points without drawing it.
    func measure(_ markup: String, size: Double, bold: Bool = false, wrapWidth: Double? = nil) throws -> TextExtent {
        let layout = try self.layout(markup, size: size, bold: bold, wrapWidth: wrapWidth)
        defer { ccairo_object_unref(UnsafeMutableRawPointer(layout)) }
        return extent(of: layout)
    }

    /// Draws `markup` so that the point of its logical box given by `anchor` lies at (`x`, `y`),
    /// rotated by `angle` radians about that point (`pango_cairo_show_layout`).
    @discardableResult
    func text(_ markup: String, size: Double, at x: Double, _ y: Double, anchor: TextAnchor,
              angle: Double = 0, color: Color = .black, bold: Bool = false,
              wrapWidth: Double? = nil) throws -> TextExtent {
        save()
        defer { restore() }
        translate(x, y)
        if angle != 0 { rotate(angle) }
        let layout = try self.layout(markup, size: size, bold: bold, wrapWidth: wrapWidth)
        defer { ccairo_object_unref(UnsafeMutableRawPointer(layout)) }
        let box = extent(of: layout)
        let dx = -box.width * anchor.horizontalFraction - box.originX
        let dy = -box.height * anchor.verticalFraction
        setColor(color)
        move(dx, dy)
        pango_cairo_show_layout(cr, layout)
        return box
    }
}
