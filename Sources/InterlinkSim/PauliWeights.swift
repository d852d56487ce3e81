import InterlinkPhysics

/// Bell-diagonal weights (λ_I, λ_X, λ_Y, λ_Z) in the Pauli-error basis, the engine's hot-path
/// representation of a pair (``InterlinkPhysics/BellDiagonalState`` is the validated, serialisable
/// form; this one is four stored doubles with inlinable arithmetic and no allocation).
///
/// Composition of Pauli errors is the group convolution over {I, X, Y, Z} ≅ Z₂×Z₂ (XY = Z, …);
/// the same convolution gives a perfect entanglement swap and a Pauli channel acting on either
/// qubit (physics reference, "Bell-diagonal algebra"; Dür & Briegel, Rep. Prog. Phys. 70, 1381, 2007).
public struct PauliWeights: Sendable, Hashable {
    /// Weight of no error (Φ⁺): the fidelity.
    public var i: Double
    /// Weight of an X error (Ψ⁺).
    public var x: Double
    /// Weight of a Y error (Ψ⁻).
    public var y: Double
    /// Weight of a Z error (Φ⁻).
    public var z: Double

    /// Creates weights from four numbers (not validated: use ``init(_:)`` for user input).
    @inlinable
    public init(i: Double, x: Double, y: Double, z: Double) {
        self.i = i
        self.x = x
        self.y = y
        self.z = z
    }

    /// The weights of a validated physics state.
    @inlinable
    public init(_ state: BellDiagonalState) {
        self.init(i: state.lambdaI, x: state.lambdaX, y: state.lambdaY, z: state.lambdaZ)
    }

    /// No error (the identity channel, or the perfect pair Φ⁺).
    public static let identity = PauliWeights(i: 1, x: 0, y: 0, z: 0)

    /// The maximally mixed pair (complete depolarisation).
    public static let maximallyMixed = PauliWeights(i: 0.25, x: 0.25, y: 0.25, z: 0.25)

    /// The fidelity with Φ⁺, λ_I.
    @inlinable
    public var fidelity: Double { i }

    /// Group convolution: apply the Pauli errors of `other` on top of these (commutative).
    @inlinable
    public func convolved(with o: PauliWeights) -> PauliWeights {
        PauliWeights(
            i: i * o.i + x * o.x + y * o.y + z * o.z,
            x: i * o.x + x * o.i + y * o.z + z * o.y,
            y: i * o.y + y * o.i + x * o.z + z * o.x,
            z: i * o.z + z * o.i + x * o.y + y * o.x)
    }

    /// The mixture (1 − p)·self + p·𝟙/4 (a depolarising channel of probability p on the pair).
    @inlinable
    public func depolarized(_ p: Double) -> PauliWeights {
        let q = 1 - p, r = p * 0.25
        return PauliWeights(i: q * i + r, x: q * x + r, y: q * y + r, z: q * z + r)
    }

    /// The validated physics state with these weights (clipped and renormalised for rounding).
    public func state() throws -> BellDiagonalState {
        let c = [max(0, i), max(0, x), max(0, y), max(0, z)]
        let s = c.reduce(0, +)
        return try BellDiagonalState(lambdaI: c[0] / s, lambdaX: c[1] / s, lambdaY: c[2] / s, lambdaZ: c[3] / s, path: "pauliWeights")
    }
}
