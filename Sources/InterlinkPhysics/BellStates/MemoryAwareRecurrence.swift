import InterlinkCore
import Foundation

/// Symmetric recurrence purification on one heralded link whose pairs wait in memory for their
/// partners, averaged over the exact waiting-time distribution.
///
/// Protocol (sequential recurrence with one memory slot per round): the link attempts every τ with
/// success probability p (attempt counts geometric). A round-k try takes a round-(k − 1) pair, keeps it
/// in both node memories while the link makes a second round-(k − 1) pair, then runs one purification
/// step (`Purification.step`, with the nodes' `PurificationNoise` when given). On success the output is a
/// round-k pair; on failure both pairs are discarded and the try restarts. So the earlier pair of round
/// k waits exactly the production time T_{k−1} of its partner, which is geometric for k = 1 and, for
/// k > 1, the compound of the lower rounds' tries including their failed ones.
///
/// Exact method (generating functions, no truncation of the attempt counts): let m_j(t) be the
/// expected (Bell-diagonal weight vector × 1{T_j = t}) of a round-j pair, t in attempts, and
/// m̂_j(s) = Σ_t m_j(t)e^(−st). With the stored-pair modes (`StoredPairModes`: λ → Π₀λ + A(t)Π_aλ +
/// C(t)Π_cλ, A(t) = e^(−α t), α = ρ_a τ) and the step's unnormalised output K(x, y) (success
/// probability × output weights, bilinear in the two inputs), one try's successful part is
///
///   Ŝ_j(s) = K(Π₀m̂, m̂) + K(Π_a m̂, m̂(s + α)) + K(Π_c m̂, Ĉ(s)),   m̂ = m̂_{j−1}(s),
///
/// with Ĉ(s) = m̂_{j−1}(s + β), β = ρ_c τ, for exponential memories, or Σ_t C(tτ)m_{j−1}(t)e^(−st) when a
/// memory has Gaussian dephasing (then m_{j−1}(t) is computed exactly as a power series up to the
/// attempt t_max where the Gaussian factor falls below 1e-18, which bounds the dropped part of every
/// weight by 1e-18; more than 4096 terms is refused). A try fails with generating function
/// F̂_j(s) = (Σm̂)² − ΣŜ_j(s) and restarts, so the round's production is the renewal
/// m̂_j = Ŝ_j/(1 − F̂_j). At s = 0: the mean success probability P̄_j = ΣŜ_j(0), the mean output state
/// m̂_j(0) (the average of success × unnormalised output, then normalised: the step is nonlinear in the
/// state but bilinear in the weights), and by Wald's identity E[T_j] = 2E[T_{j−1}]/P̄_j, E[T₀] = 1/p.
/// Round 1 is therefore a closed geometric sum: m̂₀(s) = λ₀·pe^(−s)/(1 − qe^(−s)), so the waiting pair's
/// mean factor is E[x^T₀] = px/(1 − qx) with x = e^(−α) or e^(−β). Evaluating round n needs 3ⁿ evaluations
/// of m̂₀ (2ⁿ with Gaussian dephasing).
///
/// Not included: the time of the purification step itself in the production time (its memory decay
/// is in `PurificationNoise`), and decay of a pair while a later round waits beyond its own partner
/// (each pair waits only for the partner it is purified with).
public struct MemoryAwareRecurrence: Sendable, Equatable {
    /// One round's averaged result.
    public struct Round: Sendable, Equatable {
        /// Mean output state of the round (E[λ] over the waiting times; round 0: the delivered pair).
        public let state: BellDiagonalState
        /// Mean success probability of one try of the round (1 for round 0).
        public let successProbability: Double
        /// Expected attempts to produce one pair of the round, E[T_k] (round 0: 1/p).
        public let expectedAttempts: Double
        /// Expected link pairs consumed per pair of the round, R_k = p·E[T_k].
        public let expectedInputPairs: Double
    }

