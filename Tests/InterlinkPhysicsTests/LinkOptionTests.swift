import InterlinkCore
import Foundation
import Testing
@testable import InterlinkPhysics

@Suite("Link options: detector kind, detuning phase, Gaussian-dephasing convention")
struct LinkOptionTests {
    /// The Ca⁺ cavity arm without dark counts (single Lorentzian photon, no filter).
    func ionArm() throws -> ArmConfiguration {
        try ModalityPreset.arm(named: "ion.ca40.854.cavity").withoutDarkCounts
    }

    @Test("Threshold detectors at the station: single-click F drops by the bunched-pair term")
    func thresholdLink() throws {
        var arm = try ionArm()
        arm.detector.kind = .threshold
        let c = LinkConfiguration.midpoint(armA: arm, armB: arm, totalLengthKm: 0, scheme: .singleClick(alpha: 0.3))
        let m = try LinkModel(configuration: c)
        let e = m.armA.endToEndEfficiency, a = 0.3
        // by hand: P10 = P01 = α(1 − α)η, P11 = α²(2η(1 − η) + η²) (bunched pair of identical photons clicks once)
        let p10 = a * (1 - a) * e, p11 = a * a * (2 * e * (1 - e) + e * e)
        #expect(close(m.heraldedState.fidelity, 2 * p10 / (2 * p10 + p11)))
        var mixed = arm
        mixed.detector.kind = .numberResolving
        let bad = LinkConfiguration.midpoint(armA: arm, armB: mixed, totalLengthKm: 0)
        #expect(throws: ParameterError.self) { try bad.validate(at: "link") }
        do { try bad.validate(at: "link") } catch let e as ParameterError { #expect(e.path == "link.armB.detector.kind") }
    }

    @Test("Detector kind decodes from JSON and defaults to numberResolving")
    func detectorKindJSON() throws {
        let d = try JSONDecoder().decode(DetectorStage.self, from: Data(
            #"{"efficiency": 0.9, "darkCountRateHz": 1, "windowSeconds": 1e-7, "jitterSeconds": 0, "kind": "threshold"}"#.utf8))
        #expect(d.resolvedKind == .threshold)
        let old = try JSONDecoder().decode(DetectorStage.self, from: Data(
            #"{"efficiency": 0.9, "darkCountRateHz": 1, "windowSeconds": 1e-7, "jitterSeconds": 0}"#.utf8))
        #expect(old.kind == nil && old.resolvedKind == .numberResolving)
    }

    @Test("Uncompensated detuning phase: single-click coherence shrinks by cos arg 𝒱 = ν/√(ν² + Δ²)")
    func detuningPhase() throws {
        let arm = try ionArm()
        let nu = arm.node.photon.linewidthMHz, delta = 0.4 * nu
        var scheme = HeraldingScheme.singleClick(alpha: 0.1)
        let compensated = try LinkModel(configuration: .midpoint(armA: arm, armB: arm, totalLengthKm: 0, scheme: scheme,
                                                                 detuningMHz: delta))
        scheme.detuningPhaseCompensated = false
        let raw = try LinkModel(configuration: .midpoint(armA: arm, armB: arm, totalLengthKm: 0, scheme: scheme,
                                                         detuningMHz: delta))
        // Two exponential photons of equal decay rate Γ = 2πν, detuned by 2πΔ:
        // ⟨f_A|f_B⟩ = Γ∫e^(−Γt)e^(−i2πΔt)dt = Γ/(Γ + i2πΔ), so cos arg = ν/√(ν² + Δ²) (= √M here).
        let cosArg = nu / (nu * nu + delta * delta).squareRoot()
        #expect(abs(cosArg - compensated.modeOverlap.squareRoot()) < 1e-9)
        let c1 = compensated.heraldedState.lambdaI - compensated.heraldedState.lambdaZ
        let c2 = raw.heraldedState.lambdaI - raw.heraldedState.lambdaZ
        #expect(abs(c2 / c1 - cosArg) < 1e-9)
        #expect(compensated.successProbabilityPerAttempt == raw.successProbabilityPerAttempt)
    }

    @Test("Gaussian dephasing: a NetSquid time T equals an Interlink time T/√2; both give the same channel")
    func gaussianConvention() throws {
        let ours = MemoryParameters(gaussianDephasingSeconds: 1e-3)
        let theirs = MemoryParameters(gaussianDephasingSeconds: 1e-3 * 2.0.squareRoot(), gaussianDephasingConvention: .netSquid)
        for t in [0.0, 1e-4, 5e-4, 1e-3, 3e-3] {
            #expect(close(ours.coherenceFactor(after: t), theirs.coherenceFactor(after: t)))
            #expect(close(ours.coherenceFactor(after: t), exp(-(t / 1e-3) * (t / 1e-3))))
        }
        // NetSquid's form by hand: e^(−2(t/T)²) at t = T is e^(−2).
        #expect(close(MemoryParameters(gaussianDephasingSeconds: 1, gaussianDephasingConvention: .netSquid)
            .coherenceFactor(after: 1), exp(-2)))
        let json = #"{"gaussianDephasingSeconds": 0.002, "gaussianDephasingConvention": "netSquid"}"#
        let decoded = try JSONDecoder().decode(MemoryParameters.self, from: Data(json.utf8))
        #expect(decoded.gaussianDephasingConvention == .netSquid)
    }
}
