import InterlinkCore
import Foundation
import Testing
@testable import InterlinkPhysics

/// Seeded random valid inputs; a few hundred each.
@Suite("Properties over random valid inputs")
struct PropertyTests {
    func validState(_ s: BellDiagonalState) -> Bool {
        s.weights.allSatisfy { $0 >= 0 && $0 <= 1 } && abs(s.weights.reduce(0, +) - 1) <= 1e-12
    }

    func randomState(_ rng: inout SeededGenerator) -> BellDiagonalState {
        let v = (0..<4).map { _ in -log(1 - rng.uniform()) }
        return BellDiagonalState(normalizing: v)
    }

    func randomArm(_ rng: inout SeededGenerator) throws -> ArmConfiguration {
        let names = ModalityPreset.names
        var arm = try ModalityPreset.arm(named: names[Int(rng.uniform() * Double(names.count))])
        arm.collection.efficiency = rng.uniform()
        arm.fiber.lengthKm = rng.logUniform(1e-3, 200)
        arm.detector.efficiency = rng.uniform()
        arm.detector.darkCountRateHz = rng.logUniform(1e-2, 1e4)
        arm.detector.windowSeconds = rng.logUniform(1e-9, 1e-4)
        if arm.outputWavelengthNm < 1000 || rng.uniform() < 0.3 {
            arm.conversion = FrequencyConversionStage(efficiency: rng.uniform(), noiseRateHz: rng.logUniform(1e-1, 1e4),
                                                      outputWavelengthNm: rng.uniform() < 0.5 ? 1550 : 1310)
        }
        if rng.uniform() < 0.3 {
            arm.filter = SpectralFilterStage(bandwidthMHz: rng.logUniform(0.01, 1000), peakTransmission: rng.uniform(),
                                             centerOffsetMHz: rng.uniform(-10, 10))
        }
        if rng.uniform() < 0.3 { arm.insertionLossesDB = [rng.uniform(0, 10), rng.uniform(0, 3)] }
        arm.node.communicationQubits = 1 + Int(rng.uniform() * 20)
        let t1 = rng.logUniform(1e-5, 10)
        arm.node.memory = MemoryParameters(t1Seconds: t1, t2Seconds: 2 * t1 * rng.uniform(0.01, 1),
                                           gaussianDephasingSeconds: rng.uniform() < 0.3 ? rng.logUniform(1e-5, 10) : nil)
        return arm
    }

    func randomLink(_ rng: inout SeededGenerator) throws -> LinkConfiguration {
        let scheme: HeraldingScheme = rng.uniform() < 0.5 ? .twoPhoton
            : HeraldingScheme(kind: .singleClick, brightStatePopulation: rng.uniform(),
                              brightStatePopulationB: rng.uniform() < 0.5 ? rng.uniform() : nil, phaseStability: rng.uniform())
        return LinkConfiguration(scheme: scheme, armA: try randomArm(&rng), armB: try randomArm(&rng),
                                 residualVisibility: rng.uniform(), detuningMHz: rng.uniform(-50, 50))
    }

    @Test("Bell algebra keeps states valid: channels, swaps, purification, decoherence (400 cases)")
    func algebra() {
        var rng = SeededGenerator(seed: 2024)
        for _ in 0..<400 {
            let a = randomState(&rng), b = randomState(&rng)
            let ch = PauliChannel(normalizing: randomState(&rng).weights)
            #expect(validState(ch.apply(to: a)))
            #expect(validState(EntanglementSwapping.swap(a, b)))
            let d = Purification.dejmps(a, b), bb = Purification.bbpssw(a, b)
            #expect(validState(d.state) && validState(bb.state))
            #expect((0...1).contains(d.successProbability) && (0...1).contains(bb.successProbability))
            let mem = MemoryParameters(t1Seconds: rng.logUniform(1e-4, 1), t2Seconds: nil, gaussianDephasingSeconds: rng.logUniform(1e-4, 1))
            #expect(validState(mem.channel(after: rng.logUniform(1e-6, 10)).apply(to: a)))
            #expect((0...1).contains(RemoteOperations.teleportationFidelity(a)))
        }
    }

    @Test("Random valid links: valid states, probabilities in [0, 1], rates within the bounds (400 cases)")
    func links() throws {
        var rng = SeededGenerator(seed: 77)
        for _ in 0..<400 {
            let c = try randomLink(&rng)
            let m = try LinkModel(configuration: c)
            #expect(validState(m.heraldedState) && validState(m.deliveredState))
            for p in [m.successProbabilityPerAttempt, m.successProbabilityPerRound, m.herald.trueHeraldProbability,
                      m.herald.falseHeraldProbability, m.fidelity, m.modeOverlap, m.visibility,
                      m.armA.endToEndEfficiency, m.armB.endToEndEfficiency] {
                #expect(p >= 0 && p <= 1)
            }
            // Two-photon true heralds never beat the point-to-point PLOB bound; any scheme's
            // hashing (distillable) rate stays below the single-relay bound.
            if c.scheme.kind == .twoPhoton {
                #expect(m.trueHeraldRateHz <= m.bounds.plobPairsPerSecond * (1 + 1e-12))
            }
            #expect(m.hashingRateHz <= m.bounds.singleRelayPlobPairsPerSecond * (1 + 1e-12))
            #expect(m.bounds.plobEbitsPerUse <= m.bounds.tgwEbitsPerUse)
        }
    }

    @Test("Random repeaters: valid mean states and fidelities, rate below either link's rate (150 cases)")
    func repeaters() throws {
        var rng = SeededGenerator(seed: 5150)
        var evaluated = 0
        for _ in 0..<150 {
            var a = try randomLink(&rng), b = try randomLink(&rng)
            // keep p per round reasonable so Gaussian sums stay short
            for arm in [\LinkConfiguration.armA, \LinkConfiguration.armB] {
                a[keyPath: arm].fiber.lengthKm = min(a[keyPath: arm].fiber.lengthKm, 20)
                b[keyPath: arm].fiber.lengthKm = min(b[keyPath: arm].fiber.lengthKm, 20)
                a[keyPath: arm].node.memory.gaussianDephasingSeconds = a[keyPath: arm].node.memory.gaussianDephasingSeconds.map { min($0, 1e-2) }
                b[keyPath: arm].node.memory.gaussianDephasingSeconds = b[keyPath: arm].node.memory.gaussianDephasingSeconds.map { min($0, 1e-2) }
            }
            let cut: Double? = rng.uniform() < 0.5 ? rng.logUniform(1e-5, 1) : nil
            let m: TwoLinkRepeaterModel
            do {
                m = try TwoLinkRepeaterModel(configuration: RepeaterConfiguration(linkA: a, linkB: b, cutoffSeconds: cut))
            } catch let e as ParameterError where e.path == "repeater" {
                continue   // documented refusal: Gaussian expectation would need > 1e7 terms
            }
            evaluated += 1
            #expect(validState(m.state))
            #expect(m.fidelity >= 0 && m.fidelity <= 1)
            #expect(m.probabilitySimultaneous >= 0 && m.probabilitySimultaneous <= 1)
            #expect(m.rateHz <= min(m.linkA.rateHz, m.linkB.rateHz) * (1 + 1e-9))
        }
        #expect(evaluated > 75)
    }
}
