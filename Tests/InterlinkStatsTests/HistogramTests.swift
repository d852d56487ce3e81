import Foundation
import Testing
import InterlinkCore
@testable import InterlinkStats

@Suite("Histograms")
struct HistogramTests {
    @Test("Linear bins: edges, half-open placement, underflow and overflow")
    func linear() throws {
        var h = try Histogram(binning: .linear(lower: 0, upper: 1, count: 10))
        #expect(h.edges.count == 11 && h.edges[3] == 0.3 && h.edges.last == 1)
        try h.add(contentsOf: [0, 0.05, 0.1, 0.3, 0.999, 1, -0.1, .infinity])
        #expect(h.counts[0] == 2)          // 0 and 0.05
        #expect(h.counts[1] == 1)          // 0.1 sits on the edge: bin [0.1, 0.2)
        #expect(h.counts[3] == 1)          // 0.3 is the stored edge 0.3: bin [0.3, 0.4)
        #expect(h.counts[9] == 1)
        #expect(h.underflow == 1 && h.overflow == 2)   // 1 (upper edge) and +∞
        #expect(h.total == 5)
    }

    @Test("Logarithmic bins: decade edges and geometric centres")
    func logarithmic() throws {
        var h = try Histogram(binning: .logarithmic(lower: 1e-3, upper: 1e3, count: 6))
        let expected = [1e-3, 1e-2, 1e-1, 1, 1e1, 1e2, 1e3]
        for (edge, value) in zip(h.edges, expected) { #expect(relativelyClose(edge, value, 1e-14)) }
        try h.add(contentsOf: [2e-3, 0.5, 1, 9.99, 500])
        #expect(h.counts == [1, 0, 1, 2, 0, 1])
        #expect(relativelyClose(h.centers[3], (10.0).squareRoot(), 1e-14))
    }

    @Test("Merging shards equals one histogram over all the data; density integrates to 1")
    func merge() throws {
        var rng = SplitMix64(seed: 12)
        let data = (0..<5000).map { _ in rng.normal() }
        let binning = Histogram.Binning.linear(lower: -3, upper: 3, count: 24)
        var whole = try Histogram(binning: binning)
        try whole.add(contentsOf: data)
        var merged = try Histogram(binning: binning)
        for shard in 0..<4 {
            var part = try Histogram(binning: binning)
            try part.add(contentsOf: data[(shard * 1250)..<((shard + 1) * 1250)])
            try merged.merge(part)
        }
        #expect(merged == whole)
        let integral = zip(whole.density, zip(whole.edges, whole.edges.dropFirst())).reduce(0) { $0 + $1.0 * ($1.1.1 - $1.1.0) }
        #expect(abs(integral - 1) < 1e-12)
    }

    @Test("Invalid binning, mismatched merges, NaN and bad weights throw")
    func invalid() throws {
        #expect(throws: ParameterError.self) { try Histogram(binning: .linear(lower: 1, upper: 1, count: 3)) }
        #expect(throws: ParameterError.self) { try Histogram(binning: .linear(lower: 0, upper: 1, count: 0)) }
        #expect(throws: ParameterError.self) { try Histogram(binning: .logarithmic(lower: 0, upper: 1, count: 3)) }
        var a = try Histogram(binning: .linear(lower: 0, upper: 1, count: 3))
        let b = try Histogram(binning: .linear(lower: 0, upper: 1, count: 4))
        #expect(throws: ParameterError.self) { try a.merge(b) }
        #expect(throws: ParameterError.self) { try a.add(.nan) }
        #expect(throws: ParameterError.self) { try a.add(0.5, weight: 0) }
        #expect(a.total == 0)
    }
}

@Suite("Histogram edges: overflow and resolution")
struct HistogramEdgeTests {
    @Test("Logarithmic bins over 1e-200 ... 1e200: finite edges 1e-200, 1e-100, 1, 1e100, 1e200")
    func logarithmicWithoutOverflow() throws {
        var h = try Histogram(binning: .logarithmic(lower: 1e-200, upper: 1e200, count: 4))
        let expected = [1e-200, 1e-100, 1, 1e100, 1e200]
        #expect(h.edges.count == expected.count)
        for (edge, value) in zip(h.edges, expected) { #expect(relativelyClose(edge, value, 1e-12), "\(edge)") }
        try h.add(contentsOf: [1e-150, 1e-50, 1e50, 1e150, 1e199])
        #expect(h.counts == [1, 1, 1, 2])
        #expect(h.centers.allSatisfy { $0.isFinite })
    }

    @Test("Logarithmic bins over the whole positive Double range: finite and increasing")
    func logarithmicFullRange() throws {
        let h = try Histogram(binning: .logarithmic(lower: 1e-300, upper: 1e300, count: 6))
        let expected = [1e-300, 1e-200, 1e-100, 1, 1e100, 1e200, 1e300]
        for (edge, value) in zip(h.edges, expected) { #expect(relativelyClose(edge, value, 1e-12), "\(edge)") }
        #expect(h.binIndex(of: 3e150) == 4)
    }

    @Test("Bins narrower than Double resolves are rejected with the binning named")
    func tooNarrow() {
        let one = 1.0
        #expect(throws: ParameterError.self) { try Histogram(binning: .linear(lower: one, upper: one.nextUp, count: 4)) }
        #expect(throws: ParameterError.self) { try Histogram(binning: .logarithmic(lower: one, upper: one.nextUp.nextUp, count: 8)) }
        do {
            _ = try Histogram(binning: .linear(lower: 0, upper: 4 * Double.leastNonzeroMagnitude, count: 8))
            Issue.record("expected an error")
        } catch let error as ParameterError {
            #expect(error.description.contains("binning"))
            #expect(error.description.contains("strictly increasing"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
