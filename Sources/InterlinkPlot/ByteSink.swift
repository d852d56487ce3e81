import CCairo

/// Growable byte buffer that Cairo's stream callbacks (`cairo_write_func_t`) append to.
///
/// Cairo receives an unretained pointer to the sink as the callback's `closure` argument. A stream
/// surface (`cairo_pdf_surface_create_for_stream`, `cairo_svg_surface_create_for_stream`) keeps that
/// pointer for its whole life and writes through it while drawing, at `cairo_surface_finish` and, if
/// it was not finished, when its last reference goes (`cairo_destroy` of a context still drawing on
/// it can be that last reference). So the surface itself owns the sink: ``keepAlive(while:)`` hands
/// Cairo a retained reference that Cairo releases only when it destroys the surface, after its last
/// write.
final class ByteSink {
    /// Bytes written so far.
    var bytes: [UInt8] = []

    /// Opaque pointer handed to Cairo as the `closure` argument.
    var closure: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }

    /// The `cairo_write_func_t` that appends to the sink found behind `closure`.
    static let write: cairo_write_func_t = { closure, data, length in
        guard let closure else { return CAIRO_STATUS_WRITE_ERROR }
        let sink = Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue()
        if length > 0, let data {
            sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
        }
        return CAIRO_STATUS_SUCCESS
    }

    /// The `cairo_user_data_key_t` under which a surface holds its sink; only its address matters.
    /// Allocated once and never written after initialisation.
    nonisolated(unsafe) private static let userDataKey: UnsafeMutablePointer<cairo_user_data_key_t> = {
        let key = UnsafeMutablePointer<cairo_user_data_key_t>.allocate(capacity: 1)
        key.initialize(to: cairo_user_data_key_t())
        return key
    }()

    /// The `cairo_destroy_func_t` that releases the reference ``keepAlive(while:)`` gave the surface.
    private static let release: cairo_destroy_func_t = { data in
        guard let data else { return }
        Unmanaged<ByteSink>.fromOpaque(data).release()
    }

    /// Makes `surface` own a strong reference to this sink until Cairo destroys the surface
    /// (`cairo_surface_set_user_data` with a destroy function that releases it).
    /// - Throws: ``PlotError/cairo(function:status:message:)`` when Cairo cannot store the user data.
    func keepAlive(while surface: OpaquePointer) throws {
        let retained = Unmanaged.passRetained(self)
        let status = cairo_surface_set_user_data(surface, Self.userDataKey, retained.toOpaque(), Self.release)
        if status != CAIRO_STATUS_SUCCESS { retained.release() }
        try CairoStatus.check(status, "cairo_surface_set_user_data")
    }
}
