import Foundation
@testable import InterlinkPhysics

/// Reference model of a heralding station, part 1: the joint state of two memory qubits and the
/// photonic modes, written from the physics (not from the closed forms it checks).
///
/// The state is Σ_m |m⟩_memories ⊗ P_m(a†)|vac⟩ with m = 2·m_A + m_B ∈ 0..<4 and P_m a polynomial in
/// the creation operators of numbered modes, stored as [sorted list of modes: amplitude]. Passive
/// linear optics (loss as a beam splitter to an environment mode, the 50:50 beam splitter) maps each
/// a†_i to Σ_j U_ji a†_j, applied by expanding the monomials. A monomial with occupations n_k is the
/// Fock state √(∏ n_k!)·|n⟩, which `fockAmplitudes` uses.
///
/// Truncation: each emitter emits at most one photon, and linear optics conserves photon number, so
/// every branch holds at most two photons in total; nothing is truncated (the model is exact).
struct PhotonicBranches {
    /// One polynomial per memory basis state.
    var branches: [[[Int]: Complex]] = Array(repeating: [:], count: 4)

    /// Adds `amplitude`·a†_{modes[0]}·a†_{modes[1]}… to branch `m` (an empty list is the vacuum).
    mutating func add(memory m: Int, modes: [Int], amplitude: Complex) {
        let key = modes.sorted()
        branches[m][key] = (branches[m][key] ?? Complex(0)) + amplitude
    }

    /// Applies a passive linear map a†_i → Σ (j, u)·a†_j to every mode (modes absent from `map` stay).
    func transformed(_ map: [Int: [(Int, Complex)]]) -> PhotonicBranches {
        var out = PhotonicBranches()
        for m in 0..<4 {
            for (modes, c) in branches[m] {
                var terms: [([Int], Complex)] = [([], c)]
                for mode in modes {
                    let images = map[mode] ?? [(mode, Complex(1))]
                    terms = terms.flatMap { t in images.map { (t.0 + [$0.0], t.1 * $0.1) } }
                }
                for (k, a) in terms { out.add(memory: m, modes: k, amplitude: a) }
            }
        }
        return out
    }

    /// Fock-basis amplitudes of branch `m`: monomial coefficient × √(∏ n_k!).
    func fockAmplitudes(_ m: Int) -> [[Int]: Complex] {
        var out: [[Int]: Complex] = [:]
        for (modes, c) in branches[m] {
            var counts: [Int: Int] = [:]
            for k in modes { counts[k, default: 0] += 1 }
            let norm = counts.values.reduce(1.0) { acc, n in acc * (1...max(1, n)).reduce(1.0) { $0 * Double($1) } }
            out[modes] = norm.squareRoot() * c
        }
        return out
    }
}

/// A 4×4 complex matrix on the two memories (basis |m_A m_B⟩, index 2·m_A + m_B).
struct MemoryMatrix {
    var re = Array(repeating: Array(repeating: 0.0, count: 4), count: 4)
    var im = Array(repeating: Array(repeating: 0.0, count: 4), count: 4)

    subscript(i: Int, j: Int) -> Complex {
        get { Complex(re[i][j], im[i][j]) }
        set { re[i][j] = newValue.re; im[i][j] = newValue.im }
    }

    static func + (a: MemoryMatrix, b: MemoryMatrix) -> MemoryMatrix {
        var c = a
        for i in 0..<4 { for j in 0..<4 { c[i, j] = a[i, j] + b[i, j] } }
        return c
    }

    func scaled(_ s: Double) -> MemoryMatrix {
        var c = self
        for i in 0..<4 { for j in 0..<4 { c[i, j] = s * self[i, j] } }
        return c
    }

    var trace: Double { (0..<4).reduce(0) { $0 + re[$1][$1] } }

    static let identity2: [[Complex]] = [[Complex(1), Complex(0)], [Complex(0), Complex(1)]]

    /// (U_A ⊗ U_B) ρ (U_A ⊗ U_B)† for 2×2 matrices on memories A and B.
    func conjugated(onA ua: [[Complex]], onB ub: [[Complex]]) -> MemoryMatrix {
        var out = MemoryMatrix()
        for i in 0..<4 { for j in 0..<4 {
            var v = Complex(0)
            for k in 0..<4 { for l in 0..<4 {
                let left = ua[i >> 1][k >> 1] * ub[i & 1][k & 1]
                let right = (ua[j >> 1][l >> 1] * ub[j & 1][l & 1]).conjugate
                v = v + left * self[k, l] * right
            } }
            out[i, j] = v
        } }
        return out
    }

    /// U_B ρ U_B† for a 2×2 unitary acting on memory B.
    func conjugatedOnB(_ u: [[Complex]]) -> MemoryMatrix {
        conjugated(onA: Self.identity2, onB: u)
    }

    /// Largest |⟨B_j|ρ|B_k⟩|/tr ρ for j ≠ k: zero for a Bell-diagonal state.
    var bellOffDiagonal: Double {
        let tr = trace, b = DensityMatrix.bell
        var worst = 0.0
        for j in 0..<4 { for k in 0..<4 where j != k {
            var v = Complex(0)
            for i in 0..<4 { for l in 0..<4 { v = v + (b[j][i] * b[k][l]) * self[i, l] } }
            worst = max(worst, v.magnitude / tr)
        } }
        return worst
    }

    /// Bell weights ⟨B_k|ρ|B_k⟩/tr ρ in [I, X, Y, Z] = [Φ⁺, Ψ⁺, Ψ⁻, Φ⁻] order (real Bell vectors).
    var bellWeights: [Double] {
        let tr = trace
        return DensityMatrix.bell.map { b in
            var v = 0.0
            for i in 0..<4 { for j in 0..<4 { v += b[i] * re[i][j] * b[j] } }
            return tr > 0 ? v / tr : 0.25
        }
    }
}
