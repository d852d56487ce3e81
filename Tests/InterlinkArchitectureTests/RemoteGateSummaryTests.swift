import Foundation
import InterlinkArchitecture
import InterlinkCircuits
import InterlinkCore
import InterlinkPhysics
import Testing

/// Remote-gate figures of merit against hand calculations on two-module machines with abstract links.
@Suite("Execution: remote-gate rate and fidelity")
struct RemoteGateSummaryTests {
    // Hand-set machine: p, τ, pair fidelity, gate/readout times, latency, T₁ = T₂ = T.
    static let p = 0.2, tau = 10e-6, pairF = 0.95, twoQubit = 20e-6, readout = 30e-6, latency = 5e-6, t = 1e-3

    static func machine(comm: Int) throws -> Machine {
        let m = Fixtures.module("transmon.transducer.eo", dataQubits: 2, comm: comm, oneQubit: 1e-6, twoQubit: twoQubit,
                                readout: readout, t1: t, t2: t)
        var link = Fixtures.link(p: p, tau: tau, fidelity: pairF, latency: latency)
        link.analysers = 2
        return try Machine(.line([m, m], link: link))
    }

    /// E[r^(jK)] for K geometric on {1, 2, …} with success p: p·r^j / (1 − (1 − p)·r^j).
    static func geometricMoment(_ r: Double, _ j: Double) -> Double {
        p * pow(r, j) / (1 - (1 - p) * pow(r, j))
    }

    @Test("a chain of teleported CZs: rate, fidelity with the data qubits' decay during the wait, threshold count")
    func chain() throws {
        let k = 400
        var circuit = try Circuit(qubits: 2)
        try circuit.append("h", 0)
        try circuit.append("h", 1)
        for _ in 0..<k { try circuit.append("cz", 0, 1) }
        let e = try MachineExecution(machine: Self.machine(comm: 1), circuit: circuit, options: Fixtures.options([0, 1]))
        let threshold = 0.9
        let s = try e.runRemoteGates(shots: 60, stream: Fixtures.stream, fidelityThreshold: threshold)
        #expect(s.gatesPerShot == k)
        // Each gate: K attempts (geometric), then 2 local gates + readout + latency; both data qubits idle K·τ.
        let d = Self.twoQubit + Self.readout + Self.latency
        let meanMakespan = 1e-6 + Double(k) * (Self.tau / Self.p + d)
        #expect(abs(s.makespan.mean - meanMakespan) < 4 * s.makespan.standardError + 1e-12)
        // Rate k/makespan: the makespan is a sum of 400 terms, so k/E[M] is within 1 %.
        #expect(abs(s.gateRate.mean / (Double(k) / meanMakespan) - 1) < 0.01)
        #expect(s.trueHeraldGateRate.mean == s.gateRate.mean)  // abstract link: every herald true
        // F = F_pair · ((1 + 3x)/4)² with x = e^(−Kτ/T): E[F] = F_pair (1 + 6 E[x] + 9 E[x²]) / 16.
        let r = exp(-Self.tau / Self.t)
        let expectedF = Self.pairF * (1 + 6 * Self.geometricMoment(r, 1) + 9 * Self.geometricMoment(r, 2)) / 16
        let gf = try #require(s.gateFidelity)
        #expect(abs(gf.mean - expectedF) < 4 * gf.standardError + 1e-9)
        #expect(expectedF < Self.pairF * 0.99)  // the decay during the wait matters here
        // F ≥ 0.9 ⇔ K ≤ K* = ⌊−(T/τ) ln x*⌋ with (1 + 3x*)/4 = √(0.9/F_pair): fraction 1 − (1 − p)^K*.
        let xStar = (4 * (threshold / Self.pairF).squareRoot() - 1) / 3
        let kStar = (-(Self.t / Self.tau) * log(xStar)).rounded(.down)
        let fraction = 1 - pow(1 - Self.p, kStar)
        #expect(abs(s.qualifiedFraction - fraction) < 0.03)
        #expect(abs(s.qualifiedRate.mean / (fraction * Double(k) / meanMakespan) - 1) < 0.05)
        // The mean wait is the generation time τ/p.
        let w = try #require(s.waitSeconds)
        #expect(abs(w.mean - Self.tau / Self.p) < 4 * w.standardError + 1e-12)
    }

