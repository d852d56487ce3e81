import InterlinkCore
import InterlinkCircuits
import Testing

@testable import InterlinkPartition

@Suite("Placement and refinement")
struct PlacementTests {
    @Test("a user placement is validated naming the field")
    func userPlacement() throws {
        #expect(throws: ParameterError(invalid: "placement[2]", reason: "module index 3 is outside 0..<2")) {
            try Placement(modules: [0, 1, 3], capacities: [2, 2])
        }
        #expect(throws: ParameterError(invalid: "capacities[0]", reason: "module 0 is given 3 qubits but its capacity is 2")) {
            try Placement(modules: [0, 0, 0], capacities: [2, 2])
        }
        #expect(throws: ParameterError(invalid: "placement",
            reason: "places 2 qubit(s) but the circuit has 3; every qubit must be placed exactly once")) {
            try Placement(modules: [0, 1], capacities: [2, 2], qubitCount: 3)
        }
        #expect(throws: ParameterError(outOfRange: "capacities[1]", value: -1, allowed: "[0, ∞)")) {
            try Placement(modules: [0], capacities: [2, -1])
        }
        let placement = try Placement(modules: [1, 0, 1], capacities: [1, 2], qubitCount: 3)
        #expect(placement.loads == [1, 2])
        #expect(placement.qubits(on: 1) == [0, 2])
    }

    @Test("too little capacity is an error naming capacities")
    func insufficientCapacity() throws {
        let graph = try Circuit.ghz(qubits: 10).interactionGraph
        #expect(throws: ParameterError(invalid: "capacities", reason: "total capacity 9 is less than the 10 qubits to place")) {
            try Partitioner(capacities: [4, 5]).partition(graph)
        }
        #expect(throws: ParameterError(invalid: "capacities", reason: "at least one module is needed")) {
            try Partitioner(capacities: [])
        }
    }

    @Test("zero-capacity modules stay empty and one usable module takes everything")
    func degenerateModules() throws {
        let graph = try Circuit.ghz(qubits: 6).interactionGraph
        let placement = try Partitioner(capacities: [0, 6, 0]).partition(graph)
        #expect(placement.modules == Array(repeating: 1, count: 6))
        let spread = try Partitioner(capacities: [3, 0, 3]).partition(graph)
        #expect(spread.loads == [3, 0, 3])
        #expect(spread.cutWeight(of: graph) == 1)
    }

    @Test("fewer qubits than modules", arguments: [(2, 5), (3, 8), (5, 16)])
    func fewQubits(_ n: Int, _ k: Int) throws {
        let graph = try Circuit.ghz(qubits: n).interactionGraph
        for method in METIS.Method.allCases {
            let placement = try Partitioner(capacities: Array(repeating: 1, count: k), method: method).partition(graph)
            #expect(placement.loads.allSatisfy { $0 <= 1 })
            // One qubit per module: every path edge is cut.
            #expect(placement.cutWeight(of: graph) == n - 1)
            let roomy = try Partitioner(capacities: Array(repeating: n, count: k), method: method).partition(graph)
            #expect(roomy.loads.allSatisfy { $0 <= n })
        }
    }

    @Test("repair moves the qubit that adds least cut, deterministically")
    func repair() throws {
        // Path 0–1–2–3 with all qubits on module 0 (capacity 2); module 1 has room for 2.
        let graph = try Circuit.ghz(qubits: 4).interactionGraph
        let partitioner = try Partitioner(capacities: [2, 2])
        let repaired = try partitioner.repair([0, 0, 0, 0], graph: graph)
        // First move: the end qubits 0 and 3 cut one edge, inner qubits two: qubit 0 (lowest) moves.
        // Second: qubit 1 now cuts 1 − 1 = 0 more (edge 0–1 heals, 1–2 is cut): it moves.
        #expect(repaired.modules == [1, 1, 0, 0])
        #expect(repaired.cutWeight(of: graph) == 1)
    }

    @Test("refinement follows placement costs: swaps qubits to where they are cheap")
    func heterogeneousRefinement() throws {
        // Pairs (0,1) and (2,3) each share a cx. Qubits 0, 1 cost 0 on module 0 and 5 on module 1;
        // qubits 2, 3 the reverse. Start from the worst placement [1, 1, 0, 0]: cost 4·5 = 20.
        var circuit = try Circuit(qubits: 4)
        try circuit.append("cx", 0, 1)
        try circuit.append("cx", 2, 3)
        let graph = circuit.interactionGraph
        let cost = try PlacementCost(
            remote: [[0, 1], [1, 0]], local: [[0, 5], [0, 5], [5, 0], [5, 0]])
        let partitioner = try Partitioner(capacities: [2, 2])
        let start = try Placement(modules: [1, 1, 0, 0], capacities: [2, 2])
        #expect(cost.total(of: start, graph: graph) == 20)
        let refined = try partitioner.refine(start, graph: graph, cost: cost)
        // Modules are full, so only swaps apply: 0↔2 gains 8 (two placements −5 each, two edges cut
        // +1 each), then 1↔3 gains 12. Optimum: cost 0.
        #expect(refined.modules == [0, 0, 1, 1])
        #expect(cost.total(of: refined, graph: graph) == 0)
    }

    @Test("refinement weighs remote costs between modules")
    func remoteCosts() throws {
        // Qubits 0–1 interact 3 times; 0 is pinned to module 0 (placement cost), 1 starts on module 2.
        // Remote costs: 0–1: 1, 0–2: 10, 1–2: 1. Module 1 has room: moving 1 there saves 3·(10 − 1).
        var circuit = try Circuit(qubits: 2)
        for _ in 0..<3 { try circuit.append("cz", 0, 1) }
        let graph = circuit.interactionGraph
        let cost = try PlacementCost(
            remote: [[0, 1, 10], [1, 0, 1], [10, 1, 0]], local: [[0, 100, 100], [0, 0, 0]])
        let partitioner = try Partitioner(capacities: [1, 1, 1])
        let start = try Placement(modules: [0, 2], capacities: [1, 1, 1])
        let refined = try partitioner.refine(start, graph: graph, cost: cost)
        #expect(refined.modules == [0, 1])
        #expect(cost.total(of: refined, graph: graph) == 3)
    }

    @Test("refinement of interleaved cliques with uniform costs removes the cut")
    func refinementUniform() throws {
        let graph = try PartitionerTests.twoCliques(size: 3)  // A = {0, 2, 4}, B = {1, 3, 5}
        let partitioner = try Partitioner(capacities: [3, 3])
        let start = try Placement(modules: [0, 0, 0, 1, 1, 1], capacities: [3, 3])
        let cost = try PlacementCost.uniform(modules: 2)
        #expect(start.cutWeight(of: graph) > 0)
        let refined = try partitioner.refine(start, graph: graph, cost: cost)
        #expect(refined.cutWeight(of: graph) == 0)
        #expect(cost.total(of: refined, graph: graph) == 0)
    }

    @Test("cost models are validated naming the entry")
    func costValidation() {
        #expect(throws: ParameterError(outOfRange: "cost.remote[0][1]", value: -1, allowed: "[0, ∞)")) {
            try PlacementCost(remote: [[0, -1], [-1, 0]])
        }
        #expect(throws: ParameterError.self) { try PlacementCost(remote: [[0, 1], [2, 0]]) }
        #expect(throws: ParameterError(outOfRange: "cost.remote[1][1]", value: 3, allowed: "0 (same module)")) {
            try PlacementCost(remote: [[0, 1], [1, 3]])
        }
        #expect(throws: ParameterError(invalid: "cost.remote[1]", reason: "has 1 entries; expected 2 (square)")) {
            try PlacementCost(remote: [[0, 1], [1]])
        }
        #expect(throws: ParameterError(invalid: "cost.local[0]", reason: "has 3 entries; expected 2 (one per module)")) {
            try PlacementCost(remote: [[0, 1], [1, 0]], local: [[0, 0, 0]])
        }
        #expect(throws: ParameterError(outOfRange: "cost.local[0][1]", value: .infinity, allowed: "[0, ∞)")) {
            try PlacementCost(remote: [[0, 1], [1, 0]], local: [[0, .infinity]])
        }
    }
}

