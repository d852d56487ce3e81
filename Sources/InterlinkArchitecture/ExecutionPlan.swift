import Foundation
import InterlinkCircuits
import InterlinkCore
import InterlinkPhysics
import InterlinkSim

/// A circuit lowered onto a machine for one placement and remote strategy: one task per operation
/// with its module, fixed duration and static fidelity, the remote legs (end-to-end pairs) it needs
/// and the hops (elementary pairs) of each leg. Everything random happens in ``ExecutionSimulator``.
///
/// Timing model (seconds; t₁, t₂, t_ro the module's single-qubit, two-qubit and readout times; L the
/// route's one-way classical latency):
/// - local gate on k qubits: t₁ (k = 1) or (k − 1)·t₂; measurement and reset: t_ro; barrier: 0.
/// - teleported gate (Eisert et al. 2000, Pauli corrections tracked in the frame): both modules'
///   entangling gates with their communication qubits in parallel, both readouts, the feed-forward:
///   max(t₂) + max(t_ro) + L; for k ≥ 3 operands (k − 1)·max(t₂) + max(t_ro) + L.
/// - move: the source's Bell measurement t₂ + t_ro and L, then the gate local at the destination.
/// - burst: the opening gate cat-entangles (t₂,A + t_ro,A + L), moves B's half of the cat state from the
///   communication qubit into a memory qubit (t₂,B; this frees both communication qubits when the
///   opening gate ends, so bursts never hold them across other operations — modules are assumed to
///   have a memory qubit free for every open burst) and acts at B (t₂,B); every joined gate takes
///   t₂,B; the last gate adds the disentangling readout and message (t_ro,B + L).
///
/// Fidelity model (static part, logarithms add): local gates their process fidelity, readouts
/// F_ro, a teleported gate `RemoteOperations.remoteCNOT`'s local factors (the pair's λ_I is applied
/// when the pair is used), a move g(source)·F_ro² (the Bell measurement), a burst g(A)·F_ro,A·g(B)²
/// then g(B) per joined gate and F_ro,B at its end.
struct ExecutionPlan: Sendable {
    struct Task: Sendable {
        var module: Int
        var seconds: Double
        var latencySeconds: Double
        var logFidelity: Double
        var legs: Range<Int>
        var operands: Range<Int>
    }

    struct Leg: Sendable {
        var task: Int
        var from: Int
        var to: Int
        var hops: Range<Int>
        /// Indices into ``ExecutionPlan/relayModules``.
        var relays: Range<Int>
        var relaySeconds: Double
        var latencySeconds: Double
    }

    let tasks: [Task]
    let legs: [Leg]
    /// The relay modules of every leg, flat.
    let relayModules: [Int]
    /// The channel of every hop.
    let hopChannel: [Int]
    /// The leg of every hop.
    let hopLeg: [Int]
    /// Qubit and module (before the operation) of every operand, flat.
    let operandQubit: [Int]
    let operandModule: [Int]
    let successors: [[Int]]
    let predecessorCount: [Int]
    /// Hops over each channel in the whole circuit.
    let hopsPerChannel: [Int]
    /// The largest number of communication qubits one task needs at each module.
    let maxCommunicationNeed: [Int]
    let qubitCount: Int
    /// The number of remote operations (tasks with at least one leg, plus joined burst gates).
    let remoteOperations: Int

