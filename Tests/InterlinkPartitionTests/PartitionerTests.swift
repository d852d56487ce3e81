import Foundation
import InterlinkCircuits
import InterlinkCore
import Testing

@testable import InterlinkPartition

@Suite("Partitioner")
struct PartitionerTests {
    /// Two disjoint cliques on interleaved indices (clique A = even qubits, clique B = odd qubits).
    static func twoCliques(size: Int) throws -> InteractionGraph {
        var edges: [InteractionGraph.Edge] = []
        for parity in 0..<2 {
            let members = (0..<size).map { 2 * $0 + parity }
            for i in 0..<size {
                for j in (i + 1)..<size { edges.append(.init(a: members[i], b: members[j], weight: 1 + i)) }
            }
        }
        return try InteractionGraph(vertexCount: 2 * size, edges: edges)
    }

    @Test("two disjoint cliques onto two modules cut no edge", arguments: [METIS.Method.kway, .recursiveBisection])
    func disjointCliques(_ method: METIS.Method) throws {
        let graph = try Self.twoCliques(size: 6)
        let placement = try Partitioner(capacities: [6, 6], method: method).partition(graph)
        #expect(placement.cutWeight(of: graph) == 0)
        #expect(Set((0..<6).map { placement.modules[2 * $0] }).count == 1)
        #expect(placement.loads == [6, 6])
    }

    @Test("a line of k·c qubits onto k modules of capacity c is cut exactly k−1 times, in contiguous runs",
          arguments: [(2, 8), (3, 5), (4, 8), (8, 4), (16, 8)])
    func line(_ k: Int, _ c: Int) throws {
        let circuit = try Circuit.ghz(qubits: k * c)
        let graph = circuit.interactionGraph
        let placement = try Partitioner(capacities: Array(repeating: c, count: k)).partition(circuit)
        // Every module is full (k·c qubits, capacity k·c), so the path visits all k modules and must
        // change module at least k−1 times; contiguous runs change exactly k−1 times.
        #expect(placement.cutWeight(of: graph) == k - 1)
        for module in 0..<k {
            let qubits = placement.qubits(on: module)
            #expect(qubits.count == c)
            #expect(qubits.last! - qubits.first! == c - 1)
        }
    }

    @Test("a line that must span k modules is cut at least k−1 times; refinement reaches k−1")
    func lineWithSlack() throws {
        // 20 qubits on 4 modules of 6: three modules hold only 18, so all four are used and the path
        // changes module at least 3 times; contiguous runs of 6, 6, 6, 2 achieve 3.
        let graph = try Circuit.ghz(qubits: 20).interactionGraph
        let partitioner = try Partitioner(capacities: [6, 6, 6, 6])
        let placement = try partitioner.partition(graph)
        #expect(placement.cutWeight(of: graph) >= 3)
        let refined = try partitioner.refine(placement, graph: graph, cost: PlacementCost.uniform(modules: 4))
        #expect(refined.cutWeight(of: graph) == 3)
        #expect(zip(refined.loads, [6, 6, 6, 6]).allSatisfy { $0 <= $1 })
    }

    @Test("capacity is never exceeded and every qubit is placed (random graphs)")
    func capacityProperty() throws {
        var rng = SplitMix64(seed: 2026)
        for trial in 0..<60 {
            let n = 1 + Int(rng.next() % 40)
            let k = 1 + Int(rng.next() % 6)
            var capacities = (0..<k).map { _ in Int(rng.next() % 12) }
            let shortfall = n - capacities.reduce(0, +)
            if shortfall > 0 { capacities[Int(rng.next() % UInt64(k))] += shortfall }
            var edges: [InteractionGraph.Edge] = []
            for a in 0..<n {
                for b in (a + 1)..<max(a + 1, n) where rng.next() % 4 == 0 {
                    edges.append(.init(a: a, b: b, weight: 1 + Int(rng.next() % 5)))
                }
            }
            let graph = try InteractionGraph(vertexCount: n, edges: edges)
            let method: METIS.Method = trial % 2 == 0 ? .kway : .recursiveBisection
            let partitioner = try Partitioner(capacities: capacities, method: method)
            let placement = try partitioner.partition(graph)
            #expect(placement.modules.count == n)
            #expect(zip(placement.loads, capacities).allSatisfy { $0 <= $1 }, "trial \(trial): \(capacities)")
            let cost = try PlacementCost.uniform(modules: k)
            let refined = try partitioner.refine(placement, graph: graph, cost: cost)
            #expect(zip(refined.loads, capacities).allSatisfy { $0 <= $1 })
            #expect(refined.cutWeight(of: graph) <= placement.cutWeight(of: graph))
        }
    }

    @Test("results are identical across runs (fixed METIS seed)")
    func deterministic() throws {
        let graph = try Circuit.randomLayered(qubits: 60, layers: 12, seed: 7).interactionGraph
        for method in METIS.Method.allCases {
            let partitioner = try Partitioner(capacities: [16, 16, 16, 16], method: method, seed: 3)
            let first = try partitioner.partition(graph)
            for _ in 0..<5 { #expect(try partitioner.partition(graph) == first) }
        }
    }

    @Test("concurrent partitions give the serial result (METIS calls are serialised)")
    func concurrent() async throws {
        let graph = try Circuit.qft(qubits: 64).interactionGraph
        let partitioner = try Partitioner(capacities: Array(repeating: 8, count: 8))
        let serial = try partitioner.partition(graph)
        let results = try await withThrowingTaskGroup(of: Placement.self) { group in
            for _ in 0..<8 { group.addTask { try partitioner.partition(graph) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == 8)
        #expect(results.allSatisfy { $0 == serial })
    }

    @Test("128-qubit QFT onto 16 modules of 8: capacity respected; time reported")
    func qft128() throws {
        let circuit = try Circuit.qft(qubits: 128)
        let partitioner = try Partitioner(capacities: Array(repeating: 8, count: 16))
        let clock = ContinuousClock()
        var built: InteractionGraph?
        let graphTime = clock.measure { built = circuit.interactionGraph }
        let graph = try #require(built)
        var placement: Placement?
        let partitionTime = try clock.measure { placement = try partitioner.partition(graph) }
        let result = try #require(placement)
        #expect(result.loads == Array(repeating: 8, count: 16))
        // The QFT graph is complete (unit weights, 2 on the 64 swap pairs): with 16 full modules of 8,
        // the uncut weight is at most 16·C(8,2) + 2·(swap pairs inside a module), so the cut weight is
        // at least 8128 + 64 − 16·28 − 64 = 7680.
        #expect(result.cutWeight(of: graph) >= 7680)
        // Refinement with unit remote cost reaches that bound: four swap pairs inside every module.
        let refined = try partitioner.refine(result, graph: graph, cost: PlacementCost.uniform(modules: 16))
        #expect(refined.cutWeight(of: graph) == 7680)
        #expect(refined.loads == Array(repeating: 8, count: 16))
        print(
            "128-qubit QFT onto 16×8: interaction graph \(graphTime), partition (METIS + repair) "
                + "\(partitionTime), cut weight \(result.cutWeight(of: graph))")
    }
}
