import Foundation
import Interlink
import Testing
@testable import Studies

private typealias Columns = TransductionFrontierStudy.Columns

@Suite("transduction-frontier study")
struct TransductionFrontierStudyTests {
    typealias T = TransductionFrontierStudy

    static let shared = Task {
        try await StudyRunner(options: RunOptions(jobs: 2, cacheDirectory: nil)).run(TransductionFrontierStudy())
    }

    /// Fraction of a Lorentzian photon spectrum (FWHM `photon`, MHz) passed by Lorentzian filters of
    /// FWHM `filters` in series, by direct numerical integration (trapezoid on a fine grid over
    /// ±2000 photon widths; the tails beyond carry < 2·10⁻⁴ of the photon and far less once filtered).
    static func filterTransmission(photon: Double, filters: [Double]) -> Double {
        func lorentz(_ x: Double, _ w: Double) -> Double { 1 / (1 + 4 * x * x / (w * w)) }
        let span = 2000 * photon, steps = 2_000_000
        let h = 2 * span / Double(steps)
        var passed = 0.0, total = 0.0
        for i in 0...steps {
            let x = -span + Double(i) * h
            let weight = (i == 0 || i == steps) ? 0.5 : 1
            let l = lorentz(x, photon)
            total += weight * l
            passed += weight * l * filters.reduce(1) { $0 * lorentz(x, $1) }
        }
        return passed / total
    }


    /// The link at 10 km with the projected ion arm and every requirement axis ideal except those set.
    static func projected(lengthKm: Double = 10, efficiency: Double = 1, noise: Double = 0, t2: Double? = nil, modes: Int = 1,
                          noiseModes: Double? = nil) -> T.Parameters {
        var p = T.Parameters()
        p.ionArm = .projected
        p.lengthKm = lengthKm
        p.transducerEfficiency = efficiency
        p.addedNoisePhotons = noise
        p.transmonT2Seconds = t2
        p.modes = modes
        p.noiseModes = noiseModes
        return p
    }

    static func distillable(_ p: T.Parameters) throws -> Double {
        let link = try T.link(p)
        return link.rateHz * IndependentChecks.yield(link.deliveredState)
    }

    @Test("true-herald rate by hand: p = η_ion·η_SC/2 per 100 µs attempt (projected arm, η_t = 1, 10 km)")
    func trueRateByHand() throws {
        let fiber = pow(10, -0.18 * 5 / 10)
        let ionFilter = 0.9 * Self.filterTransmission(photon: 0.03, filters: [0.1])
        let scFilter = 0.9 * Self.filterTransmission(photon: 0.03, filters: [14.8, 0.1])
        // Ion: collection 0.69 × cavity coupling 10^(−1.28/10) × QFC 0.30 × filter × fiber × SNSPD 0.90.
        let ion = 0.69 * pow(10, -0.128) * 0.30 * ionFilter * fiber * 0.90
        // Transmon at η_t = 1: collection 0.9 × (transducer band and filter) × fiber × 0.90.
        let sc = 0.9 * scFilter * fiber * 0.90
        let expected = ion * sc / 2 / 100e-6
        // Noise-free closed form; the windows that must stay quiet lower it by < 1 %.
        let rate = try T.link(Self.projected()).trueHeraldRateHz
        #expect(rate <= expected * (1 + 1e-4) && rate > expected * 0.99, "\(rate) vs \(expected)")
    }

    @Test("the demonstrated arm is the calibrated preset: Krutyanskiy's p = 4e-5 at 520 m, near √(2p)/η by hand; √p scaling")
    func calibration() throws {
        let arm = ModalityPreset.arm(.calcium854Cavity)
        let link = try LinkModel(configuration: .midpoint(armA: arm, armB: arm, totalLengthKm: 0.52, scheme: .twoPhoton,
                                                          residualVisibility: 1))
        #expect(abs(link.successProbabilityPerAttempt / 4e-5 - 1) < 0.01)
        // p ≈ η²/2 (Barrett & Kok) with η = collection × 10^(−3·0.26/10) × 0.90; dark counts add false
        // heralds, so the calibrated η is a little below the noise-free √(2p).
        let eta = arm.collection.efficiency * pow(10, -0.3 * 0.26) * 0.90
        #expect(eta < (2 * 4e-5).squareRoot() && eta > 0.85 * (2 * 4e-5).squareRoot(), "\(eta)")
        // A drawn calibration probability four times larger doubles the collection (p ∝ η²).
        var p = T.Parameters()
        p.ionCalibrationProbability = 1.6e-4
        #expect(abs(try #require(try T.resolved(p).ionCollection) / arm.collection.efficiency - 2) < 1e-12)
    }

