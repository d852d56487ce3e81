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
    static func normalized(_ v: [Double], fallback: [Double]) -> [Double] {
        let c = v.map { max(0, $0) }
        let s = c.reduce(0, +)
        return s > 0 ? c.map { $0 / s } : fallback
    }
}
