import Foundation
import Testing
@testable import InterlinkPhysics

@Suite("Purification with local gate, readout and latency noise")
struct PurificationNoiseTests {
    /// 16×16 brute force on qubits (a1, b1, a2, b2) = bits (3, 2, 1, 0): bilateral CNOT, two-qubit
    /// depolarising of each node's two qubits (explicit partial trace), Z readout of the target with
    /// flips, keep when the recorded bits agree. Returns the source pair's Bell weights and P(keep).
    static func bruteForce(_ p1: BellDiagonalState, _ p2: BellDiagonalState, depolA: Double, depolB: Double,
                           flipA: Double, flipB: Double) -> ([Double], Double) {
        let m1 = DensityMatrix.matrix(p1), m2 = DensityMatrix.matrix(p2)
        var rho = Array(repeating: Array(repeating: 0.0, count: 16), count: 16)
        func perm(_ i: Int) -> Int {
            let a1 = (i >> 3) & 1, b1 = (i >> 2) & 1, a2 = (i >> 1) & 1, b2 = i & 1
            return (a1 << 3) | (b1 << 2) | ((a2 ^ a1) << 1) | (b2 ^ b1)
        }
        for i in 0..<16 { for j in 0..<16 { rho[perm(i)][perm(j)] = m1[i >> 2][j >> 2] * m2[i & 3][j & 3] } }
        // depolarise the qubits at bit positions (hi, lo): ρ → (1 − p)ρ + p·𝟙/4 ⊗ Tr_{hi,lo} ρ
        func depolarize(_ r: [[Double]], _ p: Double, bits: (Int, Int)) -> [[Double]] {
            let mask = (1 << bits.0) | (1 << bits.1)
            var out = r.map { $0.map { (1 - p) * $0 } }
            for i in 0..<16 where i & mask == 0 { for j in 0..<16 where j & mask == 0 {
                var tr = 0.0
                for k in [0, 1 << bits.0, 1 << bits.1, mask] { tr += r[i | k][j | k] }
                for k in [0, 1 << bits.0, 1 << bits.1, mask] { out[i | k][j | k] += p * tr / 4 }
            } }
            return out
        }
        rho = depolarize(rho, depolA, bits: (3, 1))
        rho = depolarize(rho, depolB, bits: (2, 0))
        var out = Array(repeating: Array(repeating: 0.0, count: 4), count: 4)
        for x in 0..<2 { for y in 0..<2 {
            let agree = x == y ? (1 - flipA) * (1 - flipB) + flipA * flipB : flipA * (1 - flipB) + flipB * (1 - flipA)
            for i in 0..<4 { for j in 0..<4 { out[i][j] += agree * rho[(i << 2) | (x << 1) | y][(j << 2) | (x << 1) | y] } }
        } }
        let tr = (0..<4).reduce(0) { $0 + out[$1][$1] }
        return (DensityMatrix.weights(out), tr)
    }

    static func ops(_ f2: Double, _ fro: Double, f1: Double = 1, t1q: Double = 0, t2q: Double = 0, tro: Double = 0) -> LocalOperations {
        LocalOperations(singleQubitGateFidelity: f1, singleQubitGateSeconds: t1q, twoQubitGateFidelity: f2,
                        twoQubitGateSeconds: t2q, readoutFidelity: fro, readoutSeconds: tro)
    }