@Suite("Per-module placement costs")
struct PerModuleCostTests {
    @Test("local costs count each qubit's single- and multi-qubit gates, by hand")
    func localCosts() throws {
        var circuit = try Circuit(qubits: 3)
        try circuit.append("h", 0)
        try circuit.append("cx", 0, 1)
        try circuit.append("x", 2)
        try circuit.append("x", 2)
        try circuit.append(.barrier([0, 1, 2]))
        // g₁ = [1, 0, 2], g₂ = [1, 1, 0].
        let cost = try PlacementCost.perModule(
            circuit: circuit, remote: [[0, 1], [1, 0]], singleQubitGate: [1, 10], multiQubitGate: [5, 50],
            perQubit: [0, 0.5])
        #expect(cost.local == [[6, 60.5], [5, 50.5], [2, 20.5]])
    }

    @Test("a fast module attracts the busiest qubits within its capacity")
    func fastModuleAttractsBusyQubits() throws {
        // Qubit 3 runs 5 gates, qubit 2 runs 3, qubits 0 and 1 one each; no interactions. Module 0 is
        // ten times faster but holds two qubits: the optimum puts qubits 2 and 3 there.
        var circuit = try Circuit(qubits: 4)
        for (q, count) in [(0, 1), (1, 1), (2, 3), (3, 5)] {
            for _ in 0..<count { try circuit.append("h", q) }
        }
        let cost = try PlacementCost.perModule(
            circuit: circuit, remote: [[0, 1], [1, 0]], singleQubitGate: [1, 10], multiQubitGate: [1, 10])
        let partitioner = try Partitioner(capacities: [2, 2])
        let start = try Placement(modules: [0, 0, 1, 1], capacities: [2, 2])
        let refined = try partitioner.refine(start, graph: circuit.interactionGraph, cost: cost)
        #expect(refined.modules == [1, 1, 0, 0])
        // Cost: (3 + 5)·1 + (1 + 1)·10 = 28.
        #expect(cost.total(of: refined, graph: circuit.interactionGraph) == 28)
    }

    @Test("per-module arrays are validated naming the field")
    func validation() throws {
        let circuit = try Circuit.ghz(qubits: 2)
        #expect(throws: ParameterError(invalid: "cost.multiQubitGate", reason: "has 1 entries; expected 2 (one per module)")) {
            try PlacementCost.perModule(
                circuit: circuit, remote: [[0, 1], [1, 0]], singleQubitGate: [1, 1], multiQubitGate: [1])
        }
        #expect(throws: ParameterError(outOfRange: "cost.perQubit[1]", value: -2, allowed: "[0, ∞)")) {
            try PlacementCost.perModule(
                circuit: circuit, remote: [[0, 1], [1, 0]], singleQubitGate: [1, 1], multiQubitGate: [1, 1],
                perQubit: [0, -2])
        }
    }
}
