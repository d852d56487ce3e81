import Testing

@testable import InterlinkCircuits

/// One malformed program, with the line and column of its error counted by hand and a fragment of
/// the message.
struct MalformedCase: Sendable, CustomTestStringConvertible {
    let name: String
    let source: String
    let line: Int
    let column: Int
    let fragment: String

    var testDescription: String { name }
}

let qasm2Prelude = "OPENQASM 2.0;\ninclude \"qelib1.inc\";\n"
let qasm3Prelude = "OPENQASM 3.0;\ninclude \"stdgates.inc\";\n"

let malformedCases: [MalformedCase] = [
    // Line 4 `h q[0]` lacks ';'; the next token `cx` starts line 5.
    MalformedCase(
        name: "missing semicolon", source: qasm2Prelude + "qreg q[2];\nh q[0]\ncx q[0],q[1];\n",
        line: 5, column: 1, fragment: "expected ';'"),
    MalformedCase(
        name: "unknown gate", source: qasm2Prelude + "qreg q[1];\nfoo q[0];\n",
        line: 4, column: 1, fragment: "unknown gate 'foo'"),
    MalformedCase(
        name: "qelib1 gate without the include", source: "OPENQASM 2.0;\nqreg q[1];\nh q[0];\n",
        line: 3, column: 1, fragment: "qelib1.inc"),
    // `x q[2];`: the index 2 is column 5.
    MalformedCase(
        name: "index out of range", source: qasm2Prelude + "qreg q[2];\nx q[2];\n",
        line: 4, column: 5, fragment: "index 2 is out of range for register 'q' of size 2"),
    MalformedCase(
        name: "too few qubits", source: qasm2Prelude + "qreg q[3];\ncx q[0];\n",
        line: 4, column: 1, fragment: "gate 'cx' takes 2 qubit(s), 1 given"),
    MalformedCase(
        name: "missing parameter", source: qasm2Prelude + "qreg q[1];\nrz q[0];\n",
        line: 4, column: 1, fragment: "gate 'rz' takes 1 parameter(s), 0 given"),
    // `cx a, b;`: b is column 7.
    MalformedCase(
        name: "broadcast size mismatch", source: qasm2Prelude + "qreg a[2];\nqreg b[3];\ncx a, b;\n",
        line: 5, column: 7, fragment: "broadcasting needs registers of equal size"),
    MalformedCase(
        name: "undeclared register", source: qasm2Prelude + "qreg q[1];\nx r[0];\n",
        line: 4, column: 3, fragment: "unknown quantum register 'r'"),
    MalformedCase(
        name: "repeated qubit", source: qasm2Prelude + "qreg q[2];\ncx q[0], q[0];\n",
        line: 4, column: 1, fragment: "qubit q[0] is used twice in 'cx'"),
    MalformedCase(
        name: "for loop", source: qasm3Prelude + "qubit[2] q;\nfor int i in [0:1] { h q[i]; }\n",
        line: 4, column: 1, fragment: "'for' loops are not supported"),
    MalformedCase(
        name: "while loop", source: qasm3Prelude + "qubit[2] q;\nbit c;\nwhile (c == 0) { h q[0]; }\n",
        line: 5, column: 1, fragment: "'while' loops are not supported"),
    MalformedCase(
        name: "classical variable", source: qasm3Prelude + "qubit[1] q;\nint x = 3;\n",
        line: 4, column: 1, fragment: "classical variables of type 'int' are not supported"),
    MalformedCase(
        name: "subroutine", source: qasm3Prelude + "def f(qubit a) { h a; }\n",
        line: 3, column: 1, fragment: "subroutine definitions ('def') are not supported"),
    MalformedCase(
        name: "defcal", source: qasm3Prelude + "qubit[1] q;\ndefcal x $0 { }\n",
        line: 4, column: 1, fragment: "calibration definitions ('defcal') are not supported"),
    // `gate g a { h a;` ends the file after 15 characters: end of file at column 16.
    MalformedCase(
        name: "unterminated gate body", source: qasm2Prelude + "gate g a { h a;",
        line: 3, column: 16, fragment: "unterminated body of gate 'g'"),
    // `rz(1/0) q[0];`: '/' is column 5.
    MalformedCase(
        name: "division by zero", source: qasm2Prelude + "qreg q[1];\nrz(1/0) q[0];\n",
        line: 4, column: 5, fragment: "division by zero"),
    MalformedCase(
        name: "unknown identifier in an expression", source: qasm2Prelude + "qreg q[1];\nrz(theta) q[0];\n",
        line: 4, column: 4, fragment: "unknown identifier 'theta'"),
    // `OPENQASM 4.0;`: the version number starts at column 10.
    MalformedCase(
        name: "unsupported version", source: "OPENQASM 4.0;\n",
        line: 1, column: 10, fragment: "unsupported OpenQASM version"),
    // `measure q -> c;`: c is column 14.
    MalformedCase(
        name: "measure size mismatch", source: qasm2Prelude + "qreg q[2];\ncreg c[3];\nmeasure q -> c;\n",
        line: 5, column: 14, fragment: "cannot measure 'q' (2 qubit(s)) into 'c' (3 bit(s))"),
    // `gate h a { x a; }`: the name h is column 6.
    MalformedCase(
        name: "redefinition of a library gate", source: qasm2Prelude + "gate h a { x a; }\n",
        line: 3, column: 6, fragment: "gate 'h' is already defined"),
    // `gate g a { h a[0]; }`: '[' is column 15.
    MalformedCase(
        name: "indexing inside a gate body", source: qasm2Prelude + "gate g a { h a[0]; }\n",
        line: 3, column: 15, fragment: "indexing is not allowed"),
    // `gate g a { cx a, b; }`: b is column 18.
    MalformedCase(
        name: "undeclared qubit argument in a body", source: qasm2Prelude + "gate g a { cx a, b; }\n",
        line: 3, column: 18, fragment: "'b' is not a qubit argument of gate 'g'"),
    MalformedCase(
        name: "gate modifier", source: qasm3Prelude + "qubit[2] q;\nctrl @ x q[0], q[1];\n",
        line: 4, column: 1, fragment: "gate modifiers ('ctrl @') are not supported"),
    MalformedCase(
        name: "unterminated block comment", source: qasm2Prelude + "/* oops\nqreg q[1];\n",
        line: 3, column: 1, fragment: "unterminated block comment"),
    MalformedCase(
        name: "qubit declaration in OpenQASM 2.0", source: "OPENQASM 2.0;\nqubit[2] q;\n",
        line: 2, column: 1, fragment: "'qubit' declarations are OpenQASM 3"),
    // `if (c == 4) x q[0];`: 4 is column 10; c has 2 bits (at most 3).
    MalformedCase(
        name: "condition value too large", source: qasm2Prelude + "qreg q[1];\ncreg c[2];\nif (c == 4) x q[0];\n",
        line: 5, column: 10, fragment: "value 4 does not fit in 'c'"),
    // `if (c[0] == 1) { x q[0]; }`: '{' is column 16.
    MalformedCase(
        name: "if block", source: qasm3Prelude + "qubit[1] q;\nbit[1] c;\nif (c[0] == 1) { x q[0]; }\n",
        line: 5, column: 16, fragment: "'if' blocks are not supported"),
    MalformedCase(
        name: "unknown function", source: qasm2Prelude + "qreg q[1];\nrz(foo(1)) q[0];\n",
        line: 4, column: 4, fragment: "unknown function 'foo'"),
    // `  ?` on line 5: '?' is column 3.
    MalformedCase(
        name: "unexpected character", source: qasm2Prelude + "qreg q[1];\nh q[0];\n  ?\n",
        line: 5, column: 3, fragment: "unexpected character '?'"),
    // `include "mylib.inc";`: the string starts at column 9.
    MalformedCase(
        name: "unsupported include", source: "OPENQASM 2.0;\ninclude \"mylib.inc\";\n",
        line: 2, column: 9, fragment: "include \"mylib.inc\" is not supported"),
    MalformedCase(
        name: "version statement not first", source: "OPENQASM 2.0;\nqreg q[1];\nOPENQASM 2.0;\n",
        line: 3, column: 1, fragment: "must be the first statement"),
    // `rz(2^2) q[0];` in OpenQASM 3: '^' is column 5.
    MalformedCase(
        name: "caret in OpenQASM 3", source: qasm3Prelude + "qubit[1] q;\nrz(2^2) q[0];\n",
        line: 4, column: 5, fragment: "'^' is bitwise XOR"),
    // `measure q[0] -> c[0];` with c quantum: c at column 17.
    MalformedCase(
        name: "measuring into a quantum register", source: qasm2Prelude + "qreg q[1];\nqreg c[1];\nmeasure q[0] -> c[0];\n",
        line: 5, column: 17, fragment: "'c' is a quantum register"),
    // `qreg q[0];`: the size is column 8.
    MalformedCase(
        name: "empty register", source: qasm2Prelude + "qreg q[0];\n",
        line: 3, column: 8, fragment: "a register size must be at least 1"),
    // `qreg q[2];` twice: the second name is column 6.
    MalformedCase(
        name: "register declared twice", source: qasm2Prelude + "qreg q[2];\nqreg q[2];\n",
        line: 4, column: 6, fragment: "register 'q' is already declared"),
    // `c = measure q;` is OpenQASM 3 syntax; c at column 1.
    MalformedCase(
        name: "measurement assignment in OpenQASM 2.0", source: qasm2Prelude + "qreg q[1];\ncreg c[1];\nc = measure q;\n",
        line: 5, column: 1, fragment: "measurement assignment is OpenQASM 3 syntax"),
    // `gate g a { g a; }`: the inner g is column 12.
    MalformedCase(
        name: "recursive gate", source: qasm2Prelude + "gate g a { g a; }\n",
        line: 3, column: 12, fragment: "gate 'g' cannot call itself"),
    // `rz(sqrt(-1)) q[0];`: sqrt is column 4.
    MalformedCase(
        name: "square root of a negative number", source: qasm2Prelude + "qreg q[1];\nrz(sqrt(-1)) q[0];\n",
        line: 4, column: 4, fragment: "sqrt(-1.0) is not a finite real number"),
]

@Suite("OpenQASM malformed inputs")
struct QASMMalformedTests {
    @Test("at least 15 malformed programs")
    func enoughCases() {
        #expect(malformedCases.count >= 15)
    }

    @Test("each malformed program is rejected at the hand-counted line and column", arguments: malformedCases)
    func rejected(_ example: MalformedCase) {
        do {
            let circuit = try Circuit(qasm: example.source)
            Issue.record("parsed without error into \(circuit.operations.count) operations")
        } catch let error as QASMError {
            #expect(error.line == example.line, "\(error)")
            #expect(error.column == example.column, "\(error)")
            #expect(error.message.contains(example.fragment), "\(error)")
            #expect(error.description == "\(example.line):\(example.column): \(error.message)")
        } catch {
            Issue.record("unexpected error type: \(error)")
        }
    }
}
