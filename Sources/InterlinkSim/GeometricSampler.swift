import InterlinkCore
import Foundation
import InterlinkPhysics

/// Draws the number of attempts until the first success of independent Bernoulli(p) attempts,
/// K ∈ {1, 2, …}, P(K = k) = (1 − p)^(k−1) p, in O(1) by inversion (Devroye, "Non-Uniform Random
/// Variate Generation", 1986, §X.2): K = ⌈ln U / ln(1 − p)⌉ with U uniform on (0, 1).
///
/// `ln(1 − p)` is computed once with `log1p(−p)`, exact to rounding for p → 0 where `log(1 − p)`
/// would lose every digit. At p = 1 every draw is exactly 1. p = 0 (never succeeds) is rejected
/// at construction with a thrown error, so a draw can never loop or trap. Since U ≥ 2⁻⁵³ the
/// largest possible draw is about ⌈36.74/p⌉ (a truncation of probability 2⁻⁵³).
public struct GeometricSampler: Sendable, Hashable {
    /// Success probability per attempt.
    public let successProbability: Double
    /// 1 / ln(1 − p); 0 when p = 1.
    @usableFromInline let inverseLogFailure: Double

    /// Creates a sampler for success probability `successProbability` ∈ (0, 1].
    ///
    /// - Throws: ``ParameterError`` naming `parameter` when p is not
    ///   in (0, 1] (p = 0 would mean an infinite wait).
    public init(successProbability: Double, parameter: String = "successProbability") throws {
        try Validate.successProbability(successProbability, at: parameter)
        self.successProbability = successProbability
        inverseLogFailure = successProbability == 1 ? 0 : 1 / log1p(-successProbability)
    }

    /// Creates the sampler of a round of `emitters` multiplexed emitters each succeeding with
    /// probability `perEmitter`: a round succeeds with 1 − (1 − p)^M
    /// (``InterlinkPhysics/Multiplexing/successPerRound(_:modes:)``, the physics module's formula).
    ///
    /// - Throws: ``SimError`` naming `emitters` when M < 1, or `parameter` when p is not in (0, 1].
    public init(perEmitterProbability perEmitter: Double, emitters: Int, parameter: String = "perEmitterProbability") throws {
        guard emitters >= 1 else {
            throw ParameterError(invalid: "emitters", reason: "must be ≥ 1, got \(emitters)")
        }
        try Validate.successProbability(perEmitter, at: parameter)
        try self.init(successProbability: Multiplexing.successPerRound(perEmitter, modes: emitters), parameter: parameter)
    }

    /// Draws the number of attempts K ≥ 1 as a `Double` (an exact integer), the fast path for
    /// time arithmetic (`K · period`).
    @inlinable
    public func attempts(using stream: inout RandomStream) -> Double {
        let u = stream.nextUniform()
        // At p = 1, inverseLogFailure is 0 and the product is −0: max gives 1.
        return max(1, (log(u) * inverseLogFailure).rounded(.up))
    }

    /// Draws the number of attempts K ≥ 1 as an integer, saturating at `UInt64.max`.
    @inlinable
    public func attemptCount(using stream: inout RandomStream) -> UInt64 {
        let k = attempts(using: &stream)
        return k < 0x1p64 ? UInt64(k) : UInt64.max
    }
}
