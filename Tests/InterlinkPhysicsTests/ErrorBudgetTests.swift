import InterlinkCore
import Foundation
import Testing
@testable import InterlinkPhysics

/// Issue 15 item 4: infidelity by mechanism (sequential attribution), loss by stage, time budget.
@Suite("Link error, loss and time budgets")
struct ErrorBudgetTests {
    func configurations() throws -> [(String, LinkConfiguration)] {
        let siv = try ModalityPreset.arm(named: "diamond.siv.1350")
        let sr = try ModalityPreset.arm(named: "ion.sr88.422")
        let transmon = try ModalityPreset.arm(named: "transmon.transducer.eo")
        let rb = try ModalityPreset.arm(named: "atom.rb87.780")
        var purified = LinkConfiguration.midpoint(armA: siv, armB: siv, totalLengthKm: 40, residualVisibility: 0.9)
        purified.purification = PurificationPlan(protocol: .dejmps, rounds: 2)
        var spin = sr
        spin.node.spinPhoton = SpinPhotonErrors(depolarizingProbability: 0.02, dephasingProbability: 0.01)
        return [
            ("siv 30 km", .midpoint(armA: siv, armB: siv, totalLengthKm: 30, residualVisibility: 0.95)),
            ("sr 2 m with spin error", .midpoint(armA: spin, armB: sr, totalLengthKm: 0.002, residualVisibility: 0.88)),
            ("transmon 10 km", .midpoint(armA: transmon, armB: transmon, totalLengthKm: 10)),
            ("rb single-click", .midpoint(armA: rb, armB: rb, totalLengthKm: 5, scheme: .singleClick(alpha: 0.1, phaseStability: 0.97),
                                           residualVisibility: 0.9)),
            ("siv 40 km purified", purified),
        ]
    }

    @Test("Parts sum to the model's total infidelity to 1e-12 (acceptance)")
    func partsSumToTotal() throws {
        for (name, c) in try configurations() {
            let budget = try LinkErrorBudget(configuration: c)
            let model = try LinkModel(configuration: c)
            let total = 1 - (model.purification?.state.fidelity ?? model.fidelity)
            let sum = budget.intrinsicInfidelity + budget.parts.map(\.infidelity).reduce(0, +)
            #expect(abs(sum - total) <= 1e-12, "\(name): \(sum) vs \(total)")
            #expect(abs(budget.totalInfidelity - total) <= 1e-15, "\(name)")
            #expect(budget.parts.map(\.mechanism) == LinkMechanism.allCases)
            if c.purification == nil { #expect(budget.infidelity(of: .localOperations) == 0, "\(name)") }
        }
    }

    @Test("Two-photon link: visibility costs (1 − V0)/2 and memory dephasing its hand-computed share")
    func twoPhotonHandCalculation() throws {
        var arm = try ModalityPreset.arm(named: "ion.sr88.422")
        arm.detector.darkCountRateHz = 0
        let c = LinkConfiguration.midpoint(armA: arm, armB: arm, totalLengthKm: 0.002, residualVisibility: 0.88)
        let budget = try LinkErrorBudget(configuration: c)
        // Identical photons: M = 1, heralded F = (1 + V0)/2 (physics reference, Barrett–Kok).
        #expect(abs(budget.intrinsicInfidelity) < 1e-15)
        #expect(close(budget.infidelity(of: .interference), (1 - 0.88) / 2))
        #expect(budget.infidelity(of: .noisePhotons) == 0)
        #expect(budget.infidelity(of: .darkCounts) == 0)
        // T2 = 85 ms dephasing on each qubit for 2·(1 m · 1.47/c): flip probability q = 2p(1 − p),
        // p = (1 − e^(−t/T2))/2; F goes from F_h to F_h(1 − q) + (1 − F_h)q, i.e. up by q(2F_h − 1).
        let t = 2 * 0.001 * 1.47 / 299_792.458
        let p = (1 - exp(-t / 0.085)) / 2
        let q = 2 * p * (1 - p)
        #expect(close(budget.infidelity(of: .memory), q * (2 * 0.94 - 1), 1e-9))
    }

    @Test("Single-click link: intrinsic (1 − α) error and the phase-stability share (hand calculation)")
    func singleClickHandCalculation() throws {
        var arm = try ModalityPreset.arm(named: "diamond.siv.1350")
        arm.detector = DetectorStage(efficiency: 0.9, darkCountRateHz: 0, windowSeconds: 1e-7, jitterSeconds: 0, kind: .numberResolving)
        arm.conversion?.noiseRateHz = 0
        arm.node.memory = MemoryParameters()
        let alpha = 0.1, stability = 0.9
        let c = LinkConfiguration.midpoint(armA: arm, armB: arm, totalLengthKm: 10, scheme: .singleClick(alpha: alpha, phaseStability: stability))
        let budget = try LinkErrorBudget(configuration: c)
        let eta = try LinkModel(configuration: c).armA.endToEndEfficiency
        // F = (1 + |V| c)(1 − α)/(2(1 − α η)) with number-resolving detectors (physics reference).
        let fOff = (1 - alpha) / (1 - alpha * eta)
        let fOn = (1 + stability) * (1 - alpha) / (2 * (1 - alpha * eta))
        #expect(close(budget.intrinsicInfidelity, 1 - fOff, 1e-9))
        #expect(close(budget.infidelity(of: .interference), fOff - fOn, 1e-9))
    }

    @Test("Loss stages add to the arm's total loss; fiber and collection by hand")
    func lossBudget() throws {
        let siv = try ModalityPreset.arm(named: "diamond.siv.1350")
        let c = LinkConfiguration.midpoint(armA: siv, armB: siv, totalLengthKm: 20)
        let budget = try LinkErrorBudget(configuration: c)
        let loss = budget.lossA
        #expect(close(loss.orderedLossDB.reduce(0, +), loss.totalDB))
        #expect(close(loss.lossDB[.collection]!, -10 * log10(0.3)))
        #expect(close(loss.lossDB[.conversion]!, -10 * log10(0.3)))
        let model = try LinkModel(configuration: c)
        #expect(close(loss.lossDB[.fiber]!, model.armA.fiberAttenuationDBPerKm * 10))
        #expect(loss.lossDB[.transduction] == 0 && loss.lossDB[.filter] == 0)
        #expect(budget.time.periodSeconds == max(budget.time.nodeCycleSeconds, budget.time.heraldRoundTripSeconds,
                                                 budget.time.repetitionLimitSeconds))
    }
}

