import InterlinkCore

/// Shared checks and normalisation of a four-entry weight vector in [I, X, Y, Z] order — the
/// probabilities of a Pauli channel and the weights of a Bell-diagonal state are both such
/// vectors (the Klein four-group {I, X, Y, Z} ≅ Z₂ × Z₂ indexes them).
enum PauliWeightVector {
    /// Entry names are `names` (for error paths); each must lie in `range`, and the four must sum
    /// to 1 within 10⁻⁹, else a ``ParameterError`` naming `path` is thrown. `kind` words the message.
    static func validate(_ v: [Double], names: [String], range: ClosedRange<Double>, path: String, kind: String) throws {
        for (k, x) in v.enumerated() {
            try Validate.inRange(x, range, at: child(path, names[k]))
        }
        let s = v.reduce(0, +)
        guard abs(s - 1) <= 1e-9 else {
            throw ParameterError(kind: .inconsistent, path: path,
                               message: "\(kind) sum to \(Validate.format(s)), expected 1")
        }
    }

    /// Clips negative entries to 0 and renormalises to sum 1; an all-zero vector becomes `fallback`.
    /// (Fixed-size storage: the Monte Carlo and architecture engines call this on every stored pair.)
    static func normalized(_ v: SIMD4<Double>, fallback: SIMD4<Double>) -> SIMD4<Double> {
        var c = v
        var s = 0.0
        for k in 0..<4 {
            c[k] = max(0, v[k])
            s += c[k]
        }
        return s > 0 ? c / SIMD4(repeating: s) : fallback
    }
}
