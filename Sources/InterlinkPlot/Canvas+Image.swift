import CCairo

/// Raster images (heatmap cells, colour-bar gradients) on a ``Canvas``.
extension Canvas {
    /// Paints a `columns` x `rows` grid of colours into `rect`, one image pixel per cell and no
    /// smoothing (`cairo_image_surface_create`, `cairo_set_source_surface`,
    /// `cairo_pattern_set_filter(CAIRO_FILTER_NEAREST)`). `colorAt(column, row)` gives row 0 at the
    /// bottom of `rect`; `nil` leaves a cell transparent.
    func paintGrid(columns: Int, rows: Int, in rect: Rect, colorAt: (Int, Int) -> Color?) throws {
        guard columns > 0, rows > 0 else { return }
        let image = try CairoSurface.image(pixelWidth: columns, pixelHeight: rows)
        // `cairo_surface_flush` before touching the pixels directly.
        cairo_surface_flush(image.pointer)
        guard let data = cairo_image_surface_get_data(image.pointer) else {
            throw PlotError.cairo(function: "cairo_image_surface_get_data", status: 1, message: "no pixel data")
        }
        let stride = Int(cairo_image_surface_get_stride(image.pointer))
        let raw = UnsafeMutableRawPointer(data)
        for row in 0..<rows {
            for column in 0..<columns {
                var pixel: UInt32 = 0
                if let c = colorAt(column, rows - 1 - row) {
                    // Premultiplied ARGB32 in native byte order.
                    let a = min(max(c.alpha, 0), 1)
                    func channel(_ v: Double) -> UInt32 { UInt32((min(max(v, 0), 1) * a * 255).rounded()) }
                    pixel = (UInt32((a * 255).rounded()) << 24) | (channel(c.red) << 16) | (channel(c.green) << 8)
                        | channel(c.blue)
                }
                raw.storeBytes(of: pixel, toByteOffset: row * stride + column * 4, as: UInt32.self)
            }
        }
        // `cairo_surface_mark_dirty` after writing the pixels.
        cairo_surface_mark_dirty(image.pointer)
        save()
        defer { restore() }
        translate(rect.x, rect.y)
        scale(rect.width / Double(columns), rect.height / Double(rows))
        cairo_set_source_surface(cr, image.pointer, 0, 0)
        cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_NEAREST)
        newPath()
        cairo_rectangle(cr, 0, 0, Double(columns), Double(rows))
        fill()
    }
}