    init(machine: Machine, circuit: Circuit, placement: [Int], strategy: RemoteStrategy,
         path: String = "architecture") throws {
        let mods = machine.modules
        var tasks: [Task] = [], legs: [Leg] = [], hopChannel: [Int] = [], hopLeg: [Int] = [], relayModules: [Int] = []
        var operandQubit: [Int] = [], operandModule: [Int] = []
        var hopsPerChannel = [Int](repeating: 0, count: machine.channels.count)
        var maxNeed = [Int](repeating: 0, count: mods.count)
        var loc = placement
        var load = [Int](repeating: 0, count: mods.count)
        for m in placement { load[m] += 1 }
        var openBursts: [Int: [Int: Int]] = [:]
        var burstMembers: [[Int]] = [], burstOpenerLeg: [Int] = [], burstTarget: [Int] = []
        var remote = 0

        func addLeg(task: Int, from: Int, to: Int) {
            // Routes exist between every two modules of a validated machine.
            guard let route = machine.routes[from][to] else { return }
            let start = hopChannel.count
            for c in route.channels {
                hopChannel.append(c)
                hopLeg.append(legs.count)
                hopsPerChannel[c] += 1
            }
            let relays = Array(route.modules.dropFirst().dropLast())
            let relayStart = relayModules.count
            relayModules += relays
            legs.append(Leg(task: task, from: from, to: to, hops: start..<hopChannel.count,
                            relays: relayStart..<relayModules.count,
                            relaySeconds: relays.map { mods[$0].operations.twoQubitGateSeconds + mods[$0].operations.readoutSeconds }.max() ?? 0,
                            latencySeconds: route.classicalLatencySeconds))
        }

        for (i, op) in circuit.operations.enumerated() {
            let qs = op.qubits
            let operandStart = operandQubit.count
            operandQubit += qs
            operandModule += qs.map { loc[$0] }
            let legStart = legs.count
            var task = Task(module: qs.first.map { loc[$0] } ?? -1, seconds: 0, latencySeconds: 0, logFidelity: 0,
                            legs: legStart..<legStart, operands: operandStart..<operandQubit.count)
            let involved = Set(qs.map { loc[$0] })
            switch op.kind {
            case .barrier:
                if involved.count != 1 { task.module = -1 }
            case .measure, .reset:
                let o = mods[task.module].operations
                task.seconds = o.readoutSeconds
                task.logFidelity = GateAlgebra.logReadout(o)
            case .gate where involved.count == 1:
                let o = mods[task.module].operations
                task.seconds = mods[task.module].gateSeconds(arity: qs.count)
                task.logFidelity = qs.count == 1 ? GateAlgebra.logSingle(o) : Double(qs.count - 1) * GateAlgebra.logTwo(o)
            case .gate:
                remote += 1
                var handled = false
                if strategy == .burst, qs.count == 2 {
                    let candidates = [0, 1].filter { GateAlgebra.isDiagonal(op.name, arity: 2, position: $0) }
                    for pos in candidates {
                        let s = qs[pos], b = loc[qs[1 - pos]]
                        guard let id = openBursts[s]?[b] else { continue }
                        let ob = mods[b].operations
                        task.module = b
                        task.seconds = ob.twoQubitGateSeconds
                        task.logFidelity = GateAlgebra.logTwo(ob)
                        burstMembers[id].append(i)
                        handled = true
                        break
                    }
                    if !handled, let pos = candidates.first {
                        let s = qs[pos], a = loc[s], b = loc[qs[1 - pos]]
                        addLeg(task: i, from: a, to: b)
                        let oa = mods[a].operations, ob = mods[b].operations
                        let latency = legs[legs.count - 1].latencySeconds
                        task.module = b
                        task.seconds = oa.twoQubitGateSeconds + oa.readoutSeconds + latency + 2 * ob.twoQubitGateSeconds
                        task.latencySeconds = latency
                        task.logFidelity = GateAlgebra.logTwo(oa) + GateAlgebra.logReadout(oa) + 2 * GateAlgebra.logTwo(ob)
                        openBursts[s, default: [:]][b] = burstMembers.count
                        burstMembers.append([i])
                        burstOpenerLeg.append(legs.count - 1)
                        burstTarget.append(b)
                        handled = true
                    }
                }
                if !handled {
                    task = try Self.gateWithLegs(task, op: op, index: i, machine: machine, strategy: strategy,
                                                 loc: &loc, load: &load, addLeg: addLeg, legs: { legs })
                }
            }
            // A non-diagonal action on a qubit ends its bursts.
            for (pos, q) in qs.enumerated() where op.kind != .barrier {
                let diagonal = op.kind == .gate && GateAlgebra.isDiagonal(op.name, arity: qs.count, position: pos)
                if !diagonal { openBursts[q] = nil }
            }
            task.legs = legStart..<legs.count
            // Communication qubits one task holds at once, checked against each module's.
            var need = [Int: Int]()
            for l in task.legs {
                for h in legs[l].hops {
                    let ch = machine.channels[hopChannel[h]]
                    need[ch.moduleA, default: 0] += 1
                    need[ch.moduleB, default: 0] += 1
                }
            }
            for (m, n) in need {
                guard n <= mods[m].communicationQubits else {
                    throw ParameterError(path: "\(child(path, "modules"))[\(m)].communicationQubits",
                                         value: "\(mods[m].communicationQubits)",
                                         allowed: "≥ \(n): operation \(i) ('\(op.name)') needs \(n) pairs at module \(m) at once")
                }
                maxNeed[m] = max(maxNeed[m], n)
            }
            tasks.append(task)
        }
        // Close every burst at its last gate: disentangling readout and message; release its pair.
        for (id, members) in burstMembers.enumerated() {
            guard let last = members.last else { continue }
            let b = burstTarget[id], ob = mods[b].operations
            let latency = legs[burstOpenerLeg[id]].latencySeconds
            tasks[last].seconds += ob.readoutSeconds + latency
            tasks[last].latencySeconds += latency
            tasks[last].logFidelity += GateAlgebra.logReadout(ob)
        }
        let graph = circuit.dependencyGraph
        self.tasks = tasks
        self.legs = legs
        self.hopChannel = hopChannel
        self.relayModules = relayModules
        self.hopLeg = hopLeg
        self.operandQubit = operandQubit
        self.operandModule = operandModule
        successors = graph.successors
        predecessorCount = graph.predecessors.map(\.count)
        self.hopsPerChannel = hopsPerChannel
        maxCommunicationNeed = maxNeed
        qubitCount = circuit.qubitCount
        remoteOperations = remote
    }

