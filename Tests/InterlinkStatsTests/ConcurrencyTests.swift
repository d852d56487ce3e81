import Foundation
import Testing
@testable import InterlinkStats

@Suite("Use from concurrent tasks")
struct ConcurrencyTests {
    @Test("Shards summarised in parallel tasks merge to exactly the sequential shard merge")
    func parallelShards() async throws {
        var rng = SplitMix64(seed: 404)
        let data = (0..<16_000).map { _ in 5 + rng.normal() }
        let shards = (0..<16).map { Array(data[($0 * 1000)..<(($0 + 1) * 1000)]) }
        let parallel = try await withThrowingTaskGroup(of: (Int, RunningSummary).self) { group in
            for (index, shard) in shards.enumerated() {
                group.addTask { (index, try RunningSummary(shard)) }
            }
            var parts = [RunningSummary](repeating: RunningSummary(), count: shards.count)
            for try await (index, summary) in group { parts[index] = summary }
            return parts.reduce(RunningSummary()) { $0.merging($1) }
        }
        let sequential = try shards.map { try RunningSummary($0) }.reduce(RunningSummary()) { $0.merging($1) }
        #expect(parallel == sequential)
        let onePass = try RunningSummary(data)
        #expect(parallel.count == onePass.count)
        #expect(relativelyClose(try #require(parallel.variance), try #require(onePass.variance), 1e-12))
    }

    @Test("Nonlinear fits running in parallel tasks give the same bytes as a sequential fit")
    func parallelFits() async throws {
        let data = try NISTDataset.load("Misra1a")
        let model = try #require(NISTModels.model(for: "Misra1a"))
        let start = data.parameters.map { $0.starts[0] }
        let reference = try NonlinearFit(model: model, x: data.x, y: data.y, start: start)
        let results = try await withThrowingTaskGroup(of: NonlinearFit.self) { group in
            for _ in 0..<8 {
                group.addTask { try NonlinearFit(model: model, x: data.x, y: data.y, start: start) }
            }
            var all: [NonlinearFit] = []
            for try await fit in group { all.append(fit) }
            return all
        }
        #expect(results.count == 8)
        #expect(results.allSatisfy { $0 == reference })
    }
}
