extension Circuit {
    /// The number of gates of each name (operations of kind `.gate` only; measurements, resets and
    /// barriers are in ``operationCounts``).
    public var gateCounts: [String: Int] {
        var counts: [String: Int] = [:]
        for operation in operations where operation.kind == .gate { counts[operation.name, default: 0] += 1 }
        return counts
    }

    /// The number of gates by arity (number of qubit operands), e.g. `[1: 12, 2: 5, 3: 1]`.
    public var gateCountsByArity: [Int: Int] {
        var counts: [Int: Int] = [:]
        for operation in operations where operation.kind == .gate { counts[operation.arity, default: 0] += 1 }
        return counts
    }

    /// The number of operations of each name, including `"measure"`, `"reset"` and `"barrier"`.
    public var operationCounts: [String: Int] {
        var counts: [String: Int] = [:]
        for operation in operations { counts[operation.name, default: 0] += 1 }
        return counts
    }

    /// The total number of gates (operations of kind `.gate`).
    public var gateCount: Int { operations.lazy.filter { $0.kind == .gate }.count }
}
