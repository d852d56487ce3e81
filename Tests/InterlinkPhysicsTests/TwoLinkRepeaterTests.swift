import Foundation
import Testing
@testable import InterlinkPhysics

@Suite("Two-link repeater: closed forms against Monte Carlo")
struct TwoLinkRepeaterTests {
    /// A short link with p = η²/2 (η = collection), node cycle τ, given memories.
    func link(collection: Double, tau: Double, memory: MemoryParameters) throws -> LinkConfiguration {
        var arm = try ModalityPreset.arm(named: "ion.ca40.854.cavity")
        arm.collection.efficiency = collection
        arm.insertionLossesDB = []
        arm.detector = DetectorStage(efficiency: 1, darkCountRateHz: 0, windowSeconds: 1e-6, jitterSeconds: 0)
        arm.node.attemptTimeSeconds = tau
        arm.node.maxRepetitionRateHz = 1 / tau
        arm.node.memory = memory
        return LinkConfiguration.midpoint(armA: arm, armB: arm, totalLengthKm: 0, residualVisibility: 0.96)
    }

    /// Monte Carlo of the swap protocol using only per-pair channel functions.
    func monteCarlo(_ c: RepeaterConfiguration, samples: Int, seed: UInt64) throws -> (fidelity: (Double, Double), rounds: (Double, Double)) {
        let a = try LinkModel(configuration: c.linkA), b = try LinkModel(configuration: c.linkB)
        let tau = max(a.attemptPeriod.periodSeconds, b.attemptPeriod.periodSeconds)
        let n = c.cutoffSeconds.map { Int(($0 / tau).rounded(.down)) }
        var rng = SeededGenerator(seed: seed)
        var fs: [Double] = [], rs: [Double] = []
        for _ in 0..<samples {
            let r = simulateTwoLinks(a.successProbabilityPerRound, b.successProbabilityPerRound, cutoff: n, rng: &rng)
            let t = Double(r.d) * tau
            var sa = a.deliveredState, sb = b.deliveredState
            if r.earlierIsOne == true {
                sa = MemoryDecoherence.stored(sa, memoryA: c.linkA.armA.node.memory, timeA: t, memoryB: c.linkA.armB.node.memory, timeB: t)
            } else if r.earlierIsOne == false {
                sb = MemoryDecoherence.stored(sb, memoryA: c.linkB.armA.node.memory, timeA: t, memoryB: c.linkB.armB.node.memory, timeB: t)
            }
            let swapped = EntanglementSwapping.swap(sa, sb, operations: c.linkA.armB.node.operations)
            guard c.swapLatency == true else {
                fs.append(swapped.fidelity)
                rs.append(Double(r.rounds))
                continue
            }
            let delays = (a.armA.oneWayDelaySeconds + a.armB.oneWayDelaySeconds, b.armA.oneWayDelaySeconds + b.armB.oneWayDelaySeconds)
            fs.append(EntanglementSwapping.decoherenceDuringSwap(
                swapped, operations: c.linkA.armB.node.operations,
                repeaterMemories: (c.linkA.armB.node.memory, c.linkB.armA.node.memory),
                endMemories: (c.linkA.armA.node.memory, c.linkB.armB.node.memory), classicalDelaysSeconds: delays).fidelity)
            rs.append(Double(r.rounds))
        }
        return (meanAndError(fs), meanAndError(rs))
    }

    @Test("Without memory decoherence: F = swap of the link states, rate = 1/(E[max]·τ)")
    func noDecoherence() throws {
        let l = try link(collection: 0.5, tau: 1e-4, memory: MemoryParameters())
        let m = try TwoLinkRepeaterModel(configuration: RepeaterConfiguration(linkA: l, linkB: l))
        let single = try LinkModel(configuration: l)
        let p = 0.125   // η²/2 with η = 0.5
        #expect(close(single.successProbabilityPerRound, p))
        #expect(close(m.meanRounds, (3 - 2 * p) / (p * (2 - p))))
        #expect(close(m.rateHz, 1 / (m.meanRounds * 1e-4)))
        let expected = EntanglementSwapping.swap(single.deliveredState, single.deliveredState, operations: l.armB.node.operations)
        #expect(close(m.fidelity, expected.fidelity))
    }