    /// A multi-qubit gate across modules by teleported gates or moves (see the type's timing model).
    private static func gateWithLegs(
        _ base: Task, op: Circuit.Operation, index i: Int, machine: Machine, strategy: RemoteStrategy,
        loc: inout [Int], load: inout [Int], addLeg: (Int, Int, Int) -> Void, legs: () -> [Leg]
    ) throws -> Task {
        let mods = machine.modules
        let qs = op.qubits
        var task = base
        var home = loc[qs[qs.count - 1]]
        if strategy == .move, qs.count == 2, loc[qs[1]] == home, load[home] >= mods[home].dataQubits,
           load[loc[qs[0]]] < mods[loc[qs[0]]].dataQubits {
            home = loc[qs[0]]
        }
        var moveSeconds = 0.0, gateLegs = 0
        var gateModules: Set<Int> = [home]
        var latency = 0.0
        for q in qs where loc[q] != home {
            let from = loc[q]
            let move = strategy == .move && load[home] < mods[home].dataQubits
            addLeg(i, from, home)
            let leg = legs()[legs().count - 1]
            let o = mods[from].operations
            if move {
                moveSeconds = max(moveSeconds, o.twoQubitGateSeconds + o.readoutSeconds + leg.latencySeconds)
                task.latencySeconds = max(task.latencySeconds, leg.latencySeconds)
                task.logFidelity += GateAlgebra.logTwo(o) + 2 * GateAlgebra.logReadout(o)
                load[from] -= 1
                load[home] += 1
                loc[q] = home
            } else {
                gateLegs += 1
                gateModules.insert(from)
                latency = max(latency, leg.latencySeconds)
                task.logFidelity += GateAlgebra.logTwo(o) + GateAlgebra.logReadout(o)
                    + GateAlgebra.logTwo(mods[home].operations) + GateAlgebra.logReadout(mods[home].operations)
            }
        }
        let ops = gateModules.map { mods[$0].operations }
        let twoQubit = ops.map(\.twoQubitGateSeconds).max() ?? 0
        task.module = home
        task.seconds = moveSeconds + Double(qs.count - 1) * twoQubit
            + (gateLegs > 0 ? (ops.map(\.readoutSeconds).max() ?? 0) + latency : 0)
        task.latencySeconds += gateLegs > 0 ? latency : 0
        task.logFidelity += Double(qs.count - 1 - gateLegs) * GateAlgebra.logTwo(mods[home].operations)
        return task
    }
}
