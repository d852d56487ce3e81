import Foundation
import InterlinkCore
import Testing
@testable import InterlinkPhysics

@Suite("Memory-aware entanglement pumping")
struct MemoryAwarePumpingTests {
    static let noise = MemoryAwareRecurrenceTests.noise(MemoryParameters(t2Seconds: 0.5), MemoryParameters(t1Seconds: 2, t2Seconds: 1))

    @Test("infinite memory times: the kept pair is purified with fresh pairs step by step; R by hand")
    func idealLimit() throws {
        let forever = MemoryParameters(t2Seconds: 1e18)
        let raw = try BellDiagonalState(lambdaI: 0.85, lambdaX: 0.03, lambdaY: 0.02, lambdaZ: 0.1)
        let r = try MemoryAwarePumping(delivered: raw, successProbabilityPerAttempt: 0.02, attemptPeriodSeconds: 1e-3,
                                       memoryA: forever, memoryB: forever, noise: Self.noise, steps: 4)
        var kept = raw
        var reach = 1.0, consumed = 1.0
        for k in 1...4 {
            let step = Purification.step(.dejmps, kept, raw, noise: Self.noise)
            consumed += reach          // a fresh pair is used whenever step k is reached
            reach *= step.successProbability
            kept = step.state
            for (u, v) in zip(r.steps[k].state.weights, kept.weights) { #expect(abs(u - v) < 1e-9) }
            #expect(abs(r.steps[k].successProbability - step.successProbability) < 1e-12)
            #expect(abs(r.steps[k].expectedInputPairs / (consumed / reach) - 1) < 1e-9)
        }
    }

    @Test("one pumping step is one recurrence round (the first pair waits a geometric time for the second)")
    func oneStepIsOneRound() throws {
        let a = MemoryParameters(t1Seconds: 0.05, t2Seconds: 0.02), b = MemoryParameters(gaussianDephasingSeconds: 6e-3)
        let raw = BellDiagonalState.werner(fidelity: 0.9)
        let pump = try MemoryAwarePumping(delivered: raw, successProbabilityPerAttempt: 0.2, attemptPeriodSeconds: 1e-3,
                                          memoryA: a, memoryB: b, noise: Self.noise, steps: 1)
        let round = try MemoryAwareRecurrence(delivered: raw, successProbabilityPerAttempt: 0.2, attemptPeriodSeconds: 1e-3,
                                              memoryA: a, memoryB: b, noise: Self.noise, rounds: 1)
        for (u, v) in zip(pump.steps[1].state.weights, round.rounds[1].state.weights) { #expect(abs(u - v) < 1e-12) }
        #expect(abs(pump.steps[1].expectedInputPairs - round.rounds[1].expectedInputPairs) < 1e-10)
    }

    /// Brute force: keep the first pair, make fresh pairs attempt by attempt, decay the kept pair for
    /// each wait, flip the step's success coin, restart from a new first pair on failure.
    static func simulate(raw: BellDiagonalState, p: Double, tau: Double, a: MemoryParameters, b: MemoryParameters,
                         steps: Int, samples: Int, seed: UInt64) -> (weights: [[Double]], pairs: [Int]) {
        var rng = SeededGenerator(seed: seed)
        var outputs: [[Double]] = [], pairs: [Int] = []
        for _ in 0..<samples {
            var used = 0
            sequence: while true {
                _ = rng.attemptsUntilSuccess(p)
                used += 1
                var kept = raw
                for _ in 0..<steps {
                    let wait = Double(rng.attemptsUntilSuccess(p)) * tau
                    used += 1
                    let step = Purification.step(.dejmps, MemoryDecoherence.stored(kept, memoryA: a, timeA: wait, memoryB: b, timeB: wait),
                                                 raw, noise: noise)
                    if rng.uniform() >= step.successProbability { continue sequence }
                    kept = step.state
                }
                outputs.append(kept.weights)
                pairs.append(used)
                break
            }
        }
        return (outputs, pairs)
    }

    @Test("three steps match a brute-force simulation (z ≤ 3), exponential and Gaussian memories")
    func monteCarlo() throws {
        let cases: [(MemoryParameters, MemoryParameters, UInt64)] = [
            (MemoryParameters(t1Seconds: 0.2, t2Seconds: 0.05), MemoryParameters(t2Seconds: 0.03), 3),
            (MemoryParameters(gaussianDephasingSeconds: 8e-3), MemoryParameters(t2Seconds: 0.1), 4),
        ]
        let raw = BellDiagonalState.werner(fidelity: 0.88)
        for (a, b, seed) in cases {
            let exact = try MemoryAwarePumping(delivered: raw, successProbabilityPerAttempt: 0.2, attemptPeriodSeconds: 1e-3,
                                               memoryA: a, memoryB: b, noise: Self.noise, steps: 3).steps[3]
            let sim = Self.simulate(raw: raw, p: 0.2, tau: 1e-3, a: a, b: b, steps: 3, samples: 20_000, seed: seed)
            let m = Double(sim.pairs.count)
            var columns = (0..<4).map { i in sim.weights.map { $0[i] } }
            columns.append(sim.pairs.map(Double.init))
            let expected = exact.state.weights + [exact.expectedInputPairs]
            for (values, e) in zip(columns, expected) {
                let mean = values.reduce(0, +) / m
                let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (m - 1)
                #expect(abs(mean - e) / sqrt(max(variance, 1e-300) / m) <= 3, "mean \(mean) vs \(e)")
            }
        }
    }

    @Test("bad input names the parameter")
    func badInput() {
        let m = MemoryParameters(t2Seconds: 1)
        #expect(throws: ParameterError.self) {
            _ = try MemoryAwarePumping(delivered: .perfect, successProbabilityPerAttempt: 0.5, attemptPeriodSeconds: 1, memoryA: m, memoryB: m, steps: 11)
        }
        do {
            _ = try MemoryAwarePumping(delivered: .perfect, successProbabilityPerAttempt: 0.5, attemptPeriodSeconds: 1, memoryA: m, memoryB: m, steps: -1)
            Issue.record("no error")
        } catch let e as ParameterError {
            #expect(e.path == "pumping.steps")
        } catch {
            Issue.record("\(error)")
        }
    }
}
