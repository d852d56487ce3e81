import Foundation
import Interlink

extension ModeMatchingStudy {
    /// The maximum of `merit` over x in [low, high] on a log scale, by the study's one search: a coarse
    /// scan of 63 interior points of log10 x, then `Minimizer.brent` started from the scan's best when it
    /// beats both ends. Returns the optimum x, its bracket half-width mapped to x (δx = x·ln10·δ(log10 x)) and
    /// `interior == true`; otherwise the better end with half-width 0 and `interior == false`.
    static func maximiseOnLogScale(low: Double, high: Double, _ merit: (Double) throws -> Double) throws
        -> (x: Double, halfWidth: Double, interior: Bool) {
        let lo = log10(low), hi = log10(high)
        func negative(_ logX: Double) throws -> Double { -(try merit(pow(10, logX))) }
        let scan = (1...63).map { lo + (hi - lo) * Double($0) / 64 }
        let values = try scan.map(negative)
        let endLo = try negative(lo), endHi = try negative(hi)
        if let best = values.indices.min(by: { values[$0] < values[$1] }), values[best] < min(endLo, endHi) {
            let minimum = try Minimizer.brent(lower: lo, upper: hi, guess: scan[best], relativeTolerance: 1e-6, negative)
            let x = pow(10, minimum.x)
            return (x, x * log(10) * (minimum.upper - minimum.lower) / 2, true)
        }
        return (endHi <= endLo ? high : low, 0, false)
    }
}

extension ModeMatchingStudy {
    /// This file, one of the study's sources (`sourceFiles`).
    static let optimumSource = #filePath
    /// The study's concern files (editing any invalidates its cached points).
    static var concernSources: [String] { [optimumSource, timeResolvedSource, shapingSource, comparisonSource, filterBandSource,
                                          fidelityFloorSource] }
}
