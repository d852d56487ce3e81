import InterlinkCore
import Foundation

/// Closed forms for waiting times of heralded links attempting in synchronous rounds.
///
/// K₁, K₂ are independent geometric numbers of rounds (success probabilities p₁, p₂ per round,
/// q = 1 − p). References: physics reference "Waiting times"; Brand, Coopmans & Elkouss, IEEE JSAC
/// 38, 619 (2020), arXiv 1912.07688 (waiting time and Werner parameter in repeater chains);
/// the expressions below are derived in the doc comments and checked against per-round
/// simulation in the tests.
public enum WaitingTime {
    /// Mean rounds of one link, 1/p (infinite for p = 0).
    public static func meanRounds(_ p: Double) -> Double {
        p > 0 ? 1 / p : .infinity
    }

    /// E[max(K₁, K₂)] = 1/p₁ + 1/p₂ − 1/(1 − q₁q₂) (inclusion–exclusion, min(K₁, K₂) is geometric
    /// with success 1 − q₁q₂); for p₁ = p₂ = p this is (3 − 2p)/(p(2 − p)).
    public static func meanMaxRounds(_ p1: Double, _ p2: Double) -> Double {
        guard p1 > 0, p2 > 0 else { return .infinity }
        // 1 − q₁q₂ written as p₁ + p₂ − p₁p₂, which keeps its precision for tiny p.
        let mean = 1 / p1 + 1 / p2 - 1 / (p1 + p2 - p1 * p2)
        return mean.isNaN ? .infinity : mean
    }

    /// Number of rounds of a geometric law drawn from a uniform u ∈ (0, 1): K = ⌈ln u / ln(1 − p)⌉,
    /// with K = 1 for p = 1 and u = 1, and `Int.max` for p = 0.
    public static func sampleRounds(successProbability p: Double, uniform u: Double) -> Int {
        if p >= 1 { return 1 }
        if p <= 0 { return Int.max }
        let k = (log(u) / log1p(-p)).rounded(.up)
        if !(k.isFinite) || k >= Double(Int.max / 2) { return Int.max }
        return max(1, Int(k))
    }

    /// Mean rounds until both links hold a pair when a stored pair older than `cutoffRounds` rounds
    /// is discarded (nil = no cutoff). Protocol: both links attempt each round; a link that succeeds
    /// stores its pair and stops; the other keeps attempting; if it has not succeeded within n rounds
    /// after the first success the stored pair is discarded and both restart.
    ///
    /// Derivation (renewal argument): from the empty state, one round ends with both successes
    /// (p₁p₂), only link 1 (p₁q₂), only link 2 (q₁p₂) or none (q₁q₂). With link 1 stored, the
    /// expected further rounds are Σ_{d=0}^{n−1} q₂^d = (1 − q₂ⁿ)/p₂ and the restart probability is
    /// q₂ⁿ. Solving T₀ = 1 + q₁q₂T₀ + p₁q₂[(1 − q₂ⁿ)/p₂ + q₂ⁿT₀] + q₁p₂[(1 − q₁ⁿ)/p₁ + q₁ⁿT₀]:
    ///
    ///   T₀ = [1 + p₁q₂(1 − q₂ⁿ)/p₂ + q₁p₂(1 − q₁ⁿ)/p₁] / [1 − q₁q₂ − p₁q₂q₂ⁿ − q₁p₂q₁ⁿ],
    ///
    /// which for n → ∞ reduces to E[max(K₁, K₂)].
    ///
    /// Evaluated without cancellation: with Sᵢ = (1 − qᵢⁿ)/pᵢ = Σ_{d<n} qᵢ^d (`partialGeometricSum`),
    /// the denominator 1 − q₁q₂ − p₁q₂q₂ⁿ − q₁p₂q₁ⁿ equals p₁p₂(1 + q₂S₂ + q₁S₁) (a sum of positive
    /// terms) and the numerator is 1 + p₁q₂S₂ + q₁p₂S₁, so
    ///
    ///   T₀ = (1 + p₁q₂S₂ + q₁p₂S₁) / (p₁ · p₂ · (1 + q₂S₂ + q₁S₁)),
    ///
    /// accurate to a few ulps for any p in (0, 1] (infinite only when T₀ exceeds the largest double).
    public static func meanRoundsWithCutoff(_ p1: Double, _ p2: Double, cutoffRounds: Int?) -> Double {
        guard let n = cutoffRounds else { return meanMaxRounds(p1, p2) }
        guard p1 > 0, p2 > 0 else { return .infinity }
        let q1 = 1 - p1, q2 = 1 - p2
        let s1 = partialGeometricSum(oneMinusRatio: p1, terms: Double(n))
        let s2 = partialGeometricSum(oneMinusRatio: p2, terms: Double(n))
        let num = 1 + p1 * q2 * s2 + q1 * p2 * s1
        let w = 1 + q2 * s2 + q1 * s1
        return num / p1 / p2 / w
    }

