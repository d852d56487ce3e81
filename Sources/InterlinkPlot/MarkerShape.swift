/// Shape of a scatter marker.
public enum MarkerShape: Sendable, Hashable, CaseIterable {
    /// Circle.
    case circle
    /// Axis-aligned square.
    case square
    /// Triangle pointing up.
    case triangleUp
    /// Triangle pointing down.
    case triangleDown
    /// Square rotated by 45 degrees.
    case diamond
    /// Diagonal cross (stroked only).
    case cross
    /// Upright plus (stroked only).
    case plus

    /// Shapes cycled for successive scatter series.
    public static let cycle: [MarkerShape] = [.circle, .square, .triangleUp, .diamond, .triangleDown, .cross, .plus]

    /// Whether the shape is drawn as strokes only (no interior).
    var isStrokeOnly: Bool { self == .cross || self == .plus }
}

/// Draws marker paths on a ``Canvas``.
extension Canvas {
    /// Draws one marker of `shape` and full width `size` points centred at (`x`, `y`), filled with
    /// `color` when `filled`, otherwise white inside with a `color` outline.
    func marker(_ shape: MarkerShape, at x: Double, _ y: Double, size: Double, color: Color, filled: Bool,
                lineWidth: Double) {
        let r = size / 2
        newPath()
        switch shape {
        case .circle:
            circle(x, y, radius: r)
        case .square:
            let s = r * 0.886  // equal area with the circle: sqrt(pi)/2
            rectangle(Rect(x: x - s, y: y - s, width: 2 * s, height: 2 * s))
        case .triangleUp, .triangleDown:
            let s = r * 1.1
            let sign: Double = shape == .triangleUp ? 1 : -1
            move(x, y - sign * s)
            line(x + s * 0.866, y + sign * s * 0.5)
            line(x - s * 0.866, y + sign * s * 0.5)
            closePath()
        case .diamond:
            let s = r * 1.15
            move(x, y - s)
            line(x + s * 0.75, y)
            line(x, y + s)
            line(x - s * 0.75, y)
            closePath()
        case .cross:
            let s = r * 0.8
            move(x - s, y - s); line(x + s, y + s)
            move(x - s, y + s); line(x + s, y - s)
        case .plus:
            move(x - r, y); line(x + r, y)
            move(x, y - r); line(x, y + r)
        }
        setLine(width: lineWidth)
        if shape.isStrokeOnly {
            setColor(color)
            stroke()
            return
        }
        setColor(filled ? color : .white)
        fillPreserve()
        setColor(color)
        stroke()
    }
}
