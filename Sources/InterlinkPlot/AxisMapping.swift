import Foundation

/// Maps data values on one axis to a fraction of the axis length (0 at the lower limit, 1 at the upper).
struct AxisMapping: Equatable {
    /// Linear or logarithmic.
    var scale: Scale
    /// Lower limit (data units, > 0 on a log axis).
    var lower: Double
    /// Upper limit (data units).
    var upper: Double

    /// The fraction for `value`, or `nil` when the value cannot be shown (non-finite, <= 0 on a log axis).
    func fraction(_ value: Double) -> Double? {
        guard value.isFinite else { return nil }
        switch scale {
        case .linear:
            return (value - lower) / (upper - lower)
        case .log:
            guard value > 0 else { return nil }
            return (log10(value) - log10(lower)) / (log10(upper) - log10(lower))
        }
    }

    /// The data value at a fraction of the axis (inverse of ``fraction(_:)``).
    func value(atFraction t: Double) -> Double {
        switch scale {
        case .linear: return lower + t * (upper - lower)
        case .log: return pow(10, log10(lower) + t * (log10(upper) - log10(lower)))
        }
    }
}

/// Data-to-page transformation of one panel's plot rectangle.
struct PlotTransform {
    /// Horizontal mapping.
    var x: AxisMapping
    /// Vertical mapping.
    var y: AxisMapping
    /// Plot area on the page (points, y down).
    var rect: Rect

    /// Page coordinates far outside the page are clamped so Cairo never sees huge numbers.
    private static let bound = 1e5

    /// Page x for a data x, or `nil` if not representable.
    func px(_ value: Double) -> Double? {
        x.fraction(value).map { min(max(rect.minX + $0 * rect.width, -Self.bound), Self.bound) }
    }

    /// Page y for a data y, or `nil` if not representable.
    func py(_ value: Double) -> Double? {
        y.fraction(value).map { min(max(rect.maxY - $0 * rect.height, -Self.bound), Self.bound) }
    }

    /// Page point for a data point, or `nil` if either coordinate is not representable.
    func point(_ dx: Double, _ dy: Double) -> (x: Double, y: Double)? {
        guard let px = px(dx), let py = py(dy) else { return nil }
        return (px, py)
    }
}
