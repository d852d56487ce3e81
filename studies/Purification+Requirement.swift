import Foundation
import Interlink

extension PurificationStudy {
    /// A fidelity target above the ion–ion link's raw fidelity, for the memory requirement.
    static let requirementFidelity = 0.95

    /// One memory-aware DEJMPS round on the ion–ion link at the reference length with both Sr⁺ memories
    /// at coherence time `t2` (seconds): output fidelity and rate.
    static func ionIonRoundOne(t2: Double, _ base: Parameters) throws -> (fidelity: Double, rate: Double) {
        var c = try linkConfiguration(linkPoint(.ionIon, base))
        c.armA.node.memory.t2Seconds = t2
        c.armB.node.memory.t2Seconds = t2
        let model = try LinkModel(configuration: c)
        let round = try awareRounds(c, model, rounds: 1)[1]
        return (round.state.fidelity, model.rateHz / round.expectedInputPairs)
    }

    /// The Sr⁺ memory T₂ (seconds) at which one memory-aware round on the ion–ion link at the reference
    /// length reaches `requirementFidelity`: Brent root in log₁₀ T₂ between 10 ms and 10⁴ s.
    static func requiredT2(_ base: Parameters) throws -> Double {
        let gap: (Double) throws -> Double = { try ionIonRoundOne(t2: pow(10, $0), base).fidelity - requirementFidelity }
        guard try gap(-2) < 0, try gap(4) > 0 else {
            throw ParameterError(invalid: "requirementFidelity", reason: "one round does not cross F = \(requirementFidelity) for T₂ in 10 ms…10⁴ s")
        }
        return pow(10, try RootFinder.brent(lower: -2, upper: 4, absoluteTolerance: 1e-10, gap).x)
    }

    /// The rate of pairs at `requirementFidelity` with the required T₂, and the preset's T₂ in ms (the
    /// required T₂ itself is a headline, with its interval: `headlineUncertainty`).
    static func memoryRequirementDerivation(_ base: Parameters) -> Derivation {
        Derivation("Sr⁺ memory T₂ for one memory-aware round to reach F ≥ \(requirementFidelity) on the ion–ion link") { _ in
            let preset = try linkConfiguration(linkPoint(.ionIon, base)).armA.node.memory.t2Seconds ?? .nan
            return [Metric("requirementFidelity", requirementFidelity),
                    Metric("requiredT2Rate_ionIon", try ionIonRoundOne(t2: try requiredT2(base), base).rate, unit: "1/s"),
                    Metric("presetT2_ionIon", preset * 1e3, unit: "ms")]
        }
    }

    /// This file, one of the study's sources (`sourceFiles`).
    static let requirementSource = #filePath
}
