import CCairo

/// Versions of the drawing libraries linked into this process, for provenance records.
public enum LibraryVersions {
    /// Cairo's version string (`cairo_version_string`), e.g. "1.16.0".
    public static var cairo: String { String(cString: ccairo_cairo_version()) }
    /// Pango's version string (`pango_version_string`), e.g. "1.50.12".
    public static var pango: String { String(cString: ccairo_pango_version()) }
}
