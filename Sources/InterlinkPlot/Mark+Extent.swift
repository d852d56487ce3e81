/// Data extents of marks, used for automatic axis limits.
extension Mark {
    /// Smallest and largest value this mark shows along `axis` on a `scale` axis (positive values
    /// only on log axes), or `nil` when it has none.
    func extent(along axis: AxisSelector, scale: Scale) -> (Double, Double)? {
        var values: [Double] = []
        func take(_ xs: [Double]) { values.append(contentsOf: xs) }
        let isX = axis == .x
        switch kind {
        case let .line(x, y, _, _), let .scatter(x, y, _, _), let .step(x, y, _):
            take(isX ? x : y)
        case let .errorBars(x, y, yError, xError, _):
            if isX {
                take(x)
                if let xError {
                    for (v, e) in zip(x, xError) { take([v - abs(e), v + abs(e)]) }
                }
            } else {
                for (v, e) in zip(y, yError) { take([v - abs(e), v + abs(e)]) }
                take(y)
            }
        case let .band(x, lower, upper):
            if isX { take(x) } else { take(lower); take(upper) }
        case let .bars(positions, series, layout, width):
            if isX {
                let half = Mark.barSpacing(positions) * width / 2
                for p in positions { take([p - half, p + half]) }
            } else {
                take([0])
                switch layout {
                case .grouped:
                    for s in series { take(s.values) }
                case .stacked:
                    for index in positions.indices {
                        var up = 0.0
                        var down = 0.0
                        for s in series where index < s.values.count && s.values[index].isFinite {
                            if s.values[index] >= 0 { up += s.values[index] } else { down += s.values[index] }
                        }
                        take([up, down])
                    }
                }
            }
        case let .tornado(bars, _, _):
            if isX { take([bars.baseline]); take(bars.low); take(bars.high) } else { take([-0.5, Double(bars.labels.count) - 0.5]) }
        case let .histogram(edges, counts):
            if isX { take(edges) } else { take([0]); take(counts) }
        case let .heatmap(map):
            let r = isX ? map.x : map.y
            take([r.lowerBound, r.upperBound])
        case let .contour(set):
            take(isX ? set.x : set.y)
        case let .reference(refAxis, value, _):
            if refAxis == axis { take([value]) }
        case let .span(spanAxis, from, to):
            if spanAxis == axis { take([from, to]) }
        case let .fillToEdge(x, y, _):
            take(isX ? x : y)
        case let .text(_, point, _), let .pointLabel(_, point):
            take([isX ? point.x : point.y])
        case let .arrow(from, to, _):
            take(isX ? [from.x, to.x] : [from.y, to.y])
        }
        let usable = values.filter { $0.isFinite && (scale == .linear || $0 > 0) }
        guard let lo = usable.min(), let hi = usable.max() else { return nil }
        return (lo, hi)
    }

    /// Whether the mark draws shapes with a size at data points (markers), or flat runs that would
    /// hide along the frame (steps), so that automatic limits get a little padding.
    var needsPadding: Bool {
        switch kind {
        case .scatter, .errorBars, .step: return true
        case let .line(_, _, _, marker): return marker != nil
        default: return false
        }
    }

    /// Smallest spacing between distinct bar positions (1 for a single bar).
    static func barSpacing(_ positions: [Double]) -> Double {
        let sorted = positions.filter(\.isFinite).sorted()
        var spacing = Double.infinity
        for (a, b) in zip(sorted, sorted.dropFirst()) where b > a { spacing = min(spacing, b - a) }
        return spacing.isFinite ? spacing : 1
    }
}