    @Test("Markovian T1/T2 memories, unequal links: mean delivered fidelity equals Monte Carlo")
    func markovian() throws {
        let mem = MemoryParameters(t1Seconds: 0.02, t2Seconds: 0.01)
        let c = RepeaterConfiguration(linkA: try link(collection: 0.5, tau: 1e-4, memory: mem),
                                      linkB: try link(collection: 0.3, tau: 1e-4, memory: mem))
        let m = try TwoLinkRepeaterModel(configuration: c)
        let mc = try monteCarlo(c, samples: 20_000, seed: 1)
        #expect(abs(m.fidelity - mc.fidelity.0) < 4 * mc.fidelity.1)
        #expect(abs(m.meanRounds - mc.rounds.0) < 4 * mc.rounds.1)
        #expect(m.fidelity < (try LinkModel(configuration: c.linkA)).fidelity)
    }

    @Test("Gaussian dephasing and a cutoff: mean delivered fidelity and rounds equal Monte Carlo")
    func gaussianWithCutoff() throws {
        let mem = MemoryParameters(gaussianDephasingSeconds: 2e-3)
        let l = try link(collection: 0.4, tau: 1e-4, memory: mem)
        let c = RepeaterConfiguration(linkA: l, linkB: l, cutoffSeconds: 1.5e-3)
        let m = try TwoLinkRepeaterModel(configuration: c)
        #expect(m.cutoffRounds == 15)
        let mc = try monteCarlo(c, samples: 20_000, seed: 2)
        #expect(abs(m.fidelity - mc.fidelity.0) < 4 * mc.fidelity.1)
        #expect(abs(m.meanRounds - mc.rounds.0) < 4 * mc.rounds.1)
        // a cutoff trades rate for fidelity
        let noCut = try TwoLinkRepeaterModel(configuration: RepeaterConfiguration(linkA: l, linkB: l))
        #expect(m.fidelity > noCut.fidelity)
        #expect(m.rateHz < noCut.rateHz)
    }

    @Test("Depolarising-equivalent check: Werner pairs in T1 = T2/2 memories follow F = 1/4 + (F0 − 1/4)·E[decay]")
    func wernerDecay() throws {
        // With T2 = 2T1 the memory shrinks X, Y, Z Bloch components by e^(−t/2T1), e^(−t/2T1), e^(−t/T1):
        // not depolarising, so compare the I weight against the transform expectation by hand instead:
        // for a perfect pair and perfect swap, F = (1 + E[a] + 2E[c])/4 with a = e^(−2t/T1), c = e^(−t/T1)
        let T1 = 5e-3
        let mem = MemoryParameters(t1Seconds: T1, t2Seconds: 2 * T1)
        var l = try link(collection: 0.5, tau: 1e-4, memory: mem)
        l.residualVisibility = 1
        l.armA.node.operations = LocalOperations(singleQubitGateFidelity: 1, singleQubitGateSeconds: 0, twoQubitGateFidelity: 1,
                                                 twoQubitGateSeconds: 0, readoutFidelity: 1, readoutSeconds: 0)
        l.armB.node.operations = l.armA.node.operations
        let m = try TwoLinkRepeaterModel(configuration: RepeaterConfiguration(linkA: l, linkB: l))
        let p = 0.125, tau = 1e-4
        let ea = WaitingTime.expectedDecoherenceFactor(p1: p, p2: p, factorPerRound: exp(-2 * tau / T1))
        let ec = WaitingTime.expectedDecoherenceFactor(p1: p, p2: p, factorPerRound: exp(-tau / T1))
        #expect(close(m.fidelity, (1 + ea + 2 * ec) / 4, 1e-12))
    }
}
