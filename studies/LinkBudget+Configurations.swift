import Foundation
import Interlink

extension LinkBudgetStudy {
    /// One evaluated configuration at one length: what the engine, the fits and the root finder use.
    struct Evaluation: Sendable {
        /// Success probability per attempt (true and false heralds); per round for the relay.
        var successProbability: Double
        /// True-herald probability per attempt; for the relay, the delivery probability per round
        /// (1 / mean rounds).
        var trueHeraldProbability: Double
        /// Attempt (round) period τ (s).
        var attemptPeriod: Double
        /// Heralded pairs per second (for the relay: delivered end-to-end pairs per second).
        var rate: Double
        /// True-herald pairs per second (for the relay: the delivered rate).
        var trueRate: Double
        /// Fidelity of the delivered state.
        var fidelity: Double
        /// Per-photon end-to-end efficiency of arm A (of the first link for the relay).
        var armEfficiency: Double
        /// Fiber transmissivity between the two end nodes.
        var fiberTransmissivity: Double
        /// PLOB bound at the configuration's channel-use rate (pairs/s).
        var plobBound: Double
        /// TGW bound at the configuration's channel-use rate (pairs/s).
        var tgwBound: Double
        /// Hashing-bound distillable rate (ebits/s).
        var hashingRate: Double
    }

    /// The Sr⁺ arm converted to `wavelengthNm` by the assumed 422 nm converter, with an SNSPD.
    static func convertedStrontium(_ p: Parameters, wavelengthNm: Double) throws -> ArmConfiguration {
        var arm = try ModalityPreset.arm(named: "ion.sr88.422")
        arm.conversion = FrequencyConversionStage(
            efficiency: p.conversionEfficiency, noiseRateHz: p.conversionNoiseHz, outputWavelengthNm: wavelengthNm)
        arm.detector = .snspd
        return arm
    }

    /// The Rb arm converted to `wavelengthNm` with the 57 % converter of van Leent et al.,
    /// PRL 124, 010510 (2020), noise-free (no noise figure is quoted there), with an SNSPD.
    static func convertedRubidium(_ p: Parameters, wavelengthNm: Double) throws -> ArmConfiguration {
        var arm = try ModalityPreset.arm(named: "atom.rb87.780")
        arm.conversion = FrequencyConversionStage(
            efficiency: p.rubidiumConversionEfficiency, noiseRateHz: 0, outputWavelengthNm: wavelengthNm)
        arm.detector = .snspd
        return arm
    }

    /// The Ba⁺ arm converted 493 → 780 nm (19 %, Siverns et al., arXiv 1801.01193; noise-free as an
    /// assumption), detected by the near-infrared Si APD like the Rb photon it meets.
    static func bariumAt780(_ p: Parameters) throws -> ArmConfiguration {
        var arm = try ModalityPreset.arm(named: "ion.ba138.493")
        arm.conversion = FrequencyConversionStage(
            efficiency: p.bariumConversionEfficiency, noiseRateHz: 0, outputWavelengthNm: 780)
        arm.detector = .siliconAPDNearInfrared
        return arm
    }

    /// The two arms of a direct (single-station) route; `nil` for the relay.
    static func arms(_ route: Route, _ p: Parameters) throws -> (ArmConfiguration, ArmConfiguration)? {
        switch route {
        case .native422:
            let arm = try ModalityPreset.arm(named: "ion.sr88.422")
            return (arm, arm)
        case .converted1550:
            let arm = try convertedStrontium(p, wavelengthNm: 1550)
            return (arm, arm)
        case .atomAtom780:
            let arm = try ModalityPreset.arm(named: "atom.rb87.780")
            return (arm, arm)
        case .atomAtom1522:
            let arm = try convertedRubidium(p, wavelengthNm: 1522)
            return (arm, arm)
        case .scSc1550:
            let arm = try ModalityPreset.arm(named: "transmon.transducer.eo")
            return (arm, arm)
        case .ionAtom780:
            return (try bariumAt780(p), try ModalityPreset.arm(named: "atom.rb87.780"))
        case .ionAtom1550:
            return (try convertedStrontium(p, wavelengthNm: 1550), try convertedRubidium(p, wavelengthNm: 1550))
        case .ionSc1550:
            return (try convertedStrontium(p, wavelengthNm: 1550), try ModalityPreset.arm(named: "transmon.transducer.eo"))
        case .atomSc1550:
            return (try convertedRubidium(p, wavelengthNm: 1550), try ModalityPreset.arm(named: "transmon.transducer.eo"))
        case .ionIonRelay1350:
            return nil
        }
    }

    /// The link configuration of one direct route at `lengthKm` (station in the middle).
    static func linkConfiguration(_ route: Route, _ p: Parameters, lengthKm: Double) throws -> LinkConfiguration? {
        guard let (a, b) = try arms(route, p) else { return nil }
        return LinkConfiguration.midpoint(armA: try drawn(a, p), armB: try drawn(b, p), totalLengthKm: lengthKm, scheme: .twoPhoton,
                                          residualVisibility: p.residualVisibility)
    }

