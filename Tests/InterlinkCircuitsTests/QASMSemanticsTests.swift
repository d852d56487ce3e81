import Foundation
import Testing

@testable import InterlinkCircuits

@Suite("OpenQASM semantics")
struct QASMSemanticsTests {
    /// Parameters of the gates named `name`, in program order.
    func parameters(_ circuit: Circuit, _ name: String) -> [[Double]] {
        circuit.operations.filter { $0.name == name }.map(\.parameters)
    }

    func close(_ a: [Double], _ b: [Double]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= 1e-12 * max(1, abs($1)) }
    }

    @Test("parameter expressions evaluate to hand-computed values (corpus file 04)")
    func parameterExpressions() throws {
        let circuit = try CorpusTests.load("04_param_expressions")
        let pi = Double.pi
        // rz(pi/2), rz(-(pi)), rz(tan(pi/4)·0.3) = 0.3, rz(2^-1) = 0.5, rz(-2^2) = −4.
        let rz = parameters(circuit, "rz").map { $0[0] }
        #expect(close(rz, [pi / 2, -pi, 0.3, 0.5, -4]))
        #expect(close(parameters(circuit, "rx")[0], [-pi / 4]))
        #expect(close(parameters(circuit, "ry")[0], [pi / 2]))  // 2π/3 − π/6
        #expect(close(parameters(circuit, "u3")[0], [pi, -pi / 2, pi * pi / 4]))
        #expect(close(parameters(circuit, "u2")[0], [0, pi]))
        #expect(close(parameters(circuit, "u1")[0], [1.5]))  // sin(π/6) + cos 0
        #expect(close(parameters(circuit, "p")[0], [(2.0).squareRoot()]))  // √2 · ln e
    }

    @Test("nested gate definitions expand with substituted parameters and qubits (file 06)")
    func nestedExpansion() throws {
        let circuit = try CorpusTests.load("06_nested_gates")
        // outer q0,q1,q2 → middle(π, π/2) q0,q1 → inner(π) q0; cx q0,q1; inner(π/4) q1.
        let pi = Double.pi
        let expected: [Circuit.Operation] = [
            .gate("rz", [0], parameters: [pi]), .gate("sx", [0]), .gate("rz", [0], parameters: [-pi]),
            .gate("cx", [0, 1]),
            .gate("rz", [1], parameters: [pi / 4]), .gate("sx", [1]), .gate("rz", [1], parameters: [-pi / 4]),
            // middle(0, 1) q1,q2 → inner(0) q1; cx q1,q2; inner(0.5) q2.
            .gate("rz", [1], parameters: [0]), .gate("sx", [1]), .gate("rz", [1], parameters: [-0.0]),
            .gate("cx", [1, 2]),
            .gate("rz", [2], parameters: [0.5]), .gate("sx", [2]), .gate("rz", [2], parameters: [-0.5]),
            .barrier([0, 1, 2]),
        ]
        #expect(Array(circuit.operations.prefix(expected.count)) == expected)
        // The second call, outer q2,q1,q0, starts with inner(π) on q2 and its barrier lists q2, q1, q0.
        #expect(circuit.operations[15] == .gate("rz", [2], parameters: [pi]))
        #expect(circuit.operations.last == .barrier([2, 1, 0]))
    }

    @Test("OpenQASM 3 gate definitions with unicode parameters and ** (file 14)")
    func qasm3Definitions() throws {
        let circuit = try CorpusTests.load("14_qasm3_gate_def")
        let theta = Double.pi * Double.pi
        #expect(close(parameters(circuit, "rz").map { $0[0] }, [theta, theta / 2]))
        #expect(close(parameters(circuit, "rx")[0], [2 * theta]))
        #expect(circuit.operations.last == .barrier([0, 1, 2]))
        #expect(circuit.operations[0] == .gate("cx", [0, 1]))
        #expect(circuit.operations[3] == .gate("cx", [1, 2]))
    }

    @Test("conditions record the register's bits and value (file 09)")
    func conditions() throws {
        let circuit = try CorpusTests.load("09_conditionals")
        let conditioned = circuit.operations.filter { $0.condition != nil }
        #expect(conditioned.count == 6)  // x, cx, reset, measure, h, h
        let c = ClassicalCondition(register: "c", clbits: [0, 1], value: 1)
        #expect(conditioned[0] == .gate("x", [1], condition: c))
        #expect(conditioned[1].condition == ClassicalCondition(register: "c", clbits: [0, 1], value: 3))
        #expect(conditioned[2] == .reset(0, condition: ClassicalCondition(register: "flag", clbits: [2], value: 0)))
        #expect(conditioned[3] == .measure(1, into: 1, condition: ClassicalCondition(register: "c", clbits: [0, 1], value: 2)))
        #expect(conditioned[4] == .gate("h", [0], condition: c))
        #expect(conditioned[5] == .gate("h", [1], condition: c))
    }

    @Test("OpenQASM 3 single-bit conditions and measurement assignment (file 22)")
    func qasm3Conditions() throws {
        let circuit = try CorpusTests.load("22_qasm3_conditional")
        #expect(circuit.operations[1] == .measure(0, into: 0))
        #expect(circuit.operations[2].condition == ClassicalCondition(register: "c[0]", clbits: [0], value: 1))
        #expect(circuit.operations[3].condition == ClassicalCondition(register: "c", clbits: [0, 1], value: 1))
    }

    @Test("broadcasting pairs register elements in order and repeats single qubits (file 03)")
    func broadcasting() throws {
        let circuit = try CorpusTests.load("03_broadcast")
        // a = 0..2, b = 3..5, anc = 6.
        let cx = circuit.operations.filter { $0.name == "cx" }.map(\.qubits)
        #expect(cx == [[0, 3], [1, 4], [2, 5], [6, 0], [6, 1], [6, 2]])
        let ccx = circuit.operations.filter { $0.name == "ccx" }.map(\.qubits)
        #expect(ccx == [[0, 3, 6], [1, 4, 6], [2, 5, 6]])
        #expect(circuit.operations.first { $0.name == "swap" }?.qubits == [0, 5])
        let measures = circuit.operations.filter { $0.kind == .measure }.map { [$0.qubits[0], $0.clbits[0]] }
        #expect(measures == [[0, 0], [1, 1], [2, 2]])
        #expect(circuit.quantumRegisters.map(\.name) == ["a", "b", "anc"])
        #expect(circuit.quantumRegisters.map(\.offset) == [0, 3, 6])
    }

    @Test("measurement assignment of whole registers maps bit i to qubit i (file 13)")
    func registerMeasurement() throws {
        let circuit = try CorpusTests.load("13_qasm3_stdgates")
        let measures = circuit.operations.filter { $0.kind == .measure }.map { [$0.qubits[0], $0.clbits[0]] }
        // q = 0..2, anc = 3; c = 0..2, flag = 3.
        #expect(measures == [[0, 0], [1, 1], [2, 2], [3, 3]])
        #expect(close(parameters(circuit, "cp")[0], [Double.pi / 4]))  // tau/8
    }

    @Test("an expression error inside a gate body is reported at the call site")
    func bodyErrorAtCallSite() {
        let source = """
            OPENQASM 2.0;
            include "qelib1.inc";
            gate g(a) q { rz(1/a) q; }
            qreg q[1];
            g(0) q[0];
            """
        #expect(throws: QASMError.self) { try Circuit(qasm: source) }
        do {
            _ = try Circuit(qasm: source)
        } catch let error as QASMError {
            #expect(error.line == 5)
            #expect(error.column == 1)
            #expect(error.message.contains("division by zero"))
            #expect(error.message.contains("3:19"))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test("Qiskit-style parameter expressions in definitions substitute correctly (file 25)")
    func qiskitDefinitions() throws {
        let circuit = try CorpusTests.load("25_qiskit_parameterized_defs")
        let pi = Double.pi
        // circuit_17(π/2) q0,q1: r(π/2, 0) q0 = u3(π/2, −π/2, π/2); rzz(π); r(−π/2, π/2) q1 = u3(−π/2, 0, 0).
        #expect(circuit.operations[0].qubits == [0])
        #expect(close(circuit.operations[0].parameters, [pi / 2, -pi / 2, pi / 2]))
        #expect(circuit.operations[1].name == "rzz" && circuit.operations[1].qubits == [0, 1])
        #expect(close(circuit.operations[1].parameters, [pi]))
        #expect(close(circuit.operations[2].parameters, [-pi / 2, 0, 0]))
        // The explicit u3(3π/4, −π/2, π) on q[2], then the 4-qubit gate reaching q0_[0] = qubit 3.
        #expect(close(circuit.operations[6].parameters, [3 * pi / 4, -pi / 2, pi]))
        #expect(circuit.operations[8] == .gate("c3sqrtx", [0, 1, 2, 3]))
    }

    @Test("a condition on a user gate applies to every operation of its expansion")
    func conditionedUserGate() throws {
        let circuit = try Circuit(qasm: """
            OPENQASM 2.0;
            include "qelib1.inc";
            gate pair(t) a, b { rz(t) a; cx a, b; }
            qreg q[2];
            creg c[2];
            if (c == 2) pair(pi) q[0], q[1];
            """)
        let condition = ClassicalCondition(register: "c", clbits: [0, 1], value: 2)
        #expect(circuit.operations == [
            .gate("rz", [0], parameters: [Double.pi], condition: condition),
            .gate("cx", [0, 1], condition: condition),
        ])
    }

    @Test("opaque gates keep their name, parameters and operands")
    func opaqueGates() throws {
        let circuit = try CorpusTests.load("10_opaque")
        #expect(circuit.operations[0] == .gate("mygate", [0, 1], parameters: [Double.pi, 0.5]))
        #expect(circuit.operations[1] == .gate("mygate", [1, 2], parameters: [1, 2]))
        #expect(circuit.operations[2...].map(\.qubits) == [[0], [1], [2]])
    }

    @Test("OpenQASM 2.0 conditions on one bit are rejected at the register")
    func indexedConditionInQASM2() {
        #expect {
            try Circuit(qasm: "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[1];\ncreg c[2];\nif (c[0] == 1) x q[0];\n")
        } throws: { error in
            // `if (c[0] == 1)`: c is column 5 of line 5.
            guard let error = error as? QASMError else { return false }
            return error.line == 5 && error.column == 5 && error.message.contains("whole classical register")
        }
    }
}
