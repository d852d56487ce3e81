import Foundation
import Interlink
import Testing
@testable import Studies

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
        run.table.rows.filter { $0.parameters["part"] == .string("monte-carlo") }
    }

    @Test("MC mean wait without cutoff is within 4 standard errors of (3 − 2p)/(p(2 − p)) rounds")
    func meanWaitNoCutoff() async throws {
        let run = try await run()
        let row = try #require(monteCarloRows(run).first { $0.number("cutoffRounds") == 0 })
        let p = try #require(row.number("successProbability"))
        let expected = (3 - 2 * p) / (p * (2 - p))   // E[max(K₁, K₂)], two identical geometric links
        let wait = try #require(row.metrics["meanWaitRounds"])
        let se = try #require(wait.uncertainty)
        #expect(se > 0 && se < 0.01 * expected)
        #expect(abs(wait.value - expected) <= 4 * se, "\(wait.value) ± \(se) vs \(expected)")
    }

    @Test("MC mean wait with a cutoff matches the renewal formula written out by hand")
    func meanWaitWithCutoff() async throws {
        let run = try await run()
        for row in monteCarloRows(run) where (row.number("cutoffRounds") ?? 0) > 0 {
            let p = try #require(row.number("successProbability"))
            let n = try #require(row.number("cutoffRounds"))
            // From empty: a round ends with both (p²), one (2pq) or none (q²). With one pair stored the
            // other link gets n rounds: expected rounds Σ_{d<n} q^d = (1 − qⁿ)/p, restart with prob qⁿ.
            // T = 1 + q²T + 2pq[(1 − qⁿ)/p + qⁿT]  ⇒  T = (1 + 2q(1 − qⁿ)) / (1 − q² − 2pq·qⁿ).
            let q = 1 - p, qn = pow(q, n)
            let expected = (1 + 2 * q * (1 - qn)) / (1 - q * q - 2 * p * q * qn)
            let wait = try #require(row.metrics["meanWaitRounds"])
            let se = try #require(wait.uncertainty)
            #expect(abs(wait.value - expected) <= 4 * se, "n = \(n): \(wait.value) ± \(se) vs \(expected)")
        }
    }

    @Test("MC delivered fidelity is within 4 standard errors of the closed form at every MC point")
    func fidelityAgreement() async throws {
        let run = try await run()
        for row in monteCarloRows(run) {
            let f = try #require(row.metrics["fidelity"]), a = try #require(row.number("analyticFidelity"))
            let se = try #require(f.uncertainty)
            #expect(abs(f.value - a) <= 4 * se + 1e-12, "\(row.parameters): \(f.value) ± \(se) vs \(a)")
        }
    }

    @Test("the waiting-time histogram without cutoff follows the exact law of max(K₁, K₂) (chi-square)")
    func histogramChiSquare() async throws {
        let run = try await run()
        let row = try #require(monteCarloRows(run).first { $0.number("cutoffRounds") == 0 })
        let n = Double(Self.study.base.monteCarloPairs)
        let p = try #require(row.number("successProbability"))
        let upper = try #require(row.number("histogramRounds"))
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

    @Test("without cutoff the storage changes the fidelity but not the rate; the transmon fully decoheres")
    func storageAndRate() async throws {
        let run = try await run()
        let distance = run.table.filter { $0.parameters["part"] == .string("distance") }
        let byStorage = try distance.grouped(by: "storage")
        #expect(byStorage.count == 4)
        let reference = try byStorage[0].table.values("rate")
        for group in byStorage {
            let rates = try group.table.values("rate")
            for (a, b) in zip(rates, reference) { #expect(abs(a - b) <= 1e-12 * b) }
        }
        // Transmon at 20 km: mean wait ≈ 1000 rounds of 50 µs = 50 ms ≫ T2 = 100 µs, so the earlier
        // pair is almost always fully dephased and relaxed; F → 1/4 up to the simultaneous-success
        // fraction p/(2 − p) ≈ 10⁻³.
        let transmon = try #require(byStorage.first { $0.value == .string("transmon") })
        let row = try #require(transmon.table.rows.first { $0.number("lengthKm") == 20 })
        #expect(abs((row.number("fidelity") ?? 0) - 0.25) < 0.01)
    }

    @Test("the optimal cutoff meets the target and no scanned cutoff meeting it has a higher rate (brute force)")
    func optimalCutoff() async throws {
        let run = try await run()
        let cutoff = try #require(run.derived.flatMap(\.metrics).first { $0.name == "cutoff_sr" })
        let rate = try #require(run.derived.flatMap(\.metrics).first { $0.name == "cutoffRate_sr" })
        let target = Self.study.base.targetFidelity
        // Recompute the repeater at the reported cutoff directly from the physics core.
        var p = Self.study.base
        p.storage = .ionSr
        p.lengthKm = MemoryBufferingStudy.scanLengthKm
        let model = try TwoLinkRepeaterModel(configuration: MemoryBufferingStudy.configuration(
            p, cutoffSeconds: cutoff.value / 1e3))
        // Four transfers with p = 4(1 − 0.99)/3 each scale F − 1/4 by (1 − p)⁴.
        let transfer = 4 * (1 - 0.99) / 3
        let f = 0.25 + (model.fidelity - 0.25) * pow(1 - transfer, 4)
        #expect(abs(f - target) < 2e-3, "F at the optimal cutoff \(f)")
        #expect(abs(model.rateHz - rate.value) / rate.value < 0.02)
        let scan = run.table.filter {
            $0.parameters["part"] == .string("cutoff") && $0.parameters["storage"] == .string("ion.sr88.422")
        }
        for row in scan.rows where (row.number("fidelity") ?? 0) >= target {
            #expect((row.number("rate") ?? 0) <= rate.value * 1.001)
        }
    }
}
