import Foundation
import InterlinkCore

/// Where a swept curve crosses a level — a threshold, a break-even point, a reach — reported so it
/// cannot be mistaken for the grid's edge: a crossing outside the swept range says so.
public enum Crossing: Sendable, Hashable {
    /// The curve crosses the level at this x (interpolated between the bracketing grid points).
    case at(Double)
    /// The curve stays on its starting side of the level over the whole swept range; the crossing,
    /// if any, lies beyond the last swept x.
    case beyondSweptRange(lastSwept: Double)
    /// The curve is already on the far side of the level at the first swept x; any crossing lies
    /// before it.
    case beforeSweptRange(firstSwept: Double)

    /// How values are interpolated between grid points.
    public enum Interpolation: Sendable, Hashable {
        /// Linear in x and y.
        case linear
        /// Linear in x and log y (rates that fall exponentially with distance); y must be > 0.
        case logY
    }

    /// The first crossing of `level` by y(x), scanning in increasing x, where the curve passes from
    /// above the level to at-or-below it (`falling: true`, e.g. a rate's reach) or from below to
    /// at-or-above it (`falling: false`, e.g. a fidelity threshold on a growing parameter).
    /// - Throws: ``ParameterError`` for unequal lengths, fewer than 2 points, non-increasing or
    ///   non-finite x, NaN y, or y ≤ 0 with `.logY`.
    public static func first(x: [Double], y: [Double], level: Double, falling: Bool = true,
                             interpolation: Interpolation = .linear) throws -> Crossing {
        try Validate.count(x.count, atLeast: 2, at: "x.count")
        guard y.count == x.count else { throw ParameterError(path: "y.count", value: "\(y.count)", allowed: "\(x.count) (= x.count)") }
        try Validate.finite(x, at: "x")
        try Validate.finite(level, at: "level")
        for i in 1..<x.count where x[i] <= x[i - 1] {
            throw ParameterError(path: "x[\(i)]", value: Validate.format(x[i]), allowed: "> x[\(i - 1)] = \(Validate.format(x[i - 1])) (increasing)")
        }
        for (i, v) in y.enumerated() where v.isNaN || (interpolation == .logY && !(v > 0)) {
            throw ParameterError(path: "y[\(i)]", value: Validate.format(v), allowed: interpolation == .logY ? "> 0 (log interpolation)" : "a number")
        }
        if interpolation == .logY { try Validate.positive(level, at: "level") }
        func past(_ v: Double) -> Bool { falling ? v <= level : v >= level }
        if past(y[0]) { return .beforeSweptRange(firstSwept: x[0]) }
        for i in 1..<x.count where past(y[i]) {
            let (a, b, l) = interpolation == .logY ? (log(y[i - 1]), log(y[i]), log(level)) : (y[i - 1], y[i], level)
            guard a.isFinite, b.isFinite else { return .at(x[i]) }
            let t = (l - a) / (b - a)
            return .at(x[i - 1] + t * (x[i] - x[i - 1]))
        }
        return .beyondSweptRange(lastSwept: x[x.count - 1])
    }

    /// The crossing x, or `nil` when it lies outside the swept range.
    public var value: Double? {
        if case let .at(v) = self { return v }
        return nil
    }

    /// Text for a report: `42.3 km`, `> 150 km (beyond the swept range)` or `< 0 km (before the swept
    /// range)`; `digits` significant digits.
    public func text(unit: String, digits: Int = 3) -> String {
        let u = unit.isEmpty ? "" : " \(unit)"
        func number(_ v: Double) -> String { String(format: "%.\(digits)g", v) }
        switch self {
        case let .at(v): return number(v) + u
        case let .beyondSweptRange(last): return "> \(number(last))\(u) (beyond the swept range)"
        case let .beforeSweptRange(first): return "< \(number(first))\(u) (before the swept range)"
        }
    }
}
