/// A rectangle on the page in points, y growing downward (Cairo's convention).
struct Rect: Equatable {
    var x: Double
    var y: Double
    var width: Double
    var height: Double

    var minX: Double { x }
    var maxX: Double { x + width }
    var minY: Double { y }
    var maxY: Double { y + height }
    var midX: Double { x + width / 2 }
    var midY: Double { y + height / 2 }

    /// Whether the point lies inside (edges included).
    func contains(_ px: Double, _ py: Double) -> Bool {
        px >= minX && px <= maxX && py >= minY && py <= maxY
    }

    /// The rectangle grown by `d` on every side.
    func insetBy(_ d: Double) -> Rect {
        Rect(x: x + d, y: y + d, width: width - 2 * d, height: height - 2 * d)
    }
}

/// A point in data coordinates.
public struct DataPoint: Sendable, Hashable {
    /// Abscissa.
    public var x: Double
    /// Ordinate.
    public var y: Double
    /// A point at (`x`, `y`).
    public init(_ x: Double, _ y: Double) {
        self.x = x
        self.y = y
    }
}

/// Where a piece of text is anchored relative to its position.
public enum TextAnchor: Sendable, Hashable {
    /// Centre of the text box at the position.
    case center
    /// Left edge, vertically centred.
    case left
    /// Right edge, vertically centred.
    case right
    /// Top edge, horizontally centred.
    case top
    /// Bottom edge, horizontally centred.
    case bottom
    /// Top-left corner.
    case topLeft
    /// Top-right corner.
    case topRight
    /// Bottom-left corner.
    case bottomLeft
    /// Bottom-right corner.
    case bottomRight

    /// 0 when the position is the left edge, 1 when it is the right edge.
    var horizontalFraction: Double {
        switch self {
        case .left, .topLeft, .bottomLeft: return 0
        case .center, .top, .bottom: return 0.5
        case .right, .topRight, .bottomRight: return 1
        }
    }

    /// 0 when the position is the top edge, 1 when it is the bottom edge.
    var verticalFraction: Double {
        switch self {
        case .top, .topLeft, .topRight: return 0
        case .center, .left, .right: return 0.5
        case .bottom, .bottomLeft, .bottomRight: return 1
        }
    }
}
