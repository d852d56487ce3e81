import Foundation
import Interlink
import Testing
@testable import Studies

@Suite("transduction-frontier study")
struct TransductionFrontierStudyTests {
    func run() async throws -> StudyRun {
        let options = RunOptions(jobs: 2, cacheDirectory: nil)
        return try await StudyRunner(options: options).run(TransductionFrontierStudy())
    }

    func derived(_ run: StudyRun, _ name: String) throws -> Metric {
        try #require(run.derived.flatMap(\.metrics).first { $0.name == name })
    }

    /// Fiber transmission of half of the 0.1 km link at 0.18 dB/km.
    let fiber = pow(10, -0.18 * 0.05 / 10)

    @Test("one run: break-even efficiency by hand, η* = 2τ·R/(η_ion·η_SC/η_t); F falls with N_add; F < 0.99 everywhere")
    func studyRun() async throws {
        let run = try await run()
        try breakEvenByHand(run)
        try fidelityMonotone(run)
    }

    func breakEvenByHand(_ run: StudyRun) throws {
        // Ion arm: collection 0.69 × cavity coupling 10^(−1.28/10) × QFC 0.30 × fiber × SNSPD 0.90.
        let ion = 0.69 * pow(10, -0.128) * 0.30 * fiber * 0.90
        // Transmon arm per unit η_t: collection 0.9 × transducer band 14.8/(0.03 + 14.8) × fiber × 0.90.
        let perEta = 0.9 * (14.8 / 14.83) * fiber * 0.90
        // Period: the ion's 100 µs attempt time (its 10 kHz repetition limit gives the same).
        let expected = 2 * 100e-6 * 1.0 / (ion * perEta)
        let value = try derived(run, "breakEvenEfficiencyNear").value
        #expect(abs(value - expected) / expected < 1e-6, "\(value) vs \(expected)")
    }

    @Test("the break-even root satisfies rate(η*) = target, and its uncertainty is the propagated 10 % of the QFC efficiency")
    func breakEvenRoot() throws {
        let p = TransductionFrontierStudy.Parameters()
        let metric = try TransductionFrontierStudy.breakEvenWithUncertainty(p, lengthKm: p.lengthKm)
        let rate = try TransductionFrontierStudy.link(p, efficiency: metric.value).trueHeraldRateHz
        #expect(abs(rate - p.targetRateHz) / p.targetRateHz < 1e-8)
        // η* ∝ 1/η_QFC, so re-solving at 0.9 and 1.1 times η_QFC gives a relative half-spread
        // of (1/0.9 − 1/1.1)/2 = 0.10101…
        let relative = try #require(metric.uncertainty) / metric.value
        let expected: Double = (1 / 0.9 - 1 / 1.1) / 2
        #expect(abs(relative - expected) < 1e-6)
    }

    @Test("the noise threshold is where F = 0.9")
    func noiseThreshold() throws {
        let p = TransductionFrontierStudy.Parameters()
        let threshold = try TransductionFrontierStudy.noiseThreshold(p, efficiency: 0.087, fidelity: 0.9)
        let f = try TransductionFrontierStudy.link(p, efficiency: 0.087, addedNoise: threshold.value).fidelity
        #expect(abs(f - 0.9) < 1e-6)
    }

    /// Fidelity falls monotonically with added noise; the report's claim that F = 0.99 is reached
    /// nowhere on the grid holds.
    func fidelityMonotone(_ run: StudyRun) throws {
        for group in try run.table.grouped(by: "transducerEfficiency") {
            let fidelities = try group.table.values("fidelity")
            #expect(zip(fidelities, fidelities.dropFirst()).allSatisfy { $0 >= $1 - 1e-12 })
        }
        // The report states that F = 0.99 is reached nowhere on the grid.
        #expect(try derived(run, "maxFidelityOnGrid").value < 0.99)
        let points: Int = 41 * 41
        #expect(run.table.rows.count == points)
    }

    @Test("true-pair rate is linear in η_t and independent of N_add (p_t = η_A·η_B/2)")
    func rateLinear() throws {
        let p = TransductionFrontierStudy.Parameters()
        let a = try TransductionFrontierStudy.link(p, efficiency: 0.01, addedNoise: 0.001).trueHeraldRateHz
        let b = try TransductionFrontierStudy.link(p, efficiency: 0.02, addedNoise: 5).trueHeraldRateHz
        #expect(abs(b / a - 2) < 1e-9)
    }
}