    /// The relay: Sr⁺ (converted to 1350 nm) — SiV memory (`diamond.siv.1350`) — Sr⁺, each of the two
    /// links spanning half the length with its own midpoint station; no cutoff.
    static func relayConfiguration(_ p: Parameters, lengthKm: Double) throws -> RepeaterConfiguration {
        let ion = try drawn(try convertedStrontium(p, wavelengthNm: 1350), p)
        let siv = try drawn(try ModalityPreset.arm(named: "diamond.siv.1350"), p)
        let half = lengthKm / 2
        return RepeaterConfiguration(
            linkA: .midpoint(armA: ion, armB: siv, totalLengthKm: half, scheme: .twoPhoton, residualVisibility: p.residualVisibility),
            linkB: .midpoint(armA: siv, armB: ion, totalLengthKm: half, scheme: .twoPhoton, residualVisibility: p.residualVisibility))
    }

    /// Evaluates `route` at `lengthKm` in closed form.
    static func evaluate(_ route: Route, _ p: Parameters, lengthKm: Double) throws -> Evaluation {
        if let configuration = try linkConfiguration(route, p, lengthKm: lengthKm) {
            let link = try LinkModel(configuration: configuration)
            let tau = link.attemptPeriod.periodSeconds
            return Evaluation(
                successProbability: link.successProbabilityPerAttempt,
                trueHeraldProbability: link.trueHeraldRateHz * tau,
                attemptPeriod: tau, rate: link.rateHz, trueRate: link.trueHeraldRateHz, fidelity: link.fidelity,
                armEfficiency: link.armA.endToEndEfficiency, fiberTransmissivity: link.bounds.transmissivity,
                plobBound: link.bounds.plobPairsPerSecond, tgwBound: link.bounds.tgwPairsPerSecond,
                hashingRate: link.hashingRateHz)
        }
        let relay = try TwoLinkRepeaterModel(configuration: relayConfiguration(p, lengthKm: lengthKm))
        let tau = relay.roundPeriodSeconds
        // End-to-end fiber: both links' fibers in series (each link has two arms of L/4).
        let eta = relay.linkA.bounds.transmissivity * relay.linkB.bounds.transmissivity
        let uses = 1 / tau
        return Evaluation(
            successProbability: relay.linkA.successProbabilityPerRound,
            trueHeraldProbability: relay.meanRounds.isFinite ? 1 / relay.meanRounds : 0,
            attemptPeriod: tau, rate: relay.rateHz, trueRate: relay.rateHz, fidelity: relay.fidelity,
            armEfficiency: relay.linkA.armA.endToEndEfficiency, fiberTransmissivity: eta,
            plobBound: RepeaterlessBounds.plob(transmissivity: eta) * uses,
            tgwBound: RepeaterlessBounds.tgw(transmissivity: eta) * uses,
            hashingRate: relay.rateHz * relay.state.hashingYield)
    }

    /// Fiber attenuation (dB/km) the photons of a direct route see; for the relay, that of its 1350 nm
    /// fiber. Looked up in `FiberAttenuationTable` at the wavelength after conversion.
    static func fiberAttenuation(_ route: Route, _ p: Parameters) throws -> Double {
        if let configuration = try linkConfiguration(route, p, lengthKm: 0) {
            return try configuration.armA.fiber.attenuation(wavelengthNm: configuration.armA.outputWavelengthNm, path: "armA.fiber")
        }
        let relay = try relayConfiguration(p, lengthKm: 0)
        return try relay.linkA.armA.fiber.attenuation(wavelengthNm: relay.linkA.armA.outputWavelengthNm, path: "linkA.armA.fiber")
    }

    /// The length (km) at which the true-herald (relay: delivered) rate falls to `level` pairs/s,
    /// by Brent's method on log10(rate) − log10(level) over [0, `maximumKm`]; `nil` when the rate is
    /// below the level already at 0 km or still above it at `maximumKm`.
    static func distance(at level: Double, route: Route, _ p: Parameters, maximumKm: Double = 500) throws -> Double? {
        let f: (Double) throws -> Double = { l in
            let r = try evaluate(route, p, lengthKm: l).trueRate
            return r > 0 ? log10(r) - log10(level) : -300
        }
        guard try f(0) > 0, try f(maximumKm) < 0 else { return nil }
        return try RootFinder.brent(lower: 0, upper: maximumKm, absoluteTolerance: 1e-9, relativeTolerance: 1e-10, f).x
    }
}

extension LinkBudgetStudy {
    /// This file, one of the study's sources (`sourceFiles`).
    static let configurationsSource = #filePath
}
