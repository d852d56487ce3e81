import Foundation
import Interlink

/// The Sr⁺–transducer fixes under a fidelity floor: the distillable yield per second already charges a lower
/// fidelity, so the study's recommendation needs no floor; this file gives what changes if one is imposed.
extension ModeMatchingStudy {
    /// The fidelity floor the report's "What to build" discusses (an example requirement, not derived by this study).
    static let fidelityFloor = 0.9

    /// The shaped transmon photon held to a fidelity floor: its yield per pair falls beyond its optimum linewidth
    /// while its overlap, and so F, rises towards the band-limited photon's. The best photon meeting the floor is
    /// therefore the optimum one when that meets it, else the narrowest broader photon with F = floor (Brent root
    /// between the optimum and the scan's upper end). Throws when even the scan's broadest photon misses the floor.
    static func shapedTransmonAtFloor(_ floor: Double, _ p: Parameters) throws
        -> (linewidthMHz: Double, overlap: Double, transmission: Double, fidelity: Double, merit: Double) {
        try Validate.inRange(floor, 0.5...1, at: "fidelityFloor")
        let optimum = try optimumShapedTransmon(p).linewidthMHz
        func at(_ nu: Double) throws -> (linewidthMHz: Double, overlap: Double, transmission: Double, fidelity: Double, merit: Double) {
            let s = try shapedTransmon(linewidthMHz: nu, p)
            return (nu, s.overlap, s.transmission, s.fidelity, s.merit)
        }
        if try shapedTransmon(linewidthMHz: optimum, p).fidelity >= floor { return try at(optimum) }
        guard try shapedTransmon(linewidthMHz: shapedTransmonRange.high, p).fidelity >= floor else {
            throw ParameterError(path: "fidelityFloor", value: floor,
                                 range: "up to the F the shaped transmon photon reaches at \(shapedTransmonRange.high) MHz")
        }
        let root = try RootFinder.brent(lower: log10(optimum), upper: log10(shapedTransmonRange.high), relativeTolerance: 1e-10) {
            try shapedTransmon(linewidthMHz: pow(10, $0), p).fidelity - floor
        }
        return try at(pow(10, root.x))
    }

    /// Derived: the fidelity floor and the shaped transmon photon held to it, per pair and per second (the
    /// Sr⁺–transducer link's p₀ and attempt time, as in the fixes table).
    static func fidelityFloorDerivation(_ p: Parameters) -> Derivation {
        Derivation("shaped transmon photon at the fidelity floor") { _ in
            let s = try shapedTransmonAtFloor(fidelityFloor, p)
            let sr = try arm(.strontium422, p), transmon = try arm(.transmonElectroOptic, p)
            let perSecond = try heraldProbability(sr, transmon) * s.merit / attemptSeconds(sr, transmon)
            return [Metric("fidelityFloor", fidelityFloor), Metric("floorShapedLinewidth", s.linewidthMHz, unit: "MHz"),
                    Metric("floorShapedFidelity", s.fidelity), Metric("floorShapedMerit", s.merit),
                    Metric("floorShapedPerSecond", perSecond, unit: "ebit/s")]
        }
    }
}

extension ModeMatchingStudy {
    /// This file, one of the study's sources (`sourceFiles`).
    static let fidelityFloorSource = #filePath
}
