import Foundation

/// An axis with its final limits and ticks.
struct ResolvedAxis {
    /// Data-to-fraction mapping with the final limits.
    var mapping: AxisMapping
    /// Labelled ticks.
    var major: [Tick]
    /// Unlabelled minor tick positions.
    var minor: [Double]
}

/// Chooses axis limits (automatic with nice padding, or given) and ticks.
enum AxisResolver {
    /// Final limits for `axis` given the data extent of its marks.
    ///
    /// Linear: the extent is rounded outward to multiples of the tick step; log: to whole decades.
    /// A limit that a marker (extent `markers`) would touch moves out by 4 % of the range, so that
    /// markers are not cut in half by the frame.
    static func limits(for axis: Axis, extent: (Double, Double)?, markers: (Double, Double)? = nil,
                       maxTicks: Int) -> (Double, Double) {
        if let given = axis.limits { return (given.lowerBound, given.upperBound) }
        switch axis.scale {
        case .linear:
            var (lo, hi) = extent ?? (0, 1)
            if hi - lo <= abs(hi) * 1e-12 {
                let delta = lo == 0 ? 1 : abs(lo) * 0.1
                lo -= delta
                hi += delta
            }
            let step = Ticks.linearStep(lower: lo, upper: hi, maxCount: maxTicks)
            var roundedLo = (lo / step + 1e-9).rounded(.down) * step
            var roundedHi = (hi / step - 1e-9).rounded(.up) * step
            // Markers centred on a limit would be cut in half: move such a limit out by 4 %.
            if let (mlo, mhi) = markers {
                let margin = (roundedHi - roundedLo) * 0.04
                if mlo - roundedLo < margin / 2 { roundedLo = min(roundedLo, mlo - margin) }
                if roundedHi - mhi < margin / 2 { roundedHi = max(roundedHi, mhi + margin) }
            }
            return (roundedLo, roundedHi)
        case .log:
            let (lo, hi) = extent ?? (1, 10)
            var low = (log10(lo) + 1e-9).rounded(.down)
            var high = (log10(hi) - 1e-9).rounded(.up)
            if high <= low { high = low + 1 }
            // Keep the range within what Double can show.
            low = max(low, -300)
            high = min(max(high, low + 1), 300)
            if let (mlo, mhi) = markers, mlo > 0, mhi > 0 {
                let margin = (high - low) * 0.04
                if log10(mlo) - low < margin / 2 { low = min(low, log10(mlo) - margin) }
                if high - log10(mhi) < margin / 2 { high = max(high, log10(mhi) + margin) }
            }
            return (pow(10, low), pow(10, high))
        }
    }

    /// Ticks for an axis with final limits.
    static func ticks(for axis: Axis, lower: Double, upper: Double, maxTicks: Int) -> ResolvedAxis {
        let mapping = AxisMapping(scale: axis.scale, lower: lower, upper: upper)
        if let custom = axis.ticks {
            let inside = custom.filter { tick in
                guard let f = mapping.fraction(tick.value) else { return false }
                return f >= -1e-9 && f <= 1 + 1e-9
            }
            return ResolvedAxis(mapping: mapping, major: inside, minor: [])
        }
        switch axis.scale {
        case .linear:
            let step = Ticks.linearStep(lower: lower, upper: upper, maxCount: maxTicks)
            let major = Ticks.multiples(of: step, lower: lower, upper: upper)
            let minorValues = Ticks.multiples(of: Ticks.minorStep(major: step), lower: lower, upper: upper)
            let minor = minorValues.filter { v in !major.contains { abs($0 - v) <= step * 1e-6 } }
            let labels = Ticks.labels(major, step: step)
            return ResolvedAxis(mapping: mapping, major: zip(major, labels).map { Tick($0, $1) }, minor: minor)
        case .log:
            let exponents = Ticks.decades(lower: lower, upper: upper)
            if exponents.count >= 2 {
                let choices = [1, 2, 3, 5, 10, 20, 50, 100]
                let stride = choices.first { (exponents.count + $0 - 1) / $0 <= max(maxTicks, 2) } ?? 100
                let labelled = exponents.filter { $0 % stride == 0 }
                let major = labelled.map { Tick(pow(10, Double($0)), Ticks.powerOfTen($0)) }
                var minor: [Double] = []
                if stride == 1 {
                    let first = exponents[0] - 1
                    for k in first...(exponents[exponents.count - 1]) {
                        for m in 2...9 {
                            let v = Double(m) * pow(10, Double(k))
                            if v >= lower * (1 - 1e-9) && v <= upper * (1 + 1e-9) { minor.append(v) }
                        }
                    }
                } else {
                    minor = exponents.filter { $0 % stride != 0 }.map { pow(10, Double($0)) }
                }
                return ResolvedAxis(mapping: mapping, major: major, minor: minor)
            }
            // Less than two decades: 1-2-5 multiples of powers of ten, or every integer multiple when
            // that gives too few; labelled plainly. The remaining multiples become minor ticks.
            let firstDecade = Int((log10(lower)).rounded(.down))
            let lastDecade = Int((log10(upper)).rounded(.up))
            func values(_ mantissas: [Double]) -> [Double] {
                var result: [Double] = []
                for k in firstDecade...lastDecade {
                    for m in mantissas {
                        let v = m * pow(10, Double(k))
                        if v >= lower * (1 - 1e-9) && v <= upper * (1 + 1e-9) { result.append(v) }
                    }
                }
                return result
            }
            let all = values([1, 2, 3, 4, 5, 6, 7, 8, 9])
            let coarse = values([1, 2, 5])
            let values = coarse.count >= 3 || all.count > max(maxTicks, 2) ? coarse : all
            let minor = all.filter { v in !values.contains(v) }
            return ResolvedAxis(mapping: mapping, major: values.map { Tick($0, Ticks.plainLabel($0)) }, minor: minor)
        }
    }
}
