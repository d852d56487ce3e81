import InterlinkCore
import CCairo

/// Owner of one `cairo_surface_t` that writes a PDF, SVG or PNG document into memory.
///
/// Vector surfaces stream into a ``ByteSink`` through `cairo_pdf_surface_create_for_stream` /
/// `cairo_svg_surface_create_for_stream`; the image surface is encoded with
/// `cairo_surface_write_to_png_stream` when finished. A stream surface owns its sink
/// (``ByteSink/keepAlive(while:)``), so Cairo can write to it until it destroys the surface, even after
/// this wrapper is gone while a `cairo_t` still draws on the surface.
final class CairoSurface {
    /// What the surface produces.
    enum Kind {
        case pdf
        case svg
        case png
    }

    /// The wrapped `cairo_surface_t *`.
    let pointer: OpaquePointer
    /// Document kind.
    let kind: Kind
    /// Where the document's bytes go.
    let sink: ByteSink

    /// Metadata written into every PDF so that output does not depend on the clock
    /// (`cairo_pdf_surface_set_metadata`; cairo 1.16 expects ISO-8601 `YYYY-MM-DDThh:mm:ss` with
    /// an optional `Z`).
    static let fixedDate = "2000-01-01T00:00:00Z"

    private init(pointer: OpaquePointer, kind: Kind, sink: ByteSink, function: String) throws {
        self.pointer = pointer
        self.kind = kind
        self.sink = sink
        // `cairo_surface_status`: creation failures are reported through an error surface.
        try CairoStatus.check(cairo_surface_status(pointer), function)
    }

    deinit {
        // `cairo_surface_destroy`
        cairo_surface_destroy(pointer)
    }

    /// A PDF surface of `width` x `height` points (`cairo_pdf_surface_create_for_stream`) with fixed
    /// creator and dates (`cairo_pdf_surface_set_metadata`).
    static func pdf(width: Double, height: Double) throws -> CairoSurface {
        let sink = ByteSink()
        guard let raw = cairo_pdf_surface_create_for_stream(ByteSink.write, sink.closure, width, height) else {
            throw PlotError.cairo(function: "cairo_pdf_surface_create_for_stream", status: 1, message: "no memory")
        }
        let surface = try CairoSurface(pointer: raw, kind: .pdf, sink: sink, function: "cairo_pdf_surface_create_for_stream")
        try sink.keepAlive(while: raw)
        cairo_pdf_surface_set_metadata(raw, CAIRO_PDF_METADATA_CREATOR, "Interlink")
        cairo_pdf_surface_set_metadata(raw, CAIRO_PDF_METADATA_CREATE_DATE, fixedDate)
        cairo_pdf_surface_set_metadata(raw, CAIRO_PDF_METADATA_MOD_DATE, fixedDate)
        try CairoStatus.check(cairo_surface_status(raw), "cairo_pdf_surface_set_metadata")
        return surface
    }

    /// An SVG surface of `width` x `height` points (`cairo_svg_surface_create_for_stream`), SVG 1.1,
    /// document unit pt (`cairo_svg_surface_set_document_unit`).
    static func svg(width: Double, height: Double) throws -> CairoSurface {
        let sink = ByteSink()
        guard let raw = cairo_svg_surface_create_for_stream(ByteSink.write, sink.closure, width, height) else {
            throw PlotError.cairo(function: "cairo_svg_surface_create_for_stream", status: 1, message: "no memory")
        }
        let surface = try CairoSurface(pointer: raw, kind: .svg, sink: sink, function: "cairo_svg_surface_create_for_stream")
        try sink.keepAlive(while: raw)
        cairo_svg_surface_restrict_to_version(raw, CAIRO_SVG_VERSION_1_1)
        cairo_svg_surface_set_document_unit(raw, CAIRO_SVG_UNIT_PT)
        try CairoStatus.check(cairo_surface_status(raw), "cairo_svg_surface_set_document_unit")
        return surface
    }

    /// An ARGB32 image surface of `pixelWidth` x `pixelHeight` (`cairo_image_surface_create`).
    static func image(pixelWidth: Int, pixelHeight: Int) throws -> CairoSurface {
        guard pixelWidth > 0, pixelHeight > 0, pixelWidth <= 32767, pixelHeight <= 32767 else {
            throw ParameterError(
                path: "png.pixels", value: "\(pixelWidth)x\(pixelHeight)", allowed: "1...32767 per side")
        }
        guard let raw = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(pixelWidth), Int32(pixelHeight)) else {
            throw PlotError.cairo(function: "cairo_image_surface_create", status: 1, message: "no memory")
        }
        return try CairoSurface(pointer: raw, kind: .png, sink: ByteSink(), function: "cairo_image_surface_create")
    }

    /// Finishes the document and returns its bytes: `cairo_surface_finish` for PDF/SVG,
    /// `cairo_surface_write_to_png_stream` for PNG.
    func finish() throws -> [UInt8] {
        switch kind {
        case .pdf, .svg:
            cairo_surface_finish(pointer)
            try CairoStatus.check(cairo_surface_status(pointer), "cairo_surface_finish")
        case .png:
            cairo_surface_flush(pointer)
            try CairoStatus.check(
                cairo_surface_write_to_png_stream(pointer, ByteSink.write, sink.closure),
                "cairo_surface_write_to_png_stream")
        }
        return sink.bytes
    }
}
