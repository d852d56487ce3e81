import InterlinkCore
import Foundation

/// A single-qubit Pauli channel ρ → p_I ρ + p_X XρX + p_Y YρY + p_Z ZρZ.
///
/// Acting on either qubit of a Bell-diagonal pair it maps the weight vector λ by the group
/// convolution over {I, X, Y, Z} ≅ Z₂×Z₂ (for |Φ⁺⟩, (𝟙⊗P)|Φ⁺⟩ = (Pᵀ⊗𝟙)|Φ⁺⟩ and Yᵀ = −Y, so an
/// error on the second qubit counts like one on the first). Channels compose by the same
/// convolution. Reference: Dür & Briegel, Rep. Prog. Phys. 70, 1381 (2007), Sec. on Pauli noise.
public struct PauliChannel: Codable, Sendable, Equatable {
    /// Probability of no error.
    public let pI: Double
    /// Probability of an X error.
    public let pX: Double
    /// Probability of a Y error.
    public let pY: Double
    /// Probability of a Z error.
    public let pZ: Double

    /// Creates a channel; probabilities must be in [0, 1] and sum to 1 within 1e-9.
    public init(pI: Double, pX: Double, pY: Double, pZ: Double, path: String = "channel") throws {
        let v = [pI, pX, pY, pZ]
        try PauliWeightVector.validate(v, names: ["pI", "pX", "pY", "pZ"], range: 0...1, path: path,
                                       kind: "Pauli probabilities")
        self.init(normalizing: v)
    }

    /// Internal: clip and renormalise [I, X, Y, Z].
    init(normalizing v: [Double]) {
        self.init(normalizingWeights: SIMD4(v))
    }

    /// Internal: clip and renormalise [I, X, Y, Z].
    init(normalizingWeights v: SIMD4<Double>) {
        let n = PauliWeightVector.normalized(v, fallback: SIMD4(1, 0, 0, 0))
        pI = n[0]
        pX = n[1]
        pY = n[2]
        pZ = n[3]
    }

    /// The probabilities in [I, X, Y, Z] order.
    public var probabilities: [Double] { [pI, pX, pY, pZ] }

    /// The probabilities in [I, X, Y, Z] order, without allocating.
    var probabilityVector: SIMD4<Double> { SIMD4(pI, pX, pY, pZ) }

    /// The identity channel.
    public static let identity = PauliChannel(normalizing: [1, 0, 0, 0])

    /// Dephasing: Z error with probability p (clamped to [0, 1]).
    public static func dephasing(probability p: Double) -> PauliChannel {
        let q = min(1, max(0, p))
        return PauliChannel(normalizing: [1 - q, 0, 0, q])
    }

    /// Depolarising ρ → (1 − p)ρ + p·𝟙/2: p_X = p_Y = p_Z = p/4 (p clamped to [0, 4/3]).
    public static func depolarizing(probability p: Double) -> PauliChannel {
        let q = min(4.0 / 3.0, max(0, p))
        return PauliChannel(normalizing: [1 - 3 * q / 4, q / 4, q / 4, q / 4])
    }

    /// Bit-flip readout error: a measured bit flips with probability ε; in a Bell measurement the
    /// two bits select X and Z corrections, so two independent flips give
    /// p_X = p_Z = ε(1 − ε), p_Y = ε², p_I = (1 − ε)².
    public static func bellMeasurementReadout(errorProbability e: Double) -> PauliChannel {
        let q = min(1, max(0, e))
        return PauliChannel(normalizing: [(1 - q) * (1 - q), q * (1 - q), q * q, q * (1 - q)])
    }

    /// Pauli twirl of amplitude damping plus dephasing, from the relaxation factor a = e^(−t/T1)
    /// and the coherence factor c: p_X = p_Y = (1 − a)/4, p_Z = (1 − c)/2 − (1 − a)/4,
    /// i.e. p_I = (1 + 2c + a)/4, p_Z = (1 − 2c + a)/4. The channel shrinks the Bloch X and Y
    /// components by c and Z by a (physics reference, "Memory decoherence").
    public static func memory(relaxation a: Double, coherence c: Double) -> PauliChannel {
        PauliChannel(normalizingWeights: SIMD4((1 + 2 * c + a) / 4, (1 - a) / 4, (1 - a) / 4, (1 - 2 * c + a) / 4))
    }

    /// Composition (apply `self`, then `other`, or the reverse: Pauli channels commute).
    public func composed(with other: PauliChannel) -> PauliChannel {
        PauliChannel(normalizingWeights: PauliGroup.convolve(probabilityVector, other.probabilityVector))
    }

    /// Applies this channel to one qubit of a Bell-diagonal pair.
    public func apply(to state: BellDiagonalState) -> BellDiagonalState {
        BellDiagonalState(normalizingWeights: PauliGroup.convolve(state.weightVector, probabilityVector))
    }
}
