import InterlinkCore
import InterlinkCircuits

extension Partitioner {
    /// Makes an assignment respect the capacities, deterministically: while some module holds more
    /// qubits than its capacity, the lowest-indexed such module gives up one qubit to a module with room
    /// — the (qubit, destination) pair that increases the cut weight least (ties: lowest qubit, then
    /// lowest module). Each step removes one excess qubit, so it ends after at most (excess) steps.
    ///
    /// - Throws: ``ParameterError`` when the total capacity is below the number of qubits or an
    ///   assignment entry is outside the modules.
    public func repair(_ assignment: [Int], graph: InteractionGraph) throws -> Placement {
        var modules = assignment
        guard modules.count == graph.vertexCount else {
            throw ParameterError(invalid: "placement",
                reason: "places \(modules.count) qubit(s) but the graph has \(graph.vertexCount)")
        }
        var loads = try Placement.loads(of: modules, moduleCount: capacities.count)
        guard capacities.reduce(0, +) >= modules.count else {
            throw ParameterError(invalid: "capacities",
                reason: "total capacity \(capacities.reduce(0, +)) is less than the \(modules.count) qubits")
        }
        while let over = loads.indices.first(where: { loads[$0] > capacities[$0] }) {
            var best: (delta: Int, qubit: Int, module: Int)?
            for qubit in modules.indices where modules[qubit] == over {
                var link = [Int](repeating: 0, count: capacities.count)
                for (neighbour, weight) in graph.adjacency[qubit] { link[modules[neighbour]] += weight }
                for destination in capacities.indices
                where destination != over && loads[destination] < capacities[destination] {
                    let delta = link[over] - link[destination]
                    if best.map({ delta < $0.delta }) ?? true { best = (delta, qubit, destination) }
                }
            }
            // A destination with room exists because the total capacity covers every qubit.
            guard let move = best else { break }
            modules[move.qubit] = move.module
            loads[over] -= 1
            loads[move.module] += 1
        }
        return try Placement(modules: modules, capacities: capacities, qubitCount: graph.vertexCount)
    }
}
