/// Dash pattern of a stroked line; patterns scale with the line width so that figures stay
/// distinguishable in greyscale print.
public enum LineStyle: Sendable, Hashable, CaseIterable {
    /// Continuous line.
    case solid
    /// Dashes of 3.7 line widths, gaps of 1.6 (matplotlib's proportions).
    case dashed
    /// Round dots.
    case dotted
    /// Dash, gap, dot, gap.
    case dashDot
    /// Long dashes.
    case longDash

    /// The Cairo dash array for a line of width `width` points.
    func dashes(width: Double) -> [Double] {
        let w = max(width, 0.5)
        switch self {
        case .solid: return []
        case .dashed: return [3.7 * w, 1.6 * w]
        case .dotted: return [0.01, 1.8 * w]
        case .dashDot: return [6.4 * w, 1.6 * w, 0.01, 1.6 * w]
        case .longDash: return [8 * w, 2.5 * w]
        }
    }

    /// Human-readable name (gallery legends).
    public var name: String {
        switch self {
        case .solid: return "solid"
        case .dashed: return "dashed"
        case .dotted: return "dotted"
        case .dashDot: return "dash-dot"
        case .longDash: return "long dash"
        }
    }

    /// Dotted patterns need round caps to draw dots.
    var needsRoundCaps: Bool {
        switch self {
        case .dotted, .dashDot: return true
        default: return false
        }
    }

    /// Styles cycled for successive series when the author asks for greyscale-safe figures.
    public static let cycle: [LineStyle] = [.solid, .dashed, .dotted, .dashDot, .longDash]
}
