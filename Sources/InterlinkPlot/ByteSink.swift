import CCairo

/// Growable byte buffer that Cairo's stream callbacks (`cairo_write_func_t`) append to.
///
/// Cairo receives an unretained pointer to the sink as the callback's `closure` argument;
/// the sink must outlive the surface that writes into it.
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
}
