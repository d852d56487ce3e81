import Foundation
import Interlink

extension LinkBudgetStudy {
    /// One evaluated configuration at one length: what the engine, the fits and the root finder use.
    struct Evaluation: Sendable {
        /// Herald probability per attempt, true and false heralds (per round for the relay).
        var totalHeraldProbability: Double
        /// True-herald probability per attempt; for the relay, the delivery probability per round
        /// (1 / mean rounds).
        var trueHeraldProbability: Double
        /// Attempt (round) period τ (s).
        var attemptPeriod: Double
        /// Heralds per second, true and false (for the relay: delivered end-to-end pairs per second).
        var totalHeraldRate: Double
        /// True-herald pairs per second (for the relay: the delivered rate).
        var trueHeraldRate: Double
        /// Fidelity of the delivered state.
        var fidelity: Double
        /// Per-photon end-to-end efficiency of arm A (of the first link for the relay).
        var armEfficiency: Double
        /// Fiber transmissivity between the two end nodes.
        var fiberTransmissivity: Double
        /// PLOB bound at the configuration's channel-use rate (ebit/s).
        var plobBound: Double
        /// TGW bound at the configuration's channel-use rate (ebit/s).
        var tgwBound: Double
        /// Hashing-bound distillable rate (ebit/s): delivered pairs per second × (1 − H(λ)); zero for
        /// pairs at or below the hashing threshold (in particular every pair with F ≤ 1/2).
        var distillableRate: Double
    }

    /// The Sr⁺ arm converted to `wavelengthNm` by the assumed 422 nm converter, with an SNSPD.
    static func convertedStrontium(_ p: Parameters, wavelengthNm: Double) throws -> ArmConfiguration {
        var arm = ModalityPreset.arm(.strontium422)
        arm.conversion = FrequencyConversionStage(
            efficiency: p.conversionEfficiency, noiseRateHz: p.conversionNoiseHz, outputWavelengthNm: wavelengthNm)
        arm.detector = .snspd
        return arm
    }

    /// The Rb arm converted to `wavelengthNm` with the 57 % converter of van Leent et al.,
    /// PRL 124, 010510 (2020), noise-free (no noise figure is quoted there), with an SNSPD.
    static func convertedRubidium(_ p: Parameters, wavelengthNm: Double) throws -> ArmConfiguration {
        var arm = ModalityPreset.arm(.rubidium780)
        arm.conversion = FrequencyConversionStage(
            efficiency: p.rubidiumConversionEfficiency, noiseRateHz: 0, outputWavelengthNm: wavelengthNm)
        arm.detector = .snspd
        return arm
    }

    /// The Ba⁺ arm converted 493 → 780 nm (19 %, Siverns et al., arXiv 1801.01193; noise-free as an
    /// assumption), detected by the near-infrared Si APD like the Rb photon it meets.
    static func bariumAt780(_ p: Parameters) throws -> ArmConfiguration {
        var arm = ModalityPreset.arm(.barium493)
        arm.conversion = FrequencyConversionStage(
            efficiency: p.bariumConversionEfficiency, noiseRateHz: 0, outputWavelengthNm: 780)
        arm.detector = .siliconAPDNearInfrared
        return arm
    }

