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
        // p_true = η²/2 with η = 0.06 × 0.35 × 10^(−30 dB/km × 0.001 km/10) = 0.02086 -> 2.175e-4; F ≈ (1 + 0.88)/2 = 0.94.
        // Published: p = 2.18e-4, 182 s⁻¹, F = 0.94.
        #expect(abs(try await metric("sim_stephensonP").value - 2.18e-4) / 2.18e-4 < 0.02)
        #expect(abs(try await metric("ratio_stephensonRate").value - 1) < 0.02)
        #expect(abs(try await metric("sim_stephensonF").value - 0.94) < 1e-3)
    }

    @Test("every calibration check passes; the projected presets miss by the factors of the hand calculation")
    func calibration() async throws {
        let checks = try await metric("calibrationChecks").value
        #expect(checks == 7)   // Stephenson p, rate, F; Krutyanskiy p, F; van Leent rate, F
        #expect(try await metric("calibrationPasses").value == checks)
        // Projected Ca⁺ arm in the 520 m link: 0.69 × 10^(−1.28/10) × 10^(−3 × 0.26/10) × 0.90, p ≈ η²/2.
        let eta = 0.69 * pow(10, -0.128) * pow(10, -0.078) * 0.90
        #expect(abs(try await metric("krutyanskiyEtaProjected").value - eta) < 1e-12)
        #expect(abs(try await metric("krutyanskiyProjectedRatioP").value - eta * eta / 2 / 4e-5) / (eta * eta / 2 / 4e-5) < 0.01)
        // Demonstrated arm: collection 0.0104 × fiber 10^(−0.078) × 0.90.
        #expect(abs(try await metric("krutyanskiyEtaModel").value - 0.0104 * pow(10, -0.078) * 0.90) < 1e-12)
        // van Leent: herald round trip 2 × 16.5 km × 1.47 / c = 161.81 µs sets the attempt period.
        let roundTrip = 2 * 16.5 * 1.47 / 299_792.458 * 1e6
        #expect(abs(try await metric("vanLeentRoundTrip").value - roundTrip) < 1e-9)
        #expect(abs(try await metric("vanLeentPeriod").value - roundTrip) < 1e-9)
        // Projected Rb (collection 0.10) against the demonstrated 0.00693: rate × (0.10/0.00693)².
        #expect(abs(try await metric("vanLeentProjectedRatioRate").value / pow(0.10 / 0.00693, 2) - 1) < 0.02)
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

@Suite("validation study: Kurpiers 2018 and Zalewski 2025")
struct ValidationNewExperimentTests {
    @Test("Kurpiers et al. 2018 recomputed by hand: amplitude damping of η, then T2 dephasing of both transmons")
    func kurpiers() throws {
        let eta = 0.981 * pow(10, -(0.1 * 0.9 + 0.8) / 10)
        let r = eta.squareRoot()
        let fLoss = (1 + r) * (1 + r) / 4, zLoss = (1 - r) * (1 - r) / 4
        // Dephasing: Z with probability (1 − c_A c_B)/2 moves weight between λ_I and λ_Z.
        func dephased(_ tA: Double, _ tB: Double) -> Double {
            let pz = (1 - exp(-tA / 10e-6) * exp(-tB / 10e-6)) / 2
            return fLoss * (1 - pz) + zLoss * pz
        }
        let transfer = 180e-9 + 0.9 / (0.7 * 299_792_458)
        let e = try ValidationStudy.kurpiers(.remoteEntanglement)
        #expect(abs(e.fidelity - dephased(transfer, 90e-9)) < 1e-12)
        let t = try ValidationStudy.kurpiers(.stateTransfer)
        #expect(abs(t.fidelity - dephased(90e-9, 90e-9)) < 1e-12)
        let c = try #require(try ValidationStudy.comparisons().first { $0.key == "kurpiersEntanglementF" })
        #expect(abs(c.ratio - dephased(transfer, 90e-9) / 0.789) < 1e-12)
        #expect(abs((c.ratioUncertainty ?? 0) - c.ratio * 0.001 / 0.789) < 1e-15)
    }

    @Test("Zalewski et al. 2025: per-attempt ratio = fiber transmission 10^(−0.7·2.8/10); field F just below the calibrated 0.949")
    func zalewski() throws {
        let list = try ValidationStudy.comparisons()
        let ratio = try #require(list.first { $0.key == "zalewskiRateRatio" })
        #expect(abs(ratio.simulated - pow(10, -0.196)) < 1e-4)
        #expect(abs(ratio.published.value - 15.9 / 350) < 1e-15)
        let f = try #require(list.first { $0.key == "zalewskiFieldF" })
        // Hand: analyser heralds p_t = η(1 − q), p_f = (1 − η)·2q(1 − q) (SNSPD: q = 1 − e^(−10 Hz·100 ns)), the
        // spin–photon state has λ_I = 0.949 and λ_Z = p/4 with p = 4(1 − 0.949)/3; the ion then dephases for the
        // round trip 2 × 2.8 km × 1.47/c with T2 = 85 ms.
        let q = -expm1(-10 * 100e-9)
        func heralded(_ eta: Double) -> (f: Double, z: Double) {
            let pt = eta * (1 - q), pf = (1 - eta) * 2 * q * (1 - q)
            let z = (1 - 0.949) / 3
            return ((pt * 0.949 + pf / 4) / (pt + pf), (pt * z + pf / 4) / (pt + pf))
        }
        let lab = heralded(0.06 * 0.90)
        #expect(abs(try ValidationStudy.zalewski(lengthKm: 0).fidelity - lab.f) < 1e-12)
        let field = heralded(0.06 * 0.90 * pow(10, -0.196))
        let pz = (1 - exp(-2 * 2.8 * 1.47 / 299_792.458 / 0.085)) / 2
        #expect(abs(f.simulated - (field.f * (1 - pz) + field.z * pz)) < 1e-12)
    }
}

@Suite("validation study report")
struct ValidationReportTests {
    @Test("the report renders the Kurpiers and Zalewski findings with published values, model values and ratios")
    func report() async throws {
        let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("templates")
        let text = try StudyReport(templates: try ReportTemplates(directory: templates))
            .markdown(for: try await ValidationFixture.run.value)
        #expect(text.contains("**Kurpiers et al. 2018 (transmons, deterministic microwave link).**"))
        #expect(text.contains("**Zalewski et al. 2025 (Sr⁺, 1092 nm, 2.8 km).**"))
        #expect(text.contains("| Kurpiers et al. 2018 |"))
        // The presets table lists the three demonstrated presets with their experiments, and no relative differences remain.
        #expect(text.contains("| `ion.ca40.854.cavity` | demonstrated | Krutyanskiy et al., PRL 130, 050803 (2023)"))
        #expect(text.contains("| `atom.rb87.780` | demonstrated |"))
        #expect(!text.contains("CALIBRATION FAILS"))
        #expect(!text.contains("× 10⁵ %"))
        #expect(!text.contains("{{"))
    }
}
