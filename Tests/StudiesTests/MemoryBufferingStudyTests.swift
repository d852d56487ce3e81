import Foundation
import Interlink
import Testing
@testable import Studies

private typealias Columns = MemoryBufferingStudy.Columns

@Suite("memory-buffering study")
struct MemoryBufferingStudyTests {
    /// The study with fewer Monte Carlo deliveries so the sweep runs in a few seconds.
    static let study: MemoryBufferingStudy = {
        var p = MemoryBufferingStudy.Parameters()
        p.monteCarloPairs = 40_000
        return MemoryBufferingStudy(base: p)
    }()

    static let shared = Task {
        let options = RunOptions(jobs: 2, cacheDirectory: nil)
        return try await StudyRunner(options: options).run(study)
    }

    func run() async throws -> StudyRun { try await Self.shared.value }

    func monteCarloRows(_ run: StudyRun) -> [ResultTable.Row] {
        run.table.rows.filter { $0.parameters["part"] == .string(MemoryBufferingStudy.Part.monteCarlo.rawValue) }
    }

    @Test("MC mean wait without cutoff is within 4 standard errors of (3 − 2p)/(p(2 − p)) rounds")
    func meanWaitNoCutoff() async throws {
        let run = try await run()
        let row = try #require(monteCarloRows(run).first { $0.number(Columns.cutoffRounds) == 0 })
        let p = try #require(row.number(Columns.successProbability))
        let expected = (3 - 2 * p) / (p * (2 - p))   // E[max(K₁, K₂)], two identical geometric links
        let wait = try #require(row.metrics[Columns.meanWaitRounds.name])
        let se = try #require(wait.uncertainty)
        #expect(se > 0 && se < 0.01 * expected)
        #expect(abs(wait.value - expected) <= 4 * se, "\(wait.value) ± \(se) vs \(expected)")
    }

    @Test("MC mean wait with a cutoff matches the renewal formula written out by hand")
    func meanWaitWithCutoff() async throws {
        let run = try await run()
        #expect(monteCarloRows(run).filter { ($0.number(Columns.cutoffRounds) ?? 0) > 0 }.count == 2)
        for row in monteCarloRows(run) where (row.number(Columns.cutoffRounds) ?? 0) > 0 {
            let p = try #require(row.number(Columns.successProbability))
            let n = try #require(row.number(Columns.cutoffRounds))
            // From empty: a round ends with both (p²), one (2pq) or none (q²). With one pair stored the
            // other link gets n rounds: expected rounds Σ_{d<n} q^d = (1 − qⁿ)/p, restart with prob qⁿ.
            // T = 1 + q²T + 2pq[(1 − qⁿ)/p + qⁿT]  ⇒  T = (1 + 2q(1 − qⁿ)) / (1 − q² − 2pq·qⁿ).
            let q = 1 - p, qn = pow(q, n)
            let expected = (1 + 2 * q * (1 - qn)) / (1 - q * q - 2 * p * q * qn)
            let wait = try #require(row.metrics[Columns.meanWaitRounds.name])
            let se = try #require(wait.uncertainty)
            #expect(abs(wait.value - expected) <= 4 * se, "n = \(n): \(wait.value) ± \(se) vs \(expected)")
        }
    }

    @Test("MC delivered fidelity is within 4 standard errors of the closed form at every MC point")
    func fidelityAgreement() async throws {
        let run = try await run()
        #expect(monteCarloRows(run).count == MemoryBufferingStudy.monteCarloPoints.count)
        for row in monteCarloRows(run) {
            let f = try #require(row.metrics[Columns.fidelity.name]), a = try #require(row.number(Columns.analyticFidelity))
            let se = try #require(f.uncertainty)
            #expect(abs(f.value - a) <= 4 * se + 1e-12, "\(row.parameters): \(f.value) ± \(se) vs \(a)")
        }
    }

    @Test("the waiting-time histogram without cutoff follows the exact law of max(K₁, K₂) (chi-square)")
    func histogramChiSquare() async throws {
        let run = try await run()
        let row = try #require(monteCarloRows(run).first { $0.number(Columns.cutoffRounds) == 0 })
        let n = Double(Self.study.base.monteCarloPairs)
        let p = try #require(row.number(Columns.successProbability))
        let upper = try #require(row.number(Columns.histogramRounds))
        let bins = MemoryBufferingStudy.histogramBins
        let w = upper / Double(bins)
        var chi2 = 0.0
        var used = 0
        for k in 0..<bins {
            let observed = try #require(row.number(String(format: "hist%02d", k))) * n
            // Independent exact probability: sum the pmf P(max = m) = (1 − q^m)² − (1 − q^(m−1))²
            // over the bin's rounds m = k·w + 1 … (k + 1)·w.
            var expected = 0.0
            for m in stride(from: Double(k) * w + 1, through: Double(k + 1) * w, by: 1) {
                expected += pow(1 - pow(1 - p, m), 2) - pow(1 - pow(1 - p, m - 1), 2)
            }
            expected *= n
            guard expected >= 5 else { continue }
            chi2 += (observed - expected) * (observed - expected) / expected
            used += 1
        }
        // 40 bins: the 99.9 % quantile of χ² with 39 degrees of freedom is 72.1.
        #expect(used >= 30)
        #expect(chi2 < 72.1, "χ² = \(chi2) over \(used) bins")
    }

