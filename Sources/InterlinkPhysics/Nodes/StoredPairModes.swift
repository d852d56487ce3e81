import InterlinkCore
import Foundation

/// The decay of a Bell-diagonal pair stored in two memories, split into its three time-dependent
/// modes: λ(t) = Π₀λ + A(t)·Π_a λ + C(t)·Π_c λ, with A(t) = a_A(t)·a_B(t) the product of the two
/// memories' relaxation factors and C(t) = c_A(t)·c_B(t) the product of their coherence factors
/// (`MemoryParameters`).
///
/// Why: each memory acts on the pair's weights as a group convolution over the Pauli labels
/// (`MemoryDecoherence.stored`), diagonal in the characters of Z₂ × Z₂ with eigenvalues (1, c, c, a)
/// (the Pauli-transfer diagonal of the twirled amplitude-damping-plus-dephasing channel,
/// `PauliChannel.memory`). Two memories multiply their eigenvalues, so the pair map is
/// Π₀ + a_Aa_B·Π_a + c_Ac_B·Π_c with fixed projectors. The projectors are read off the channel itself at
/// three physical corner points: Π₀ = M(0, 0) (fully depolarised), Π_a = M(1, 0) − M(0, 0) (fully
/// dephased, no relaxation), Π_c = 𝟙 − M(1, 0), where M(a, c) is the pair map with both memories at
/// relaxation a and coherence c.
///
/// The split makes the time dependence scalar, so an expectation over a random storage time needs only
/// E[A(T)·…] and E[C(T)·…] (used by `MemoryAwareRecurrence`).
public struct StoredPairModes: Sendable, Equatable {
    /// Memory of node A.
    public let memoryA: MemoryParameters
    /// Memory of node B.
    public let memoryB: MemoryParameters
    /// Π₀, Π_a, Π_c as columns (the image of each Bell state, [I, X, Y, Z] order).
    let constant: [SIMD4<Double>], relaxation: [SIMD4<Double>], coherence: [SIMD4<Double>]

    /// The modes of a pair stored in memories `a` and `b`.
    public init(memoryA a: MemoryParameters, memoryB b: MemoryParameters) {
        memoryA = a
        memoryB = b
        func map(_ relax: Double, _ coherence: Double) -> [SIMD4<Double>] {
            let channel = PauliChannel.memory(relaxation: relax, coherence: coherence)
            return (0..<4).map { i in
                var e = [0.0, 0, 0, 0]
                e[i] = 1
                return channel.apply(to: channel.apply(to: BellDiagonalState(normalizing: e))).weightVector
            }
        }
        let m00 = map(0, 0), m10 = map(1, 0)
        constant = m00
        relaxation = (0..<4).map { m10[$0] - m00[$0] }
        coherence = (0..<4).map { i in
            var e = SIMD4<Double>(repeating: 0)
            e[i] = 1
            return e - m10[i]
        }
    }

    /// A(t) = a_A(t)·a_B(t).
    public func relaxationFactor(after t: Double) -> Double {
        memoryA.relaxationFactor(after: t) * memoryB.relaxationFactor(after: t)
    }

    /// C(t) = c_A(t)·c_B(t).
    public func coherenceFactor(after t: Double) -> Double {
        memoryA.coherenceFactor(after: t) * memoryB.coherenceFactor(after: t)
    }

    /// Rate ρ_a (1/s) of the exponential A(t) = e^(−ρ_a t): 1/T1,A + 1/T1,B (absent T1 contributes 0).
    public var relaxationRate: Double {
        [memoryA, memoryB].reduce(0) { $0 + ($1.t1Seconds.map { 1 / $0 } ?? 0) }
    }

    /// Rate ρ_c (1/s) of the exponential part of C(t): per memory 1/T2, or 1/(2T1) when T2 is absent
    /// (as `MemoryParameters.coherenceFactor`); C(t) = e^(−ρ_c t) exactly when `hasGaussianDephasing` is false.
    public var coherenceRate: Double {
        [memoryA, memoryB].reduce(0) { sum, m in
            if let t2 = m.t2Seconds { return sum + 1 / t2 }
            if let t1 = m.t1Seconds { return sum + 1 / (2 * t1) }
            return sum
        }
    }

    /// Whether either memory has a Gaussian dephasing time (then C(t) is not a pure exponential).
    public var hasGaussianDephasing: Bool {
        memoryA.gaussianDephasingSeconds != nil || memoryB.gaussianDephasingSeconds != nil
    }

    /// Π₀w, Π_a w and Π_c w of an (unnormalised) weight vector w.
    func parts(_ w: SIMD4<Double>) -> (constant: SIMD4<Double>, relaxation: SIMD4<Double>, coherence: SIMD4<Double>) {
        var c = SIMD4<Double>(repeating: 0), a = c, k = c
        for j in 0..<4 {
            c += w[j] * constant[j]
            a += w[j] * relaxation[j]
            k += w[j] * coherence[j]
        }
        return (c, a, k)
    }

    /// The pair's weights after storage time `t` (seconds), from the three modes:
    /// Π₀λ + A(t)Π_aλ + C(t)Π_cλ (equal to `MemoryDecoherence.stored` at equal times).
    public func stored(_ state: BellDiagonalState, after t: Double) -> BellDiagonalState {
        let p = parts(state.weightVector)
        return BellDiagonalState(normalizingWeights: p.constant + relaxationFactor(after: t) * p.relaxation
                                 + coherenceFactor(after: t) * p.coherence)
    }
}
