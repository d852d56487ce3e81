extension Purification {
    /// Bell-diagonal weights (λ_I, λ_X, λ_Y, λ_Z) as four plain numbers, for the allocation-free
    /// form of the recurrence map below.
    public typealias Weights = (i: Double, x: Double, y: Double, z: Double)

    /// The bilateral-CNOT recurrence map (see the type documentation) on plain numbers, source `s`
    /// and target `t`: the four unnormalised output weights and N; the output state is
    /// numerators / N, kept with success probability N. The one implementation of the map:
    /// ``bilateralCNOT(_:_:)``, ``dejmps(_:_:)`` and the Monte Carlo engine's DEJMPS all use it.
    @inlinable
    public static func bilateralCNOTMap(_ s: Weights, _ t: Weights) -> (numerators: Weights, n: Double) {
        let n = (s.i + s.z) * (t.i + t.z) + (s.x + s.y) * (t.x + t.y)
        let numerators = (i: s.i * t.i + s.z * t.z,
                          x: s.x * t.x + s.y * t.y,
                          y: s.x * t.y + s.y * t.x,
                          z: s.i * t.z + s.z * t.i)
        return (numerators, n)
    }

    /// The local π/2 rotations DEJMPS applies before the bilateral CNOT: they exchange the Y and Z
    /// weights (Deutsch et al., PRL 77, 2818, 1996).
    @inlinable
    public static func dejmpsRotation(_ w: Weights) -> Weights {
        (i: w.i, x: w.x, y: w.z, z: w.y)
    }
}

extension BellDiagonalState {
    /// The weights as plain numbers, for ``Purification/bilateralCNOTMap(_:_:)``.
    var weightTuple: Purification.Weights {
        (i: lambdaI, x: lambdaX, y: lambdaY, z: lambdaZ)
    }
}
