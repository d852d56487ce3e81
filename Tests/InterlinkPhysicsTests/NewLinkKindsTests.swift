import Foundation
import Testing
import InterlinkCore
@testable import InterlinkPhysics

/// Exact Bell fidelity of (𝟙 ⊗ AD_γ)|Φ⁺⟩⟨Φ⁺| from the Kraus operators K₀ = diag(1, √(1−γ)),
/// K₁ = √γ|0⟩⟨1| acting on the second qubit (Nielsen & Chuang §8.3.5), by direct 4 × 4 algebra.
func amplitudeDampedBellFidelity(transmission eta: Double) -> Double {
    let s = 1 / 2.0.squareRoot()
    let phi = [s, 0, 0, s]   // |00⟩ + |11⟩, index 2a + b
    let k0: [[Double]] = [[1, 0], [0, eta.squareRoot()]]
    let k1: [[Double]] = [[0, (1 - eta).squareRoot()], [0, 0]]
    var f = 0.0
    for k in [k0, k1] {
        var v = [0.0, 0, 0, 0]
        for a in 0..<2 { for b in 0..<2 { for b2 in 0..<2 { v[2 * a + b] += k[b][b2] * phi[2 * a + b2] } } }
        let overlap = zip(phi, v).reduce(0) { $0 + $1.0 * $1.1 }
        f += overlap * overlap
    }
    return f
}

@Suite("Deterministic microwave link")
struct MicrowaveLinkTests {
    static let base = MicrowaveLinkConfiguration(operation: .remoteEntanglement, frequencyGHz: 8.4, lineLengthMeters: 0.9,
                                                 lineLossDBPerMeter: 0.1, insertionLossDB: 1.2, emissionAbsorptionEfficiency: 0.981,
                                                 protocolSeconds: 180e-9, repetitionRateHz: 50_000)

    @Test("pure loss: F = exact Bell fidelity of the amplitude-damped pair = (1 + √η)²/4; p = 1; rate = 50 kHz")
    func pureLoss() throws {
        let m = try MicrowaveLinkModel(configuration: Self.base)
        let eta = 0.981 * pow(10, -(0.1 * 0.9 + 1.2) / 10)
        #expect(abs(m.transmission - eta) < 1e-15)
        #expect(abs(m.fidelity - amplitudeDampedBellFidelity(transmission: eta)) < 1e-12)
        #expect(m.successProbability == 1)
        #expect(m.rateHz == 50_000)
        #expect(abs(m.transferSeconds - (180e-9 + 0.9 / (0.7 * 299_792_458))) < 1e-18)
    }

    @Test("state transfer: average fidelity 1/2 + √η/3 + η/6 of amplitude damping (Nielsen & Chuang)")
    func stateTransfer() throws {
        var c = Self.base
        c.operation = .stateTransfer
        let m = try MicrowaveLinkModel(configuration: c)
        let eta = m.transmission
        #expect(abs(m.averageFidelity - (0.5 + eta.squareRoot() / 3 + eta / 6)) < 1e-12)
    }

    @Test("limits: lossless and noiseless → F = 1; additional infidelity ε alone → F = 1 − ε; memory T2 → hand")
    func limits() throws {
        var c = Self.base
        c.lineLossDBPerMeter = 0
        c.insertionLossDB = 0
        c.emissionAbsorptionEfficiency = 1
        #expect(abs(try MicrowaveLinkModel(configuration: c).fidelity - 1) < 1e-15)
        c.additionalInfidelity = 0.04
        #expect(abs(try MicrowaveLinkModel(configuration: c).fidelity - 0.96) < 1e-15)
        c.additionalInfidelity = nil
        c.memoryA = MemoryParameters(t2Seconds: 1e-5)
        let m = try MicrowaveLinkModel(configuration: c)
        // The sender's qubit dephases for the whole transfer: F = (1 + e^(−t/T2))/2.
        #expect(abs(m.fidelity - (1 + exp(-m.transferSeconds / 1e-5)) / 2) < 1e-12)
        c.repetitionRateHz = 1e9
        #expect(abs(try MicrowaveLinkModel(configuration: c).rateHz - 1 / m.transferSeconds) < 1e-3)
    }

