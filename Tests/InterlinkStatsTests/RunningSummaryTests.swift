import Foundation
import Testing
@testable import InterlinkStats

@Suite("Streaming summaries")
struct RunningSummaryTests {
    @Test("Hand-computed mean, variance, min and max")
    func handValues() throws {
        // Data 2, 4, 4, 4, 5, 5, 7, 9: mean 40/8 = 5, Σ(x − 5)² = 9+1+1+1+0+0+4+16 = 32,
        // sample variance 32/7, population variance 32/8 = 4.
        let s = try RunningSummary([2, 4, 4, 4, 5, 5, 7, 9])
        #expect(s.count == 8)
        #expect(s.mean == 5)
        #expect(abs(try #require(s.variance) - 32.0 / 7) < 1e-15)
        #expect(s.populationVariance == 4)
        #expect(s.minimum == 2 && s.maximum == 9)
        #expect(abs(try #require(s.standardErrorOfMean) - (32.0 / 7 / 8).squareRoot()) < 1e-15)
    }

    @Test("Empty and single-value summaries have no variance")
    func degenerate() throws {
        let empty = RunningSummary()
        #expect(empty.count == 0 && empty.variance == nil && empty.minimum == nil)
        let one = try RunningSummary([3])
        #expect(one.mean == 3 && one.variance == nil && one.populationVariance == 0)
    }

    @Test("NaN and infinity are rejected and the summary is unchanged")
    func rejectsNonFinite() throws {
        var s = try RunningSummary([1, 2])
        #expect(throws: StatsError.self) { try s.add(.nan) }
        #expect(throws: StatsError.self) { try s.add(-.infinity) }
        #expect(s.count == 2 && s.mean == 1.5)
    }

    @Test("Merging 2, 4 and 16 chunks matches one pass: same count, mean to 1e-15, variance to 1e-12",
          arguments: [2, 4, 16])
    func merge(chunks: Int) throws {
        var rng = SplitMix64(seed: 7)
        // An offset mean and unequal chunk sizes make the pairwise correction term matter.
        let data = (0..<10_007).map { _ in 1e6 + 3 * rng.normal() }
        let onePass = try RunningSummary(data)
        var merged = RunningSummary()
        let size = data.count / chunks
        for c in 0..<chunks {
            let end = c == chunks - 1 ? data.count : (c + 1) * size
            merged.merge(try RunningSummary(data[(c * size)..<end]))
        }
        #expect(merged.count == onePass.count)
        #expect(relativelyClose(merged.mean, onePass.mean, 1e-15))
        #expect(relativelyClose(try #require(merged.variance), try #require(onePass.variance), 1e-12))
        #expect(merged.minimum == onePass.minimum && merged.maximum == onePass.maximum)
        // Independent check of the variance by the two-pass formula.
        let mean = data.reduce(0, +) / Double(data.count)
        let twoPass = data.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(data.count - 1)
        #expect(relativelyClose(try #require(merged.variance), twoPass, 1e-10))
    }

    @Test("Merging with an empty summary is the identity")
    func mergeEmpty() throws {
        let s = try RunningSummary([1, 2, 3])
        #expect(s.merging(RunningSummary()) == s)
        #expect(RunningSummary().merging(s) == s)
    }
}

@Suite("Weighted streaming summaries")
struct WeightedRunningSummaryTests {
    @Test("Integer frequency weights equal repeating the data")
    func frequencyWeights() throws {
        var w = WeightedRunningSummary()
        try w.add(1, weight: 3)
        try w.add(4, weight: 1)
        try w.add(6, weight: 2)
        let repeated = try RunningSummary([1, 1, 1, 4, 6, 6])
        #expect(abs(w.mean - repeated.mean) < 1e-15)
        #expect(abs(try #require(w.frequencyVariance) - (try #require(repeated.variance))) < 1e-13)
        #expect(w.totalWeight == 6 && w.count == 3)
        // Hand: mean = (3 + 4 + 12)/6 = 19/6.
        #expect(abs(w.mean - 19.0 / 6) < 1e-15)
    }

    @Test("Equal weights give the unweighted sample variance and effective sample size n")
    func equalWeights() throws {
        var w = WeightedRunningSummary()
        for x in [2.0, 4, 4, 4, 5, 5, 7, 9] { try w.add(x, weight: 0.25) }
        #expect(abs(w.mean - 5) < 1e-15)
        #expect(abs(try #require(w.variance) - 32.0 / 7) < 1e-13)
        #expect(abs(w.effectiveSampleSize - 8) < 1e-12)
    }

    @Test("Merging weighted chunks matches one pass", arguments: [2, 4, 16])
    func merge(chunks: Int) throws {
        var rng = SplitMix64(seed: 11)
        let pairs = (0..<4_096).map { _ in (100 + rng.normal(), 0.1 + rng.uniform()) }
        var onePass = WeightedRunningSummary()
        for (x, w) in pairs { try onePass.add(x, weight: w) }
        var merged = WeightedRunningSummary()
        let size = pairs.count / chunks
        for c in 0..<chunks {
            var part = WeightedRunningSummary()
            for (x, w) in pairs[(c * size)..<((c + 1) * size)] { try part.add(x, weight: w) }
            merged.merge(part)
        }
        #expect(merged.count == onePass.count)
        #expect(relativelyClose(merged.mean, onePass.mean, 1e-14))
        #expect(relativelyClose(try #require(merged.variance), try #require(onePass.variance), 1e-12))
        #expect(relativelyClose(merged.totalWeight, onePass.totalWeight, 1e-14))
    }

    @Test("Zero, negative and NaN weights are rejected")
    func badWeights() {
        var w = WeightedRunningSummary()
        #expect(throws: StatsError.self) { try w.add(1, weight: 0) }
        #expect(throws: StatsError.self) { try w.add(1, weight: -1) }
        #expect(throws: StatsError.self) { try w.add(1, weight: .nan) }
        #expect(w.count == 0)
    }
}

@Suite("Quantiles")
struct QuantileTests {
    @Test("Type-7 quantiles by hand")
    func hand() throws {
        // Sorted 1, 2, 3, 4, 5: h = 4p. p = 0.25 → h = 1 → 2; p = 0.1 → h = 0.4 → 1.4.
        #expect(try Quantile.of([5, 1, 4, 2, 3], probability: 0.25) == 2)
        #expect(abs(try Quantile.of([5, 1, 4, 2, 3], probability: 0.1) - 1.4) < 1e-15)
        // Even count: 1, 2, 3, 4, median h = 1.5 → 2.5.
        #expect(try Quantile.median([4, 3, 2, 1]) == 2.5)
        #expect(try Quantile.of([3, 1, 2], probabilities: [0, 1]) == [1, 3])
    }

    @Test("Bad inputs are rejected")
    func invalid() {
        #expect(throws: StatsError.self) { try Quantile.median([]) }
        #expect(throws: StatsError.self) { try Quantile.of([1, 2], probability: 1.5) }
        #expect(throws: StatsError.self) { try Quantile.of([1, .nan], probability: 0.5) }
    }
}