    /// The delivered end-to-end pair from the physics core directly: two identical links of L/2,
    /// the memory dephasing with T₂, the parking step as a depolarising channel and a duration.
    static func delivered(lengthKm: Double, t2: Double?, infidelity: Double, seconds: Double) throws -> (rate: Double, state: BellDiagonalState) {
        var arm = try ModalityPreset.arm(named: "transmon.transducer.eo")
        arm.transducer?.efficiency = 0.5
        arm.transducer?.addedNoisePhotons = 1e-3
        arm.node.memory = t2.map { MemoryParameters(t2Seconds: $0) } ?? MemoryParameters()
        arm.node.transferSteps = [NodeTransferStep(placement: .beforeEmission, efficiency: 1, fidelity: 1 - infidelity,
                                                   durationSeconds: seconds)]
        let link = LinkConfiguration.midpoint(armA: arm, armB: arm, totalLengthKm: lengthKm / 2, scheme: .twoPhoton,
                                              residualVisibility: 0.95)
        let model = try TwoLinkRepeaterModel(configuration: RepeaterConfiguration(linkA: link, linkB: link, cutoffSeconds: nil))
        return (model.rateHz, model.state)
    }

    static func distillable(lengthKm: Double, t2: Double?, infidelity: Double, seconds: Double) throws -> Double {
        let d = try delivered(lengthKm: lengthKm, t2: t2, infidelity: infidelity, seconds: seconds)
        return d.rate * IndependentChecks.yield(d.state)
    }

    @Test("every requirement agrees with an independent bisection of the physics core, at F > 1/2")
    func requirementsByBisection() throws {
        let base = MemoryBufferingStudy().base
        for length in MemoryBufferingStudy.lengths {
            for rate in MemoryBufferingStudy.targetRates {
                var p = base
                p.lengthKm = length
                let t2 = try MemoryBufferingStudy.requirement(.coherence, p, rate: rate)
                let transfer = try MemoryBufferingStudy.requirement(.transferFidelity, p, rate: rate)
                let time = try MemoryBufferingStudy.requirement(.transferTime, p, rate: rate)
                let best = try Self.distillable(lengthKm: length, t2: nil, infidelity: 0, seconds: 1e-6)
                guard best >= rate else {
                    // Unreachable: every quantity says so, and none quotes a number.
                    #expect(t2.value == nil && transfer.value == nil && time.value == nil, "\(length) km, \(rate)")
                    continue
                }
                let t2Check = try IndependentChecks.bisect(1e-5...1e3, increasing: true, target: rate) {
                    try Self.distillable(lengthKm: length, t2: $0, infidelity: 0, seconds: 1e-6)
                }
                let transferCheck = try IndependentChecks.bisect(1e-8...0.75, increasing: false, target: rate) {
                    try Self.distillable(lengthKm: length, t2: nil, infidelity: $0, seconds: 1e-6)
                }
                let timeCheck = try IndependentChecks.bisect(1e-8...10, increasing: false, target: rate) {
                    try Self.distillable(lengthKm: length, t2: nil, infidelity: 0, seconds: $0)
                }
                for (found, check) in [(t2.value, t2Check), (transfer.value, transferCheck), (time.value, timeCheck)] {
                    let v = try #require(found)
                    #expect(abs(v / check - 1) < 1e-6, "\(length) km, \(rate) ebit/s: \(v) vs \(check)")
                }
                // No requirement is quoted for pairs with F ≤ 1/2.
                for (t, e, s) in [(t2Check, 0.0, 1e-6), (nil, transferCheck, 1e-6), (nil, 0.0, timeCheck)] {
                    let f = try Self.delivered(lengthKm: length, t2: t, infidelity: e, seconds: s).state.fidelity
                    #expect(f > 0.5, "\(length) km, \(rate) ebit/s: F = \(f)")
                }
            }
        }
    }

    @Test("the headline metrics of the finding are the requirements, and hold at F > 1/2")
    func headlineInputs() async throws {
        let run = try await run()
        let metrics = Dictionary(run.derived.flatMap(\.metrics).map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a })
        let t2 = try #require(metrics["headline_t2"])
        let low = try #require(metrics["headline_t2_low"]), high = try #require(metrics["headline_t2_high"])
        #expect(low <= t2 && t2 <= high)
        var p = MemoryBufferingStudy().base
        p.lengthKm = 100
        let exact = try #require(try MemoryBufferingStudy.requirement(.coherence, p, rate: 1).value)
        // The headline is rounded to the interval's digits: within half a step of the root.
        #expect(abs(t2 - exact) <= (high - low) / 2)
        let f = try Self.delivered(lengthKm: 100, t2: t2, infidelity: 0, seconds: 1e-6).state.fidelity
        #expect(f > 0.5)
        // Sahu et al.'s device gives no distillable rate: the yield written out is 0.
        #expect(try #require(metrics["sahuDistillable_100"]) == 0)
    }
}