    @Test("Noisy bilateral CNOT step equals a 16×16 density-matrix brute force (random Bell-diagonal pairs)")
    func bruteForceAgreement() throws {
        var rng = SeededGenerator(seed: 6)
        for _ in 0..<40 {
            func pair() -> BellDiagonalState {
                let w = (0..<4).map { _ in rng.uniform(0.01, 1) }
                let s = w.reduce(0, +)
                return BellDiagonalState(normalizing: w.map { $0 / s })
            }
            let a = pair(), b = pair()
            let f2a = rng.uniform(0.9, 1), f2b = rng.uniform(0.9, 1), roA = rng.uniform(0.9, 1), roB = rng.uniform(0.9, 1)
            let noise = PurificationNoise(nodeA: Self.ops(f2a, roA), nodeB: Self.ops(f2b, roB), memoryA: MemoryParameters(),
                                          memoryB: MemoryParameters(), classicalDelaySeconds: 0)
            // BBPSSW without twirl = bare bilateral CNOT only for Werner inputs; use DEJMPS with pre-rotated inputs:
            // the DEJMPS rotation exchanges the Y and Z weights (checked against explicit rotations elsewhere).
            func unrotate(_ s: BellDiagonalState) -> BellDiagonalState {
                BellDiagonalState(normalizing: [s.lambdaI, s.lambdaX, s.lambdaZ, s.lambdaY])
            }
            let step = Purification.step(.dejmps, unrotate(a), unrotate(b), noise: noise)
            let (w, p) = Self.bruteForce(a, b, depolA: 4 * (1 - f2a) / 3, depolB: 4 * (1 - f2b) / 3,
                                         flipA: 1 - roA, flipB: 1 - roB)
            #expect(abs(step.successProbability - p) < 1e-12)
            for (x, y) in zip(step.state.weights, w) { #expect(abs(x - y) < 1e-12) }
        }
    }

    @Test("Perfect operations reduce to DEJMPS; durations and latency decohere the kept pair by hand")
    func latency() throws {
        let s = BellDiagonalState(normalizing: [0.9, 0.02, 0.03, 0.05])
        let perfect = PurificationNoise(nodeA: Self.ops(1, 1), nodeB: Self.ops(1, 1), memoryA: MemoryParameters(),
                                        memoryB: MemoryParameters(), classicalDelaySeconds: 1)
        let ideal = Purification.dejmps(s, s)
        let step = Purification.step(.dejmps, s, s, noise: perfect)
        for (x, y) in zip(step.state.weights, ideal.state.weights) { #expect(abs(x - y) < 1e-15) }
        // Node A: 1 µs + 10 µs + 20 µs = 31 µs of operations, node B 5 µs; delay 100 µs.
        // A waits max(31, 5 + 100) = 105 µs, B waits max(5, 31 + 100) = 131 µs; T2 = 1 ms pure dephasing.
        let mem = MemoryParameters(t2Seconds: 1e-3)
        let timed = PurificationNoise(nodeA: Self.ops(1, 1, t1q: 1e-6, t2q: 10e-6, tro: 20e-6),
                                      nodeB: Self.ops(1, 1, t1q: 1e-6, t2q: 2e-6, tro: 2e-6),
                                      memoryA: mem, memoryB: mem, classicalDelaySeconds: 100e-6)
        let w = timed.waitingTimes(protocol: .dejmps)
        #expect(close(w.a, 105e-6) && close(w.b, 131e-6))
        let out = Purification.step(.dejmps, s, s, noise: timed)
        // Both qubits dephase: the coherence factor of the pair is e^(−(105 + 131) µs / 1 ms), so
        // λ_I − λ_Z and λ_X − λ_Y shrink by that factor while λ_I + λ_Z stays.
        let k = exp(-236e-6 / 1e-3)
        #expect(close(out.state.lambdaI - out.state.lambdaZ, k * (ideal.state.lambdaI - ideal.state.lambdaZ)))
        #expect(close(out.state.lambdaI + out.state.lambdaZ, ideal.state.lambdaI + ideal.state.lambdaZ))
        // Single-qubit gate errors: F₁ = 0.99 → p₁ = 0.02 on each qubit before the rotation lowers F.
        let sq = PurificationNoise(nodeA: Self.ops(1, 1, f1: 0.99), nodeB: Self.ops(1, 1, f1: 0.99),
                                   memoryA: MemoryParameters(), memoryB: MemoryParameters(), classicalDelaySeconds: 0)
        let d = PauliChannel.depolarizing(probability: 0.02)
        let pre = d.apply(to: d.apply(to: s))
        let expected = Purification.dejmps(pre, pre)
        let got = Purification.step(.dejmps, s, s, noise: sq)
        for (x, y) in zip(got.state.weights, expected.state.weights) { #expect(abs(x - y) < 1e-14) }
    }
}
