import CCairo

/// A decoded PNG: premultiplied ARGB32 pixels, row-major, top row first (used to compare renders
/// with reference images).
struct RasterImage {
    /// Width in pixels.
    var width: Int
    /// Height in pixels.
    var height: Int
    /// `width × height` pixels as `0xAARRGGBB` (premultiplied).
    var pixels: [UInt32]

    /// Read position of a PNG being decoded from memory.
    private final class Source {
        let bytes: [UInt8]
        var offset = 0
        init(_ bytes: [UInt8]) { self.bytes = bytes }
    }

    /// Decodes PNG bytes (`cairo_image_surface_create_from_png_stream`, reading through a
    /// `cairo_read_func_t` callback).
    init(png: [UInt8]) throws {
        let source = Source(png)
        let closure = Unmanaged.passUnretained(source).toOpaque()
        let read: cairo_read_func_t = { closure, data, length in
            guard let closure, let data else { return CAIRO_STATUS_READ_ERROR }
            let source = Unmanaged<Source>.fromOpaque(closure).takeUnretainedValue()
            let count = Int(length)
            guard source.offset + count <= source.bytes.count else { return CAIRO_STATUS_READ_ERROR }
            source.bytes.withUnsafeBufferPointer { buffer in
                if let base = buffer.baseAddress {
                    data.update(from: base + source.offset, count: count)
                }
            }
            source.offset += count
            return CAIRO_STATUS_SUCCESS
        }
        // Cairo reads through `closure` only during this call; `source` is kept alive across it.
        let decoded = withExtendedLifetime(source) { cairo_image_surface_create_from_png_stream(read, closure) }
        guard let surface = decoded else {
            throw PlotError.cairo(function: "cairo_image_surface_create_from_png_stream", status: 1, message: "no memory")
        }
        defer { cairo_surface_destroy(surface) }
        try CairoStatus.check(cairo_surface_status(surface), "cairo_image_surface_create_from_png_stream")
        // Convert whatever format the PNG decoded to into ARGB32 by painting it.
        let width = Int(cairo_image_surface_get_width(surface))
        let height = Int(cairo_image_surface_get_height(surface))
        let target = try CairoSurface.image(pixelWidth: width, pixelHeight: height)
        guard let cr = cairo_create(target.pointer) else {
            throw PlotError.cairo(function: "cairo_create", status: 1, message: "no memory")
        }
        cairo_set_source_surface(cr, surface, 0, 0)
        cairo_paint(cr)
        let status = cairo_status(cr)
        cairo_destroy(cr)
        try CairoStatus.check(status, "cairo_paint")
        cairo_surface_flush(target.pointer)
        guard let data = cairo_image_surface_get_data(target.pointer) else {
            throw PlotError.cairo(function: "cairo_image_surface_get_data", status: 1, message: "no pixel data")
        }
        let stride = Int(cairo_image_surface_get_stride(target.pointer))
        let raw = UnsafeRawPointer(data)
        var pixels = [UInt32](repeating: 0, count: width * height)
        for row in 0..<height {
            for column in 0..<width {
                pixels[row * width + column] = raw.load(fromByteOffset: row * stride + column * 4, as: UInt32.self)
            }
        }
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// Fraction of pixels where any channel differs by more than `channelTolerance` (0…255);
    /// 1 when the sizes differ.
    func differingFraction(from other: RasterImage, channelTolerance: Int) -> Double {
        guard width == other.width, height == other.height, !pixels.isEmpty else { return 1 }
        var differing = 0
        for (a, b) in zip(pixels, other.pixels) where a != b {
            for shift in stride(from: 0, through: 24, by: 8) {
                let ca = Int((a >> UInt32(shift)) & 0xFF)
                let cb = Int((b >> UInt32(shift)) & 0xFF)
                if abs(ca - cb) > channelTolerance {
                    differing += 1
                    break
                }
            }
        }
        return Double(differing) / Double(pixels.count)
    }
}
