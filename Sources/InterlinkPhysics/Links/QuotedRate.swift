import InterlinkCore

/// A rate a study may quote as a figure of merit: the distillable rate (hashing bound) or the rate of
/// pairs at or above a stated fidelity — never a rate of pairs that carry no entanglement.
public enum QuotedRate: Codable, Sendable, Equatable {
    /// Ebits per second distillable by one-way hashing, rate × max(0, 1 − H(λ)) (Bennett et al.,
    /// PRA 54, 3824 (1996)): a lower bound on the distillable entanglement rate.
    case distillable(ebitsPerSecond: Double)
    /// Pairs per second with fidelity at or above `threshold` (> ½); 0 when the pairs fall below it.
    case aboveFidelity(pairsPerSecond: Double, threshold: Double)
    /// A secret-key rate (bits per second) obtained from a key-distillation model outside this type.
    case secretKey(bitsPerSecond: Double)
    /// The pairs have F ≤ ½: a Bell-diagonal state with F ≤ ½ is separable (Horodecki, PRA 54, 1838
    /// (1996)), so no rate is quoted.
    case noEntanglement(fidelity: Double)

    /// The distillable rate of pairs delivered at `rateHz` in `state`.
    public static func distillable(rateHz: Double, state: BellDiagonalState) -> QuotedRate {
        state.fidelity <= 0.5 ? .noEntanglement(fidelity: state.fidelity)
            : .distillable(ebitsPerSecond: rateHz * state.hashingYield)
    }

    /// The rate of pairs at or above `threshold` for pairs delivered at `rateHz` in `state` (all
    /// pairs of a link share one state, so it is `rateHz` or 0).
    /// - Throws: ``ParameterError`` at `threshold` unless ½ < threshold ≤ 1.
    public static func pairs(rateHz: Double, state: BellDiagonalState, atLeast threshold: Double) throws -> QuotedRate {
        try Validate.finite(threshold, at: "threshold")
        guard threshold > 0.5, threshold <= 1 else {
            throw ParameterError(path: "threshold", value: threshold, range: "(0.5, 1] (pairs at F <= 1/2 carry no entanglement)")
        }
        if state.fidelity <= 0.5 { return .noEntanglement(fidelity: state.fidelity) }
        return .aboveFidelity(pairsPerSecond: state.fidelity >= threshold ? rateHz : 0, threshold: threshold)
    }

    /// The quoted number (per second), or `nil` when no entanglement is delivered.
    public var perSecond: Double? {
        switch self {
        case let .distillable(r): return r
        case let .aboveFidelity(r, _): return r
        case let .secretKey(r): return r
        case .noEntanglement: return nil
        }
    }

    /// Ratio of a distillable or secret-key rate to a repeaterless bound (PLOB or TGW, in ebits or secret bits per
    /// second): the only fair comparison, since the bounds cap distillable entanglement and secret key.
    /// Returns `nil` when no entanglement is delivered.
    /// - Throws: ``ParameterError`` for a rate of pairs above a fidelity (not comparable with a
    ///   capacity bound) or a bound that is not positive.
    public func ratio(toBound bound: Double, named name: String = "bound") throws -> Double? {
        try Validate.positive(bound, at: name)
        switch self {
        case let .distillable(r), let .secretKey(r): return r / bound
        case .aboveFidelity:
            throw ParameterError(invalid: name, reason: "a rate of pairs above a fidelity is not comparable with a capacity bound; compare the distillable (hashing) or secret-key rate")
        case .noEntanglement: return nil
        }
    }
}