    @Test("every projected requirement agrees with an independent bisection, at F > 1/2")
    func requirementsByBisection() throws {
        for length in T.lengths {
            for rate in T.targetRates {
                let p = Self.projected(lengthKm: length)
                let best = try Self.distillable(p)
                let eta = try T.requirement(.efficiency, p, rate: rate)
                let noise = try T.requirement(.noise, p, rate: rate)
                let t2 = try T.requirement(.coherence, p, rate: rate)
                guard best >= rate else {
                    #expect(eta.value == nil && noise.value == nil && t2.value == nil)
                    continue
                }
                let checks: [(Requirement, Double, T.Parameters)] = try [
                    (eta, IndependentChecks.bisect(1e-4...1, increasing: true, target: rate) { try Self.distillable(Self.projected(lengthKm: length, efficiency: $0)) },
                     Self.projected(lengthKm: length)),
                    (noise, IndependentChecks.bisect(1e-9...10, increasing: false, target: rate) { try Self.distillable(Self.projected(lengthKm: length, noise: $0)) },
                     Self.projected(lengthKm: length)),
                    (t2, IndependentChecks.bisect(1e-6...10, increasing: true, target: rate) { try Self.distillable(Self.projected(lengthKm: length, t2: $0)) },
                     Self.projected(lengthKm: length)),
                ]
                for (found, check, _) in checks {
                    let v = try #require(found.value)
                    #expect(abs(v / check - 1) < 1e-6, "\(length) km, \(rate) ebit/s: \(v) vs \(check)")
                }
                let fidelities = try [Self.projected(lengthKm: length, efficiency: checks[0].1),
                                      Self.projected(lengthKm: length, noise: checks[1].1),
                                      Self.projected(lengthKm: length, t2: checks[2].1)].map { try T.link($0).fidelity }
                for f in fidelities { #expect(f > 0.5, "\(length) km, \(rate) ebit/s: F = \(f)") }
            }
        }
    }

    @Test("multiplexed modes: the count meets the target and one fewer does not (brute force)")
    func multiplexing() throws {
        for (length, rate) in [(100.0, 1.0), (100, 100)] {
            let m = try #require(try T.requirement(.multiplexing, Self.projected(lengthKm: length), rate: rate).value)
            #expect(try Self.distillable(Self.projected(lengthKm: length, modes: Int(m))) >= rate)
            #expect(try Self.distillable(Self.projected(lengthKm: length, modes: Int(m) - 1)) < rate)
            #expect(try T.link(Self.projected(lengthKm: length, modes: Int(m))).fidelity > 0.5)
        }
    }

    @Test("the noise requirement per mode scales exactly as 1/m: noise enters only as N_add·m")
    func noiseModes() throws {
        var products: [Double] = []
        for m in [1.0, 3, 444] {
            let v = try #require(try T.requirement(.noise, Self.projected(noiseModes: m), rate: 1).value)
            products.append(v * m)
        }
        // The model's own count with 0.1 MHz filters and a 30 µs window is 0.1 MHz × 30 µs = 3.
        #expect(try T.modelNoiseModes(T.Parameters()) == 3)
        for x in products { #expect(abs(x / products[0] - 1) < 1e-6, "\(products)") }
    }

    @Test("the demonstrated arm distills nothing even with a perfect transducer, and says so")
    func demonstratedUnreachable() throws {
        var p = T.Parameters()
        p.ionArm = .demonstrated
        p.transducerEfficiency = 1
        p.addedNoisePhotons = 0
        #expect(try Self.distillable(p) == 0)
        let r = try T.requirement(.efficiency, p, rate: 1)
        #expect(r.value == nil)
        #expect(r.text(parameter: "η_t").hasPrefix("not reachable"))
    }

    @Test("one run: headline metrics are the requirements, every tabulated requirement holds at F > 1/2")
    func studyRun() async throws {
        let run = try await Self.shared.value
        let metrics = Dictionary(run.derived.flatMap(\.metrics).map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a })
        let eta = try #require(metrics["headline_efficiency"])
        let exact = try #require(try T.requirement(.efficiency, Self.projected(), rate: 1).value)
        let low = try #require(metrics["headline_efficiency_low"]), high = try #require(metrics["headline_efficiency_high"])
        #expect(low <= eta && eta <= high && abs(eta - exact) <= (high - low) / 2)
        #expect(try T.link(Self.projected(efficiency: eta)).fidelity > 0.5)
        // The other headline inputs of the finding: N_add at η_t = 1 and the transmon T₂.
        let noise = try #require(metrics["headline_noise"]), t2 = try #require(metrics["headline_coherence"])
        #expect(try T.link(Self.projected(noise: noise)).fidelity > 0.5)
        #expect(try T.link(Self.projected(t2: t2)).fidelity > 0.5)
        #expect(abs(noise / (try #require(try T.requirement(.noise, Self.projected(), rate: 1).value)) - 1) < 0.1)
        let table = try #require(run.tables.first { $0.fileName == "requirements" }).table
        let fColumn = try #require(table.columns.firstIndex { $0.name == "F" })
        var checked = 0
        for row in table.rows {
            if case let .number(f, _) = row[fColumn] {
                #expect(f > 0.5)
                checked += 1
            }
        }
        #expect(checked >= 10)
        // Distillable rate is 0 wherever F ≤ 1/2 on the grid (no rate for non-distillable pairs).
        for row in run.table.rows where (row.number(Columns.fidelity) ?? 1) <= 0.5 {
            #expect(row.number(Columns.distillableRate) == 0)
        }
    }
}
