import Foundation
import Interlink

/// The 90 % band of the Sr⁺–transducer filter scan over the linewidth draws of the headline uncertainty.
extension ModeMatchingStudy {
    /// Per filter bandwidth of the scan grid, the 5 % and 95 % points (type-7 quantiles) of the Sr⁺–transducer
    /// yield per pair T·(1 − H) over the same 64 Latin-hypercube linewidth draws as the headline intervals
    /// (common draws at every B, so the band is smooth).
    static func filterMeritBand(_ base: Parameters) throws -> (bandwidthMHz: [Double], low: [Double], high: [Double]) {
        let propagation = headlineUncertainty.propagation
        let grid = (0..<filterRange.count).map {
            pow(10, log10(filterRange.low) + (log10(filterRange.high) - log10(filterRange.low)) * Double($0) / Double(filterRange.count - 1))
        }
        let draws = try propagation.samples(around: base).map { p in
            try grid.map { try filtered(.ionTransducer, bandwidthMHz: $0, p).merit }
        }
        let tail = (1 - propagation.level) / 2
        var low: [Double] = [], high: [Double] = []
        for index in grid.indices {
            let q = try Quantile.of(draws.map { $0[index] }, probabilities: [tail, 1 - tail])
            low.append(q[0])
            high.append(q[1])
        }
        return (grid, low, high)
    }
}

extension ModeMatchingStudy {
    /// This file, one of the study's sources (`sourceFiles`).
    static let filterBandSource = #filePath
}
