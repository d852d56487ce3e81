import InterlinkCore

/// A continuous colour map from [0, 1] to colours, piecewise linear between evenly spaced stops.
public struct Colormap: Sendable, Hashable {
    /// Name shown in the gallery.
    public var name: String
    /// Evenly spaced colour stops from t = 0 to t = 1 (at least two).
    public var stops: [Color]

    /// A colour map from at least two evenly spaced stops.
    public init(name: String, stops: [Color]) throws {
        guard stops.count >= 2 else {
            throw ParameterError(path: "colormap.stops", value: "\(stops.count) stops", allowed: ">= 2")
        }
        self.name = name
        self.stops = stops
    }

    private init(uncheckedName name: String, stops: [Color]) {
        self.name = name
        self.stops = stops
    }

    /// The colour at `t`, clamped to [0, 1]; non-finite `t` gives the t = 0 colour.
    public func color(at t: Double) -> Color {
        let clamped = t.isFinite ? min(max(t, 0), 1) : 0
        let position = clamped * Double(stops.count - 1)
        let index = min(Int(position), stops.count - 2)
        return stops[index].mixed(with: stops[index + 1], position - Double(index))
    }

    /// The same map run backwards.
    public var reversed: Colormap {
        Colormap(uncheckedName: name + " (reversed)", stops: stops.reversed())
    }

    private static func table(_ name: String, _ rgb: [(Double, Double, Double)]) -> Colormap {
        Colormap(uncheckedName: name, stops: rgb.map { Color(red: $0.0, green: $0.1, blue: $0.2) })
    }

    /// Viridis (S. van der Walt and N. Smith, matplotlib 2.0, 2015): 33 stops, every eighth entry
    /// of matplotlib's 256-entry `_viridis_data` table (CC0), perceptually uniform.
    public static let viridis = table("viridis", [
        (0.2670, 0.0049, 0.3294), (0.2770, 0.0503, 0.3757), (0.2823, 0.0950, 0.4173), (0.2829, 0.1359, 0.4534),
        (0.2788, 0.1755, 0.4834), (0.2706, 0.2141, 0.5071), (0.2590, 0.2515, 0.5247), (0.2450, 0.2877, 0.5373),
        (0.2297, 0.3224, 0.5457), (0.2143, 0.3556, 0.5512), (0.1994, 0.3876, 0.5546), (0.1856, 0.4186, 0.5568),
        (0.1727, 0.4488, 0.5579), (0.1607, 0.4785, 0.5581), (0.1490, 0.5081, 0.5573), (0.1378, 0.5375, 0.5549),
        (0.1276, 0.5669, 0.5506), (0.1206, 0.5964, 0.5436), (0.1206, 0.6258, 0.5335), (0.1323, 0.6550, 0.5197),
        (0.1579, 0.6838, 0.5017), (0.1966, 0.7118, 0.4792), (0.2461, 0.7389, 0.4520), (0.3041, 0.7647, 0.4199),
        (0.3692, 0.7889, 0.3829), (0.4401, 0.8111, 0.3410), (0.5160, 0.8312, 0.2943), (0.5958, 0.8487, 0.2433),
        (0.6785, 0.8637, 0.1895), (0.7624, 0.8764, 0.1371), (0.8456, 0.8873, 0.0997), (0.9261, 0.8973, 0.1041),
        (0.9932, 0.9062, 0.1439),
    ])

    /// Cividis (J. R. Nuñez, C. R. Anderton and R. S. Renslow, PLoS ONE 13, e0199239 (2018)):
    /// 33 stops of matplotlib's `_cividis_data`, optimised for colour-vision deficiency.
    public static let cividis = table("cividis", [
        (0.0000, 0.1351, 0.3048), (0.0000, 0.1579, 0.3575), (0.0000, 0.1788, 0.4148), (0.0179, 0.1985, 0.4412),
        (0.1034, 0.2204, 0.4358), (0.1543, 0.2425, 0.4301), (0.1951, 0.2644, 0.4259), (0.2309, 0.2861, 0.4235),
        (0.2637, 0.3078, 0.4228), (0.2947, 0.3295, 0.4237), (0.3242, 0.3513, 0.4263), (0.3529, 0.3732, 0.4302),
        (0.3808, 0.3952, 0.4357), (0.4082, 0.4174, 0.4426), (0.4352, 0.4398, 0.4511), (0.4616, 0.4624, 0.4620),
        (0.4887, 0.4853, 0.4710), (0.5179, 0.5085, 0.4727), (0.5478, 0.5319, 0.4717), (0.5782, 0.5557, 0.4687),
        (0.6091, 0.5798, 0.4636), (0.6404, 0.6044, 0.4568), (0.6720, 0.6293, 0.4480), (0.7040, 0.6547, 0.4371),
        (0.7365, 0.6806, 0.4240), (0.7694, 0.7070, 0.4085), (0.8027, 0.7340, 0.3902), (0.8364, 0.7615, 0.3687),
        (0.8707, 0.7896, 0.3433), (0.9056, 0.8183, 0.3129), (0.9411, 0.8475, 0.2758), (0.9778, 0.8773, 0.2280),
        (0.9957, 0.9093, 0.2178),
    ])

    /// Diverging blue–white–red map: Paul Tol's "BuRd" (identical to ColorBrewer RdBu, C. A. Brewer,
    /// colorbrewer2.org), nine stops, white at t = 0.5; for signed quantities around zero.
    public static let blueRed = Colormap(uncheckedName: "blue-red", stops: [
        Color(hex: 0x2166AC), Color(hex: 0x4393C3), Color(hex: 0x92C5DE), Color(hex: 0xD1E5F0),
        Color(hex: 0xF7F7F7), Color(hex: 0xFDDBC7), Color(hex: 0xF4A582), Color(hex: 0xD6604D),
        Color(hex: 0xB2182B),
    ])
}
