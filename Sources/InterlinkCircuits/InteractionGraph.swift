import InterlinkCore

/// The weighted interaction graph of a circuit: vertices are qubits, and an edge joins two qubits that
/// appear together in a multi-qubit gate, weighted by the number of such gates.
///
/// A gate on `m ≥ 2` qubits adds 1 to the weight of each of its `m(m−1)/2` qubit pairs (a two-qubit
/// gate adds 1 to its one pair; a `ccx` adds 1 to each of three pairs). Barriers, measurements and
/// resets add nothing.
public struct InteractionGraph: Sendable, Hashable {
    /// One undirected weighted edge, `a < b`.
    public struct Edge: Sendable, Hashable {
        /// The smaller qubit index.
        public let a: Int
        /// The larger qubit index.
        public let b: Int
        /// The number of gates acting on both qubits.
        public let weight: Int

        /// An edge between `a < b` of `weight`.
        public init(a: Int, b: Int, weight: Int) {
            self.a = a
            self.b = b
            self.weight = weight
        }
    }

    /// The number of vertices (qubits).
    public let vertexCount: Int
    /// The edges, sorted by `(a, b)`.
    public let edges: [Edge]
    /// For each vertex, its neighbours and edge weights, sorted by neighbour.
    public let adjacency: [[(neighbour: Int, weight: Int)]]

    /// The interaction graph of `circuit`.
    public init(_ circuit: Circuit) {
        // Every qubit pair of every multi-qubit gate as one key a·n + b (a < b); sorting the keys and
        // counting runs gives the weights in (a, b) order without hashing.
        let n = circuit.qubitCount
        var keys: [Int] = []
        for operation in circuit.operations where operation.kind == .gate && operation.arity >= 2 {
            let qubits = operation.qubits
            for i in 0..<qubits.count {
                for j in (i + 1)..<qubits.count {
                    keys.append(min(qubits[i], qubits[j]) * n + max(qubits[i], qubits[j]))
                }
            }
        }
        keys.sort()
        var edges: [Edge] = []
        var start = 0
        while start < keys.count {
            var end = start + 1
            while end < keys.count, keys[end] == keys[start] { end += 1 }
            edges.append(Edge(a: keys[start] / n, b: keys[start] % n, weight: end - start))
            start = end
        }
        self.init(vertexCount: n, sortedEdges: edges)
    }

    /// A graph on `vertexCount` vertices with the given edges (each pair at most once).
    ///
    /// - Throws: ``CircuitError/invalid(parameter:reason:)`` naming `edges[i]` for an endpoint outside
    ///   `0..<vertexCount`, a self-loop, a repeated pair or a weight below 1.
    public init(vertexCount: Int, edges: [Edge]) throws {
        try CircuitValidation.count(vertexCount, "graph.vertexCount", in: 0...Int.max)
        var seen = Set<[Int]>()
        for (i, edge) in edges.enumerated() {
            try CircuitValidation.index(edge.a, "edges[\(i)].a", below: vertexCount, kind: "vertex")
            try CircuitValidation.index(edge.b, "edges[\(i)].b", below: vertexCount, kind: "vertex")
            guard edge.a != edge.b, edge.weight >= 1 else {
                throw ParameterError(invalid: "edges[\(i)]",
                    reason: "needs two distinct endpoints and a weight ≥ 1 (has \(edge.a)–\(edge.b), "
                        + "weight \(edge.weight))")
            }
            guard seen.insert([min(edge.a, edge.b), max(edge.a, edge.b)]).inserted else {
                throw ParameterError(invalid: "edges[\(i)]", reason: "the pair \(edge.a)–\(edge.b) appears twice")
            }
        }
        let normalised = edges.map { Edge(a: min($0.a, $0.b), b: max($0.a, $0.b), weight: $0.weight) }
        self.init(vertexCount: vertexCount, sortedEdges: normalised.sorted { ($0.a, $0.b) < ($1.a, $1.b) })
    }

    private init(vertexCount: Int, sortedEdges: [Edge]) {
        self.vertexCount = vertexCount
        self.edges = sortedEdges
        var adjacency = [[(neighbour: Int, weight: Int)]](repeating: [], count: vertexCount)
        for edge in sortedEdges {
            adjacency[edge.a].append((edge.b, edge.weight))
            adjacency[edge.b].append((edge.a, edge.weight))
        }
        for v in 0..<vertexCount { adjacency[v].sort { $0.neighbour < $1.neighbour } }
        self.adjacency = adjacency
    }

    /// The weight of the edge between `a` and `b` (0 when there is none).
    public func weight(_ a: Int, _ b: Int) -> Int {
        guard a >= 0, a < vertexCount else { return 0 }
        return adjacency[a].first { $0.neighbour == b }?.weight ?? 0
    }

    /// The sum of all edge weights.
    public var totalWeight: Int { edges.reduce(0) { $0 + $1.weight } }

    /// Two graphs are equal when they have the same vertex count and edges.
    public static func == (lhs: InteractionGraph, rhs: InteractionGraph) -> Bool {
        lhs.vertexCount == rhs.vertexCount && lhs.edges == rhs.edges
    }

    /// Hashes the vertex count and edges.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(vertexCount)
        hasher.combine(edges)
    }
}

extension Circuit {
    /// The circuit's weighted interaction graph (see ``InteractionGraph``).
    public var interactionGraph: InteractionGraph { InteractionGraph(self) }
}
