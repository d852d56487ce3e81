import Foundation
import Interlink
import Testing
@testable import Studies

/// One run shared by every test of the suite (the study is deterministic).
enum ValidationFixture {
    static let run = Task { () throws -> StudyRun in
        let options = RunOptions(jobs: 2, cacheDirectory: nil)
        return try await StudyRunner(options: options).run(ValidationStudy())
    }
}

@Suite("validation study")
struct ValidationStudyTests {
    func metric(_ name: String) async throws -> Metric {
        let run = try await ValidationFixture.run.value
        return try #require(run.derived.flatMap(\.metrics).first { $0.name == name })
    }

    @Test("Stephenson et al. 2020 is reproduced within a few per cent (hand calculation)")
    func stephenson() async throws {
        // p_true = η²/2 with η = 0.06 × 0.35 = 0.021 -> 2.205e-4; the visibility 0.88 reduces the coincidence
        // probability slightly; F ≈ (1 + 0.88)/2 = 0.94. Published: p = 2.18e-4, 182 s⁻¹, F = 0.94.
        #expect(abs(try await metric("sim_stephensonP").value - 2.18e-4) / 2.18e-4 < 0.02)
        #expect(abs(try await metric("rel_stephensonRate").value) < 2)   // per cent
        #expect(abs(try await metric("sim_stephensonF").value - 0.94) < 1e-3)
    }

    @Test("the efficiencies behind the Krutyanskiy and van Leent differences match hand calculations")
    func efficiencies() async throws {
        // Ca⁺ cavity arm: 0.69 out of the cavity × 10^(−1.28/10) insertion × 10^(−3 dB/km × 0.26 km /10) fiber
        // × 0.90 detector.
        let eta = 0.69 * pow(10, -0.128) * pow(10, -0.078) * 0.90
        #expect(abs(try await metric("krutyanskiyEtaModel").value - eta) < 1e-12)
        #expect(abs(try await metric("krutyanskiyEtaImplied").value - (8e-5).squareRoot()) < 1e-15)
        // Published p = η²/2 => the published p is far below the preset's η²/2.
        #expect(try await metric("sim_krutyanskiyP").value > 1000 * 4e-5)
        // van Leent: herald round trip 2 × 16.5 km × 1.47 / c = 161.81 µs sets the attempt period.
        let roundTrip = 2 * 16.5 * 1.47 / 299_792.458 * 1e6
        #expect(abs(try await metric("vanLeentRoundTrip").value - roundTrip) < 1e-9)
        #expect(abs(try await metric("vanLeentPeriod").value - roundTrip) < 1e-9)
        // Calibrating the efficiency brings the Krutyanskiy fidelity to within 5 % of the published 0.882.
        #expect(abs(try await metric("rel_krutyanskiyFCalibrated").value) < 5)
    }

    @Test("the Craddock beat model: F = 1 without detuning, and the fitted δ minimises the residuals (brute force)")
    func craddock() async throws {
        #expect(ValidationStudy.craddockFidelity(binNs: 10, detuningMHz: 0) == 1)
        // At 2πδT = π (δ = 50 MHz, T = 10 ns): V = sin(π)/π = 0, F = 1/2.
        #expect(abs(ValidationStudy.craddockFidelity(binNs: 10, detuningMHz: 50) - 0.5) < 1e-12)
        func sse(_ d: Double) -> Double {
            ValidationStudy.craddockBins.reduce(0) { s, b in
                let r = ValidationStudy.craddockFidelity(binNs: b.ns, detuningMHz: d) - b.fidelity
                return s + r * r
            }
        }
        let grid = (10...2500).map { Double($0) * 0.01 }
        let best = try #require(grid.min { sse($0) < sse($1) })
        #expect(abs(try await metric("craddockDetuningMHz").value - best) < 0.02)
    }

    @Test("Monte Carlo agrees with the closed forms: pulls with mean ≈ 0 and spread ≈ 1")
    func monteCarlo() async throws {
        let mean = try await metric("ratePullMean")
        #expect(abs(mean.value) < 3 * (mean.uncertainty ?? 0))
        let sd = try await metric("ratePullSd").value
        #expect(sd > 0.75 && sd < 1.3)
        let fMean = try await metric("fidelityPullMean")
        #expect(abs(fMean.value) < 3 * (fMean.uncertainty ?? 0))
        #expect(try await metric("linkFidelityGap").value == 0)
        let run = try await ValidationFixture.run.value
        #expect(run.table.rows.count == ValidationStudy.configurations)
        #expect(run.table.rows.contains { $0.number("isRepeater") == 1 })
    }
}
