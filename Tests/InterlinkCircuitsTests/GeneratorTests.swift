import InterlinkCore
import Foundation
import Testing

@testable import InterlinkCircuits

@Suite("Circuit generators")
struct GeneratorTests {
    @Test("SplitMix64 reproduces the outputs of Vigna's reference splitmix64.c")
    func splitMix() {
        // Reference C code compiled and run with seed 1234567, and with seed 0.
        var rng = SplitMix64(seed: 1_234_567)
        #expect((0..<5).map { _ in rng.next() } == [
            6_457_827_717_110_365_317, 3_203_168_211_198_807_973, 9_817_491_932_198_370_423,
            4_593_380_528_125_082_431, 16_408_922_859_458_223_821,
        ])
        var zero = SplitMix64(seed: 0)
        #expect(zero.next() == 16_294_208_416_658_607_535)
    }

    @Test("GHZ: one h, n−1 cx along a path, depth n", arguments: [1, 2, 5, 17])
    func ghz(_ n: Int) throws {
        let circuit = try Circuit.ghz(qubits: n)
        #expect(circuit.gateCounts == (n == 1 ? ["h": 1] : ["h": 1, "cx": n - 1]))
        #expect(circuit.depth == n)
        #expect(circuit.interactionGraph.edges == (0..<max(0, n - 1)).map { .init(a: $0, b: $0 + 1, weight: 1) })
        let measured = try Circuit.ghz(qubits: n, measured: true)
        #expect(measured.operationCounts["measure"] == n)
        #expect(measured.depth == n + 1)
    }

    @Test("GHZ amplitudes: (|0…0⟩ + |1…1⟩)/√2")
    func ghzState() throws {
        let state = StateVector.run(try Circuit.ghz(qubits: 4))
        let s = 1 / (2.0).squareRoot()
        var expected = [Double](repeating: 0, count: 16)
        expected[0] = s
        expected[15] = s
        #expect(zip(state.amplitudes, expected).allSatisfy { abs($0 - $1) < 1e-12 })
    }

    @Test("QFT: n h, n(n−1)/2 cp, ⌊n/2⌋ swaps", arguments: [1, 2, 5, 8, 128])
    func qft(_ n: Int) throws {
        let circuit = try Circuit.qft(qubits: n)
        var expected = ["h": n]
        if n > 1 { expected["cp"] = n * (n - 1) / 2 }
        if n > 1 { expected["swap"] = n / 2 }
        #expect(circuit.gateCounts == expected)
        let noSwaps = try Circuit.qft(qubits: n, swaps: false)
        #expect(noSwaps.gateCounts["swap"] == nil)
        #expect(noSwaps.interactionGraph.edges.count == n * (n - 1) / 2)
    }

    @Test("QFT angles are π/2^(k−j) and the swap pairs weigh 2 in the interaction graph")
    func qftStructure() throws {
        let circuit = try Circuit.qft(qubits: 5)
        let cp = circuit.operations.filter { $0.name == "cp" }
        #expect(cp[0] == .gate("cp", [1, 0], parameters: [Double.pi / 2]))
        #expect(cp[3] == .gate("cp", [4, 0], parameters: [Double.pi / 16]))
        #expect(cp[4] == .gate("cp", [2, 1], parameters: [Double.pi / 2]))
        let graph = circuit.interactionGraph
        #expect(graph.weight(0, 4) == 2)
        #expect(graph.weight(1, 3) == 2)
        #expect(graph.weight(0, 1) == 1)
        #expect(graph.totalWeight == 10 + 2)
    }

    @Test("Grover iteration gate counts: h 3n+4, x 2z+2n, two multi-controlled X")
    func groverCounts() throws {
        // n = 2, marked 0b11 (z = 0): h 10, x 4, cx 2.
        #expect(try Circuit.groverIteration(qubits: 2, marked: 3).gateCounts == ["h": 10, "x": 4, "cx": 2])
        // n = 3, marked 0 (z = 3): h 13, x 12, ccx 2.
        #expect(try Circuit.groverIteration(qubits: 3, marked: 0).gateCounts == ["h": 13, "x": 12, "ccx": 2])
        // n = 4, marked 0b0101 (z = 2): h 16, x 12, two mcx of arity 4.
        let named = try Circuit.groverIteration(qubits: 4, marked: 0b0101)
        #expect(named.gateCounts == ["h": 16, "x": 12, "mcx": 2])
        #expect(named.operations.filter { $0.name == "mcx" }.allSatisfy { $0.qubits == [0, 1, 2, 3] })
        // Ladder: n − 3 = 1 ancilla, 2(2n − 5) = 6 ccx.
        let ladder = try Circuit.groverIteration(qubits: 4, marked: 0b0101, multiControl: .ancillaLadder)
        #expect(ladder.qubitCount == 5)
        #expect(ladder.gateCounts == ["h": 16, "x": 12, "ccx": 6])
        // n = 6: 3 ancillas, 2(12 − 5) = 14 ccx.
        let six = try Circuit.groverIteration(qubits: 6, marked: 63, multiControl: .ancillaLadder)
        #expect(six.qubitCount == 9)
        #expect(six.gateCounts == ["h": 22, "x": 12, "ccx": 14])
    }

    @Test("one Grover iteration amplifies the marked state to sin²(3θ), sin θ = 2^(−n/2)",
          arguments: [(3, 5, Circuit.MultiControlStyle.named), (4, 9, .named), (4, 9, .ancillaLadder), (5, 22, .ancillaLadder)])
    func groverAmplification(_ n: Int, _ marked: Int, _ style: Circuit.MultiControlStyle) throws {
        let circuit = try Circuit.groverIteration(qubits: n, marked: marked, multiControl: style)
        let state = StateVector.run(circuit)
        let theta = asin(pow(2, -Double(n) / 2))
        let expected = pow(sin(3 * theta), 2)  // n = 3: 25/32; n = 4: 0.47265625
        #expect(abs(state.amplitudes[marked] * state.amplitudes[marked] - expected) < 1e-12)
        // Ancillas (bits ≥ n) end in |0⟩: all weight on indices below 2^n.
        let ancillaWeight = state.amplitudes.indices.filter { $0 >= (1 << n) }.reduce(0.0) {
            $0 + state.amplitudes[$1] * state.amplitudes[$1]
        }
        #expect(ancillaWeight < 1e-24)
    }

    @Test("the ancilla ladder computes the AND of the controls and restores the ancillas")
    func ladderTruthTable() throws {
        let m = 5
        var circuit = try Circuit(qubits: m + 1 + (m - 2))
        try circuit.appendMultiControlledX(
            controls: Array(0..<m), target: m, ancillas: Array((m + 1)..<(2 * m - 1)), style: .ancillaLadder)
        #expect(circuit.gateCounts == ["ccx": 2 * m - 3])
        for input in 0..<(1 << (m + 1)) {
            var bits = input
            for operation in circuit.operations {
                let controls = operation.qubits.dropLast().allSatisfy { bits & (1 << $0) != 0 }
                if controls { bits ^= 1 << operation.qubits.last! }
            }
            let and = input & ((1 << m) - 1) == (1 << m) - 1
            #expect(bits == (and ? input ^ (1 << m) : input))
        }
    }

    @Test("random layered circuits: n single-qubit gates and ⌊n/2⌋ disjoint cx per layer, seeded")
    func randomLayered() throws {
        let circuit = try Circuit.randomLayered(qubits: 7, layers: 5, seed: 42)
        #expect(circuit.gateCountsByArity == [1: 35, 2: 15])
        #expect(Set(circuit.gateCounts.keys).isSubset(of: Set(Circuit.randomLayeredSingleQubitGates + ["cx"])))
        for layer in 0..<5 {
            let operations = circuit.operations[(layer * 10)..<(layer * 10 + 10)]
            #expect(operations.prefix(7).map { $0.qubits } == (0..<7).map { [$0] })
            let paired = operations.suffix(3).flatMap(\.qubits)
            #expect(Set(paired).count == 6)
        }
        for operation in circuit.operations where operation.name.hasPrefix("r") {
            #expect(operation.parameters.count == 1)
            #expect(operation.parameters[0] >= 0 && operation.parameters[0] < 2 * Double.pi)
        }
        #expect(try Circuit.randomLayered(qubits: 7, layers: 5, seed: 42) == circuit)
        #expect(try Circuit.randomLayered(qubits: 7, layers: 5, seed: 43) != circuit)
        #expect(try Circuit.randomLayered(qubits: 3, layers: 0, seed: 1).operations.isEmpty)
    }

    @Test("generator inputs are validated naming the parameter")
    func generatorValidation() {
        #expect(throws: ParameterError(outOfRange: "ghz.qubits", value: 0, allowed: "[1, ∞]")) {
            try Circuit.ghz(qubits: 0)
        }
        #expect(throws: ParameterError(outOfRange: "qft.qubits", value: -2, allowed: "[1, ∞]")) {
            try Circuit.qft(qubits: -2)
        }
        #expect(throws: ParameterError(outOfRange: "grover.marked", value: 8, allowed: "[0, 7]")) {
            try Circuit.groverIteration(qubits: 3, marked: 8)
        }
        #expect(throws: ParameterError(outOfRange: "grover.qubits", value: 1, allowed: "[2, 62]")) {
            try Circuit.groverIteration(qubits: 1, marked: 0)
        }
        #expect(throws: ParameterError(outOfRange: "random.layers", value: -1, allowed: "[0, ∞]")) {
            try Circuit.randomLayered(qubits: 2, layers: -1, seed: 0)
        }
    }
}
