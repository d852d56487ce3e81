import InterlinkCore
import Foundation
import Testing
@testable import InterlinkPhysics

/// Milestone behaviour: Sr⁺ two-photon link with a midpoint station, native and converted photons.
@Suite("Sr+ two-photon link budget")
struct LinkBudgetTests {
    func srLink(totalKm: Double, converted: Bool) throws -> LinkConfiguration {
        var arm = try ModalityPreset.arm(named: "ion.sr88.422")
        if converted {
            arm.conversion = FrequencyConversionStage(efficiency: 0.3, noiseRateHz: 0, outputWavelengthNm: 1550)
            arm.detector = DetectorStage(efficiency: 0.9, darkCountRateHz: 0, windowSeconds: 1e-7, jitterSeconds: 0)
        } else {
            arm.detector.darkCountRateHz = 0
        }
        return LinkConfiguration.midpoint(armA: arm, armB: arm, totalLengthKm: totalKm, scheme: .twoPhoton,
                                          residualVisibility: 0.88)
    }

    @Test("Oxford 2 m link reproduces the published p and F (hand calculation)")
    func oxford() throws {
        let m = try LinkModel(configuration: srLink(totalKm: 0.002, converted: false))
        // η = 0.06 × 10^(−30 dB/km × 0.001 km / 10) × 0.35
        let eta = 0.06 * pow(10, -0.003) * 0.35
        #expect(close(m.armA.endToEndEfficiency, eta))
        #expect(close(m.successProbabilityPerAttempt, eta * eta / 2))
        #expect(relClose(m.successProbabilityPerAttempt, 2.18e-4, 0.01)) // Stephenson et al. 2020
        #expect(m.attemptPeriod.limitedBy == .nodeCycle)
        #expect(close(m.attemptPeriod.periodSeconds, 1.2e-6))
        #expect(relClose(m.rateHz, 182, 0.01))
        // F = (1 + V0·M)/2 with identical photons, M = 1, then T2 dephasing for 2·(1 m × 1.47/c).
        let t = 2 * 0.001 * 1.47 / 299_792.458
        let heralded = (1 + 0.88) / 2
        // each qubit: p_Z = (1 − e^(−t/T2))/2; two flips compose: λ_I' = λ_I(1 − q) + λ_Z q with q = 2p(1 − p)
        let p = (1 - exp(-t / 0.085)) / 2
        let q = 2 * p * (1 - p)
        #expect(close(m.fidelity, heralded * (1 - q) + (1 - heralded) * q))
        #expect(relClose(m.fidelity, 0.94, 1e-6))
    }

    @Test("Herald round trip sets the period at long distance; rate falls with fiber loss")
    func distance() throws {
        let m = try LinkModel(configuration: srLink(totalKm: 20, converted: true))
        let delay = 10 * 1.47 / 299_792.458
        #expect(m.attemptPeriod.limitedBy == .heraldRoundTrip)
        #expect(close(m.attemptPeriod.periodSeconds, 2 * delay))
        // η per arm: 0.06 × 0.3 × 10^(−0.18·10/10) × 0.9
        let eta = 0.06 * 0.3 * pow(10, -0.18) * 0.9
        #expect(close(m.armB.endToEndEfficiency, eta))
        #expect(close(m.armA.outputWavelengthNm, 1550))
        #expect(close(m.rateHz, eta * eta / 2 / (2 * delay)))
        // fiber transmissivity between the nodes 10^(−0.18·20/10)
        let T = pow(10, -0.36)
        #expect(close(m.bounds.transmissivity, T))
        #expect(close(m.bounds.plobEbitsPerUse, -log2(1 - T)))
        #expect(close(m.bounds.tgwEbitsPerUse, log2((1 + T) / (1 - T))))
        #expect(m.rateHz <= m.bounds.plobPairsPerSecond)
    }

    @Test("Native 422 nm photons lose to converted photons beyond a few km")
    func conversionWins() throws {
        let native = try LinkModel(configuration: srLink(totalKm: 2, converted: false))
        let converted = try LinkModel(configuration: srLink(totalKm: 2, converted: true))
        // 1 km per arm at 30 dB/km costs 30 dB; conversion costs 0.3 × 0.9/0.35.
        #expect(converted.rateHz > native.rateHz)
    }

    @Test("An efficiency of 1.2 names its path, value and range")
    func badEfficiency() throws {
        var c = try srLink(totalKm: 1, converted: false)
        c.armA.collection.efficiency = 1.2
        #expect {
            _ = try LinkModel(configuration: c)
        } throws: { error in
            guard let e = error as? ParameterError else { return false }
            return e.path == "link.armA.collection.efficiency" && e.kind == .outOfRange
                && e.description.contains("1.2") && e.description.contains("[0, 1]")
                && !e.description.contains("\n")
        }
    }

    @Test("Negative length and NaN are rejected with their paths")
    func badLengthAndNaN() throws {
        var c = try srLink(totalKm: 1, converted: false)
        c.armB.fiber.lengthKm = -3
        #expect(throws: ParameterError.self) { _ = try LinkModel(configuration: c) }
        do { _ = try LinkModel(configuration: c) } catch let e as ParameterError {
            #expect(e.path == "link.armB.fiber.lengthKm")
        }
        var d = try srLink(totalKm: 1, converted: false)
        d.armA.detector.darkCountRateHz = .nan
        do {
            _ = try LinkModel(configuration: d)
            Issue.record("NaN accepted")
        } catch let e as ParameterError {
            #expect(e.path == "link.armA.detector.darkCountRateHz")
            #expect(e.kind == .notFinite)
        }
    }
}
