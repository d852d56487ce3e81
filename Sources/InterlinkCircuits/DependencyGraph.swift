import InterlinkCore

/// The dependency DAG of a circuit's operations.
///
/// Every qubit and every classical bit is a wire. An operation depends on the previous operation on
/// each wire it touches: its qubits, the classical bit a measurement writes, and the classical bits its
/// condition reads. Program order is a topological order, so operation `i`'s predecessors all have
/// indices below `i`.
public struct DependencyGraph: Sendable, Hashable {
    /// For each operation, the indices of the operations it directly depends on (ascending, distinct).
    public let predecessors: [[Int]]
    /// For each operation, the indices of the operations that directly depend on it (ascending).
    public let successors: [[Int]]
    /// For each qubit, the indices of the operations acting on it, in program order.
    public let operationsOnQubit: [[Int]]
    /// For each operation, one entry per qubit operand (in operand order): the index of the previous
    /// operation on that qubit, or `nil` when the operation is the qubit's first.
    public let predecessorOnQubit: [[Int?]]

    /// The dependency graph of `circuit`.
    public init(_ circuit: Circuit) {
        var lastOnQubit = [Int?](repeating: nil, count: circuit.qubitCount)
        var lastOnClbit = [Int?](repeating: nil, count: circuit.clbitCount)
        var predecessors: [[Int]] = []
        var successors = [[Int]](repeating: [], count: circuit.operations.count)
        var onQubit = [[Int]](repeating: [], count: circuit.qubitCount)
        var perQubit: [[Int?]] = []
        predecessors.reserveCapacity(circuit.operations.count)
        perQubit.reserveCapacity(circuit.operations.count)
        for (index, operation) in circuit.operations.enumerated() {
            let clbits = operation.clbits + (operation.condition?.clbits ?? [])
            perQubit.append(operation.qubits.map { lastOnQubit[$0] })
            var preds = operation.qubits.compactMap { lastOnQubit[$0] } + clbits.compactMap { lastOnClbit[$0] }
            preds = Array(Set(preds)).sorted()
            for pred in preds { successors[pred].append(index) }
            predecessors.append(preds)
            for qubit in operation.qubits {
                lastOnQubit[qubit] = index
                onQubit[qubit].append(index)
            }
            for clbit in clbits { lastOnClbit[clbit] = index }
        }
        self.predecessors = predecessors
        self.successors = successors
        self.operationsOnQubit = onQubit
        self.predecessorOnQubit = perQubit
    }

    /// The earliest finish time of every operation when each runs as soon as its predecessors have
    /// finished and takes `duration(operation)` (as-soon-as-possible schedule, unlimited resources).
    ///
    /// - Throws: ``CircuitError/outOfRange(parameter:value:allowed:)`` naming `duration(operations[i])`
    ///   when a duration is negative or not finite.
    public func earliestFinishTimes(
        of circuit: Circuit, duration: (Circuit.Operation) throws -> Double
    ) throws -> [Double] {
        var finish = [Double](repeating: 0, count: predecessors.count)
        for (index, operation) in circuit.operations.enumerated() {
            let time = try duration(operation)
            guard time >= 0, time.isFinite else {
                throw ParameterError(outOfRange: "duration(operations[\(index)] '\(operation.name)')", value: time,
                    allowed: "[0, ∞)")
            }
            let start = predecessors[index].reduce(0.0) { max($0, finish[$1]) }
            finish[index] = start + time
        }
        return finish
    }

    /// The critical-path length: the makespan of the as-soon-as-possible schedule with per-operation
    /// durations `duration` (0 for an empty circuit).
    ///
    /// - Throws: as ``earliestFinishTimes(of:duration:)``.
    public func criticalPathLength(
        of circuit: Circuit, duration: (Circuit.Operation) throws -> Double
    ) throws -> Double {
        try earliestFinishTimes(of: circuit, duration: duration).max() ?? 0
    }
}

extension Circuit {
    /// The circuit's dependency DAG (see ``DependencyGraph``).
    public var dependencyGraph: DependencyGraph { DependencyGraph(self) }

    /// The critical-path length with per-operation durations `duration` (see
    /// ``DependencyGraph/criticalPathLength(of:duration:)``).
    public func criticalPathLength(duration: (Circuit.Operation) throws -> Double) throws -> Double {
        try dependencyGraph.criticalPathLength(of: self, duration: duration)
    }

    /// The depth: the critical-path length when every gate, measurement and reset takes one step and a
    /// barrier takes none.
    public var depth: Int {
        // Durations are 0 or 1, so the closure cannot throw.
        Int((try? criticalPathLength { $0.kind == .barrier ? 0 : 1 }) ?? 0)
    }
}
