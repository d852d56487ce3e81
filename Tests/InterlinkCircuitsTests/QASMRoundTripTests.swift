import Foundation
import Testing

@testable import InterlinkCircuits

/// Writes a circuit as OpenQASM 2.0 the way an exporter would (one register `q`, one `c`, qelib1
/// names, parameters with 17 significant digits so they read back exactly). Test-only and written
/// independently of the importer.
func writeQASM2(_ circuit: Circuit) -> String {
    var lines = ["OPENQASM 2.0;", "include \"qelib1.inc\";", "qreg q[\(circuit.qubitCount)];"]
    if circuit.clbitCount > 0 { lines.append("creg c[\(circuit.clbitCount)];") }
    for operation in circuit.operations {
        let qubits = operation.qubits.map { "q[\($0)]" }.joined(separator: ",")
        switch operation.kind {
        case .gate:
            let parameters = operation.parameters.isEmpty
                ? "" : "(" + operation.parameters.map { String(format: "%.17g", $0) }.joined(separator: ",") + ")"
            lines.append("\(operation.name)\(parameters) \(qubits);")
        case .measure: lines.append("measure \(qubits) -> c[\(operation.clbits[0])];")
        case .reset: lines.append("reset \(qubits);")
        case .barrier: lines.append("barrier \(qubits);")
        }
    }
    return lines.joined(separator: "\n") + "\n"
}

@Suite("OpenQASM round trip")
struct QASMRoundTripTests {
    static let circuits: [(String, Circuit)] = {
        var list: [(String, Circuit)] = []
        for seed in UInt64(0)..<8 {
            // Generators never fail for these sizes.
            if let circuit = try? Circuit.randomLayered(qubits: 3 + Int(seed), layers: 6, seed: seed) {
                list.append(("random \(seed)", circuit))
            }
        }
        if let ghz = try? Circuit.ghz(qubits: 9, measured: true) { list.append(("ghz", ghz)) }
        if let qft = try? Circuit.qft(qubits: 12) { list.append(("qft", qft)) }
        if let grover = try? Circuit.groverIteration(qubits: 5, marked: 19, multiControl: .ancillaLadder) {
            list.append(("grover", grover))
        }
        return list
    }()

    @Test("generated circuits written as OpenQASM 2.0 import back identically")
    func roundTrip() throws {
        #expect(Self.circuits.count == 11)
        for (name, circuit) in Self.circuits {
            let imported = try Circuit(qasm: writeQASM2(circuit))
            #expect(imported.operations == circuit.operations, "\(name)")
            #expect(imported.qubitCount == circuit.qubitCount, "\(name)")
            #expect(imported.gateCounts == circuit.gateCounts, "\(name)")
        }
    }
}
