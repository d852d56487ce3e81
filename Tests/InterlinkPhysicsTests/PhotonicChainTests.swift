import InterlinkCore
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
        // QFC noise: R·τ_window·(filter peak·fiber·insertion·detector); broadband noise sees the peak 0.8
        #expect(close(b.noisePhotonsPerWindow, 500 * 200e-9 * 0.8 * fiber * insertion * 0.7, 1e-9))
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
        // per detector window: own dark click or half of both arms' noise photons
        let d = 1 - (1 - pd) * exp(-b.noisePhotonsPerWindow)
        let quiet = (1 - d) * (1 - d), one = 2 * d * (1 - d)
        let e = b.endToEndEfficiency
        #expect(close(m.stationNoise.detector1, d) && close(m.stationNoise.detector2, d))
        #expect(close(m.herald.falseHeraldProbability, 2 * e * (1 - e) * quiet * one + (1 - e) * (1 - e) * one * one))
        #expect(close(m.herald.trueHeraldProbability, e * e / 2 * quiet * quiet))
    }
}

@Suite("Noise per temporal mode")
struct NoiseModeTests {
    @Test("Transducer noise: η_t·N_add × max(1, B·τ) modes, B = narrower of transducer and filter")
    func transducerModes() throws {
        var arm = try ModalityPreset.arm(named: "transmon.transducer.eo")
        arm.detector.windowSeconds = 1e-6
        arm.transducer?.bandwidthMHz = 10
        // no filter: 10 MHz × 1 µs = 10 modes
        var b = try ArmBudget(arm: arm, path: "arm")
        #expect(close(b.noiseTemporalModes, 10))
        let downstream = b.fiber * b.insertion * b.detector
        #expect(close(b.noisePhotonsPerWindow, 0.087 * 0.16 * 10 * downstream, 1e-12))
        // a 2 MHz filter (peak 0.5) admits 2 modes and passes half of the broadband noise
        arm.filter = SpectralFilterStage(bandwidthMHz: 2, peakTransmission: 0.5)
        b = try ArmBudget(arm: arm, path: "arm")
        #expect(close(b.noiseTemporalModes, 2))
        #expect(close(b.noisePhotonsPerWindow, 0.087 * 0.16 * 2 * 0.5 * downstream, 1e-12))
        // a window shorter than 1/B still admits one mode
        arm.detector.windowSeconds = 10e-9
        b = try ArmBudget(arm: arm, path: "arm")
        #expect(b.noiseTemporalModes == 1)
    }

    @Test("QFC noise rate scales with the window and with filter/noise bandwidth")
    func conversionNoise() throws {
        var arm = try ModalityPreset.arm(named: "ion.ba138.493")
        arm.conversion = FrequencyConversionStage(efficiency: 0.2, noiseRateHz: 1000, outputWavelengthNm: 1550,
                                                  noiseBandwidthMHz: 100)
        arm.fiber = FiberSpan(lengthKm: 0)
        arm.detector = DetectorStage(efficiency: 0.8, darkCountRateHz: 0, windowSeconds: 1e-6, jitterSeconds: 0)
        // no filter: the rate applies as measured: 1000/s × 1 µs × 0.8
        var b = try ArmBudget(arm: arm, path: "arm")
        #expect(close(b.noisePhotonsPerWindow, 1000 * 1e-6 * 0.8, 1e-12))
        // 25 MHz filter of peak 0.9 passes 25/100 of the noise; doubling the window doubles it
        arm.filter = SpectralFilterStage(bandwidthMHz: 25, peakTransmission: 0.9)
        b = try ArmBudget(arm: arm, path: "arm")
        #expect(close(b.noisePhotonsPerWindow, 1000 * 1e-6 * 0.25 * 0.9 * 0.8, 1e-12))
        arm.detector.windowSeconds = 2e-6
        b = try ArmBudget(arm: arm, path: "arm")
        #expect(close(b.noisePhotonsPerWindow, 2 * 1000 * 1e-6 * 0.25 * 0.9 * 0.8, 1e-12))
        arm.conversion?.noiseBandwidthMHz = -1
        #expect(throws: ParameterError.self) { try ArmBudget(arm: arm, path: "arm") }
        do { _ = try ArmBudget(arm: arm, path: "arm") } catch let e as ParameterError {
            #expect(e.path == "arm.conversion.noiseBandwidthMHz")
        }
    }
}
