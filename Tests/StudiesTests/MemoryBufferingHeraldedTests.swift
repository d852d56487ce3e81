import Foundation
import Interlink
import Testing
@testable import Studies

@Suite("memory-buffering: heralded transfer and the 1 ebit/s boundaries")
struct MemoryBufferingHeraldedTests {
    typealias Study = MemoryBufferingStudy

    /// Independent bisection in log10 x of metric(x) = target on [lower, upper] (the metric crosses once).
    func bisect(_ lower: Double, _ upper: Double, target: Double, increasing: Bool, _ metric: (Double) throws -> Double) rethrows -> Double {
        var a = log10(lower), b = log10(upper)
        for _ in 0..<80 {
            let m = (a + b) / 2
            let above = try metric(pow(10, m)) >= target
            if above == increasing { b = m } else { a = m }
        }
        return pow(10, (a + b) / 2)
    }

    /// The heralded requirement on `quantity` at 10 km against an independent bisection of the model; returns
    /// the point at the requirement.
    @discardableResult
    func checkAgainstBisection(_ quantity: Study.HeraldedQuantity) throws -> Study.Parameters {
        var p = Study().base
        p.lengthKm = 10
        let solved = try #require(Study.heraldedRequirement(quantity, p, rate: 1).value)
        var q = Study.heraldedPoint(p, lengthKm: 10)
        let field: WritableKeyPath<Study.Parameters, Double> = quantity == .addedNoise ? \.transferAddedNoisePhotons : \.transferTransducerEfficiency
        let other: WritableKeyPath<Study.Parameters, Double> = quantity == .addedNoise ? \.transferTransducerEfficiency : \.transferAddedNoisePhotons
        q[keyPath: other] = quantity == .addedNoise ? 0.5 : 1e-3
        let range = quantity == .addedNoise ? (1e-6, 1.0) : (1e-3, 1.0)
        let bisected = try bisect(range.0, range.1, target: 1, increasing: quantity.isMinimum) { x in
            q[keyPath: field] = x
            return try Study.heraldedDistillableRate(q)
        }
        #expect(abs(solved / bisected - 1) < 1e-6, "\(quantity): \(solved) vs \(bisected)")
        q[keyPath: field] = solved
        return q
    }

    @Test("heralded N_add requirement (10 km, η_t = 0.5) equals an independent bisection and delivers F > ½")
    func addedNoiseBoundary() throws {
        let q = try checkAgainstBisection(.addedNoise)
        let model = try #require(try Study.bestHeraldedModel(q))
        #expect(model.fidelity > 0.5)
        #expect(abs(model.distillableRateHz - 1) < 1e-6)
    }

    @Test("heralded η_t requirement (10 km, N_add = 10⁻³) equals an independent bisection")
    func efficiencyBoundary() throws {
        try checkAgainstBisection(.efficiency)
    }

    @Test("heralded boundary line of the figure: each point is a bisection root of 1 ebit/s")
    func heraldedBoundaryLine() throws {
        let p = Study().base
        let line = try Study.heraldedBoundary(p, lengthKm: 10, efficiencies: [0.3, 0.7])
        #expect(line.eta == [0.3, 0.7])
        for (eta, noise) in zip(line.eta, line.noise) {
            var q = Study.heraldedPoint(p, lengthKm: 10)
            q.transferTransducerEfficiency = eta
            let bisected = try bisect(1e-6, 1, target: 1, increasing: false) { n in
                q.transferAddedNoisePhotons = n
                return try Study.heraldedDistillableRate(q)
            }
            #expect(abs(noise / bisected - 1) < 1e-6)
        }
    }

    @Test("at 100 km the heralded transfer gives no distillable rate even with an ideal transfer transducer; the requirement says so")
    func hundredKilometres() throws {
        let perfect = Study.perfectTransferTransducer(lengthKm: 100)
        #expect(try Study.heraldedDistillableRate(perfect) == 0)
        let model = try #require(try Study.bestHeraldedModel(perfect))
        #expect(model.state.hashingYield == 0)
        var p = Study().base
        p.lengthKm = 100
        if case .unreachable = try Study.heraldedRequirement(.addedNoise, p, rate: 1) {} else {
            Issue.record("the 100 km requirement should be unreachable")
        }
    }

    @Test("deterministic map boundary: nominal infidelity at each T₂ equals a bisection and lies inside its 90 % band")
    func deterministicBand() throws {
        let band = try Study.boundaryBand(lengthKm: 100)
        #expect(band.t2.count > 10)
        var q = Study.ideal(Study().base)
        q.lengthKm = 100
        q.memoryDecays = true
        for k in [2, band.t2.count / 2, band.t2.count - 1] {
            q.memoryT2Seconds = band.t2[k]
            let bisected = bisect(1e-8, 0.75, target: 1, increasing: false) { e in
                var r = q
                r.transferInfidelity = e
                return (try? Study.distillableRate(r)) ?? .nan
            }
            #expect(abs(band.nominal[k] / bisected - 1) < 1e-6, "T₂ = \(band.t2[k]): \(band.nominal[k]) vs \(bisected)")
            #expect(band.low[k] <= band.nominal[k] && band.nominal[k] <= band.high[k])
            #expect(band.high[k] > band.low[k])
        }
    }

    @Test("the heralded transfer at the study's point: p_tr from two-photon heralding of the two arms' efficiencies")
    func transferProbability() throws {
        var q = Study.heraldedPoint(Study().base, lengthKm: 10)
        q.transferAddedNoisePhotons = 0
        q.snspdDarkCountRateHz = 0
        let link = try LinkModel(configuration: Study.transferLink(q))
        // Two-photon (Barrett–Kok) heralding: p = η_A·η_B/2 with each arm's end-to-end efficiency, no noise.
        let expected = link.armA.endToEndEfficiency * link.armB.endToEndEfficiency / 2
        #expect(abs(link.successProbabilityPerAttempt / expected - 1) < 1e-9)
        // Transmon side: collection 0.9 × transducer 0.5 × 10 m of fiber × SNSPD; memory side: 0.5 × fiber × SNSPD.
        #expect(abs(link.armA.endToEndEfficiency / link.armB.endToEndEfficiency - 0.9) < 1e-9)
    }
}
