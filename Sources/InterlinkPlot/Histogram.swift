import InterlinkCore

/// Equal-width binning for ``Mark/histogram(values:bins:range:label:color:)``.
enum Histogram {
    /// Bin edges and counts of the finite `values` inside `range` (default: their min…max).
    /// The last bin is closed on the right.
    static func bin(_ values: [Double], bins: Int, range: ClosedRange<Double>?) throws -> ([Double], [Double]) {
        guard bins >= 1, bins <= 100_000 else {
            throw ParameterError(path: "histogram.bins", value: "\(bins)", allowed: "1...100000")
        }
        let finite = values.filter(\.isFinite)
        let bounds: ClosedRange<Double>
        if let range {
            guard range.lowerBound.isFinite, range.upperBound.isFinite, range.upperBound > range.lowerBound else {
                throw ParameterError(
                    path: "histogram.range", value: "\(range)", allowed: "finite with upper > lower")
            }
            bounds = range
        } else {
            guard let lo = finite.min(), let hi = finite.max() else {
                throw ParameterError(
                    path: "histogram.values", value: "no finite values", allowed: "at least one finite value")
            }
            bounds = hi > lo ? lo...hi : (lo - 0.5)...(hi + 0.5)
        }
        let width = (bounds.upperBound - bounds.lowerBound) / Double(bins)
        guard width > 0, width.isFinite else {
            throw ParameterError(
                path: "histogram.range", value: "\(bounds)", allowed: "a range whose bin width is finite and > 0")
        }
        let edges = (0...bins).map { bounds.lowerBound + Double($0) * width }
        var counts = [Double](repeating: 0, count: bins)
        for v in finite where v >= bounds.lowerBound && v <= bounds.upperBound {
            let index = min(Int((v - bounds.lowerBound) / width), bins - 1)
            counts[index] += 1
        }
        return (edges, counts)
    }
}
