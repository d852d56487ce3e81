import InterlinkCore
import InterlinkCircuits

extension Partitioner {
    /// Improves `placement` under `cost` by greedy local search that never exceeds a capacity.
    ///
    /// Sweeps the qubits in index order; for qubit q on module A it evaluates every move to a module B
    /// with room and every swap with a qubit r on another module, and applies the one that lowers
    /// ``PlacementCost/total(of:graph:)`` most (ties: moves before swaps, lower module, lower r), if it
    /// lowers it by more than 1e-9. Two candidates within 1e-9 of each other are a tie, so rounding in
    /// the sums (which differs with the cost's magnitude) never decides between equal moves: the
    /// placement does not jump when a link time changes in its last bits. Sweeps repeat until one
    /// changes nothing or `maxSweeps` is reached. The cost never increases and the procedure is
    /// deterministic.
    ///
    /// The change of moving q from A to B is `Σ_m c[q][m] (remote[B][m] − remote[A][m]) + local[q][B] −
    /// local[q][A]`, where `c[q][m]` is q's interaction weight with qubits on m; a swap of q (on A) and r
    /// (on B) adds both moves and `2 w(q,r) remote[A][B]` for their shared edge, which stays cut.
    ///
    /// - Throws: ``ParameterError`` naming `cost.remote`/`cost.local` when the cost does not fit the
    ///   placement, `placement` when it does not cover the graph, `maxSweeps` when negative.
    public func refine(
        _ placement: Placement, graph: InteractionGraph, cost: PlacementCost, maxSweeps: Int = 100
    ) throws -> Placement {
        let n = graph.vertexCount
        let k = placement.moduleCount
        try cost.validate(moduleCount: k, qubitCount: n)
        guard placement.modules.count == n else {
            throw ParameterError(invalid: "placement", reason: "places \(placement.modules.count) qubit(s) but the graph has \(n)")
        }
        guard maxSweeps >= 0 else {
            throw ParameterError(outOfRange: "maxSweeps", value: Double(maxSweeps), allowed: "[0, ∞)")
        }
        var state = RefinementState(placement: placement, graph: graph, cost: cost)
        for _ in 0..<maxSweeps {
            var changed = false
            for q in 0..<n where state.improve(q) { changed = true }
            if !changed { break }
        }
        return try Placement(modules: state.modules, capacities: placement.capacities, qubitCount: n)
    }
}

/// The working state of ``Partitioner/refine(_:graph:cost:maxSweeps:)``.
private struct RefinementState {
    let graph: InteractionGraph
    let cost: PlacementCost
    let capacities: [Int]
    var modules: [Int]
    var loads: [Int]
    /// `connection[q][m]`: total interaction weight between q and the qubits on module m.
    var connection: [[Double]]
    /// Scratch: `weightTo[r]` = w(q, r) for the qubit q being improved.
    var weightTo: [Double]

    static let tolerance = 1e-9

    init(placement: Placement, graph: InteractionGraph, cost: PlacementCost) {
        self.graph = graph
        self.cost = cost
        capacities = placement.capacities
        modules = placement.modules
        loads = placement.loads
        let k = placement.moduleCount
        connection = graph.adjacency.map { neighbours in
            var row = [Double](repeating: 0, count: k)
            for (r, w) in neighbours { row[placement.modules[r]] += Double(w) }
            return row
        }
        weightTo = [Double](repeating: 0, count: graph.vertexCount)
    }

    func moveDelta(_ q: Int, from a: Int, to b: Int) -> Double {
        var delta = cost.local(q, b) - cost.local(q, a)
        for (m, c) in connection[q].enumerated() where c != 0 {
            delta += c * (cost.remote[b][m] - cost.remote[a][m])
        }
        return delta
    }

    /// Applies the best improving move or swap involving `q`; returns whether one was applied.
    mutating func improve(_ q: Int) -> Bool {
        let a = modules[q]
        let k = capacities.count
        var moveToB = [Double](repeating: 0, count: k)
        var best: (delta: Double, module: Int, partner: Int?)?
        for b in 0..<k where b != a {
            moveToB[b] = moveDelta(q, from: a, to: b)
            if loads[b] < capacities[b], moveToB[b] < -Self.tolerance, moveToB[b] < (best?.delta ?? 0) - Self.tolerance {
                best = (moveToB[b], b, nil)
            }
        }
        for (r, w) in graph.adjacency[q] { weightTo[r] = Double(w) }
        for r in 0..<modules.count where modules[r] != a {
            let b = modules[r]
            let delta = moveToB[b] + moveDelta(r, from: b, to: a) + 2 * weightTo[r] * cost.remote[a][b]
            if delta < -Self.tolerance, delta < (best?.delta ?? 0) - Self.tolerance { best = (delta, b, r) }
        }
        for (r, _) in graph.adjacency[q] { weightTo[r] = 0 }
        guard let chosen = best else { return false }
        relocate(q, to: chosen.module)
        if let r = chosen.partner { relocate(r, to: a) }
        return true
    }

    private mutating func relocate(_ q: Int, to b: Int) {
        let a = modules[q]
        modules[q] = b
        loads[a] -= 1
        loads[b] += 1
        for (r, w) in graph.adjacency[q] {
            connection[r][a] -= Double(w)
            connection[r][b] += Double(w)
        }
    }
}
