import Foundation
import Testing
import InterlinkCore
@testable import InterlinkStats

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
        #expect(throws: ParameterError.self) { try w.add(1, weight: 0) }
        #expect(throws: ParameterError.self) { try w.add(1, weight: -1) }
        #expect(throws: ParameterError.self) { try w.add(1, weight: .nan) }
        #expect(w.count == 0)
    }
}
