import Foundation
import InterlinkCore
import Testing
@testable import InterlinkPhysics

@Suite("Memory-aware recurrence over the waiting-time distribution")
struct MemoryAwareRecurrenceTests {
    static let gates = LocalOperations(singleQubitGateFidelity: 0.999, singleQubitGateSeconds: 1e-6, twoQubitGateFidelity: 0.99,
                                       twoQubitGateSeconds: 1e-5, readoutFidelity: 0.995, readoutSeconds: 1e-4)

    static func noise(_ a: MemoryParameters, _ b: MemoryParameters) -> PurificationNoise {
        PurificationNoise(nodeA: gates, nodeB: gates, memoryA: a, memoryB: b, classicalDelaySeconds: 5e-5)
    }

    @Test("the three decay modes reproduce the stored pair of MemoryDecoherence at every time")
    func modesMatchStorage() throws {
        var rng = SeededGenerator(seed: 7)
        for _ in 0..<50 {
            let a = MemoryParameters(t1Seconds: rng.logUniform(1e-3, 1), t2Seconds: nil, gaussianDephasingSeconds: rng.logUniform(1e-4, 1e-2))
            let t1b = rng.logUniform(1e-3, 1)
            let b = MemoryParameters(t1Seconds: t1b, t2Seconds: t1b * rng.uniform(0.1, 2))
            let w = (0..<4).map { _ in rng.uniform() }
            let s = BellDiagonalState(normalizing: w)
            let t = rng.logUniform(1e-5, 1e-1)
            let modes = StoredPairModes(memoryA: a, memoryB: b)
            let expected = MemoryDecoherence.stored(s, memoryA: a, timeA: t, memoryB: b, timeB: t)
            for (x, y) in zip(modes.stored(s, after: t).weights, expected.weights) { #expect(abs(x - y) < 1e-13) }
        }
        // The exponential rates agree with the memories' own factors when there is no Gaussian part.
        let modes = StoredPairModes(memoryA: MemoryParameters(t1Seconds: 0.3), memoryB: MemoryParameters(t1Seconds: 0.2, t2Seconds: 0.1))
        #expect(abs(modes.coherenceFactor(after: 0.05) - exp(-0.05 * modes.coherenceRate)) < 1e-15)
        #expect(abs(modes.relaxationFactor(after: 0.05) - exp(-0.05 * modes.relaxationRate)) < 1e-15)
    }

    @Test("round 1 with dephasing memories: the waiting pair's mean coherence is the geometric sum px/(1 − qx)")
    func roundOneClosedForm() throws {
        let (p, tau) = (0.07, 2e-4)
        let a = MemoryParameters(t2Seconds: 4e-3), b = MemoryParameters(t2Seconds: 6e-3)
        let raw = BellDiagonalState.werner(fidelity: 0.88)
        // E[C(T)] for T geometric in attempts, C(t) = x^t with x = e^(−τ(1/T2A + 1/T2B)): Σ p q^(t−1) x^t.
        let rate = 1 / 4e-3 + 1 / 6e-3
        let x = exp(-tau * rate)
        let meanCoherence = p * x / (1 - (1 - p) * x)
        // DEJMPS is bilinear in the weights and the dephasing is affine in C, so the mean output is the
        // step on the pair stored for the time t* with C(t*) = E[C(T)].
        let tStar = -log(meanCoherence) / rate
        let waited = MemoryDecoherence.stored(raw, memoryA: a, timeA: tStar, memoryB: b, timeB: tStar)
        let expected = Purification.dejmps(waited, raw)
        let r = try MemoryAwareRecurrence(delivered: raw, successProbabilityPerAttempt: p, attemptPeriodSeconds: tau,
                                          memoryA: a, memoryB: b, rounds: 1)
        #expect(abs(r.rounds[1].successProbability - expected.successProbability) < 1e-13)
        for (u, v) in zip(r.rounds[1].state.weights, expected.state.weights) { #expect(abs(u - v) < 1e-12) }
        #expect(abs(r.rounds[1].expectedInputPairs - 2 / expected.successProbability) < 1e-11)
        // The mean-time approximation (wait exactly 1/p attempts) is a different, worse-coherence number here.
        let meanWait = Purification.dejmps(MemoryDecoherence.stored(raw, memoryA: a, timeA: tau / p, memoryB: b, timeB: tau / p), raw)
        #expect(expected.state.fidelity - meanWait.state.fidelity > 1e-3)
    }

    @Test("infinite memory times give the ideal noisy recurrence of Purification.recurrence")
    func idealLimit() throws {
        let forever = MemoryParameters(t2Seconds: 1e18)
        let n = Self.noise(MemoryParameters(t2Seconds: 0.5), MemoryParameters(t1Seconds: 2, t2Seconds: 1))
        let raw = try BellDiagonalState(lambdaI: 0.85, lambdaX: 0.03, lambdaY: 0.02, lambdaZ: 0.1)
        let r = try MemoryAwareRecurrence(delivered: raw, successProbabilityPerAttempt: 0.01, attemptPeriodSeconds: 1e-3,
                                          memoryA: forever, memoryB: forever, noise: n, rounds: 4)
        for k in 1...4 {
            let ideal = Purification.recurrence(raw, protocol: .dejmps, rounds: k, noise: n)
            for (u, v) in zip(r.rounds[k].state.weights, ideal.state.weights) { #expect(abs(u - v) < 1e-9) }
            #expect(abs(r.rounds[k].expectedInputPairs / ideal.expectedInputPairsPerOutput - 1) < 1e-9)
            #expect(abs(r.rounds[k].expectedAttempts - ideal.expectedInputPairsPerOutput / 0.01) < 1e-6 * r.rounds[k].expectedAttempts)
        }
    }

    @Test("p = 1: round 1 waits exactly one attempt; round 2 waits 2G attempts with G geometric in the round-1 success")
    func deterministicAttempts() throws {
        let tau = 1e-3
        let a = MemoryParameters(t1Seconds: 0.02, t2Seconds: 0.01), b = MemoryParameters(gaussianDephasingSeconds: 0.01)
        let raw = BellDiagonalState.werner(fidelity: 0.9)
        let r = try MemoryAwareRecurrence(delivered: raw, successProbabilityPerAttempt: 1, attemptPeriodSeconds: tau,
                                          memoryA: a, memoryB: b, rounds: 2)
        let one = Purification.dejmps(MemoryDecoherence.stored(raw, memoryA: a, timeA: tau, memoryB: b, timeB: tau), raw)
        #expect(abs(r.rounds[1].successProbability - one.successProbability) < 1e-13)
        for (u, v) in zip(r.rounds[1].state.weights, one.state.weights) { #expect(abs(u - v) < 1e-12) }
        // Every round-1 pair is `one.state`; its production time is 2G attempts, P(G = g) = P₁(1 − P₁)^(g−1).
        let p1 = one.successProbability
        var weights = [0.0, 0, 0, 0], success = 0.0
        var g = 1
        while true {
            let pg = p1 * pow(1 - p1, Double(g - 1))
            if pg < 1e-20 { break }
            let t = 2 * Double(g) * tau
            let step = Purification.dejmps(MemoryDecoherence.stored(one.state, memoryA: a, timeA: t, memoryB: b, timeB: t), one.state)
            success += pg * step.successProbability
            for i in 0..<4 { weights[i] += pg * step.successProbability * step.state.weights[i] }
            g += 1
        }
        #expect(abs(r.rounds[2].successProbability - success) < 1e-12)
        for i in 0..<4 { #expect(abs(r.rounds[2].state.weights[i] - weights[i] / success) < 1e-11) }
        #expect(abs(r.rounds[2].expectedAttempts - 2 * (2 / p1) / success) < 1e-9)
    }

    /// Brute-force simulation written from the protocol: attempts until success, the earlier pair
    /// stored while its partner is made, the noisy DEJMPS step and its success coin, restarts.
    struct Simulation {
        var rng: SeededGenerator
        let raw: BellDiagonalState, p: Double, tau: Double, a: MemoryParameters, b: MemoryParameters, noise: PurificationNoise
        var tries: [Int], successes: [Int]

        init(seed: UInt64, raw: BellDiagonalState, p: Double, tau: Double, a: MemoryParameters, b: MemoryParameters,
             noise: PurificationNoise, rounds: Int) {
            rng = SeededGenerator(seed: seed)
            (self.raw, self.p, self.tau, self.a, self.b, self.noise) = (raw, p, tau, a, b, noise)
            tries = Array(repeating: 0, count: rounds + 1)
            successes = tries
        }

        /// One pair of round `level`: (attempts taken, state).
        mutating func produce(_ level: Int) -> (attempts: Int, state: BellDiagonalState) {
            if level == 0 { return (rng.attemptsUntilSuccess(p), raw) }
            var elapsed = 0
            while true {
                let first = produce(level - 1), second = produce(level - 1)
                elapsed += first.attempts + second.attempts
                let wait = Double(second.attempts) * tau
                let waited = MemoryDecoherence.stored(first.state, memoryA: a, timeA: wait, memoryB: b, timeB: wait)
                let step = Purification.step(.dejmps, waited, second.state, noise: noise)
                tries[level] += 1
                if rng.uniform() < step.successProbability {
                    successes[level] += 1
                    return (elapsed, step.state)
                }
            }
        }
    }

    /// z-scores of the simulated mean output weights, mean attempts and per-round success frequencies
    /// against the generating-function evaluation.
    static func zScores(raw: BellDiagonalState, p: Double, tau: Double, a: MemoryParameters, b: MemoryParameters,
                        rounds: Int, samples: Int, seed: UInt64) throws -> (z: [Double], fidelity: Double, standardError: Double) {
        let n = noise(a, b)
        let exact = try MemoryAwareRecurrence(delivered: raw, successProbabilityPerAttempt: p, attemptPeriodSeconds: tau,
                                              memoryA: a, memoryB: b, noise: n, rounds: rounds)
        var sim = Simulation(seed: seed, raw: raw, p: p, tau: tau, a: a, b: b, noise: n, rounds: rounds)
        var sum = [Double](repeating: 0, count: 5), sumSq = sum
        for _ in 0..<samples {
            let out = sim.produce(rounds)
            let values = out.state.weights + [Double(out.attempts)]
            for i in 0..<5 {
                sum[i] += values[i]
                sumSq[i] += values[i] * values[i]
            }
        }
        let m = Double(samples)
        let expected = exact.rounds[rounds].state.weights + [exact.rounds[rounds].expectedAttempts]
        var z = (0..<5).map { i -> Double in
            let mean = sum[i] / m, variance = max(sumSq[i] / m - mean * mean, 1e-300)
            return (mean - expected[i]) / sqrt(variance / m)
        }
        for k in 1...rounds {
            let f = Double(sim.successes[k]) / Double(sim.tries[k]), pk = exact.rounds[k].successProbability
            z.append((f - pk) / sqrt(pk * (1 - pk) / Double(sim.tries[k])))
        }
        let meanF = sum[0] / m
        return (z, meanF, sqrt(max(sumSq[0] / m - meanF * meanF, 0) / m))
    }

    @Test("three rounds with exponential memories match a brute-force simulation (z ≤ 3)")
    func monteCarloExponential() throws {
        let a = MemoryParameters(t1Seconds: 0.2, t2Seconds: 0.05), b = MemoryParameters(t2Seconds: 0.03)
        let raw = BellDiagonalState.werner(fidelity: 0.9)
        let (z, fidelity, error) = try Self.zScores(raw: raw, p: 0.15, tau: 1e-3, a: a, b: b, rounds: 3, samples: 20_000, seed: 11)
        for value in z { #expect(abs(value) <= 3, "z = \(z)") }
        // The same simulation rejects the mean-wait approximation (the earlier pair waits exactly
        // R_{k−1}/r): the test can tell the distribution from its mean.
        var state = raw, pairs = 1.0
        for _ in 0..<3 {
            let t = pairs * 1e-3 / 0.15
            let step = Purification.step(.dejmps, MemoryDecoherence.stored(state, memoryA: a, timeA: t, memoryB: b, timeB: t), state,
                                         noise: Self.noise(a, b))
            state = step.state
            pairs *= 2 / step.successProbability
        }
        #expect(abs(fidelity - state.fidelity) / error > 10, "mean-wait F = \(state.fidelity), simulated \(fidelity) ± \(error)")
    }

    @Test("two rounds with a Gaussian-dephasing memory match a brute-force simulation (z ≤ 3)")
    func monteCarloGaussian() throws {
        let a = MemoryParameters(gaussianDephasingSeconds: 4e-3), b = MemoryParameters(t2Seconds: 0.1)
        let raw = try BellDiagonalState(lambdaI: 0.92, lambdaX: 0, lambdaY: 0, lambdaZ: 0.08)
        let z = try Self.zScores(raw: raw, p: 0.3, tau: 1e-3, a: a, b: b, rounds: 2, samples: 40_000, seed: 5).z
        for value in z { #expect(abs(value) <= 3, "z = \(z)") }
        // The waiting really matters at this point: the mean output differs from the ideal recurrence.
        let exact = try MemoryAwareRecurrence(delivered: raw, successProbabilityPerAttempt: 0.3, attemptPeriodSeconds: 1e-3,
                                              memoryA: a, memoryB: b, noise: Self.noise(a, b), rounds: 2)
        let ideal = Purification.recurrence(raw, protocol: .dejmps, rounds: 2, noise: Self.noise(a, b))
        #expect(ideal.state.fidelity - exact.rounds[2].state.fidelity > 0.02)
    }

    @Test("bad input names the parameter; a Gaussian time spanning too many attempts is refused")
    func badInput() {
        let m = MemoryParameters(t2Seconds: 1)
        func path(_ body: () throws -> Void) -> String? {
            do { try body() } catch let e as ParameterError { return e.path } catch { return nil }
            return nil
        }
        let raw = BellDiagonalState.werner(fidelity: 0.9)
        #expect(path { _ = try MemoryAwareRecurrence(delivered: raw, successProbabilityPerAttempt: 0, attemptPeriodSeconds: 1, memoryA: m, memoryB: m, rounds: 1) }
                == "recurrence.successProbabilityPerAttempt")
        #expect(path { _ = try MemoryAwareRecurrence(delivered: raw, successProbabilityPerAttempt: 1.5, attemptPeriodSeconds: 1, memoryA: m, memoryB: m, rounds: 1) }
                == "recurrence.successProbabilityPerAttempt")
        #expect(path { _ = try MemoryAwareRecurrence(delivered: raw, successProbabilityPerAttempt: 0.5, attemptPeriodSeconds: 0, memoryA: m, memoryB: m, rounds: 1) }
                == "recurrence.attemptPeriodSeconds")
        #expect(path { _ = try MemoryAwareRecurrence(delivered: raw, successProbabilityPerAttempt: 0.5, attemptPeriodSeconds: 1, memoryA: m, memoryB: m, rounds: 11) }
                == "recurrence.rounds")
        #expect(path { _ = try MemoryAwareRecurrence(delivered: raw, successProbabilityPerAttempt: 0.5, attemptPeriodSeconds: 1,
                                                     memoryA: MemoryParameters(t2Seconds: -1), memoryB: m, rounds: 1) }
                == "recurrence.memoryA.t2Seconds")
        #expect(path { _ = try MemoryAwareRecurrence(delivered: raw, successProbabilityPerAttempt: 0.5, attemptPeriodSeconds: 1e-6,
                                                     memoryA: MemoryParameters(gaussianDephasingSeconds: 1), memoryB: m, rounds: 2) }
                == "recurrence.memory.gaussianDephasingSeconds")
    }
}