@Suite("Quoted rates and bound comparisons")
struct QuotedRateTests {
    @Test("No rate for pairs with F ≤ 1/2; hashing yield by hand for a Werner state")
    func quotedRates() throws {
        let separable = BellDiagonalState(normalizing: [0.5, 0.5, 0, 0])
        #expect(QuotedRate.distillable(rateHz: 100, state: separable) == .noEntanglement(fidelity: 0.5))
        #expect(QuotedRate.distillable(rateHz: 100, state: BellDiagonalState(normalizing: [0.4, 0.3, 0.2, 0.1])).perSecond == nil)
        #expect(QuotedRate.distillable(rateHz: 100, state: separable).perSecond == nil)
        let f = 0.9, e = (1 - f) / 3
        let werner = BellDiagonalState(normalizing: [f, e, e, e])
        let entropy = -(f * log2(f) + 3 * e * log2(e))
        let quoted = QuotedRate.distillable(rateHz: 100, state: werner)
        #expect(close(quoted.perSecond!, 100 * (1 - entropy)))
        #expect(close(try quoted.ratio(toBound: 50)!, 2 * (1 - entropy)))
        let above = try QuotedRate.pairs(rateHz: 100, state: werner, atLeast: 0.85)
        #expect(above.perSecond == 100)
        #expect(try QuotedRate.pairs(rateHz: 100, state: werner, atLeast: 0.95).perSecond == 0)
        #expect(throws: ParameterError.self) { try above.ratio(toBound: 50) }
        #expect(try QuotedRate.secretKey(bitsPerSecond: 10).ratio(toBound: 40) == 0.25)
        #expect(throws: ParameterError.self) { try quoted.ratio(toBound: 0) }
        #expect(throws: ParameterError.self) { try QuotedRate.pairs(rateHz: 100, state: werner, atLeast: 0.5) }
    }
}

@Suite("Preset uncertainties")
struct PresetUncertaintyTests {
    @Test("Only published ranges are listed, with sources")
    func table() throws {
        let siv = try ModalityPreset.uncertainties(named: "diamond.siv.1350")
        #expect(Set(siv.keys) == ["detector.efficiency", "detector.darkCountRateHz", "detector.jitterSeconds"])
        #expect(siv["detector.efficiency"]?.distribution == .uniform(lower: 0.90, upper: 0.98))
        #expect(siv["detector.efficiency"]?.source.contains("Marsili") == true)
        let sr = try ModalityPreset.uncertainties(named: "ion.sr88.422")
        #expect(Set(sr.keys) == ["detector.darkCountRateHz"])
        var arm = try ModalityPreset.arm(named: "ion.sr88.422")
        arm.conversion = FrequencyConversionStage(efficiency: 0.3, noiseRateHz: 0, outputWavelengthNm: 1550)
        #expect(ModalityPreset.uncertainties(of: arm)["fiber.attenuationDBPerKm"]?.distribution == .uniform(lower: 0.17, upper: 0.22))
        try arm.set("fiber.attenuationDBPerKm", to: 0.2)
        #expect(arm.fiber.attenuationDBPerKm == 0.2)
        #expect(throws: ParameterError.self) { try arm.set("transducer.efficiency", to: 0.1) }
        #expect(throws: ParameterError.self) { try arm.set("node.bogus", to: 0.1) }
        #expect(throws: ParameterError.self) { try ModalityPreset.uncertainties(named: "nope") }
    }
}
