import InterlinkCore
import Foundation
import InterlinkPhysics
import Testing
@testable import InterlinkSim

@Suite("Modular architecture")
struct ArchitectureTests {
    static let ops = LocalOperations(
        singleQubitGateFidelity: 1, singleQubitGateSeconds: 0, twoQubitGateFidelity: 0.99,
        twoQubitGateSeconds: 10e-6, readoutFidelity: 0.99, readoutSeconds: 10e-6)

    static func module(_ name: String, qubits: Int = 1, t2: Double? = nil) throws -> ArchitectureModule {
        try ArchitectureModule(name: name, communicationQubits: qubits, memory: MemoryParameters(t2Seconds: t2), operations: ops)
    }

    @Test("two modules, one port each, saturated: cycle τ/p + gate time, fidelity F·factor")
    func twoModulesSaturated() throws {
        let p = 0.01, tau = 1e-6
        let link = try SimulatedLink(successProbability: p, attemptPeriodSeconds: tau, heraldedState: .werner(fidelity: 0.9))
        let arch = try ModularArchitecture(
            modules: [Self.module("a"), Self.module("b")], analysers: 1,
            workload: RemoteGateWorkload(arrivals: .saturated(outstanding: 1))
        ) { _, _ in link }
        let out = try ArchitectureSimulation.run(arch, gates: 20_000, stream: RandomStream(rootSeed: 1, pointKey: "arch", replicate: 0))
        // Gate time max(20 µs, 20 µs); cycle 100 µs + 20 µs → 8333.3 gates/s.
        let cycle = tau / p + 20e-6
        let rel = (out.gates.waitingTime.standardErrorOfMean ?? 1) / out.gates.waitingTime.mean
        #expect(abs(out.gateRate * cycle - 1) < 4 * rel + 1e-3)
        // F_pro = 0.9·((1 − 15p₂/16)·0.99)² with p₂ = 4·0.01/3.
        let factor = (1 - 15 * (4 * 0.01 / 3) / 16) * 0.99
        #expect(abs(out.gates.meanFidelity - 0.9 * factor * factor) < 1e-12)
        // The analyser is busy τ/p of every cycle; the ports are always busy.
        #expect(abs(out.analyserUtilisation - (tau / p) / cycle) < 0.01)
        #expect(out.portUtilisation.allSatisfy { abs($0 - 1) < 0.01 })
        #expect(out.generatedPairs == 20_000)
    }

    @Test("light Poisson load: almost no queueing; throughput equals the offered load")
    func lightLoad() throws {
        let link = try SimulatedLink(successProbability: 0.1, attemptPeriodSeconds: 1e-6, heraldedState: .werner(fidelity: 0.95))
        let modules = try (0..<4).map { try Self.module("m\($0)", qubits: 2) }
        let arch = try ModularArchitecture(
            modules: modules, analysers: 4, workload: RemoteGateWorkload(arrivals: .poisson(ratePerSecond: 1000))
        ) { _, _ in link }
        let out = try ArchitectureSimulation.run(arch, gates: 20_000, stream: RandomStream(rootSeed: 2, pointKey: "light", replicate: 0))
        // Offered 1000/s; each gate holds resources ≈ 30 µs, so the load is ~3% and queueing rare.
        #expect(abs(out.gateRate - 1000) < 4 * 1000 / Double(20_000).squareRoot())
        #expect(out.queueingDelay.mean < 1e-6)
        #expect(abs(out.gates.waitingTime.mean - 10e-6) < 1e-6)
    }

