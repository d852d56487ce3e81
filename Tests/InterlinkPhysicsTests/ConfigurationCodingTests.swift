import Foundation
import Testing
@testable import InterlinkPhysics

@Suite("Configurations as data")
struct ConfigurationCodingTests {
    @Test("Every preset arm, a link and a repeater survive a JSON round trip unchanged")
    func roundTrip() throws {
        for name in ModalityPreset.names {
            let arm = try ModalityPreset.arm(named: name)
            let back = try JSONDecoder().decode(ArmConfiguration.self, from: JSONEncoder().encode(arm))
            #expect(back == arm, "\(name)")
        }
        var arm = try ModalityPreset.arm(named: "ion.sr88.422")
        arm.filter = SpectralFilterStage(bandwidthMHz: 10, peakTransmission: 0.9, centerOffsetMHz: 1)
        arm.conversion = .calcium854To1310
        let link = LinkConfiguration(scheme: .singleClick(alpha: 0.05, phaseStability: 0.97), armA: arm,
                                     armB: try ModalityPreset.arm(named: "transmon.transducer.eo"), residualVisibility: 0.9,
                                     detuningMHz: 2, purification: PurificationPlan(protocol: .bbpssw, rounds: 2))
        let rep = RepeaterConfiguration(linkA: link, linkB: link, cutoffSeconds: 0.5)
        let back = try JSONDecoder().decode(RepeaterConfiguration.self, from: JSONEncoder().encode(rep))
        #expect(back == rep)
    }

    @Test("Detuned unlike photons: the link's overlap is 4Γ1Γ2/((Γ1+Γ2)² + 4Δ²) and F = (1 + V0·M)/2")
    func detunedLink() throws {
        var a = try ModalityPreset.arm(named: "ion.sr88.422")
        var b = try ModalityPreset.arm(named: "atom.rb87.780")
        for i in [0, 1] {
            var arm = i == 0 ? a : b
            arm.conversion = FrequencyConversionStage(efficiency: 0.5, noiseRateHz: 0, outputWavelengthNm: 1550)
            arm.detector = DetectorStage(efficiency: 0.9, darkCountRateHz: 0, windowSeconds: 1e-7, jitterSeconds: 0)
            arm.node.memory = MemoryParameters()
            if i == 0 { a = arm } else { b = arm }
        }
        let c = LinkConfiguration.midpoint(armA: a, armB: b, totalLengthKm: 1, residualVisibility: 0.97, detuningMHz: 5)
        let m = try LinkModel(configuration: c)
        let M = 4 * 21.5 * 6.07 / ((21.5 + 6.07) * (21.5 + 6.07) + 4 * 25)
        #expect(close(m.modeOverlap, M, 1e-9))
        #expect(close(m.fidelity, (1 + 0.97 * M) / 2))
        #expect(close(m.detuningJitterProduct, 0))
    }

    @Test("Single-click with unequal α and η: p = αAηA + αBηB − 2αAαBηAηB")
    func asymmetricSingleClick() {
        let (aA, aB, eA, eB) = (0.1, 0.3, 0.02, 0.05)
        let o = SingleClickHeralding.outcome(etaA: eA, etaB: eB, alphaA: aA, alphaB: aB, visibility: 1, phaseStability: 1,
                                             noiseClickProbability: 0)
        #expect(close(o.successProbability, aA * eA + aB * eB - 2 * aA * aB * eA * eB))
        // coherence √(P10 P01) with P10 = αA(1−αB)ηA, P01 = (1−αA)αBηB
        let p10 = aA * (1 - aB) * eA, p01 = (1 - aA) * aB * eB
        #expect(close(o.state.fidelity, ((p10 + p01) / 2 + (p10 * p01).squareRoot()) / o.successProbability))
    }

    @Test("Purified link: rate divided by the expected pairs consumed")
    func purifiedLink() throws {
        var arm = try ModalityPreset.arm(named: "ion.ca40.854.cavity")
        arm.fiber.lengthKm = 1
        var c = LinkConfiguration.midpoint(armA: arm, armB: arm, totalLengthKm: 2, residualVisibility: 0.8)
        c.purification = PurificationPlan(protocol: .dejmps, rounds: 1)
        let m = try LinkModel(configuration: c)
        let p = try #require(m.purification)
        // local noise: both nodes' gates and readout, and the 2 km round of classical messages
        let ops = arm.node.operations
        let noise = PurificationNoise(nodeA: ops, nodeB: ops, memoryA: arm.node.memory, memoryB: arm.node.memory,
                                      classicalDelaySeconds: 2 * m.armA.oneWayDelaySeconds)
        let step = Purification.step(.dejmps, m.deliveredState, m.deliveredState, noise: noise)
        #expect(close(p.expectedInputPairsPerOutput, 2 / step.successProbability))
        #expect(close(p.rateHz, m.rateHz * step.successProbability / 2))
        #expect(p.state.fidelity > m.fidelity)
    }
}
