import Foundation
import InterlinkArchitecture
import InterlinkCircuits
import InterlinkCore
import InterlinkPhysics
import Testing

@Suite("Execution: acceptance checks")
struct ExecutionAcceptanceTests {
    @Test("a GHZ state across k modules consumes k − 1 pairs with teleported gates", arguments: [2, 3, 4, 6])
    func ghzPairs(_ k: Int) throws {
        let modules = (0..<k).map { _ in Fixtures.module(dataQubits: 3) }
        let machine = try Machine(.star(modules, through: SwitchDescription(modules: [], analysers: 2)))
        let circuit = try Circuit.ghz(qubits: 3 * k)
        // Blocks of three consecutive qubits per module: the chain crosses a module boundary k − 1 times.
        let placement = (0..<(3 * k)).map { $0 / 3 }
        let e = try MachineExecution(machine: machine, circuit: circuit, options: Fixtures.options(placement))
        #expect(e.pairsPerShot == k - 1)
        let s = try e.run(shots: 5, stream: Fixtures.stream)
        #expect(s.pairsConsumed == k - 1)
        #expect(s.pairsGenerated == Double(k - 1))
        // METIS finds the same contiguous cut.
        let placed = try MachineExecution(machine: machine, circuit: circuit)
        #expect(placed.pairsPerShot == k - 1)
    }

    @Test("a circuit without cross-module gates consumes no pair; its makespan is the local critical path")
    func localOnly() throws {
        // Two independent GHZ chains of 3 and 5 qubits on a fast and a slow module.
        let fast = Fixtures.module("transmon.transducer.eo", dataQubits: 3, oneQubit: 2e-8, twoQubit: 2e-7)
        let slow = Fixtures.module("ion.ca40.854.cavity", dataQubits: 5, oneQubit: 1e-5, twoQubit: 1e-4)
        let machine = try Machine(.line([fast, slow], link: Fixtures.link(p: 0.01, tau: 1e-3)))
        var circuit = try Circuit(qubits: 8)
        try circuit.append("h", 0)
        for i in 0..<2 { try circuit.append("cx", i, i + 1) }
        try circuit.append("h", 3)
        for i in 3..<7 { try circuit.append("cx", i, i + 1) }
        let e = try MachineExecution(machine: machine, circuit: circuit,
                                     options: Fixtures.options([0, 0, 0, 1, 1, 1, 1, 1]))
        let s = try e.run(shots: 3, stream: Fixtures.stream)
        #expect(s.pairsConsumed == 0)
        #expect(s.pairsGenerated == 0)
        // Hand calculation: max(2e-8 + 2·2e-7, 1e-5 + 4·1e-4).
        let expected = max(2e-8 + 2 * 2e-7, 1e-5 + 4 * 1e-4)
        #expect(abs(s.makespan.mean - expected) < 1e-15)
        #expect(s.makespan.standardError == 0)
    }

    @Test("with instantaneous perfect links the makespan equals the monolithic schedule on the slowest module")
    func instantaneousLinks() throws {
        // Readout and latency zero: the interconnect then adds nothing to a teleported gate.
        let slow = Fixtures.module("ion.ca40.854.cavity", dataQubits: 4, comm: 4, oneQubit: 1e-5, twoQubit: 1e-4, readout: 0)
        let fast = Fixtures.module("transmon.transducer.eo", dataQubits: 4, comm: 4, oneQubit: 2e-8, twoQubit: 2e-7, readout: 0)
        let machine = try Machine(.allToAll([slow, fast, fast], link: Fixtures.link(p: 1, tau: 0)))
        // Fan-out from qubit 0 on the slow module: every gate involves the slow module.
        var fan = try Circuit(qubits: 7)
        try fan.append("h", 0)
        for i in 1..<7 { try fan.append("cx", 0, i) }
        let e = try MachineExecution(machine: machine, circuit: fan, options: Fixtures.options([0, 1, 1, 1, 2, 2, 2]))
        let s = try e.run(shots: 2, stream: Fixtures.stream)
        #expect(s.pairsConsumed == 6)
        #expect(abs(s.makespan.mean - (1e-5 + 6 * 1e-4)) < 1e-15)
        #expect(abs(s.fidelity.mean - 1) < 1e-12)
        // QFT on three identical slow modules: the monolithic critical path from the dependency graph.
        let qft = try Circuit.qft(qubits: 9)
        let slowMachine = try Machine(.allToAll([slow, slow, slow], link: Fixtures.link(p: 1, tau: 0)))
        let q = try MachineExecution(machine: slowMachine, circuit: qft,
                                     options: Fixtures.options([0, 1, 2, 0, 1, 2, 0, 1, 2]))
        let monolithic = try qft.criticalPathLength { $0.arity == 1 ? 1e-5 : 1e-4 }
        let run = try q.run(shots: 2, stream: Fixtures.stream)
        #expect(abs(run.makespan.mean - monolithic) < 1e-12)
        #expect(run.pairsConsumed > 0)
    }

