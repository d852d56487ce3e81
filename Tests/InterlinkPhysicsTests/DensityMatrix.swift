import Foundation
@testable import InterlinkPhysics

/// Brute-force real density matrices for independent checks of swapping and purification.
enum DensityMatrix {
    static let s = 1 / 2.0.squareRoot()
    /// Bell vectors in the |00⟩, |01⟩, |10⟩, |11⟩ basis, in [Φ⁺, Ψ⁺, Ψ⁻, Φ⁻] = [I, X, Y, Z] order.
    static let bell: [[Double]] = [[s, 0, 0, s], [0, s, s, 0], [0, s, -s, 0], [s, 0, 0, -s]]

    /// 4×4 matrix of a Bell-diagonal state.
    static func matrix(_ st: BellDiagonalState) -> [[Double]] {
        var m = Array(repeating: Array(repeating: 0.0, count: 4), count: 4)
        for (k, w) in st.weights.enumerated() {
            for i in 0..<4 { for j in 0..<4 { m[i][j] += w * bell[k][i] * bell[k][j] } }
        }
        return m
    }

    /// Bell weights ⟨B_k|ρ|B_k⟩ of a 4×4 matrix, after normalising by its trace.
    static func weights(_ m: [[Double]]) -> [Double] {
        let tr = (0..<4).reduce(0) { $0 + m[$1][$1] }
        return bell.map { b in
            var v = 0.0
            for i in 0..<4 { for j in 0..<4 { v += b[i] * m[i][j] * b[j] } }
            return v / tr
        }
    }

    /// Entanglement swapping: pair 1 on (a, r1), pair 2 on (r2, b), project (r1, r2) on Φ⁺.
    static func swap(_ p1: BellDiagonalState, _ p2: BellDiagonalState) -> [Double] {
        let m1 = matrix(p1), m2 = matrix(p2)
        var out = Array(repeating: Array(repeating: 0.0, count: 4), count: 4)
        for a in 0..<2 { for b in 0..<2 { for a2 in 0..<2 { for b2 in 0..<2 {
            var v = 0.0
            for r in 0..<2 { for r2 in 0..<2 {   // Φ⁺ amplitudes: r1 = r2 = r and r1' = r2' = r2
                v += 0.5 * m1[a * 2 + r][a2 * 2 + r2] * m2[r * 2 + b][r2 * 2 + b2]
            } }
            out[a * 2 + b][a2 * 2 + b2] = v
        } } } }
        return weights(out)
    }

    /// Bilateral CNOT (source a1→a2, b1→b2), keep when the target's Z outcomes agree.
    /// Returns the source pair's Bell weights and the success probability.
    static func bilateralCNOT(source p1: BellDiagonalState, target p2: BellDiagonalState) -> ([Double], Double) {
        let m1 = matrix(p1), m2 = matrix(p2)
        // joint index (a1, b1, a2, b2); ρ = ρ1 ⊗ ρ2
        func joint(_ i: Int, _ j: Int) -> Double { m1[i >> 2][j >> 2] * m2[i & 3][j & 3] }
        // permutation P|a1 b1 a2 b2⟩ = |a1 b1 (a2⊕a1) (b2⊕b1)⟩ is an involution, so ρ'[i][j] = ρ[P i][P j]
        func perm(_ i: Int) -> Int {
            let a1 = (i >> 3) & 1, b1 = (i >> 2) & 1, a2 = (i >> 1) & 1, b2 = i & 1
            return (a1 << 3) | (b1 << 2) | ((a2 ^ a1) << 1) | (b2 ^ b1)
        }
        var out = Array(repeating: Array(repeating: 0.0, count: 4), count: 4)
        for i in 0..<4 { for j in 0..<4 {
            var v = 0.0
            for m in [0, 3] { v += joint(perm((i << 2) | m), perm((j << 2) | m)) }
            out[i][j] = v
        } }
        let tr = (0..<4).reduce(0) { $0 + out[$1][$1] }
        return (weights(out), tr)
    }
}

extension DensityMatrix {
    /// Complex 4×4 matrix of Bell weights [I, X, Y, Z].
    static func complexMatrix(_ weights: [Double]) -> MemoryMatrix {
        var m = MemoryMatrix()
        for (k, w) in weights.enumerated() {
            for i in 0..<4 { for j in 0..<4 { m.re[i][j] += w * bell[k][i] * bell[k][j] } }
        }
        return m
    }
}

extension ArmConfiguration {
    /// This arm with a dark-count-free detector.
    var withoutDarkCounts: ArmConfiguration {
        var a = self
        a.detector.darkCountRateHz = 0
        return a
    }
}
