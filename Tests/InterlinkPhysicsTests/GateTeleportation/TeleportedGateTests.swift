import Foundation
import Testing
@testable import InterlinkPhysics

@Suite("Teleported remote CNOT with local errors and latency")
struct TeleportedGateTests {
    static func ops(f2: Double = 1, f1: Double = 1, ro: Double = 1, t2q: Double = 0, t1q: Double = 0, tro: Double = 0) -> LocalOperations {
        LocalOperations(singleQubitGateFidelity: f1, singleQubitGateSeconds: t1q, twoQubitGateFidelity: f2,
                        twoQubitGateSeconds: t2q, readoutFidelity: ro, readoutSeconds: tro)
    }

    @Test("closed form equals the 6-qubit density-matrix brute force on 60 random configurations")
    func bruteForce() {
        var g = SeededGenerator(seed: 14)
        for _ in 0..<60 {
            var w = (0..<4).map { _ in Double.random(in: 0...1, using: &g) }
            w[0] += 2
            let sum = w.reduce(0, +)
            let pair = BellDiagonalState(normalizing: w.map { $0 / sum })
            let a = Self.ops(f2: .random(in: 0.8...1, using: &g), f1: .random(in: 0.9...1, using: &g),
                             ro: .random(in: 0.85...1, using: &g), t2q: .random(in: 0...1e-4, using: &g),
                             t1q: .random(in: 0...1e-5, using: &g), tro: .random(in: 0...1e-4, using: &g))
            let b = Self.ops(f2: .random(in: 0.8...1, using: &g), f1: .random(in: 0.9...1, using: &g),
                             ro: .random(in: 0.85...1, using: &g), t2q: .random(in: 0...1e-4, using: &g),
                             t1q: .random(in: 0...1e-5, using: &g), tro: .random(in: 0...1e-4, using: &g))
            let t1A = Double.random(in: 1e-4...1e-2, using: &g), t1B = Double.random(in: 1e-4...1e-2, using: &g)
            let memA = MemoryParameters(t1Seconds: t1A, t2Seconds: t1A * .random(in: 0.2...2, using: &g))
            let memB = MemoryParameters(t1Seconds: t1B, t2Seconds: t1B * .random(in: 0.2...2, using: &g),
                                        gaussianDephasingSeconds: .random(in: 1e-4...1e-2, using: &g))
            let delay = Double.random(in: 0...5e-4, using: &g)
            // Waits by hand: c waits from the end of A's gate until B's message arrives, t likewise.
            let waitC = max(0, b.twoQubitGateSeconds + b.singleQubitGateSeconds + b.readoutSeconds + delay - a.twoQubitGateSeconds)
            let waitT = max(0, a.twoQubitGateSeconds + a.readoutSeconds + delay - b.twoQubitGateSeconds)
            let reference = GateTeleportationReference.run(pair: pair, nodeA: a, nodeB: b,
                                                           memoryC: memA.channel(after: waitC), memoryT: memB.channel(after: waitT))
            let model = RemoteOperations.teleportedCNOT(pair: pair, nodeA: a, nodeB: b, memoryA: memA, memoryB: memB,
                                                        classicalDelaySeconds: delay)
            #expect(abs(model.processFidelity - reference) < 1e-12, "\(model.processFidelity) vs \(reference)")
            #expect(abs(model.controlWaitSeconds - waitC) < 1e-18 && abs(model.targetWaitSeconds - waitT) < 1e-18)
            // The independent product never exceeds the exact composition (zero latency, ideal rotations).
            var a0 = a, b0 = b
            a0.singleQubitGateFidelity = 1
            b0.singleQubitGateFidelity = 1
            let exact0 = RemoteOperations.teleportedCNOT(pair: pair, nodeA: a0, nodeB: b0, memoryA: MemoryParameters(),
                                                         memoryB: MemoryParameters(), classicalDelaySeconds: 0)
            #expect(RemoteOperations.remoteCNOT(pair: pair, nodeA: a0, nodeB: b0).processFidelity <= exact0.processFidelity + 1e-12)
        }
    }

    @Test("perfect local operations and no latency: F_pro = λ_I (Eisert et al. 2000)")
    func ideal() {
        let pair = BellDiagonalState(normalizing: [0.85, 0.05, 0.04, 0.06])
        let g = RemoteOperations.teleportedCNOT(pair: pair, nodeA: Self.ops(), nodeB: Self.ops(), memoryA: MemoryParameters(),
                                                memoryB: MemoryParameters(), classicalDelaySeconds: 1)
        #expect(abs(g.processFidelity - 0.85) < 1e-15)
        #expect(abs(g.averageGateFidelity - (4 * 0.85 + 1) / 5) < 1e-15)
    }

    @Test("hand: a pair X error and a flipped m₁ cancel — F = (1 − x)(1 − ε) + x·ε, above the product bound")
    func cancellation() {
        let x = 0.1, e = 0.2
        let pair = BellDiagonalState(normalizing: [1 - x, x, 0, 0])
        let g = RemoteOperations.teleportedCNOT(pair: pair, nodeA: Self.ops(ro: 1 - e), nodeB: Self.ops(),
                                                memoryA: MemoryParameters(), memoryB: MemoryParameters(), classicalDelaySeconds: 0)
        #expect(abs(g.processFidelity - ((1 - x) * (1 - e) + x * e)) < 1e-15)
        #expect(g.processFidelity > RemoteOperations.remoteCNOT(pair: pair, nodeA: Self.ops(ro: 1 - e), nodeB: Self.ops()).processFidelity)
    }

    @Test("hand: latency only — both data qubits dephase for t_c: F = ((1 + e^(−t_c/T2))/2)²")
    func latency() {
        let tc = 2e-3, t2 = 1e-2
        let mem = MemoryParameters(t2Seconds: t2)
        let g = RemoteOperations.teleportedCNOT(pair: .perfect, nodeA: Self.ops(), nodeB: Self.ops(), memoryA: mem, memoryB: mem,
                                                classicalDelaySeconds: tc)
        let one = (1 + exp(-tc / t2)) / 2
        #expect(abs(g.processFidelity - one * one) < 1e-15)
        #expect(g.durationSeconds == tc)
    }

    @Test("hand: one node's two-qubit gate, depolarising p: only 2 of the 16 Paulis (I and Z on a, nothing on c) are harmless")
    func gateError() {
        // A's error on (c, a) is harmless iff it is I on c and I or Z on a (X or Y on a flips m₁): 2 of 16.
        let f2 = 0.97
        let p = 4 * (1 - f2) / 3
        let g = RemoteOperations.teleportedCNOT(pair: .perfect, nodeA: Self.ops(f2: f2), nodeB: Self.ops(),
                                                memoryA: MemoryParameters(), memoryB: MemoryParameters(), classicalDelaySeconds: 0)
        // Harmless: identity (1 − p + p/16) and the Z on a (p/16): everything on c is an output error.
        #expect(abs(g.processFidelity - (1 - p + 2 * p / 16)) < 1e-15)
    }
}
