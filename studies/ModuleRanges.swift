import Foundation
import Interlink

/// The ranges of the module presets the architecture studies (modality-mix, heterogeneous-machines)
/// draw for their headline bands and tornados, and how a drawn value enters a module: one place, so
/// both studies quote the same ranges with the same sources.
///
/// - `ion.ca40.854.cavity` (demonstrated): its collection is calibrated to Krutyanskiy et al. 2023's
///   herald probability p = 4 × 10⁻⁵ per attempt, which is quoted without an uncertainty; ±25 % is
///   assumed (3–5 × 10⁻⁵), and the collection follows as √(p / 4 × 10⁻⁵) times the preset's (the
///   two-photon herald probability grows as the square of the per-photon efficiency), as in the
///   transduction-frontier study.
/// - `transmon.transducer.eo` (projected): T₁ = T₂ = 100 µs is the lower end of the cited 100 µs–1 ms
///   (log-uniform over the cited range).
/// - `atom.yb171.array.telecom` (projected): collection 0.10 is an assumption of the preset; ×/÷ 2
///   (log-uniform 0.05–0.2) is assumed.
/// - The residual two-photon visibility V₀ = 0.95 is an assumption of both studies: 0.90–0.98.
enum ModuleRanges {
    /// This file (part of the studies' code fingerprints).
    static let sourceFile = #filePath

    /// The published herald probability of the Ca⁺ calibration (Krutyanskiy et al. 2023).
    static let calibrationProbability = 4e-5

    /// Krutyanskiy et al. 2023's p with an assumed ±25 %.
    static let ionCalibration = ParameterUncertainty.range(
        3e-5, 5e-5, source: "Krutyanskiy et al. 2023 p = 4e-5 per attempt, assumed ±25 % (no uncertainty quoted)",
        isAssumption: true)
    /// The cited superconducting coherence range.
    static let transmonCoherence = ParameterUncertainty.logRange(
        100e-6, 1e-3, source: "SC coherence about 100 µs – 1 ms (secondary; the preset takes the lower end)")
    /// The projected Yb array's collection, assumed within a factor 2.
    static let atomCollection = ParameterUncertainty.logRange(
        0.05, 0.2, source: "assumed: the projected preset's 0.10 within a factor 2", isAssumption: true)
    /// The assumed residual two-photon visibility.
    static let residualVisibility = ParameterUncertainty.range(0.90, 0.98, source: "assumed V₀ = 0.95 ± 0.03",
                                                               isAssumption: true)

    /// The Ca⁺ preset's collection at calibration probability `p`.
    static func ionCollection(calibrationProbability p: Double) -> Double {
        ModalityPreset.arm(.calcium854Cavity).collection.efficiency * (p / calibrationProbability).squareRoot()
    }

    /// Applies drawn values (nil: the preset's) to a module of preset `preset`: the ion's collection
    /// from the calibration probability, the transmon's T₁ = T₂, the atom array's collection.
    static func apply(to module: inout ModuleDescription, preset: PresetName, ionCalibrationProbability: Double?,
                      transmonCoherenceSeconds: Double?, atomCollection: Double?) {
        switch preset {
        case .calcium854Cavity:
            if let p = ionCalibrationProbability { module.collectionEfficiency = ionCollection(calibrationProbability: p) }
        case .transmonElectroOptic:
            if let t = transmonCoherenceSeconds {
                module.t1Seconds = t
                module.t2Seconds = t
            }
        case .ytterbiumArrayTelecom:
            if let c = atomCollection { module.collectionEfficiency = c }
        default:
            break
        }
    }
}