    @Test("bursts never use more pairs than teleported gates", arguments: [1 as UInt64, 2, 3, 4, 5])
    func burstsSavePairs(_ seed: UInt64) throws {
        let modules = (0..<3).map { _ in Fixtures.module(dataQubits: 4, comm: 3) }
        let machine = try Machine(.allToAll(modules, link: Fixtures.link(p: 0.5, tau: 1e-6)))
        let circuits = [try Circuit.randomLayered(qubits: 12, layers: 6, seed: seed), try Circuit.qft(qubits: 12)]
        for circuit in circuits {
            var placement = Array(0..<12).map { $0 % 3 }
            var rng = seed
            for i in stride(from: 11, to: 0, by: -1) {  // a seeded shuffle of the placement
                rng = rng &* 6364136223846793005 &+ 1442695040888963407
                placement.swapAt(i, Int((rng >> 33) % UInt64(i + 1)))
            }
            let teleported = try MachineExecution(machine: machine, circuit: circuit, options: Fixtures.options(placement))
            let burst = try MachineExecution(machine: machine, circuit: circuit,
                                             options: Fixtures.options(placement, strategy: .burst))
            #expect(burst.pairsPerShot <= teleported.pairsPerShot)
            _ = try burst.run(shots: 2, stream: Fixtures.stream)
        }
    }

    @Test("a burst serves consecutive gates controlled by one qubit with one pair")
    func burstByHand() throws {
        let machine = try Machine(.line([Fixtures.module(), Fixtures.module()], link: Fixtures.link()))
        var c = try Circuit(qubits: 4)
        for t in 1..<4 { try c.append("cx", 0, t) }   // one burst: 1 pair instead of 3
        try c.append("h", 0)                          // ends the burst
        try c.append("cp", 1, 0, parameters: [0.3])   // qubit 0 is cp's second operand, still diagonal: new burst
        let burst = try MachineExecution(machine: machine, circuit: c, options: Fixtures.options([0, 1, 1, 1], strategy: .burst))
        let teleported = try MachineExecution(machine: machine, circuit: c, options: Fixtures.options([0, 1, 1, 1]))
        #expect(burst.pairsPerShot == 2)
        #expect(teleported.pairsPerShot == 4)
    }

    @Test("a single idle qubit decoheres by the closed form (1 + e^(−t/T₁) + 2e^(−t/T₂))/4")
    func idleQubit() throws {
        let t1 = 0.01, t2 = 0.005, gate = 1e-3
        let module = Fixtures.module(dataQubits: 2, oneQubit: gate, twoQubit: 1e-4, t1: t1, t2: t2)
        let machine = try Machine(MachineDescription(modules: [module]))
        var c = try Circuit(qubits: 2)
        try c.append("h", 0)
        for _ in 0..<3 { try c.append("h", 1) }
        try c.append("cz", 0, 1)
        let s = try MachineExecution(machine: machine, circuit: c, options: Fixtures.options([0, 0]))
            .run(shots: 1, stream: Fixtures.stream)
        let idle = 2 * gate  // qubit 0 waits from its h (ends at 1 ms) to the cz (starts at 3 ms)
        let expected = (1 + exp(-idle / t1) + 2 * exp(-idle / t2)) / 4
        #expect(abs(s.fidelity.mean - expected) < 1e-12)
    }

