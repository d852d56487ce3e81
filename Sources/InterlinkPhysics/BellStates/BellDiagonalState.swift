import InterlinkCore
import Foundation

/// A two-qubit Bell-diagonal state, stored as the probabilities that the target Bell state |Φ⁺⟩
/// suffered no error, an X, a Y or a Z error on one qubit.
///
/// Ordering and Bell-state names (one-qubit Pauli applied to |Φ⁺⟩ = (|00⟩ + |11⟩)/√2):
///
/// | field     | error | Bell state | DEJMPS label (Deutsch et al., PRL 77, 2818, 1996) |
/// |-----------|-------|------------|------|
/// | `lambdaI` | I     | Φ⁺         | A    |
/// | `lambdaX` | X     | Ψ⁺         | C    |
/// | `lambdaY` | Y     | Ψ⁻         | B    |
/// | `lambdaZ` | Z     | Φ⁻         | D    |
///
/// so DEJMPS's (A, B, C, D) = (λ_I, λ_Y, λ_X, λ_Z) (`dejmpsCoefficients`). The fidelity with |Φ⁺⟩ is
/// λ_I. The Pauli group modulo phases is Z₂ × Z₂ with I = (0,0), X = (1,0), Z = (0,1), Y = (1,1);
/// channels and swapping act by group convolution over these labels.
public struct BellDiagonalState: Codable, Sendable, Equatable {
    /// Weight of Φ⁺ (no error) = fidelity.
    public let lambdaI: Double
    /// Weight of Ψ⁺ (X error).
    public let lambdaX: Double
    /// Weight of Ψ⁻ (Y error).
    public let lambdaY: Double
    /// Weight of Φ⁻ (Z error).
    public let lambdaZ: Double

    /// Creates a state from four weights; they must be finite, ≥ −1e-12 and sum to 1 within 1e-9.
    /// Tiny negative rounding residues are clipped and the vector renormalised.
    public init(lambdaI: Double, lambdaX: Double, lambdaY: Double, lambdaZ: Double, path: String = "state") throws {
        let v = [lambdaI, lambdaX, lambdaY, lambdaZ]
        try PauliWeightVector.validate(v, names: ["lambdaI", "lambdaX", "lambdaY", "lambdaZ"],
                                       range: -1e-12...(1 + 1e-12), path: path, kind: "Bell-diagonal weights")
        self.init(normalizing: v)
    }

    /// Internal: clip to ≥ 0 and renormalise a weight vector in [I, X, Y, Z] order.
    init(normalizing v: [Double]) {
        self.init(normalizingWeights: SIMD4(v))
    }

    /// Internal: clip to ≥ 0 and renormalise a weight vector in [I, X, Y, Z] order.
    init(normalizingWeights v: SIMD4<Double>) {
        let n = PauliWeightVector.normalized(v, fallback: SIMD4(repeating: 0.25))
        lambdaI = n[0]
        lambdaX = n[1]
        lambdaY = n[2]
        lambdaZ = n[3]
    }

    /// The weights in [I, X, Y, Z] order.
    public var weights: [Double] { [lambdaI, lambdaX, lambdaY, lambdaZ] }

    /// The weights in [I, X, Y, Z] order, without allocating.
    var weightVector: SIMD4<Double> { SIMD4(lambdaI, lambdaX, lambdaY, lambdaZ) }

    /// Fidelity with |Φ⁺⟩, λ_I.
    public var fidelity: Double { lambdaI }

    /// The perfect Bell pair |Φ⁺⟩.
    public static let perfect = BellDiagonalState(normalizing: [1, 0, 0, 0])

    /// The maximally mixed two-qubit state 𝟙/4.
    public static let maximallyMixed = BellDiagonalState(normalizing: [0.25, 0.25, 0.25, 0.25])

    /// Werner state of fidelity F: λ_X = λ_Y = λ_Z = (1 − F)/3. F is clamped to [0, 1].
    public static func werner(fidelity f: Double) -> BellDiagonalState {
        let F = min(1, max(0, f))
        let q = (1 - F) / 3
        return BellDiagonalState(normalizing: [F, q, q, q])
    }

    /// Werner parameter w = (4F − 1)/3 of this state's fidelity.
    public var wernerParameter: Double { (4 * lambdaI - 1) / 3 }

    /// The Werner state with the same fidelity (the result of a full twirl).
    public var twirled: BellDiagonalState { .werner(fidelity: lambdaI) }

    /// DEJMPS's (A, B, C, D) = (λ_Φ⁺, λ_Ψ⁻, λ_Ψ⁺, λ_Φ⁻) = (λ_I, λ_Y, λ_X, λ_Z).
    public var dejmpsCoefficients: (a: Double, b: Double, c: Double, d: Double) {
        (lambdaI, lambdaY, lambdaX, lambdaZ)
    }

    /// Builds a state from DEJMPS's (A, B, C, D).
    public static func fromDejmps(a: Double, b: Double, c: Double, d: Double) -> BellDiagonalState {
        BellDiagonalState(normalizing: [a, c, b, d])
    }

    /// Shannon entropy H(λ) in bits. The hashing protocol distils 1 − H(λ) ebits per pair
    /// (Bennett, DiVincenzo, Smolin & Wootters, PRA 54, 3824, 1996).
    public var entropyBits: Double {
        weights.reduce(0) { $0 - ($1 > 0 ? $1 * log2($1) : 0) }
    }

    /// Hashing yield max(0, 1 − H(λ)): a lower bound on distillable entanglement per pair.
    public var hashingYield: Double { max(0, 1 - entropyBits) }

    /// Mixture (p·self + (1 − p)·other), p clamped to [0, 1].
    public func mixed(with other: BellDiagonalState, weight p: Double) -> BellDiagonalState {
        let w = min(1, max(0, p))
        return BellDiagonalState(normalizing: zip(weights, other.weights).map { w * $0 + (1 - w) * $1 })
    }
}

/// Z₂ × Z₂ group structure of the Pauli labels, in [I, X, Y, Z] array order.
enum PauliGroup {
    /// (x bit, z bit) of each index: I = (0,0), X = (1,0), Y = (1,1), Z = (0,1).
    static let bits: [(Int, Int)] = [(0, 0), (1, 0), (1, 1), (0, 1)]

    /// Index of the product of labels `a` and `b` (phases dropped). In [I, X, Y, Z] order the index
    /// is 2·z + (x ⊕ z) for the bits (x, z) of ``bits``, a group isomorphism onto Z₂ × Z₂ under XOR,
    /// so the product's index is `a ^ b`.
    static func product(_ a: Int, _ b: Int) -> Int { a ^ b }

    /// Group convolution (p ⋆ q)[k] = Σ_{a·b = k} p[a]·q[b].
    static func convolve(_ p: SIMD4<Double>, _ q: SIMD4<Double>) -> SIMD4<Double> {
        var out = SIMD4<Double>.zero
        for a in 0..<4 {
            for b in 0..<4 {
                out[product(a, b)] += p[a] * q[b]
            }
        }
        return out
    }
}