    @Test("bad input names the field", arguments: [
        ("frequencyGHz", "microwaveLink.frequencyGHz"), ("optical", "microwaveLink.frequencyGHz"),
        ("loss", "microwaveLink.lineLossDBPerMeter"), ("eff", "microwaveLink.emissionAbsorptionEfficiency"),
        ("velocity", "microwaveLink.velocityFraction"), ("infidelity", "microwaveLink.additionalInfidelity"),
    ])
    func badInput(field: String, path: String) {
        var c = Self.base
        switch field {
        case "frequencyGHz": c.frequencyGHz = 0
        case "optical": c.frequencyGHz = 193_000   // 1550 nm light is not a microwave photon
        case "loss": c.lineLossDBPerMeter = -1
        case "eff": c.emissionAbsorptionEfficiency = 1.2
        case "velocity": c.velocityFraction = 2
        default: c.additionalInfidelity = 0.9
        }
        #expect(throws: ParameterError.self) { try MicrowaveLinkModel(configuration: c) }
        do { _ = try MicrowaveLinkModel(configuration: c) } catch let e as ParameterError { #expect(e.path == path) } catch {}
    }
}

@Suite("Node–photon links without a midpoint station")
struct NodePhotonLinkTests {
    static func arm(lengthKm: Double = 2.8, dark: Double = 0) throws -> ArmConfiguration {
        var a = try ModalityPreset.arm(named: "ion.sr88.422")
        a.node.photon = PhotonSource(wavelengthNm: 1092, linewidthMHz: 1.5)
        a.fiber = FiberSpan(lengthKm: lengthKm)
        a.detector = DetectorStage(efficiency: 0.8, darkCountRateHz: dark, windowSeconds: 1e-6, jitterSeconds: 0, kind: .threshold)
        return a
    }

    @Test("analyser, no noise: p = η (hand product of stages), F = spin–photon fidelity after the round trip")
    func analyserNoiseless() throws {
        var a = try Self.arm()
        a.node.spinPhoton = SpinPhotonErrors(depolarizingProbability: 0.04)
        let m = try NodePhotonLinkModel(configuration: NodePhotonLinkConfiguration(receiver: .analyser, arm: a))
        let eta = 0.06 * pow(10, -0.7 * 2.8 / 10) * 0.8
        #expect(abs(m.successProbabilityPerAttempt - eta) < 1e-15)
        // depolarising p on the spin: F = 1 − 3p/4; then T2 = 85 ms dephasing for the round trip 2·2.8 km·1.47/c.
        let t = 2 * 2.8 * 1.47 / 299_792.458
        let fz = (1 - exp(-t / 0.085)) / 2
        let f = 1 - 3 * 0.04 / 4
        let pz = 0.04 / 4
        #expect(abs(m.fidelity - (f * (1 - fz) + pz * fz)) < 1e-12)
    }

    @Test("analyser with dark counts equals an enumeration of photon and noise-click events")
    func analyserDarkCounts() throws {
        let a = try Self.arm(lengthKm: 40, dark: 2000)
        let m = try NodePhotonLinkModel(configuration: NodePhotonLinkConfiguration(receiver: .analyser, arm: a))
        let eta = m.arm.endToEndEfficiency
        let q = -expm1(-2000 * 1e-6)
        // Enumerate: photon detected (η) in detector 1 or 2, independent noise clicks n1, n2 with prob q;
        // accepted when exactly one detector clicks; correct when that click is the photon's.
        var correct = 0.0, random = 0.0
        for photon in [true, false] { for port in [0, 1] { for n1 in [false, true] { for n2 in [false, true] {
            let w = (photon ? eta : 1 - eta) * 0.5 * (n1 ? q : 1 - q) * (n2 ? q : 1 - q)
            let c1 = n1 || (photon && port == 0), c2 = n2 || (photon && port == 1)
            guard c1 != c2 else { continue }
            if photon { correct += w } else { random += w }
        } } } }
        #expect(abs(m.trueHeraldProbability - correct) < 1e-15)
        #expect(abs(m.falseHeraldProbability - random) < 1e-15)
        let heralded = (correct * 1 + random * 0.25) / (correct + random)
        #expect(abs(m.heraldedState.fidelity - heralded) < 1e-12)
    }

