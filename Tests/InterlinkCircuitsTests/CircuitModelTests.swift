import InterlinkCore
import Testing

@testable import InterlinkCircuits

@Suite("Circuit model")
struct CircuitModelTests {
    /// q0 ─h─●──────────●─╫─
    /// q1 ───X─M────────┼─╫─
    /// q2 ─x──────x(c)──X─╫─   (x(c): conditioned on the measured bit)
    static func example() throws -> Circuit {
        var circuit = try Circuit(qubits: 3, clbits: 1)
        try circuit.append("h", 0)  // 0
        try circuit.append("cx", 0, 1)  // 1
        try circuit.append("x", 2)  // 2
        try circuit.append(.measure(1, into: 0))  // 3
        try circuit.append(.gate("x", [2], condition: ClassicalCondition(register: "c", clbits: [0], value: 1)))  // 4
        try circuit.append("cx", 0, 2)  // 5
        try circuit.append(.barrier([0, 1, 2]))  // 6
        return circuit
    }

    @Test("predecessors follow the last operation on every qubit and classical bit")
    func dependencies() throws {
        let graph = try Self.example().dependencyGraph
        #expect(graph.predecessors == [[], [0], [], [1], [2, 3], [1, 4], [3, 5]])
        #expect(graph.successors == [[1], [3, 5], [4], [4, 6], [5], [6], []])
        #expect(graph.operationsOnQubit == [[0, 1, 5, 6], [1, 3, 6], [2, 4, 5, 6]])
        #expect(graph.predecessorOnQubit == [[nil], [0, nil], [nil], [1], [2], [1, 4], [5, 3, 5]])
    }

    @Test("critical path with per-gate durations, by hand")
    func criticalPath() throws {
        let circuit = try Self.example()
        let durations = ["h": 1.0, "cx": 10, "x": 2, "measure": 5, "barrier": 0]
        // Finish times: h 1; cx 11; x 2; measure 16; x(c) max(2, 16) + 2 = 18; cx max(11, 18) + 10 = 28;
        // barrier 28.
        let finish = try circuit.dependencyGraph.earliestFinishTimes(of: circuit) { durations[$0.name]! }
        #expect(finish == [1, 11, 2, 16, 18, 28, 28])
        #expect(try circuit.criticalPathLength { durations[$0.name]! } == 28)
        // Unit steps: 1, 2, 1, 3, 4, 5 and the barrier adds none.
        #expect(circuit.depth == 5)
        #expect(try Circuit(qubits: 2).depth == 0)
    }

    @Test("a negative duration is an error naming the operation")
    func negativeDuration() throws {
        let circuit = try Self.example()
        #expect(throws: ParameterError(outOfRange: "duration(operations[2] 'x')", value: -1, allowed: "[0, ∞)")) {
            try circuit.criticalPathLength { $0.name == "x" ? -1 : 1 }
        }
    }

    @Test("gate counts by name and by arity")
    func counts() throws {
        let circuit = try Self.example()
        #expect(circuit.gateCounts == ["h": 1, "cx": 2, "x": 2])
        #expect(circuit.gateCountsByArity == [1: 3, 2: 2])
        #expect(circuit.operationCounts == ["h": 1, "cx": 2, "x": 2, "measure": 1, "barrier": 1])
        #expect(circuit.gateCount == 5)
    }

    @Test("interaction graph weights count shared multi-qubit gates per pair")
    func interactionGraph() throws {
        var circuit = try Circuit(qubits: 5)
        try circuit.append("cx", 0, 1)
        try circuit.append("cx", 1, 0)
        try circuit.append("cz", 1, 2)
        try circuit.append("ccx", 0, 1, 3)
        try circuit.append("h", 4)
        try circuit.append(.barrier([0, 1, 2, 3, 4]))
        let graph = circuit.interactionGraph
        // (0,1): 2 cx + ccx = 3; (1,2): cz; (0,3) and (1,3): ccx.
        #expect(graph.edges == [
            .init(a: 0, b: 1, weight: 3), .init(a: 0, b: 3, weight: 1), .init(a: 1, b: 2, weight: 1),
            .init(a: 1, b: 3, weight: 1),
        ])
        #expect(graph.weight(1, 0) == 3)
        #expect(graph.weight(2, 4) == 0)
        #expect(graph.totalWeight == 6)
        #expect(graph.adjacency[4].isEmpty)
        #expect(graph.adjacency[1].map(\.neighbour) == [0, 2, 3])
    }

    @Test("invalid operations are rejected naming the field")
    func validation() throws {
        var circuit = try Circuit(qubits: 2, clbits: 1)
        #expect(throws: ParameterError(invalid: "operations[0].qubits[1]", reason: "qubit index 2 is outside 0..<2")) {
            try circuit.append("cx", 0, 2)
        }
        #expect(throws: ParameterError(invalid: "operations[0].qubits", reason: "qubit 1 appears twice in 'cx'")) {
            try circuit.append("cx", 1, 1)
        }
        #expect(throws: ParameterError(outOfRange: "operations[0].parameters[0]", value: .infinity, allowed: "finite real numbers")) {
            try circuit.append("rz", 0, parameters: [.infinity])
        }
        #expect(throws: ParameterError(invalid: "operations[0].clbits[0]", reason: "clbit index 3 is outside 0..<1")) {
            try circuit.append(.measure(0, into: 3))
        }
        #expect(throws: ParameterError(invalid: "operations[0].condition.clbits[0]", reason: "clbit index 1 is outside 0..<1")) {
            try circuit.append(.gate("x", [0], condition: ClassicalCondition(register: "c", clbits: [1], value: 1)))
        }
        #expect(throws: ParameterError.self) { try circuit.append(.gate("x", [])) }
        #expect(throws: ParameterError(outOfRange: "circuit.qubits", value: -1, allowed: "[0, ∞]")) {
            try Circuit(qubits: -1)
        }
        #expect(circuit.operations.isEmpty)
    }

    @Test("interaction graphs built from edges are validated")
    func graphValidation() throws {
        #expect(throws: ParameterError.self) {
            try InteractionGraph(vertexCount: 2, edges: [.init(a: 0, b: 2, weight: 1)])
        }
        #expect(throws: ParameterError.self) {
            try InteractionGraph(vertexCount: 2, edges: [.init(a: 0, b: 1, weight: 1), .init(a: 1, b: 0, weight: 2)])
        }
        #expect(throws: ParameterError.self) {
            try InteractionGraph(vertexCount: 2, edges: [.init(a: 1, b: 1, weight: 1)])
        }
        let graph = try InteractionGraph(vertexCount: 3, edges: [.init(a: 2, b: 0, weight: 4)])
        #expect(graph.edges == [.init(a: 0, b: 2, weight: 4)])
    }
}
