import InterlinkCore

/// Rendering a ``Figure`` to document bytes.
extension Figure {
    /// Renders the figure as PDF, SVG or PNG bytes.
    ///
    /// Deterministic: the same figure value gives byte-identical output (fixed PDF dates, SVG ids
    /// renumbered by ``SVGNormalizer``). Safe to call from many threads: rendering is serialised by
    /// a process-wide lock because Pango and fontconfig are not thread-safe.
    public func render(_ format: OutputFormat) throws -> [UInt8] {
        try validate()
        return try RenderEnvironment.shared.withFonts { fonts in
            let surface: CairoSurface
            var scale = 1.0
            switch format {
            case .pdf:
                surface = try CairoSurface.pdf(width: width, height: resolvedHeight)
            case .svg:
                surface = try CairoSurface.svg(width: width, height: resolvedHeight)
            case let .png(dpi):
                guard dpi.isFinite, dpi >= 10, dpi <= 2400 else {
                    throw ParameterError(path: "png.dpi", value: "\(dpi)", allowed: "10...2400")
                }
                scale = dpi / 72
                surface = try CairoSurface.image(
                    pixelWidth: Int((width * scale).rounded(.up)), pixelHeight: Int((resolvedHeight * scale).rounded(.up)))
            }
            do {
                let canvas = try Canvas(surface: surface, fonts: fonts)
                if case .png = format {
                    canvas.setColor(.white)
                    canvas.paint()
                    canvas.scale(scale, scale)
                }
                let renderer = FigureRenderer(figure: self, canvas: canvas)
                try renderer.draw()
                try canvas.checkStatus()
            }
            let bytes = try surface.finish()
            if case .svg = format { return SVGNormalizer.normalize(bytes) }
            return bytes
        }
    }

    /// Draws the figure with its top-left corner at (`x`, `y`) (points) on an existing Cairo context
    /// (`cairo_t *`), e.g. a page of a typeset PDF report, so that it stays vector. The context's
    /// state is saved and restored (`cairo_save`/`cairo_restore`); the render lock is held.
    public func draw(onCairoContext context: OpaquePointer, x: Double, y: Double) throws {
        try validate()
        try RenderEnvironment.shared.withFonts { fonts in
            let canvas = try Canvas(context: context, fonts: fonts)
            canvas.save()
            canvas.translate(x, y)
            defer { canvas.restore() }
            try FigureRenderer(figure: self, canvas: canvas).draw()
            try canvas.checkStatus()
        }
    }
}
