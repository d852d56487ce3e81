import InterlinkCore
import Testing
@testable import InterlinkBenchmarks

@Suite("Benchmark scenarios")
struct SimBenchmarkTests {
    @Test("every scenario runs at a tiny scale and reports consistent numbers")
    func smoke() throws {
        let results = try SimBenchmark.run(threads: 2, scale: 0.002)
        #expect(results.map(\.name) == [
            "floor.geometric-draw", "link.2x10km", "link.2x75km", "repeater.2-link.decoherence+cutoff",
            "architecture.8-module.mixed",
        ])
        for r in results {
            #expect(r.nanosecondsPerDelivery > 0 && r.deliveries > 0 && r.speedup > 0)
            #expect(abs(r.deliveriesPerSecondPerCore * r.nanosecondsPerDelivery - 1e9) < 1e-3)
        }
        #expect(results[0].ratioToFloor == 1)
    }

    @Test("the scenarios are physical: 2 × 75 km is lossier than 2 × 10 km")
    func scenarios() throws {
        let short = try SimBenchmark.link(totalKm: 20)
        let long = try SimBenchmark.link(totalKm: 150)
        #expect(long.successProbability < short.successProbability)
        let arch = try SimBenchmark.architecture()
        #expect(arch.modules.count == 8 && arch.pairs.count == 28)
        #expect(throws: ParameterError.self) { try SimBenchmark.run(threads: 0) }
    }
}
