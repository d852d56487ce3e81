import Foundation
import InterlinkCircuits
import InterlinkCore
import InterlinkStats

/// A circuit compiled for a machine: its placement (METIS + refinement, or the user's), the lowered
/// plan for the remote strategy, and the pair supply; ``run(shots:stream:)`` executes it.
public struct MachineExecution: Sendable {
    /// The machine.
    public let machine: Machine
    /// The module of every circuit qubit.
    public let placement: [Int]
    /// Wall-clock seconds spent placing the qubits (0 for a user placement).
    public let partitionSeconds: Double
    /// The remote strategy.
    public let strategy: RemoteStrategy
    /// The pair supply.
    public let supply: PairSupply
    let plan: ExecutionPlan

    /// Compiles `circuit` for `machine` with `options` (strategy, supply, placement).
    ///
    /// - Throws: ``ParameterError`` naming the field: `architecture.modules` (too few data qubits),
    ///   `execution.placement[q]`, `architecture.modules[m].dataQubits` (a user placement beyond
    ///   capacity), `architecture.modules[m].communicationQubits` (an operation needing more pairs at
    ///   once than the module has), `execution.pairs.*`.
    public init(machine: Machine, circuit: Circuit, options: ExecutionOptions = ExecutionOptions(),
                architecturePath: String = "architecture", executionPath: String = "execution") throws {
        try options.validate(at: executionPath)
        try machine.checkCapacity(circuit, path: architecturePath)
        let clock = ContinuousClock()
        let began = clock.now
        if let user = options.placement {
            try machine.validatePlacement(user, for: circuit, path: child(executionPath, "placement"),
                                          architecturePath: architecturePath)
            placement = user
            partitionSeconds = 0
        } else {
            placement = try machine.place(circuit, refine: options.refine ?? true, path: architecturePath)
            let elapsed = clock.now - began
            partitionSeconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        }
        strategy = options.strategy ?? .teleportedGate
        supply = options.pairs ?? .onDemand
        self.machine = machine
        plan = try ExecutionPlan(machine: machine, circuit: circuit, placement: placement, strategy: strategy,
                                 path: architecturePath)
    }

    /// End-to-end pairs one shot consumes (one per remote leg).
    public var pairsPerShot: Int { plan.legs.count }
    /// Elementary (single-hop) pairs one shot consumes.
    public var elementaryPairsPerShot: Int { plan.hopChannel.count }
    /// Operations that act across modules.
    public var remoteOperations: Int { plan.remoteOperations }
    /// Operations scheduled per shot (every gate, measurement, reset and barrier).
    public var operationsPerShot: Int { plan.tasks.count }

    /// Runs `shots` shots, shot i on `stream.child(i)`.
    ///
    /// - Throws: ``ParameterError`` naming `shots` unless 1 ≤ shots ≤ 10⁶.
    public func run(shots: Int, stream: RandomStream) throws -> ExecutionSummary {
        try run(shots: shots, stream: stream, recordingRemoteGates: false) { _ in }
    }

    /// ``run(shots:stream:)`` that also hands every shot's outcome to `observe`; the outcome lists
    /// every remote gate (``RemoteGateRecord``) only when `recordingRemoteGates` (off the hot path
    /// otherwise).
    func run(shots: Int, stream: RandomStream, recordingRemoteGates: Bool = true,
             observe: (ShotOutcome) throws -> Void) throws -> ExecutionSummary {
        try Validate.count(shots, atLeast: 1, atMost: 1_000_000, at: "shots")
        var simulator = try ExecutionSimulator(plan: plan, machine: machine, supply: supply)
        simulator.recordsRemoteGates = recordingRemoteGates
        var makespans: [Double] = [], fidelities: [Double] = []
        var logFidelity = RunningSummary()
        var generated = 0, discarded = 0
        var attribution: [Double] = [], generation: [Double] = [], busy: [Double] = []
        var utilisation = [Double](repeating: 0, count: machine.modules.count)
        var linkUtilisation = [Double](repeating: 0, count: machine.channels.count)
        makespans.reserveCapacity(shots)
        var placed = [Int](repeating: 0, count: machine.modules.count)
        for m in placement { placed[m] += 1 }
        for shot in 0..<shots {
            var s = stream.child(UInt64(shot))
            let o = try simulator.run(stream: &s)
            try observe(o)
            makespans.append(o.makespan)
            fidelities.append(exp(o.logFidelity))
            try logFidelity.add(o.logFidelity)
            generated += o.pairsGenerated
            discarded += o.pairsDiscarded
            attribution = attribution.isEmpty ? o.attribution : zip(attribution, o.attribution).map(+)
            generation = generation.isEmpty ? o.generationSeconds : zip(generation, o.generationSeconds).map(+)
            busy = busy.isEmpty ? o.busySeconds : zip(busy, o.busySeconds).map(+)
            if o.makespan > 0 {
                for (m, b) in o.busySeconds.enumerated() {
                    if placed[m] > 0 { utilisation[m] += b / (Double(placed[m]) * o.makespan) / Double(shots) }
                }
                for (c, g) in o.generationSeconds.enumerated() {
                    let ch = machine.channels[c]
                    let slots = min(machine.analyserPools[ch.pool], machine.modules[ch.moduleA].communicationQubits,
                                    machine.modules[ch.moduleB].communicationQubits)
                    linkUtilisation[c] += g / (Double(slots) * o.makespan) / Double(shots)
                }
            }
        }
        return try ExecutionSummary(
            execution: self, makespans: makespans, fidelities: fidelities, logFidelity: logFidelity,
            pairsGenerated: Double(generated) / Double(shots), pairsDiscarded: Double(discarded) / Double(shots),
            attribution: attribution, moduleUtilisation: utilisation, linkUtilisation: linkUtilisation)
    }
}
