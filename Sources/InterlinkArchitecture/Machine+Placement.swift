import Foundation
import InterlinkCircuits
import InterlinkCore
import InterlinkPartition

extension Machine {
    /// The data-qubit capacity of every module.
    public var capacities: [Int] { modules.map(\.dataQubits) }

    /// `remote[a][b]`: the expected time of one teleported two-qubit gate between modules a ≠ b —
    /// the route's expected pair time plus the protocol's local gates, readouts and classical
    /// latency (symmetrised; 0 on the diagonal). Used as the remote cost of the placement refinement.
    public var remoteGateSeconds: [[Double]] {
        let k = modules.count
        var out = [[Double]](repeating: [Double](repeating: 0, count: k), count: k)
        for a in 0..<k {
            for b in 0..<k where b != a {
                func one(_ x: Int, _ y: Int) -> Double {
                    guard let r = routes[x][y] else { return 0 }
                    let ops = [modules[x].operations, modules[y].operations]
                    return r.expectedSeconds + (ops.map(\.twoQubitGateSeconds).max() ?? 0)
                        + (ops.map(\.readoutSeconds).max() ?? 0) + r.classicalLatencySeconds
                }
                out[a][b] = (one(a, b) + one(b, a)) / 2
            }
        }
        return out
    }

    /// Places `circuit`'s qubits: METIS on the interaction graph with the modules' data qubits as
    /// capacities, then (with `refine`) the heterogeneity-aware refinement minimising the expected
    /// time of the gates: remote gates cost ``remoteGateSeconds``, a qubit's single- and two-qubit
    /// gates cost the module's gate times.
    ///
    /// - Throws: ``ParameterError`` naming `architecture.modules` when the circuit has more qubits
    ///   than the modules' data qubits together.
    public func place(_ circuit: Circuit, refine: Bool = true, path: String = "architecture") throws -> [Int] {
        try checkCapacity(circuit, path: path)
        do {
            let partitioner = try Partitioner(capacities: capacities)
            let graph = circuit.interactionGraph
            var placement = try partitioner.partition(graph)
            if refine, modules.count > 1 {
                let cost = try PlacementCost.perModule(
                    circuit: circuit, remote: remoteGateSeconds,
                    singleQubitGate: modules.map(\.operations.singleQubitGateSeconds),
                    multiQubitGate: modules.map(\.operations.twoQubitGateSeconds))
                placement = try partitioner.refine(placement, graph: graph, cost: cost)
            }
            return placement.modules
        } catch let error as PartitionError {
            throw ParameterError(invalid: child(path, "modules"), reason: "partitioning failed: \(error)")
        }
    }

    /// Validates a user placement (`execution.placement`): one module index per circuit qubit, no
    /// module above its data qubits.
    public func validatePlacement(_ placement: [Int], for circuit: Circuit, path: String = "execution.placement",
                                  architecturePath: String = "architecture") throws {
        guard placement.count == circuit.qubitCount else {
            throw ParameterError(invalid: path, reason: "places \(placement.count) qubit(s) but the circuit has \(circuit.qubitCount)")
        }
        var load = [Int](repeating: 0, count: modules.count)
        for (q, m) in placement.enumerated() {
            guard m >= 0, m < modules.count else {
                throw ParameterError(invalid: "\(path)[\(q)]", reason: "module index \(m) is outside 0..<\(modules.count)")
            }
            load[m] += 1
        }
        for (m, n) in load.enumerated() where n > modules[m].dataQubits {
            throw ParameterError(path: "\(child(architecturePath, "modules"))[\(m)].dataQubits", value: "\(modules[m].dataQubits)",
                                 allowed: "≥ \(n) (the placement puts \(n) qubits on module \(m))")
        }
    }

    /// Throws unless the modules hold the circuit's qubits.
    func checkCapacity(_ circuit: Circuit, path: String) throws {
        let total = capacities.reduce(0, +)
        guard total >= circuit.qubitCount else {
            throw ParameterError(invalid: child(path, "modules"),
                                 reason: "the circuit has \(circuit.qubitCount) qubits but the modules hold only \(total) data qubits (sum of dataQubits)")
        }
    }
}