    @Test("Little's law with one communication qubit per module: two chains share it", arguments: [1, 2])
    func littlesLaw(_ comm: Int) throws {
        // Chains cz(0,2) and cz(1,3), qubits 0,1 on module 0 and 2,3 on module 1.
        let k = 300
        var circuit = try Circuit(qubits: 4)
        for q in 0..<4 { try circuit.append("h", q) }
        for _ in 0..<k {
            try circuit.append("cz", 0, 2)
            try circuit.append("cz", 1, 3)
        }
        let e = try MachineExecution(machine: Self.machine(comm: comm), circuit: circuit,
                                     options: Fixtures.options([0, 0, 1, 1]))
        let s = try e.runRemoteGates(shots: 30, stream: Fixtures.stream, fidelityThreshold: 0)
        let d = Self.twoQubit + Self.readout + Self.latency
        let service = Self.tau / Self.p + d
        // A communication qubit is held from the start of generation to the end of the gate, so the
        // c = 1 server completes one gate per τ/p + d; with c = 2 the two chains run in parallel.
        let rate = s.gateRate.mean
        #expect(abs(rate / (Double(comm) / service) - 1) < 0.03)
        // Little's law L = λW: each chain always has exactly one gate in the system (waiting or running).
        let w = try #require(s.waitSeconds)
        #expect(abs(rate * (w.mean + d) - 2) < 0.06)
        #expect(s.qualifiedRate.mean == s.trueHeraldGateRate.mean)  // threshold 0 counts every gate
    }

    @Test("photonic channels count only true heralds")
    func trueHeralds() throws {
        let sc = ModuleDescription(preset: "transmon.transducer.eo", dataQubits: 2, communicationQubits: 1)
        let machine = try Machine(.line([sc, sc], link: .photonic(0, 1)))
        let channel = try #require(machine.channels.first)
        let link = try #require(channel.link)
        // Independent: the herald outcome's true share of all heralds per attempt (one mode, no transfer steps).
        let share = link.herald.trueHeraldProbability / link.herald.successProbability
        #expect(abs(channel.trueHeraldFraction - share) < 1e-12)
        #expect(share < 0.9)  // the transducer's noise makes false heralds common
        var circuit = try Circuit(qubits: 2)
        for _ in 0..<20 { try circuit.append("cz", 0, 1) }
        let s = try MachineExecution(machine: machine, circuit: circuit, options: Fixtures.options([0, 1]))
            .runRemoteGates(shots: 4, stream: Fixtures.stream, fidelityThreshold: 0)
        #expect(abs(s.trueHeraldGateRate.mean / s.gateRate.mean - share) < 1e-12)
    }

    @Test("bad thresholds and shot counts are named")
    func badInput() throws {
        var circuit = try Circuit(qubits: 2)
        try circuit.append("cz", 0, 1)
        let e = try MachineExecution(machine: Self.machine(comm: 1), circuit: circuit, options: Fixtures.options([0, 1]))
        #expect(throws: ParameterError.self) { try e.runRemoteGates(shots: 2, stream: Fixtures.stream, fidelityThreshold: 1.5) }
        #expect(throws: ParameterError.self) { try e.runRemoteGates(shots: 0, stream: Fixtures.stream, fidelityThreshold: 0.5) }
    }

    @Test("the remote-gate summary and the execution summary describe the same shots")
    func sameShots() throws {
        let circuit = try Circuit.randomLayered(qubits: 4, layers: 5, seed: 2)
        let e = try MachineExecution(machine: Self.machine(comm: 2), circuit: circuit, options: Fixtures.options([0, 0, 1, 1]))
        let (execution, remote) = try e.runWithRemoteGates(shots: 7, stream: Fixtures.stream, fidelityThreshold: 0.5)
        let alone = try e.run(shots: 7, stream: Fixtures.stream)
        #expect(execution.makespan == alone.makespan)
        #expect(remote.makespan == alone.makespan)
        #expect(remote.gatesPerShot == e.remoteOperations)
    }
}
