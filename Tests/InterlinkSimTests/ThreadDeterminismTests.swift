import InterlinkCore
import InterlinkPhysics
import Testing
@testable import InterlinkSim

/// Acceptance: the same seed on 1 and on 2 threads gives identical results to the last bit.
@Suite("Results do not depend on the thread count")
struct ThreadDeterminismTests {
    @Test("single link, repeater and architecture: 1 thread == 2 threads, bit for bit")
    func oneVersusTwo() throws {
        let stream = RandomStream(rootSeed: 2026, pointKey: "determinism", replicate: 0)
        let link = try SimulatedLink(
            successProbability: 0.013, attemptPeriodSeconds: 1e-6, heraldedState: .werner(fidelity: 0.93),
            memoryA: MemoryParameters(t2Seconds: 1e-3), memoryB: MemoryParameters(t2Seconds: 2e-3))
        let config = MetricsConfiguration.standard(minimumWaitSeconds: 1e-6)
        let l1 = try LinkSimulation.run(link, pairs: 50_000, threads: 1, stream: stream, configuration: config, chunkSize: 4096)
        let l2 = try LinkSimulation.run(link, pairs: 50_000, threads: 2, stream: stream, configuration: config, chunkSize: 4096)
        #expect(l1 == l2)
        #expect(l1.rate.bitPattern == l2.rate.bitPattern)

        let chain = try RepeaterChain(segments: [link, link], cutoff: .maximumAge(seconds: 200e-6))
        let r1 = try RepeaterSimulation.run(chain, pairs: 30_000, threads: 1, stream: stream, configuration: config, chunkSize: 4096)
        let r2 = try RepeaterSimulation.run(chain, pairs: 30_000, threads: 2, stream: stream, configuration: config, chunkSize: 4096)
        #expect(r1 == r2)
        #expect(r1.meanFidelity.bitPattern == r2.meanFidelity.bitPattern)

        let ops = LocalOperations(
            singleQubitGateFidelity: 1, singleQubitGateSeconds: 0, twoQubitGateFidelity: 0.99,
            twoQubitGateSeconds: 1e-6, readoutFidelity: 0.99, readoutSeconds: 1e-6)
        let modules = try (0..<4).map {
            try ArchitectureModule(name: "m\($0)", communicationQubits: 2, memory: MemoryParameters(), operations: ops)
        }
        let arch = try ModularArchitecture(
            modules: modules, analysers: 3, workload: RemoteGateWorkload(arrivals: .saturated(outstanding: 6))) { _, _ in link }
        let a1 = try ArchitectureSimulation.run(arch, gates: 20_000, threads: 1, stream: stream, chunkSize: 3000)
        let a2 = try ArchitectureSimulation.run(arch, gates: 20_000, threads: 2, stream: stream, chunkSize: 3000)
        #expect(a1 == a2)
    }

    @Test("different replicates give different results")
    func replicatesDiffer() throws {
        let link = try SimulatedLink(successProbability: 0.013, attemptPeriodSeconds: 1e-6, heraldedState: .werner(fidelity: 0.93))
        let a = try LinkSimulation.run(link, pairs: 1000, stream: RandomStream(rootSeed: 1, pointKey: "x", replicate: 0))
        let b = try LinkSimulation.run(link, pairs: 1000, stream: RandomStream(rootSeed: 1, pointKey: "x", replicate: 1))
        #expect(a.rate != b.rate)
    }
}
