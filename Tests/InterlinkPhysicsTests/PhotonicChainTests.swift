import Foundation
import Testing
@testable import InterlinkPhysics

@Suite("Photonic chain: every stage by hand")
struct PhotonicChainTests {
    func fullArm() throws -> ArmConfiguration {
        var arm = try ModalityPreset.arm(named: "ion.ba138.493")
        arm.collection.efficiency = 0.2
        arm.conversion = FrequencyConversionStage(efficiency: 0.19, noiseRateHz: 500, outputWavelengthNm: 780)
        arm.filter = SpectralFilterStage(bandwidthMHz: 20, peakTransmission: 0.8)
        arm.fiber = FiberSpan(lengthKm: 2)
        arm.insertionLossesDB = [1, 2]
        arm.detector = DetectorStage(efficiency: 0.7, darkCountRateHz: 100, windowSeconds: 200e-9, jitterSeconds: 3e-10)
        return arm
    }

    @Test("η = collection × conversion × filter × fiber × insertion × detector, noise and delays")
    func budget() throws {
        let b = try ArmBudget(arm: fullArm(), path: "arm")
        let filter = 0.8 * 20 / (20 + 20)                 // T0·B/(ν + B), ν = 20 MHz (Ba⁺ preset)
        let fiber = pow(10, -3.5 * 2 / 10)                // 780 nm: 3.5 dB/km
        let insertion = pow(10, -3.0 / 10)                // 1 dB + 2 dB
        let eta = 0.2 * 0.19 * filter * fiber * insertion * 0.7
        #expect(close(b.filter, filter, 1e-9))   // coincident poles: symmetric-split evaluation, O(1e-10)
        #expect(close(b.fiber, fiber) && close(b.insertion, insertion))
        #expect(close(b.endToEndEfficiency, eta, 1e-9))
        #expect(close(b.outputWavelengthNm, 780))
        // QFC noise: R·τ_window·(filter·fiber·insertion·detector)
        #expect(close(b.noisePhotonsPerWindow, 500 * 200e-9 * filter * fiber * insertion * 0.7, 1e-9))
        #expect(close(b.darkClickProbability, 1 - exp(-100 * 200e-9)))
        #expect(close(b.heraldRoundTripSeconds, 2 * 2 * 1.47 / 299_792.458))
    }

    @Test("Explicit fiber attenuation overrides the table; group index sets the delay")
    func explicitFiber() throws {
        var arm = try fullArm()
        arm.fiber = FiberSpan(lengthKm: 4, attenuationDBPerKm: 0.5, groupIndex: 1.5)
        let b = try ArmBudget(arm: arm, path: "arm")
        #expect(close(b.fiber, pow(10, -0.2)))
        #expect(close(b.oneWayDelaySeconds, 4 * 1.5 / 299_792.458))
    }

    @Test("Link false heralds include both arms' QFC noise and dark counts")
    func linkNoise() throws {
        let arm = try fullArm()
        let c = LinkConfiguration(scheme: .twoPhoton, armA: arm, armB: arm, residualVisibility: 1)
        let m = try LinkModel(configuration: c)
        let b = m.armA
        let pd = b.darkClickProbability
        let pn = 1 - (1 - pd) * (1 - pd) * exp(-2 * b.noisePhotonsPerWindow)
        let e = b.endToEndEfficiency
        #expect(close(m.herald.falseHeraldProbability, ((2 * e * (1 - e)) * pn + pn * pn) / 2))
        #expect(close(m.herald.trueHeraldProbability, e * e / 2))
    }
}