    /// Rounds 0…n.
    public let rounds: [Round]

    /// Relative size below which the Gaussian factor of C(t) ends the direct sums.
    public static let gaussianTruncation = 1e-18
    /// Largest number of attempts the Gaussian direct sums may need.
    public static let maximumGaussianTerms = 4096

    /// Evaluates `rounds` rounds. Throws a `ParameterError` naming `path.<field>` when p is not in (0, 1],
    /// τ is not positive, a memory is invalid, the number of rounds is outside 0…10, or a Gaussian
    /// dephasing time spans more than `maximumGaussianTerms` attempts (unsupported).
    public init(delivered: BellDiagonalState, successProbabilityPerAttempt p: Double, attemptPeriodSeconds tau: Double,
                memoryA: MemoryParameters, memoryB: MemoryParameters, protocol: PurificationProtocol = .dejmps,
                noise: PurificationNoise? = nil, rounds n: Int, path: String = "recurrence") throws {
        try Self.validate(p: p, tau: tau, memoryA: memoryA, memoryB: memoryB, count: n, countName: "rounds", path: path)
        let evaluator = try Evaluator(delivered: delivered, p: p, tau: tau, modes: StoredPairModes(memoryA: memoryA, memoryB: memoryB),
                                      protocol: `protocol`, noise: noise, rounds: n, path: path)
        var list = [Round(state: delivered, successProbability: 1, expectedAttempts: 1 / p, expectedInputPairs: 1)]
        for j in stride(from: 1, through: n, by: 1) {
            let r = evaluator.transform(level: j, s: 0)
            let success = r.successSum
            let attempts = success > 0 ? 2 * list[j - 1].expectedAttempts / success : .infinity
            let state = success > 0 ? BellDiagonalState(normalizingWeights: r.weights) : .maximallyMixed
            list.append(Round(state: state, successProbability: success, expectedAttempts: attempts, expectedInputPairs: p * attempts))
        }
        rounds = list
    }
}

extension MemoryAwareRecurrence {
    /// Checks the link and memory inputs shared with `MemoryAwarePumping`; errors name `path.<field>`.
    static func validate(p: Double, tau: Double, memoryA: MemoryParameters, memoryB: MemoryParameters, count n: Int,
                         countName: String, path: String) throws {
        try Validate.successProbability(p, at: child(path, "successProbabilityPerAttempt"))
        try Validate.finite(tau, at: child(path, "attemptPeriodSeconds"))
        try Validate.positive(tau, at: child(path, "attemptPeriodSeconds"), unit: "s")
        try Validate.count(n, atLeast: 0, atMost: 10, at: child(path, countName))
        try memoryA.validate(at: child(path, "memoryA"))
        try memoryB.validate(at: child(path, "memoryB"))
    }

    /// The generating-function evaluator (see the type's documentation).
    struct Evaluator {
        let p: Double
        let lambda0: SIMD4<Double>
        let modes: StoredPairModes
        /// α = ρ_a τ and β = ρ_c τ per attempt.
        let alpha: Double, beta: Double
        /// C(tτ) for t = 1…t_max (Gaussian memories only).
        let coherence: [Double]?
        /// K[i][j]: success probability × output weights of the step on Bell states i and j.
        let kept: [[SIMD4<Double>]]
        /// m_j(t) for t = 0…t_max and j = 0…n − 1 (Gaussian memories only).
        var series: [[SIMD4<Double>]] = []