    /// The two arms of a direct (single-station) route; `nil` for the relay.
    static func arms(_ route: Route, _ p: Parameters) throws -> (ArmConfiguration, ArmConfiguration)? {
        switch route {
        case .native422:
            let arm = ModalityPreset.arm(.strontium422)
            return (arm, arm)
        case .converted1550:
            let arm = try convertedStrontium(p, wavelengthNm: 1550)
            return (arm, arm)
        case .atomAtom780:
            let arm = ModalityPreset.arm(.rubidium780)
            return (arm, arm)
        case .atomAtom1522:
            let arm = try convertedRubidium(p, wavelengthNm: 1522)
            return (arm, arm)
        case .scSc1550:
            let arm = ModalityPreset.arm(.transmonElectroOptic)
            return (arm, arm)
        case .ionAtom780:
            return (try bariumAt780(p), ModalityPreset.arm(.rubidium780))
        case .ionAtom1550:
            return (try convertedStrontium(p, wavelengthNm: 1550), try convertedRubidium(p, wavelengthNm: 1550))
        case .ionSc1550:
            return (try convertedStrontium(p, wavelengthNm: 1550), ModalityPreset.arm(.transmonElectroOptic))
        case .atomSc1550:
            return (try convertedRubidium(p, wavelengthNm: 1550), ModalityPreset.arm(.transmonElectroOptic))
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
        let siv = try drawn(ModalityPreset.arm(.siliconVacancy1350), p)
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
                totalHeraldProbability: link.successProbabilityPerAttempt,
                trueHeraldProbability: link.trueHeraldRateHz * tau,
                attemptPeriod: tau, totalHeraldRate: link.rateHz, trueHeraldRate: link.trueHeraldRateHz, fidelity: link.fidelity,
                armEfficiency: link.armA.endToEndEfficiency, fiberTransmissivity: link.bounds.transmissivity,
                plobBound: link.bounds.plobPairsPerSecond, tgwBound: link.bounds.tgwPairsPerSecond,
                distillableRate: link.hashingRateHz)
        }
        let relay = try TwoLinkRepeaterModel(configuration: relayConfiguration(p, lengthKm: lengthKm))
        let tau = relay.roundPeriodSeconds
        // End-to-end fiber: both links' fibers in series (each link has two arms of L/4).
        let eta = relay.linkA.bounds.transmissivity * relay.linkB.bounds.transmissivity
        let uses = 1 / tau
        return Evaluation(
            totalHeraldProbability: relay.linkA.successProbabilityPerRound,
            trueHeraldProbability: relay.meanRounds.isFinite ? 1 / relay.meanRounds : 0,
            attemptPeriod: tau, totalHeraldRate: relay.rateHz, trueHeraldRate: relay.rateHz, fidelity: relay.fidelity,
            armEfficiency: relay.linkA.armA.endToEndEfficiency, fiberTransmissivity: eta,
            plobBound: RepeaterlessBounds.plob(transmissivity: eta) * uses,
            tgwBound: RepeaterlessBounds.tgw(transmissivity: eta) * uses,
            distillableRate: relay.rateHz * relay.state.hashingYield)
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

    /// Where the distillable (hashing-bound) rate of `route` falls to `level` ebit/s, by Brent's method
    /// on log10(rate) − log10(level) over the swept lengths [0, `maximumKm`]: `.at(L)` inside,
    /// `.beyondSweptRange` when the rate is still above the level at `maximumKm` (never quoted as a
    /// value), `.beforeSweptRange` when the rate is below the level already at 0 km (the route never
    /// distils that much). Every point where the distillable rate is positive has pairs above the
    /// hashing threshold, so a distance found here is never one of pairs with F ≤ 1/2.
    static func distillableDistance(at level: Double, route: Route, _ p: Parameters,
                                    maximumKm: Double = sweepMaximumKm) throws -> Crossing {
        let f: (Double) throws -> Double = { l in
            let r = try evaluate(route, p, lengthKm: l).distillableRate
            return r > 0 ? log10(r) - log10(level) : -300
        }
        guard try f(0) > 0 else { return .beforeSweptRange(firstSwept: 0) }
        guard try f(maximumKm) <= 0 else { return .beyondSweptRange(lastSwept: maximumKm) }
        return .at(try RootFinder.brent(lower: 0, upper: maximumKm, absoluteTolerance: 1e-9, relativeTolerance: 1e-10, f).x)
    }
}

extension LinkBudgetStudy {
    /// This file, one of the study's sources (`sourceFiles`).
    static let configurationsSource = #filePath
}
