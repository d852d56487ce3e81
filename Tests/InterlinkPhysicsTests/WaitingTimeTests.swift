import Foundation
import Testing
@testable import InterlinkPhysics

/// Per-round simulation of two links with an optional cutoff (the protocol documented in
/// `WaitingTime.meanRoundsWithCutoff`). Returns total rounds, age difference D and which link was
/// earlier (nil if simultaneous).
func simulateTwoLinks(_ p1: Double, _ p2: Double, cutoff n: Int?, rng: inout SeededGenerator) -> (rounds: Int, d: Int, earlierIsOne: Bool?) {
    var t = 0
    while true {
        t += 1
        let s1 = rng.uniform() < p1
        let s2 = rng.uniform() < p2
        if s1 && s2 { return (t, 0, nil) }
        if s1 || s2 {
            let pw = s1 ? p2 : p1
            var age = 0
            while n == nil || age < (n ?? 0) {
                t += 1
                age += 1
                if rng.uniform() < pw { return (t, age, s1) }
            }
        }
    }
}

/// Sample mean and standard error.
func meanAndError(_ xs: [Double]) -> (Double, Double) {
    let m = xs.reduce(0, +) / Double(xs.count)
    let v = xs.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(xs.count - 1)
    return (m, (v / Double(xs.count)).squareRoot())
}

@Suite("Waiting times: closed forms against per-attempt simulation")
struct WaitingTimeTests {
    @Test("E[max of two geometrics] = (3 − 2p)/(p(2 − p)) by hand and by simulation")
    func meanMax() {
        for p in [0.05, 0.3, 0.9] {
            #expect(close(WaitingTime.meanMaxRounds(p, p), (3 - 2 * p) / (p * (2 - p))))
        }
        var rng = SeededGenerator(seed: 11)
        for (p1, p2) in [(0.1, 0.1), (0.05, 0.2)] {
            let xs = (0..<20_000).map { _ in Double(max(rng.attemptsUntilSuccess(p1), rng.attemptsUntilSuccess(p2))) }
            let (m, se) = meanAndError(xs)
            #expect(abs(m - WaitingTime.meanMaxRounds(p1, p2)) < 4 * se)
        }
    }

    @Test("Inverse-transform sampling K = ⌈ln U / ln(1 − p)⌉ has mean 1/p and P(K = 1) = p")
    func sampling() {
        var rng = SeededGenerator(seed: 3)
        let p = 0.07
        let ks = (0..<40_000).map { _ in WaitingTime.sampleRounds(successProbability: p, uniform: 1 - rng.uniform()) }
        let (m, se) = meanAndError(ks.map(Double.init))
        #expect(abs(m - 1 / p) < 4 * se)
        let ones = Double(ks.filter { $0 == 1 }.count) / Double(ks.count)
        #expect(abs(ones - p) < 4 * (p * (1 - p) / Double(ks.count)).squareRoot())
        #expect(WaitingTime.sampleRounds(successProbability: 1, uniform: 0.5) == 1)
        #expect(WaitingTime.sampleRounds(successProbability: 0, uniform: 0.5) == Int.max)
    }

    @Test("E[x^|K1 − K2|]: closed form = p(1 + qx)/((2 − p)(1 − qx)) = double series = simulation")
    func decoherenceFactor() {
        let p = 0.15, q = 1 - p, x = exp(-0.2)
        let closed = WaitingTime.expectedDecoherenceFactor(p1: p, p2: p, factorPerRound: x)
        #expect(close(closed, p * (1 + q * x) / ((2 - p) * (1 - q * x))))
        // unequal p: direct double sum over the joint geometric law
        let (p1, p2) = (0.1, 0.25)
        var series = 0.0
        for k1 in 1...600 {
            for k2 in 1...600 {
                series += p1 * pow(1 - p1, Double(k1 - 1)) * p2 * pow(1 - p2, Double(k2 - 1)) * pow(x, Double(abs(k1 - k2)))
            }
        }
        #expect(abs(WaitingTime.expectedDecoherenceFactor(p1: p1, p2: p2, factorPerRound: x) - series) < 1e-12)
        var rng = SeededGenerator(seed: 5)
        let xs = (0..<20_000).map { _ in pow(x, Double(abs(rng.attemptsUntilSuccess(p1) - rng.attemptsUntilSuccess(p2)))) }
        let (m, se) = meanAndError(xs)
        #expect(abs(m - series) < 4 * se)
        // The age distribution without cutoff gives the same expectation.
        let ages = WaitingTime.AgeDistribution(p1: p1, p2: p2, cutoffRounds: nil)
        #expect(close(ages.probabilitySimultaneous + ages.linkOneEarlier(factorPerRound: x) + ages.linkTwoEarlier(factorPerRound: x), series, 1e-12))
    }

    @Test("Cutoff: mean rounds and E[x^D | delivered] match a per-round simulation of the protocol")
    func cutoff() throws {
        var rng = SeededGenerator(seed: 99)
        let x = exp(-0.1)
        for (p1, p2, n) in [(0.1, 0.1, 5), (0.05, 0.2, 10), (0.3, 0.2, 0)] {
            var rounds: [Double] = [], factors: [Double] = []
            for _ in 0..<20_000 {
                let r = simulateTwoLinks(p1, p2, cutoff: n, rng: &rng)
                rounds.append(Double(r.rounds))
                factors.append(pow(x, Double(r.d)))
            }
            let (mr, ser) = meanAndError(rounds)
            #expect(abs(mr - WaitingTime.meanRoundsWithCutoff(p1, p2, cutoffRounds: n)) < 4 * ser)
            let ages = WaitingTime.AgeDistribution(p1: p1, p2: p2, cutoffRounds: n)
            let expected = ages.probabilitySimultaneous + ages.linkOneEarlier(factorPerRound: x) + ages.linkTwoEarlier(factorPerRound: x)
            let (mf, sef) = meanAndError(factors)
            #expect(abs(mf - expected) < 4 * max(sef, 1e-9))
            // the direct-sum path agrees with the closed form
            let direct = try ages.linkOneEarlier { pow(x, Double($0)) } + ages.linkTwoEarlier { pow(x, Double($0)) }
            #expect(close(direct, ages.linkOneEarlier(factorPerRound: x) + ages.linkTwoEarlier(factorPerRound: x), 1e-12))
        }
        // without a cutoff the cutoff formula reduces to E[max]
        #expect(close(WaitingTime.meanRoundsWithCutoff(0.1, 0.2, cutoffRounds: 100_000), WaitingTime.meanMaxRounds(0.1, 0.2), 1e-9))
        // n = 0: only simultaneous successes deliver, 1/(p1 p2)
        #expect(close(WaitingTime.meanRoundsWithCutoff(0.1, 0.2, cutoffRounds: 0), 1 / 0.02))
    }
}