        init(delivered: BellDiagonalState, p: Double, tau: Double, modes: StoredPairModes, protocol: PurificationProtocol,
             noise: PurificationNoise?, rounds n: Int, path: String) throws {
            self.p = p
            lambda0 = delivered.weightVector
            self.modes = modes
            alpha = modes.relaxationRate * tau
            beta = modes.coherenceRate * tau
            kept = (0..<4).map { i in
                (0..<4).map { j in
                    var a = [0.0, 0, 0, 0], b = [0.0, 0, 0, 0]
                    a[i] = 1
                    b[j] = 1
                    let (x, y) = (BellDiagonalState(normalizing: a), BellDiagonalState(normalizing: b))
                    let step = noise.map { Purification.step(`protocol`, x, y, noise: $0) } ?? Purification.step(`protocol`, x, y)
                    return step.successProbability * step.state.weightVector
                }
            }
            guard modes.hasGaussianDephasing else {
                coherence = nil
                return
            }
            // C(tτ) up to the attempt where its Gaussian factor C(tτ)/e^(−βt) ≤ 1e-18.
            var c: [Double] = []
            var t = 1
            while true {
                let value = modes.coherenceFactor(after: Double(t) * tau)
                c.append(value)
                if value <= Self.gaussianFloor(beta: beta, t: t) { break }
                t += 1
                guard t <= MemoryAwareRecurrence.maximumGaussianTerms else {
                    throw ParameterError(kind: .outOfRange, path: child(path, "memory.gaussianDephasingSeconds"),
                                         message: "the Gaussian dephasing time spans more than \(MemoryAwareRecurrence.maximumGaussianTerms) attempt periods of \(Validate.format(tau)) s; the memory-aware recurrence does not support it (use a shorter time or an exponential T2)")
                }
            }
            coherence = c
            series = [(0..<c.count + 1).map { t in t == 0 ? SIMD4(repeating: 0) : lambda0 * (p * pow(1 - p, Double(t - 1))) }]
            for _ in 1..<max(1, n) { series.append(nextSeries(series[series.count - 1])) }
        }

        /// The Gaussian truncation level at attempt t: 1e-18 of the exponential part e^(−βt).
        static func gaussianFloor(beta: Double, t: Int) -> Double {
            MemoryAwareRecurrence.gaussianTruncation * exp(-beta * Double(t))
        }

        /// K(x, y) for unnormalised weight vectors (bilinear extension from the Bell states).
        func apply(_ x: SIMD4<Double>, _ y: SIMD4<Double>) -> SIMD4<Double> {
            var out = SIMD4<Double>(repeating: 0)
            for i in 0..<4 where x[i] != 0 {
                for j in 0..<4 where y[j] != 0 { out += (x[i] * y[j]) * kept[i][j] }
            }
            return out
        }

        /// E[A(T)] and E[C(T)] of a pair that waits one raw pair's production time T (geometric attempts):
        /// the closed geometric sums pe^(−α)/(1 − qe^(−α)) and, for exponential memories, the same at β;
        /// with Gaussian dephasing Σ_t C(tτ)pq^(t−1) up to t_max.
        func meanWaitFactors() -> (relaxation: Double, coherence: Double) {
            func geometric(_ s: Double) -> Double { p * exp(-s) / (p * exp(-s) - expm1(-s)) }
            guard let c = coherence else { return (geometric(alpha), geometric(beta)) }
            var sum = 0.0
            for t in 1...c.count { sum += c[t - 1] * p * pow(1 - p, Double(t - 1)) }
            return (geometric(alpha), sum)
        }

        /// Round 0's generating function: λ₀·pe^(−s)/(1 − qe^(−s)), the denominator as pe^(−s) − expm1(−s).
        func leaf(_ s: Double) -> SIMD4<Double> {
            let e = exp(-s)
            return lambda0 * (p * e / (p * e - expm1(-s)))
        }

