import Foundation
import Interlink
import Testing
@testable import Studies

@Suite("modality-mix study")
struct ModalityMixStudyTests {
    /// The study with fewer gates per replicate, so the whole sweep runs in a few seconds.
    static let study: ModalityMixStudy = {
        var p = ModalityMixStudy.Parameters()
        p.gatesPerReplicate = 300
        return ModalityMixStudy(base: p)
    }()

    static func fresh() async throws -> StudyRun {
        let options = RunOptions(jobs: 2, cacheDirectory: nil)
        return try await StudyRunner(options: options).run(study)
    }

    /// One run shared by the tests (the sweep is the expensive part).
    static let shared = Task { try await fresh() }

    func run() async throws -> StudyRun { try await Self.shared.value }

    func row(_ run: StudyRun, _ a: Int, _ b: Int, _ c: Int) throws -> ResultTable.Row {
        try #require(run.table.rows.first {
            $0.number("superconducting") == Double(a) && $0.number("ions") == Double(b) && $0.number("atoms") == Double(c)
        })
    }

    @Test("the sweep visits every composition a + b + c = 8 exactly once (45 = C(10, 2))")
    func allCompositions() async throws {
        let run = try await run()
        #expect(run.table.rows.count == 45)
        var seen = Set<[Int]>()
        for r in run.table.rows {
            let n = ["superconducting", "ions", "atoms"].map { Int(r.number($0) ?? -1) }
            #expect(n.allSatisfy { $0 >= 0 } && n.reduce(0, +) == 8)
            seen.insert(n)
        }
        #expect(seen.count == 45)
    }

    @Test("Pareto front: its points are non-dominated and every other point is dominated (brute force)")
    func paretoFront() async throws {
        let run = try await run()
        let t = try run.table.values("throughput"), f = try run.table.values("meanFidelity")
        let front = Set(ModalityMixStudy.paretoFront(throughput: t, fidelity: f))
        #expect(!front.isEmpty)
        for i in t.indices {
            var dominated = false
            for j in t.indices where j != i {
                let noWorse = t[j] >= t[i] && f[j] >= f[i]
                let better = t[j] > t[i] || f[j] > f[i]
                if noWorse && better { dominated = true }
            }
            #expect(dominated != front.contains(i), "row \(i): dominated \(dominated)")
        }
        // The fastest and the most faithful compositions are always on the front.
        #expect(front.contains(try #require(t.indices.max { t[$0] < t[$1] })))
        #expect(front.contains(try #require(f.indices.max { f[$0] < f[$1] })))
        let size = try #require(run.derived.flatMap(\.metrics).first { $0.name == "frontSize" })
        #expect(size.value == Double(front.count))
    }

    @Test("all-ion and all-superconducting machines reproduce the single-link numbers by hand")
    func pureCompositions() async throws {
        let run = try await run()
        let base = Self.study.base
        // Gate factor per module (Eisert teleported CNOT, depolarising two-qubit gate):
        // p = 4(1 − F₂q)/3, factor = (1 − 15p/16)·F_ro.
        // Ion (ion.ca40.854.cavity): F₂q = 0.99, F_ro = 0.999 → p = 0.013333…, factor = 0.9875 · 0.999.
        // Transmon: F₂q = 0.99, F_ro = 0.99 → factor = 0.9875 · 0.99.
        let cases: [(ModalityMixStudy.Kind, (Int, Int, Int), Double, Double)] = [
            (.ion, (0, 8, 0), 0.9875 * 0.999, 100e-6 + 1e-3),
            (.superconducting, (8, 0, 0), 0.9875 * 0.99, 200e-9 + 500e-9),
        ]
        for (kind, c, factor, gateSeconds) in cases {
            let arm = try ModalityPreset.arm(named: kind.preset)
            let link = try LinkModel(configuration: .midpoint(
                armA: arm, armB: arm, totalLengthKm: base.lengthKm, scheme: .twoPhoton,
                residualVisibility: base.residualVisibility))
            let r = try row(run, c.0, c.1, c.2)
            // Every gate uses the same link: the fidelity is the delivered pair's times both factors.
            let fidelity = try #require(r.number("meanFidelity"))
            let expected = link.fidelity * factor * factor
            #expect(abs(fidelity - expected) < 1e-9, "\(kind): \(fidelity) vs \(expected)")
            // Mean generation time = τ / p (geometric attempts), within 4 standard errors.
            let gen = try #require(r.metrics["generationTime"])
            let meanGeneration = link.attemptPeriod.periodSeconds / link.successProbabilityPerRound
            #expect(abs(gen.value - meanGeneration) <= 4 * (gen.uncertainty ?? 0) + 1e-12,
                    "\(kind): generation \(gen.value) ± \(gen.uncertainty ?? 0) vs \(meanGeneration)")
            // Throughput bounds: at least one gate is always in service (16 outstanding), so
            // rate ≥ 1/(switch + generation + gate); at most 4 analysers generate at once, each busy
            // switch + generation per gate, so rate ≤ 4/(switch + generation).
            let rate = try #require(r.number("throughput"))
            #expect(rate >= 1 / (base.switchSeconds + meanGeneration + gateSeconds))
            #expect(rate <= Double(base.analysers) / (base.switchSeconds + meanGeneration) * 1.05)
        }
    }

    @Test("same seed, same numbers: the Monte Carlo is deterministic")
    func deterministic() async throws {
        let a = try await run(), b = try await Self.fresh()
        #expect(try a.table.values("throughput") == b.table.values("throughput"))
        #expect(try a.table.values("meanFidelity") == b.table.values("meanFidelity"))
    }
}