    @Test("Monte Carlo makespans of a chain of remote gates on one link match the sum of geometric waits")
    func geometricChain() throws {
        let p = 0.2, tau = 1e-6, n = 20, shots = 4000
        let twoQubit = 1e-5, readout = 2e-5, latency = 3e-7
        let module = Fixtures.module(dataQubits: 1, comm: 1, twoQubit: twoQubit, readout: readout)
        let machine = try Machine(.line([module, module], link: Fixtures.link(p: p, tau: tau, latency: latency)))
        var c = try Circuit(qubits: 2)
        for _ in 0..<n { try c.append("cx", 0, 1) }
        let s = try MachineExecution(machine: machine, circuit: c, options: Fixtures.options([0, 1]))
            .run(shots: shots, stream: Fixtures.stream)
        // Each gate waits K·τ (K geometric, mean 1/p, variance (1 − p)/p²) then takes t₂ + t_ro + L.
        let mean = Double(n) * (tau / p + twoQubit + readout + latency)
        let sd = (Double(n) * tau * tau * (1 - p) / (p * p)).squareRoot()
        let se = sd / Double(shots).squareRoot()
        #expect(abs(s.makespan.mean - mean) < 4 * se, "mean \(s.makespan.mean) vs \(mean) ± \(se)")
        #expect(abs(s.makespan.standardError - se) < 0.1 * se)
        #expect(s.pairsConsumed == n)
        #expect(s.bottleneck.contains("operations"))
        // The whole schedule is one chain, so the critical path is everything: the latency share is
        // n·L / makespan exactly, generation n·τ/p / makespan in expectation.
        #expect(abs((s.sharesByKind["classical"] ?? 0) - Double(n) * latency / s.makespan.mean) < 1e-9)
        let generation = Double(n) * tau / p / mean
        #expect(abs((s.sharesByKind["generation"] ?? 0) - generation) < 0.02 * generation)
        #expect(abs((s.sharesByKind["operations"] ?? 0) - Double(n) * (twoQubit + readout) / s.makespan.mean) < 1e-9)
    }

    @Test("a Toffoli with its controls on two other modules takes one pair per remote control")
    func toffoli() throws {
        let modules = (0..<3).map { _ in Fixtures.module(dataQubits: 1, comm: 2, twoQubit: 1e-5, readout: 1e-4) }
        let machine = try Machine(.allToAll(modules, link: Fixtures.link()))
        var c = try Circuit(qubits: 3)
        try c.append("ccx", 0, 1, 2)
        let e = try MachineExecution(machine: machine, circuit: c, options: Fixtures.options([0, 1, 2]))
        #expect(e.pairsPerShot == 2)
        // Two sequential two-qubit gates at the slowest module, one readout, no latency, instant pairs.
        let s = try e.run(shots: 1, stream: Fixtures.stream)
        #expect(abs(s.makespan.mean - (2 * 1e-5 + 1e-4)) < 1e-15)
    }

    @Test("a pair routed through a relay is the swap of the two hops' pairs (Werner closed form)")
    func multiHop() throws {
        let module = Fixtures.module(dataQubits: 1, comm: 2, twoQubit: 0, readout: 0)
        let f1 = 0.95, f2 = 0.9
        var l1 = Fixtures.link(fidelity: f1), l2 = Fixtures.link(fidelity: f2)
        l1.modules = [0, 1]
        l2.modules = [1, 2]
        let machine = try Machine(MachineDescription(modules: [module, module, module], links: [l1, l2]))
        var c = try Circuit(qubits: 2)
        try c.append("cx", 0, 1)
        let e = try MachineExecution(machine: machine, circuit: c, options: Fixtures.options([0, 2]))
        #expect(e.pairsPerShot == 1)
        #expect(e.elementaryPairsPerShot == 2)
        let s = try e.run(shots: 1, stream: Fixtures.stream)
        // Dür & Briegel 2007: F = F₁F₂ + (1 − F₁)(1 − F₂)/3 for Werner inputs and a perfect swap.
        #expect(abs(s.fidelity.mean - (f1 * f2 + (1 - f1) * (1 - f2) / 3)) < 1e-12)
    }