    @Test("a traffic matrix routes requests only to the pairs it names")
    func trafficMatrix() throws {
        let link = try SimulatedLink(successProbability: 0.1, attemptPeriodSeconds: 1e-6, heraldedState: .werner(fidelity: 0.95))
        let m: [[Double]] = [[0, 1, 0], [0, 0, 0], [0, 0, 0]]
        let arch = try ModularArchitecture(
            modules: [Self.module("a"), Self.module("b"), Self.module("c")], analysers: 2,
            workload: RemoteGateWorkload(arrivals: .saturated(outstanding: 2), pattern: .trafficMatrix(m))
        ) { _, _ in link }
        #expect(arch.pairs.count == 1 && arch.pairs[0].first == 0 && arch.pairs[0].second == 1)
        let out = try ArchitectureSimulation.run(arch, gates: 2000, stream: RandomStream(rootSeed: 3, pointKey: "tm", replicate: 0))
        #expect(out.portBusySeconds[2] == 0 && out.portBusySeconds[0] > 0)
        #expect(throws: ParameterError.self) {
            try ModularArchitecture(
                modules: [Self.module("a"), Self.module("b")], analysers: 1,
                workload: RemoteGateWorkload(arrivals: .poisson(ratePerSecond: 1), pattern: .trafficMatrix([[0, -1], [0, 0]]))
            ) { _, _ in link }
        }
        #expect(throws: ParameterError.self) {
            try ModularArchitecture(
                modules: [Self.module("a"), Self.module("b")], analysers: 0,
                workload: RemoteGateWorkload(arrivals: .poisson(ratePerSecond: 1))) { _, _ in link }
        }
    }

    @Test("buffered pairs cut the waiting time at light load and decohere while stored")
    func buffered() throws {
        let link = try SimulatedLink(successProbability: 0.05, attemptPeriodSeconds: 1e-6, heraldedState: .werner(fidelity: 0.95))
        let mods = try [Self.module("a", qubits: 2, t2: 1e-3), Self.module("b", qubits: 2, t2: 1e-3)]
        let load = RemoteGateWorkload(arrivals: .poisson(ratePerSecond: 2000))
        let onDemand = try ModularArchitecture(modules: mods, analysers: 1, workload: load) { _, _ in link }
        let ahead = try ModularArchitecture(
            modules: mods, analysers: 1, workload: load, pairPolicy: .buffered(depth: 1, cutoff: .none)) { _, _ in link }
        let s = RandomStream(rootSeed: 4, pointKey: "buffered", replicate: 0)
        let a = try ArchitectureSimulation.run(onDemand, gates: 10_000, stream: s)
        let b = try ArchitectureSimulation.run(ahead, gates: 10_000, stream: s)
        #expect(b.gates.waitingTime.mean < 0.2 * a.gates.waitingTime.mean)
        #expect(b.gates.meanFidelity < a.gates.meanFidelity)
        let cut = try ModularArchitecture(
            modules: mods, analysers: 1, workload: load, pairPolicy: .buffered(depth: 1, cutoff: .maximumAge(seconds: 50e-6))) { _, _ in link }
        let c = try ArchitectureSimulation.run(cut, gates: 10_000, stream: s)
        #expect(c.discardedPairs > 0)
        #expect(c.gates.meanFidelity > b.gates.meanFidelity)
    }

    @Test("buffered mode cannot deadlock when buffers hold every port")
    func noDeadlock() throws {
        let link = try SimulatedLink(successProbability: 0.2, attemptPeriodSeconds: 1e-6, heraldedState: .werner(fidelity: 0.95))
        let mods = try (0..<4).map { try Self.module("m\($0)") }
        let arch = try ModularArchitecture(
            modules: mods, analysers: 2, workload: RemoteGateWorkload(arrivals: .saturated(outstanding: 1)),
            pairPolicy: .buffered(depth: 2, cutoff: .none)) { _, _ in link }
        let out = try ArchitectureSimulation.run(arch, gates: 5000, stream: RandomStream(rootSeed: 5, pointKey: "deadlock", replicate: 0))
        #expect(out.gates.delivered == 5000)
    }
}

@Suite("Architecture under overload")
struct ArchitectureOverloadTests {
    @Test("an overloaded workload is capped by the queue capacity and counts rejections")
    func overload() throws {
        let link = try SimulatedLink(successProbability: 0.01, attemptPeriodSeconds: 1e-6, heraldedState: .werner(fidelity: 0.9))
        let mods = try [ArchitectureTests.module("a"), ArchitectureTests.module("b")]
        // Capacity ≈ 1/(100 µs + 20 µs) ≈ 8300 gates/s; offer 10⁶/s.
        let arch = try ModularArchitecture(
            modules: mods, analysers: 1,
            workload: RemoteGateWorkload(arrivals: .poisson(ratePerSecond: 1e6), queueCapacity: 50)) { _, _ in link }
        let out = try ArchitectureSimulation.run(arch, gates: 2000, stream: RandomStream(rootSeed: 9, pointKey: "overload", replicate: 0))
        #expect(out.gates.delivered == 2000)
        #expect(out.rejectedRequests > 100_000)
        #expect(abs(out.gateRate * 120e-6 - 1) < 0.1)
    }
}