    @Test("absorbing memory: p = η·η_abs, F = storage fidelity (depolarising) on a perfect pair; rejects a wrong wavelength")
    func absorbingMemory() throws {
        var a = try Self.arm(lengthKm: 0)
        a.node.memory = MemoryParameters()
        let mem = AbsorbingMemory(absorptionEfficiency: 0.4, storageFidelity: 0.95, memory: MemoryParameters())
        let m = try NodePhotonLinkModel(configuration: NodePhotonLinkConfiguration(receiver: .absorbingMemory, arm: a, memory: mem))
        #expect(abs(m.successProbabilityPerAttempt - 0.06 * 0.8 * 0.4) < 1e-15)
        #expect(abs(m.fidelity - 0.95) < 1e-12)
        var wrong = mem
        wrong.acceptedWavelengthNm = 1550
        do {
            _ = try NodePhotonLinkModel(configuration: NodePhotonLinkConfiguration(receiver: .absorbingMemory, arm: a, memory: wrong))
            Issue.record("accepted")
        } catch let e as ParameterError {
            #expect(e.path == "nodePhotonLink.memory.acceptedWavelengthNm")
        }
        #expect(throws: ParameterError.self) {
            try NodePhotonLinkModel(configuration: NodePhotonLinkConfiguration(receiver: .absorbingMemory, arm: a))
        }
        #expect(throws: ParameterError.self) {
            try NodePhotonLinkModel(configuration: NodePhotonLinkConfiguration(receiver: .analyser, arm: a, memory: mem))
        }
    }
}

@Suite("Mixed-species steps inside a node")
struct NodeTransferStepTests {
    static func link(stepsA: [NodeTransferStep]?) throws -> LinkModel {
        var a = try ModalityPreset.arm(named: "ion.sr88.422")
        a.node.memory = MemoryParameters()
        a.detector.darkCountRateHz = 0
        var b = a
        a.node.transferSteps = stepsA
        b.node.transferSteps = nil
        return try LinkModel(configuration: .midpoint(armA: a, armB: b, totalLengthKm: 0.002, residualVisibility: 1))
    }

    @Test("before emission: η_A scales by the efficiency (p ∝ η_A η_B), the node cycle grows by the duration")
    func beforeEmission() throws {
        let plain = try Self.link(stepsA: nil)
        let step = NodeTransferStep(placement: .beforeEmission, efficiency: 0.8, fidelity: 1, durationSeconds: 2e-6)
        let with = try Self.link(stepsA: [step])
        #expect(abs(with.successProbabilityPerAttempt / plain.successProbabilityPerAttempt - 0.8) < 1e-12)
        #expect(abs(with.attemptPeriod.nodeCycleSeconds - (1.2e-6 + 2e-6)) < 1e-18)
    }

    @Test("after herald: rate × efficiency; two steps of fidelity F₁, F₂ give λ_I = F₁F₂ + (1 − F₁)(1 − F₂)/3 on a perfect pair")
    func afterHerald() throws {
        let plain = try Self.link(stepsA: nil)
        let steps = [NodeTransferStep(placement: .afterHerald, efficiency: 0.9, fidelity: 0.98, durationSeconds: 0),
                     NodeTransferStep(placement: .beforeEmission, efficiency: 1, fidelity: 0.95, durationSeconds: 0)]
        let with = try Self.link(stepsA: steps)
        #expect(abs(with.rateHz / plain.rateHz - 0.9) < 1e-12)
        let f1 = 0.98, f2 = 0.95
        let composed = f1 * f2 + (1 - f1) * (1 - f2) / 3
        // plain delivered state is a pure phase-flip state (V = 1, no noise, no memory): λ_I = 1.
        #expect(abs(plain.fidelity - 1) < 1e-12)
        #expect(abs(with.fidelity - composed) < 1e-12)
    }

    @Test("bad input names transferSteps[k].field")
    func badInput() throws {
        var a = try ModalityPreset.arm(named: "ion.sr88.422")
        a.node.transferSteps = [NodeTransferStep(placement: .afterHerald, efficiency: 0.9, fidelity: 0.1, durationSeconds: 0)]
        do {
            _ = try LinkModel(configuration: .midpoint(armA: a, armB: a, totalLengthKm: 1))
            Issue.record("accepted")
        } catch let e as ParameterError {
            #expect(e.path == "link.armA.node.transferSteps[0].fidelity")
        }
    }
}
