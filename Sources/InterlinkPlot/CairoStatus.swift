import CCairo

/// The single funnel through which every status-returning Cairo call passes.
enum CairoStatus {
    /// Throws ``PlotError/cairo(function:status:message:)`` unless `status` is `CAIRO_STATUS_SUCCESS`;
    /// the message comes from `cairo_status_to_string`.
    static func check(_ status: cairo_status_t, _ function: String) throws {
        guard status != CAIRO_STATUS_SUCCESS else { return }
        let message = cairo_status_to_string(status).map { String(cString: $0) } ?? "unknown status"
        throw PlotError.cairo(function: function, status: status.rawValue, message: message)
    }
}
