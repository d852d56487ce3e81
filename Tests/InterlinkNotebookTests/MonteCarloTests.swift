import InterlinkTestSupport
import InterlinkCore
import InterlinkSim
import Foundation
import Testing
@testable import InterlinkNotebook

/// A Bernoulli(p) trial study: the Monte Carlo mean estimates p with standard error √(p(1−p)/n).
struct CoinStudy: Study {
    struct Parameters: Codable, Sendable { var p = 0.3 }
    var identifier = "coin"
    var title = "Coin"
    var summary = "Bernoulli trials."
    var version = 1
    var base = Parameters()
    var engineChoice: Engine<Parameters>
    var sweep: Sweep<Parameters> { .values(\.p, [0.3, 0.5]) }
    var engine: Engine<Parameters> { engineChoice }
}

let coinTrial: @Sendable (CoinStudy.Parameters, inout RandomStream) throws -> [Double] = { p, rng in
    [rng.nextUniform() < p.p ? 1 : 0]
}

@Suite struct MonteCarloEngine {
    @Test func fixedTrialsEstimateTheProbabilityWithItsStandardError() async throws {
        let n = 20_000
        let study = CoinStudy(engineChoice: .monteCarlo([MonteCarloOutput("success")], trials: n, coinTrial))
        let run = try await StudyRunner(options: testOptions()).run(study)
        for (row, p) in zip(run.table.rows, [0.3, 0.5]) {
            let metric = try #require(row.metrics["success"])
            let sigma = (p * (1 - p) / Double(n)).squareRoot()
            #expect(abs(metric.value - p) < 5 * sigma)
            #expect(abs((metric.uncertainty ?? 0) - sigma) < 0.05 * sigma)
            #expect(row.metrics["trials"]?.value == Double(n))
        }
    }

    /// Target half-width 0.01 at 95 %: n ≥ (1.96/0.01)²·p(1−p) = 8067 for p = 0.3 and 9604 for
    /// p = 0.5, so with batches of 1000 the loop stops at 9000 and 10000 trials (±1 batch for the
    /// sampling noise of the variance estimate).
    @Test func adaptiveTrialsStopAtTheHalfWidthTarget() async throws {
        let precision = MonteCarloPrecision.halfWidth(0.01, confidence: 0.95, minimumTrials: 1000, maximumTrials: 100_000)
        let study = CoinStudy(engineChoice: .monteCarlo([MonteCarloOutput("success")], precision: precision, batchSize: 1000, coinTrial))
        let run = try await StudyRunner(options: testOptions()).run(study)
        let trials = try run.table.values("trials")
        #expect((8000...10000).contains(trials[0]))
        #expect((9000...11000).contains(trials[1]))
        for row in run.table.rows {
            let n = row.metrics["trials"]?.value ?? 0
            let se = row.metrics["success"]?.uncertainty ?? 1
            #expect(1.96 * se <= 0.0101)
            #expect(abs(se - (0.3 * 0.7 / n).squareRoot()) < 0.2 * se || abs(se - (0.25 / n).squareRoot()) < 0.2 * se)
        }
    }

    @Test func trialCapStopsAnUnreachableTarget() async throws {
        let precision = MonteCarloPrecision.halfWidth(1e-6, minimumTrials: 100, maximumTrials: 2500)
        let study = CoinStudy(engineChoice: .monteCarlo([MonteCarloOutput("success")], precision: precision, batchSize: 1000, coinTrial))
        let run = try await StudyRunner(options: testOptions()).run(study)
        #expect(try run.table.values("trials") == [2500, 2500])
    }

    @Test func invalidSettingsAreRejectedBeforeRunning() async throws {
        let bad = CoinStudy(engineChoice: .monteCarlo([MonteCarloOutput("success")], precision: .halfWidth(-1), coinTrial))
        await #expect(throws: NotebookError.self) { try await StudyRunner(options: testOptions()).run(bad) }
        let reserved = CoinStudy(engineChoice: .monteCarlo([MonteCarloOutput("trials")], trials: 10, coinTrial))
        await #expect(throws: NotebookError.self) { try await StudyRunner(options: testOptions()).run(reserved) }
    }
}
