import Foundation
import Testing
import InterlinkCore
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
        #expect(throws: ParameterError.self) { try s.add(.nan) }
        #expect(throws: ParameterError.self) { try s.add(-.infinity) }
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
