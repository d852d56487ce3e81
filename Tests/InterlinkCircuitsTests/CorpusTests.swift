import InterlinkCore
import Foundation
import Testing

@testable import InterlinkCircuits

@Suite("OpenQASM corpus")
struct CorpusTests {
    static func corpusDirectory() throws -> URL {
        let url = try #require(Bundle.module.url(forResource: "Resources", withExtension: nil))
        return url.appendingPathComponent("corpus")
    }

    static func load(_ name: String) throws -> Circuit {
        try Circuit(qasmContentsOf: corpusDirectory().appendingPathComponent("\(name).qasm"))
    }

    @Test("the corpus has at least 20 files and every file has a hand-written expectation")
    func corpusIsCovered() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.corpusDirectory().path)
            .filter { $0.hasSuffix(".qasm") }
            .map { String($0.dropLast(5)) }
        #expect(files.count >= 20)
        #expect(Set(files) == Set(corpusExpectations.map(\.file)))
    }

    @Test("every corpus file parses with the hand-counted operations", arguments: corpusExpectations)
    func parsesWithExpectedCounts(_ expected: CorpusExpectation) throws {
        let circuit = try Self.load(expected.file)
        #expect(circuit.qubitCount == expected.qubits)
        #expect(circuit.clbitCount == expected.clbits)
        #expect(circuit.operationCounts == expected.operations)
        let gates = expected.operations.filter { !["measure", "reset", "barrier"].contains($0.key) }
        #expect(circuit.gateCounts == gates)
    }

    @Test("an unreadable file is an error naming qasm.file")
    func unreadableFile() {
        let url = URL(fileURLWithPath: "/nonexistent/interlink/circuit.qasm")
        #expect {
            try Circuit(qasmContentsOf: url)
        } throws: { error in
            guard let error = error as? ParameterError, error.kind == .invalid else { return false }
            let parameter = error.path, reason = error.message
            return parameter == "qasm.file" && reason.contains("/nonexistent/interlink/circuit.qasm")
        }
    }

    @Test("qelib1 gates have their documented arities (corpus file 11)")
    func qelib1Arities() throws {
        let circuit = try Self.load("11_qelib1_all")
        // 1 qubit: u3 u2 u1 id u0 u p x y z h s sdg t tdg rx ry rz sx sxdg U (21);
        // 2: cx cz cy swap ch crx cry crz cu1 cp cu3 csx cu rxx rzz CX (16);
        // 3: ccx cswap rccx; 4: rc3x c3x c3sqrtx; 5: c4x.
        #expect(circuit.gateCountsByArity == [1: 21, 2: 16, 3: 3, 4: 3, 5: 1])
        let parameters = Dictionary(circuit.operations.map { ($0.name, $0.parameters.count) }) { a, _ in a }
        #expect(parameters["cu"] == 4)
        #expect(parameters["cu3"] == 3)
        #expect(parameters["u2"] == 2)
        #expect(parameters["u0"] == 1)
        #expect(parameters["c3sqrtx"] == 0)
    }
}

extension CorpusExpectation: CustomTestStringConvertible {
    var testDescription: String { file }
}