    /// Σ_{d=0}^{n−1} r^d for r = 1 − e (0 < e ≤ 1), i.e. (1 − rⁿ)/e, without cancellation:
    /// −expm1(n·log1p(−e))/e, or the series n − n(n−1)e/2 + n(n−1)(n−2)e²/6 when n·e < 1e-6
    /// (relative error below 1e-19), which also stays exact for subnormal e. n = ∞ gives 1/e.
    public static func partialGeometricSum(oneMinusRatio e: Double, terms n: Double) -> Double {
        guard e > 0 else { return n }
        if n.isInfinite { return 1 / e }
        guard n >= 1 else { return 0 }
        if n * e < 1e-6 {
            return n * (1 - (n - 1) * e / 2 * (1 - (n - 2) * e / 3))
        }
        return -expm1(n * log1p(-e)) / e
    }

    /// Distribution of the age difference D (in rounds) of the earlier pair when the second pair
    /// is delivered, with an optional cutoff of n rounds. Per successful cycle:
    /// P(D = 0) ∝ p₁p₂, P(link 1 earlier, D = d) ∝ p₁q₂·q₂^(d−1)p₂, P(link 2 earlier, D = d) ∝
    /// q₁p₂·q₁^(d−1)p₁ for 1 ≤ d ≤ n, normalised by Z = p₁p₂ + p₁q₂(1 − q₂ⁿ) + q₁p₂(1 − q₁ⁿ)
    /// (Z = 1 − q₁q₂ without cutoff).
    public struct AgeDistribution: Sendable, Equatable {
        /// Success probabilities per round.
        public let p1: Double, p2: Double
        /// Cutoff in rounds (nil: none).
        public let cutoffRounds: Int?

        /// Creates the distribution; p₁, p₂ must be in (0, 1].
        public init(p1: Double, p2: Double, cutoffRounds: Int?) {
            self.p1 = p1
            self.p2 = p2
            self.cutoffRounds = cutoffRounds
        }

        var q1: Double { 1 - p1 }
        var q2: Double { 1 - p2 }

        /// Normaliser divided by p₁p₂: W = Z/(p₁p₂) = 1 + q₂S₂ + q₁S₁ with Sᵢ = Σ_{d<n} qᵢ^d
        /// (Sᵢ = 1/pᵢ without cutoff). Working with W instead of Z keeps every quantity below
        /// representable for p down to the smallest subnormal (Z itself underflows for p ≲ 1e-160).
        var scaledNormaliser: Double {
            let n = cutoffRounds.map(Double.init) ?? .infinity
            return 1 + q2 * WaitingTime.partialGeometricSum(oneMinusRatio: p2, terms: n)
                + q1 * WaitingTime.partialGeometricSum(oneMinusRatio: p1, terms: n)
        }

        /// P(D = 0) = p₁p₂/Z = 1/W.
        public var probabilitySimultaneous: Double { 1 / scaledNormaliser }

        /// E[x^D · 1{link 1 earlier}] for a per-round factor x ∈ [0, 1] (D ≥ 1):
        /// p₁q₂p₂/Z · Σ_{d=1}^{n} q₂^(d−1) x^d = p₁p₂q₂ x (1 − (q₂x)ⁿ)/((1 − q₂x) Z).
        public func linkOneEarlier(factorPerRound x: Double) -> Double {
            geometricPart(first: p1, waitingSuccess: p2, x: x)
        }