        /// One round's transform at s: the renewal m̂_j(s) (`weights`) and ΣŜ_j(s) (`successSum`).
        func transform(level j: Int, s: Double) -> (weights: SIMD4<Double>, successSum: Double) {
            let m = j == 1 ? leaf(s) : transform(level: j - 1, s: s).weights
            func lower(_ s: Double) -> SIMD4<Double> { j == 1 ? leaf(s) : transform(level: j - 1, s: s).weights }
            let partner: SIMD4<Double>
            if let c = coherence {
                var sum = SIMD4<Double>(repeating: 0)
                for t in 1...c.count { sum += (c[t - 1] * exp(-s * Double(t))) * series[j - 1][t] }
                partner = sum
            } else {
                partner = lower(s + beta)
            }
            let parts = modes.parts(m)
            let success = apply(parts.constant, m) + apply(parts.relaxation, lower(s + alpha)) + apply(parts.coherence, partner)
            let total = m.sum()
            let successSum = success.sum()
            let failure = total * total - successSum
            return (success / (1 - failure), successSum)
        }

        /// The next round's coefficients m_j(t), t = 0…t_max, from the previous round's (power-series
        /// convolutions, exact for every t ≤ t_max because attempt counts are ≥ 1). Written on flat
        /// arrays: this double loop is the costly part of a Gaussian-memory evaluation.
        func nextSeries(_ f: [SIMD4<Double>]) -> [SIMD4<Double>] {
            let count = f.count
            // Per attempt t: f(t), Π₀f(t), Π_a f(t), Π_c f(t) (16 numbers); K flattened as [16i + 4j + l].
            var flat = [Double](repeating: 0, count: 16 * count)
            for t in 0..<count {
                let parts = modes.parts(f[t])
                for i in 0..<4 {
                    flat[16 * t + i] = f[t][i]
                    flat[16 * t + 4 + i] = parts.constant[i]
                    flat[16 * t + 8 + i] = parts.relaxation[i]
                    flat[16 * t + 12 + i] = parts.coherence[i]
                }
            }
            var k = [Double](repeating: 0, count: 64)
            for i in 0..<4 { for j in 0..<4 { for l in 0..<4 { k[16 * i + 4 * j + l] = kept[i][j][l] } } }
            let relax = (0..<count).map { exp(-alpha * Double($0)) }
            let coh = (0..<count).map { $0 == 0 ? 0 : (coherence?[$0 - 1] ?? 0) }
            var success = [Double](repeating: 0, count: 4 * count)
            var failure = [Double](repeating: 0, count: count)
            flat.withUnsafeBufferPointer { fp in
                k.withUnsafeBufferPointer { kp in
                    for u in 2..<max(2, count) {
                        var s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0, both = 0.0
                        for t2 in 1..<u {
                            let b1 = 16 * (u - t2), b2 = 16 * t2
                            let a = relax[t2], c = coh[t2]
                            both += (fp[b1] + fp[b1 + 1] + fp[b1 + 2] + fp[b1 + 3]) * (fp[b2] + fp[b2 + 1] + fp[b2 + 2] + fp[b2 + 3])
                            for i in 0..<4 {
                                let w = fp[b1 + 4 + i] + a * fp[b1 + 8 + i] + c * fp[b1 + 12 + i]
                                if w == 0 { continue }
                                for j in 0..<4 {
                                    let x = w * fp[b2 + j], kb = 16 * i + 4 * j
                                    s0 += x * kp[kb]
                                    s1 += x * kp[kb + 1]
                                    s2 += x * kp[kb + 2]
                                    s3 += x * kp[kb + 3]
                                }
                            }
                        }
                        success[4 * u] = s0
                        success[4 * u + 1] = s1
                        success[4 * u + 2] = s2
                        success[4 * u + 3] = s3
                        failure[u] = both - (s0 + s1 + s2 + s3)
                    }
                }
            }
            // Renewal m = S + F * m (F(0) = 0).
            var m = success
            for u in 2..<max(2, count) {
                for v in 1..<u where failure[v] != 0 {
                    for i in 0..<4 { m[4 * u + i] += failure[v] * m[4 * (u - v) + i] }
                }
            }
            return (0..<count).map { SIMD4(m[4 * $0], m[4 * $0 + 1], m[4 * $0 + 2], m[4 * $0 + 3]) }
        }
    }
}
