import CCairo
import Foundation

/// The private fontconfig configuration and Pango font map every figure uses.
///
/// Built with `FcConfigCreate` + `FcConfigAppFontAddFile` from Liberation Sans (regular, bold, italic,
/// bold italic), DejaVu Sans (fallback glyphs) and DejaVu Sans Mono (code, `<tt>`) only, so figures never depend on the other fonts
/// a machine happens to have; the files themselves are located through the machine's fontconfig
/// or the standard font folders (``FontLocator``). The font map comes from
/// `pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT)` so that PDF output embeds
/// TrueType subsets, and hinting is off (`cairo_font_options_set_hint_style`/`_hint_metrics`)
/// so that layout does not depend on the output resolution.
final class FontLibrary {
    /// Font family used for all text.
    static let family = "Liberation Sans"
    /// Font family of monospaced text (Pango `<tt>`, which would otherwise ask for the generic
    /// "Monospace" the private configuration does not define).
    static let monospaceFamily = "DejaVu Sans Mono"

    /// The font files of the private configuration, by file name: Liberation Sans (regular, bold,
    /// italic, bold italic), DejaVu Sans (fallback glyphs) and DejaVu Sans Mono (`<tt>`). ``fontFiles`` finds each one.
    static let fontFileNames = [
        "LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf", "LiberationSans-Italic.ttf",
        "LiberationSans-BoldItalic.ttf", "DejaVuSans.ttf", "DejaVuSansMono.ttf", "DejaVuSansMono-Bold.ttf",
    ]

    /// The font files, found by ``FontLocator`` (the machine's fontconfig, then the standard font
    /// folders of Debian, Fedora and macOS); throws ``PlotError/fontMissing(path:)`` naming the
    /// first file that is nowhere.
    static func fontFiles() throws -> [String] {
        try fontFileNames.map { name in
            guard let path = FontLocator.path(of: name) else { throw PlotError.fontMissing(path: name) }
            return path
        }
    }

    /// `PangoFontMap *` bound to the private `FcConfig`.
    let fontMap: UnsafeMutablePointer<PangoFontMap>
    /// `cairo_font_options_t *` with hinting off.
    let fontOptions: OpaquePointer
    private let config: OpaquePointer

    /// Loads the font files; throws ``PlotError/fontMissing(path:)`` when one is absent.
    init() throws {
        // A clear message naming bootstrap for the common "not installed" case.
        let fontFiles = try Self.fontFiles()
        // `FcConfigCreate`
        guard let config = FcConfigCreate() else {
            throw PlotError.text(function: "FcConfigCreate", message: "could not allocate a font configuration")
        }
        for path in fontFiles {
            // `FcConfigAppFontAddFile`
            let added = path.withCString { cString in
                FcConfigAppFontAddFile(config, UnsafeRawPointer(cString).assumingMemoryBound(to: FcChar8.self))
            }
            guard added != 0 else {
                FcConfigDestroy(config)
                throw PlotError.fontMissing(path: path)
            }
        }
        // `pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT)`
        guard let map = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT) else {
            FcConfigDestroy(config)
            throw PlotError.text(
                function: "pango_cairo_font_map_new_for_font_type", message: "FreeType font backend unavailable")
        }
        // `pango_fc_font_map_set_config` (the map takes its own reference to the configuration).
        pango_fc_font_map_set_config(OpaquePointer(map), config)
        // `cairo_font_options_create` + hint style/metrics off.
        guard let options = cairo_font_options_create() else {
            ccairo_object_unref(map)
            FcConfigDestroy(config)
            throw PlotError.cairo(function: "cairo_font_options_create", status: 1, message: "no memory")
        }
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        try CairoStatus.check(cairo_font_options_status(options), "cairo_font_options_create")
        self.config = config
        self.fontMap = map
        self.fontOptions = options
    }

    deinit {
        cairo_font_options_destroy(fontOptions)
        ccairo_object_unref(fontMap)
        FcConfigDestroy(config)
    }
}