    @Test("moves carry a qubit to the other module once; later gates there are local")
    func moves() throws {
        let machine = try Machine(.line([Fixtures.module(dataQubits: 2), Fixtures.module(dataQubits: 3)], link: Fixtures.link()))
        var c = try Circuit(qubits: 3)
        for _ in 0..<4 { try c.append("cx", 0, 1) }
        try c.append("cx", 0, 2)
        let moved = try MachineExecution(machine: machine, circuit: c, options: Fixtures.options([0, 1, 1], strategy: .move))
        #expect(moved.pairsPerShot == 1)
        let teleported = try MachineExecution(machine: machine, circuit: c, options: Fixtures.options([0, 1, 1]))
        #expect(teleported.pairsPerShot == 5)
    }

    @Test("buffered pairs shorten a chain; a short cutoff discards pairs")
    func buffered() throws {
        let module = Fixtures.module(dataQubits: 1, comm: 3, twoQubit: 1e-4, readout: 1e-4)
        let machine = try Machine(.line([module, module], link: Fixtures.link(p: 0.05, tau: 1e-6)))
        var c = try Circuit(qubits: 2)
        for _ in 0..<20 { try c.append("cx", 0, 1) }
        let onDemand = try MachineExecution(machine: machine, circuit: c, options: Fixtures.options([0, 1]))
            .run(shots: 200, stream: Fixtures.stream)
        let buffered = try MachineExecution(machine: machine, circuit: c,
                                            options: Fixtures.options([0, 1], pairs: PairSupply(policy: .buffered, depth: 1)))
            .run(shots: 200, stream: Fixtures.stream)
        // Generation (mean 20 µs) overlaps the 200 µs gates: every gate after the first finds a pair.
        #expect(buffered.makespan.mean < onDemand.makespan.mean - 10 * 19e-6)
        #expect(buffered.pairsConsumed == 20)
        let cut = try MachineExecution(machine: machine, circuit: c, options: Fixtures.options(
            [0, 1], pairs: PairSupply(policy: .buffered, depth: 1, cutoffSeconds: 1e-5)))
            .run(shots: 50, stream: Fixtures.stream)
        #expect(cut.pairsDiscarded > 0)
        #expect(cut.pairsGenerated == 20 + cut.pairsDiscarded)
    }

    @Test("runs are reproducible from the seed")
    func reproducible() throws {
        let machine = try Machine(.star((0..<4).map { _ in Fixtures.module(dataQubits: 3) },
                                        through: SwitchDescription(modules: [], analysers: 2)))
        let e = try MachineExecution(machine: machine, circuit: try Circuit.qft(qubits: 10))
        #expect(try e.run(shots: 20, stream: Fixtures.stream) == e.run(shots: 20, stream: Fixtures.stream))
    }

    @Test("too many qubits, or a placement beyond a module's data qubits, name the field")
    func capacity() throws {
        let machine = try Machine(.line([Fixtures.module(dataQubits: 2), Fixtures.module(dataQubits: 2)], link: Fixtures.link()))
        #expect(throws: ParameterError.self) { try MachineExecution(machine: machine, circuit: try Circuit.ghz(qubits: 5)) }
        do {
            _ = try MachineExecution(machine: machine, circuit: try Circuit.ghz(qubits: 3), options: Fixtures.options([1, 1, 1]))
            Issue.record("expected a capacity error")
        } catch let e as ParameterError {
            #expect(e.path == "architecture.modules[1].dataQubits")
        }
    }
}
