import InterlinkCore
import InterlinkCircuits

/// Places the qubits of a circuit onto modules of given capacities, cutting as little interaction
/// weight as METIS can.
///
/// The interaction graph (unit vertex weights, edge weight = number of gates a pair shares) goes to
/// METIS with target part weights `tpwgts` proportional to the capacities (modules of capacity 0 are
/// left out); a deterministic repair pass then moves qubits out of any module above its capacity (see
/// ``repair(_:graph:)``). When there are more usable modules than qubits, only the n largest are
/// offered to METIS. With the seed fixed, the result is identical on every run.
public struct Partitioner: Sendable, Hashable {
    /// Every module's capacity (data qubits).
    public let capacities: [Int]
    /// The METIS routine.
    public let method: METIS.Method
    /// METIS's random seed (`METIS_OPTION_SEED`).
    public let seed: Int32

    /// A partitioner onto modules with `capacities`.
    ///
    /// - Throws: ``ParameterError`` naming `capacities` (empty) or `capacities[m]` (negative).
    public init(capacities: [Int], method: METIS.Method = .kway, seed: Int32 = 1) throws {
        try Placement.validate(capacities: capacities)
        self.capacities = capacities
        self.method = method
        self.seed = seed
    }

    /// The placement of `circuit`'s qubits (see ``partition(_:)-(InteractionGraph)``).
    public func partition(_ circuit: Circuit) throws -> Placement {
        try partition(circuit.interactionGraph)
    }

    /// The placement of the vertices of `graph` onto the modules.
    ///
    /// - Throws: ``ParameterError`` naming `capacities` when the total
    ///   capacity is below the number of qubits; ``PartitionError/metis(function:status:)`` if METIS
    ///   fails.
    public func partition(_ graph: InteractionGraph) throws -> Placement {
        let n = graph.vertexCount
        let total = capacities.reduce(0, +)
        guard total >= n else {
            throw ParameterError(invalid: "capacities",
                reason: "total capacity \(total) is less than the \(n) qubits to place")
        }
        // Modules that can hold a qubit; with more of them than qubits, the n largest (ties: lower
        // index) — METIS cannot use more parts than vertices (it warns on stdout and leaves parts empty).
        let usable = capacities.indices.filter { capacities[$0] > 0 }
            .sorted { (capacities[$1], $0) < (capacities[$0], $1) }
            .prefix(max(n, 1))
            .sorted()
        var modules = [Int](repeating: usable.first ?? 0, count: n)
        if usable.count >= 2, n >= 2 {
            let parts = try METIS.partGraph(
                Self.metisGraph(graph), targetWeights: Self.targetWeights(usable.map { capacities[$0] }),
                method: method, seed: seed
            ).parts
            modules = parts.map { usable[$0] }
        }
        return try repair(modules, graph: graph)
    }

    /// `tpwgts`: each part's share of the capacity, summing to 1 in `Float` arithmetic.
    static func targetWeights(_ capacities: [Int]) -> [Float] {
        let total = Double(capacities.reduce(0, +))
        var weights = capacities.map { Float(Double($0) / total) }
        weights[weights.count - 1] = 1 - weights.dropLast().reduce(0, +)
        return weights
    }

    /// The interaction graph in METIS's CSR form.
    static func metisGraph(_ graph: InteractionGraph) -> METIS.Graph {
        var result = METIS.Graph(xadj: [0], adjncy: [], adjwgt: [])
        for neighbours in graph.adjacency {
            for (neighbour, weight) in neighbours {
                result.adjncy.append(Int32(neighbour))
                result.adjwgt.append(Int32(clamping: weight))
            }
            result.xadj.append(Int32(result.adjncy.count))
        }
        return result
    }
}