        /// E[x^D · 1{link 2 earlier}] (D ≥ 1), as `linkOneEarlier` with the links exchanged.
        public func linkTwoEarlier(factorPerRound x: Double) -> Double {
            geometricPart(first: p2, waitingSuccess: p1, x: x)
        }

        /// p_f·p_w·q_w·x·Σ_{d=1}^{n} (q_w x)^(d−1) / Z = q_w·x·Σ_{d<n} r^d / W with r = q_w·x; the
        /// factor p_f·p_w cancels against Z = p₁p₂W. 1 − r = p_w + q_w(1 − x) is formed without
        /// cancellation, so tiny p_w keeps its precision.
        private func geometricPart(first pf: Double, waitingSuccess pw: Double, x: Double) -> Double {
            let qw = 1 - pw
            let n = cutoffRounds.map(Double.init) ?? .infinity
            let oneMinusR = min(1, pw + qw * (1 - x))
            let partial = WaitingTime.partialGeometricSum(oneMinusRatio: oneMinusR, terms: n)
            return qw * x * partial / scaledNormaliser
        }

        /// E[g(D) · 1{link 1 earlier}] for an arbitrary per-round factor g(d), summed directly
        /// (used for Gaussian dephasing, which has no geometric closed form). `g` must be
        /// non-increasing with values in [0, 1] (true for every memory factor). The sum stops at the
        /// cutoff or when the bound on the remaining terms falls below 1e-17 of the total; throws if
        /// more than 10⁷ terms would be needed.
        public func linkOneEarlier(_ g: (Int) -> Double) throws -> Double {
            try directSum(first: p1, waitingSuccess: p2, g)
        }

        /// As `linkOneEarlier(_:)` with the links exchanged.
        public func linkTwoEarlier(_ g: (Int) -> Double) throws -> Double {
            try directSum(first: p2, waitingSuccess: p1, g)
        }

        private func directSum(first pf: Double, waitingSuccess pw: Double, _ g: (Int) -> Double) throws -> Double {
            let qw = 1 - pw
            let limit = cutoffRounds ?? Int.max
            let w = scaledNormaliser
            var sum = 0.0
            var weight = qw   // q_w^d at d = 1 (p_f·p_w cancels against Z = p₁p₂W)
            var d = 1
            while d <= limit {
                let gd = g(d)
                sum += weight * gd
                weight *= qw
                // g is non-increasing, so the remaining terms sum to at most g(d)·q_w^(d+1)/p_w.
                if weight == 0 || gd * weight / max(pw, .leastNonzeroMagnitude) < 1e-17 * w { break }
                d += 1
                guard d <= 10_000_000 else {
                    throw ParameterError(kind: .outOfRange, path: "repeater",
                                       message: "expected Gaussian decoherence needs more than 1e7 terms (success probability per round \(Validate.format(pw)) too small for the memory time); use a cutoff")
                }
            }
            return sum / w
        }
    }

    /// E[x^|K₁ − K₂|] without cutoff, derived by summing the joint geometric law:
    /// P(D = 0) = p₁p₂/(1 − q₁q₂), P(K₂ − K₁ = d) = p₁p₂q₂^d/(1 − q₁q₂), so
    ///
    ///   E[x^D] = p₁p₂/(1 − q₁q₂) · [1 + q₂x/(1 − q₂x) + q₁x/(1 − q₁x)],
    ///
    /// which for p₁ = p₂ = p is p(1 + qx)/((2 − p)(1 − qx)). With x = e^(−τ/T) this is the expected
    /// decoherence factor E[e^(−|K₁ − K₂|τ/T)] of the earlier pair in a depolarising memory.
    public static func expectedDecoherenceFactor(p1: Double, p2: Double, factorPerRound x: Double) -> Double {
        guard p1 > 0, p2 > 0 else { return 0 }
        let q1 = 1 - p1, q2 = 1 - p2
        return p1 * p2 / (1 - q1 * q2) * (1 + q2 * x / (1 - q2 * x) + q1 * x / (1 - q1 * x))
    }
}
