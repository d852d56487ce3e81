extension PauliWeights {
    /// One round of DEJMPS purification (Deutsch et al., PRL 77, 2818, 1996) on two possibly
    /// different Bell-diagonal pairs. In DEJMPS order (A, B, C, D) = (λ_Φ⁺, λ_Ψ⁻, λ_Ψ⁺, λ_Φ⁻), i.e.
    /// (I, Y, X, Z) in Pauli-error order:
    /// N = (A₁ + B₁)(A₂ + B₂) + (C₁ + D₁)(C₂ + D₂), A' = (A₁A₂ + B₁B₂)/N, B' = (C₁D₂ + D₁C₂)/N,
    /// C' = (C₁C₂ + D₁D₂)/N, D' = (A₁B₂ + B₁A₂)/N; success probability N. For equal inputs this is
    /// the textbook N = (A + B)² + (C + D)², A' = (A² + B²)/N, B' = 2CD/N, C' = (C² + D²)/N, D' = 2AB/N.
    @inlinable
    public func dejmps(with o: PauliWeights) -> (state: PauliWeights, successProbability: Double) {
        let a1 = i, b1 = y, c1 = x, d1 = z
        let a2 = o.i, b2 = o.y, c2 = o.x, d2 = o.z
        let n = (a1 + b1) * (a2 + b2) + (c1 + d1) * (c2 + d2)
        guard n > 0 else { return (.maximallyMixed, 0) }
        let inv = 1 / n
        let a = (a1 * a2 + b1 * b2) * inv
        let b = (c1 * d2 + d1 * c2) * inv
        let c = (c1 * c2 + d1 * d2) * inv
        let d = (a1 * b2 + b1 * a2) * inv
        return (PauliWeights(i: a, x: c, y: b, z: d), n)
    }
}
