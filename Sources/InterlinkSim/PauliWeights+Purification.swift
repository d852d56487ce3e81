import InterlinkPhysics

extension PauliWeights {
    /// One round of DEJMPS purification (Deutsch et al., PRL 77, 2818, 1996) on two possibly
    /// different Bell-diagonal pairs, with this pair as the source: the physics module's map
    /// (``InterlinkPhysics/Purification/dejmpsRotation(_:)`` then
    /// ``InterlinkPhysics/Purification/bilateralCNOTMap(_:_:)``, the algebra behind
    /// ``InterlinkPhysics/Purification/dejmps(_:_:)``), without allocation or renormalisation.
    /// In DEJMPS order (A, B, C, D) = (λ_I, λ_Y, λ_X, λ_Z):
    /// N = (A₁ + B₁)(A₂ + B₂) + (C₁ + D₁)(C₂ + D₂), A' = (A₁A₂ + B₁B₂)/N, B' = (C₁D₂ + D₁C₂)/N,
    /// C' = (C₁C₂ + D₁D₂)/N, D' = (A₁B₂ + B₁A₂)/N; success probability N. An input with N = 0
    /// gives the maximally mixed pair with success probability 0.
    @inlinable
    public func dejmps(with o: PauliWeights) -> (state: PauliWeights, successProbability: Double) {
        let (v, n) = Purification.bilateralCNOTMap(
            Purification.dejmpsRotation((i: i, x: x, y: y, z: z)),
            Purification.dejmpsRotation((i: o.i, x: o.x, y: o.y, z: o.z)))
        guard n > 0 else { return (.maximallyMixed, 0) }
        let inv = 1 / n
        return (PauliWeights(i: v.i * inv, x: v.x * inv, y: v.y * inv, z: v.z * inv), n)
    }
}
