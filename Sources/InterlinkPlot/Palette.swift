/// A qualitative colour cycle for distinguishing series.
public struct Palette: Sendable, Hashable {
    /// Name shown in the gallery.
    public var name: String
    /// Colours in cycle order.
    public var colors: [Color]

    /// A palette from explicit colours (at least one).
    public init(name: String, colors: [Color]) {
        self.name = name
        self.colors = colors.isEmpty ? [.black] : colors
    }

    /// The `index`-th colour, cycling.
    public subscript(index: Int) -> Color {
        colors[((index % colors.count) + colors.count) % colors.count]
    }

    /// Okabe–Ito colour-blind-safe palette (M. Okabe and K. Ito, "Color Universal Design", 2008),
    /// ordered blue, vermillion, bluish green, orange, reddish purple, sky blue, yellow, black.
    public static let okabeIto = Palette(name: "Okabe-Ito", colors: [
        Color(hex: 0x0072B2), Color(hex: 0xD55E00), Color(hex: 0x009E73), Color(hex: 0xE69F00),
        Color(hex: 0xCC79A7), Color(hex: 0x56B4E9), Color(hex: 0xF0E442), Color(hex: 0x000000),
    ])

    /// Paul Tol's "bright" qualitative scheme (P. Tol, "Colour Schemes", SRON/EPS/TN/09-002, 2021).
    public static let tolBright = Palette(name: "Tol bright", colors: [
        Color(hex: 0x4477AA), Color(hex: 0xEE6677), Color(hex: 0x228833), Color(hex: 0xCCBB44),
        Color(hex: 0x66CCEE), Color(hex: 0xAA3377), Color(hex: 0xBBBBBB),
    ])

    /// Paul Tol's "muted" qualitative scheme (same reference), for up to nine series.
    public static let tolMuted = Palette(name: "Tol muted", colors: [
        Color(hex: 0x332288), Color(hex: 0x88CCEE), Color(hex: 0x44AA99), Color(hex: 0x117733),
        Color(hex: 0x999933), Color(hex: 0xDDCC77), Color(hex: 0xCC6677), Color(hex: 0x882255),
        Color(hex: 0xAA4499),
    ])
}
