/// Hand-derived expectations for every file of the test corpus (Resources/corpus): the qubit and
/// classical-bit counts and the number of operations of each name (gates after expanding user
/// definitions, plus measure/reset/barrier). Each entry is reasoned from the file's text in the comment
/// above it, not printed by the parser.
struct CorpusExpectation: Sendable {
    let file: String
    let qubits: Int
    let clbits: Int
    let operations: [String: Int]
}

let corpusExpectations: [CorpusExpectation] = [
    // h q[0]; cx; two single measurements.
    CorpusExpectation(file: "01_bell", qubits: 2, clbits: 2, operations: ["h": 1, "cx": 1, "measure": 2]),
    // Chain of 4 cx on 5 qubits, one barrier over the register, `measure q -> c` broadcasts to 5.
    CorpusExpectation(
        file: "02_ghz_broadcast_measure", qubits: 5, clbits: 5,
        operations: ["h": 1, "cx": 4, "barrier": 1, "measure": 5]),
    // a, b: 3 qubits each, anc: 1. h a → 3; x b → 3; cx a,b → 3; cx anc[0],a → 3 (6 cx);
    // ccx a,b,anc[0] → 3; one swap; measure a → 3; reset anc → 1 plus reset b → 3.
    CorpusExpectation(
        file: "03_broadcast", qubits: 7, clbits: 3,
        operations: ["h": 3, "x": 3, "cx": 6, "ccx": 3, "swap": 1, "measure": 3, "reset": 4]),
    // rz on lines 4, 11, 12, 13, 14 (5); rx, ry, u3, u2, u1, p once each.
    CorpusExpectation(
        file: "04_param_expressions", qubits: 1, clbits: 0,
        operations: ["rz": 5, "rx": 1, "ry": 1, "u3": 1, "u2": 1, "u1": 1, "p": 1]),
    // bell = h + cx, called twice.
    CorpusExpectation(file: "05_user_gate", qubits: 4, clbits: 0, operations: ["h": 2, "cx": 2]),
    // inner = rz, sx, rz; middle = 2 inner + cx = 4 rz, 2 sx, 1 cx; outer = 2 middle + barrier
    // = 8 rz, 4 sx, 2 cx, 1 barrier; outer called twice.
    CorpusExpectation(
        file: "06_nested_gates", qubits: 3, clbits: 0,
        operations: ["rz": 16, "sx": 8, "cx": 4, "barrier": 2]),
    // Qiskit-style 3-qubit QFT: 3 h, 3 cp, 1 swap, barrier, 3 measurements.
    CorpusExpectation(
        file: "07_qiskit_dumps_qft3", qubits: 3, clbits: 3,
        operations: ["h": 3, "cp": 3, "swap": 1, "barrier": 1, "measure": 3]),
    // rzx = h, cx, rz, cx, h; ryy = 2 sxdg, cx, rz, cx, 2 sx; mcx body = 2 h, 15 p, 14 cx.
    // Totals: h 2+2, cx 2+2+14, rz 1+1, sxdg 2, sx 2, p 15, and one measurement.
    CorpusExpectation(
        file: "08_qiskit_custom_gates", qubits: 4, clbits: 4,
        operations: ["h": 4, "cx": 18, "rz": 2, "sxdg": 2, "sx": 2, "p": 15, "measure": 1]),
    // h q[0], then conditioned: x, cx, reset, measure, and `h q` (2); plus one plain measure.
    CorpusExpectation(
        file: "09_conditionals", qubits: 2, clbits: 3,
        operations: ["h": 3, "x": 1, "cx": 1, "reset": 1, "measure": 2]),
    // mygate called twice; `probe q` broadcasts over 3 qubits.
    CorpusExpectation(file: "10_opaque", qubits: 3, clbits: 0, operations: ["mygate": 2, "probe": 3]),
    // Every qelib1.inc gate once (42 names), plus the built-ins CX and U.
    CorpusExpectation(
        file: "11_qelib1_all", qubits: 5, clbits: 0,
        operations: Dictionary(uniqueKeysWithValues: [
            "u3", "u2", "u1", "cx", "id", "u0", "u", "p", "x", "y", "z", "h", "s", "sdg", "t", "tdg", "rx",
            "ry", "rz", "sx", "sxdg", "cz", "cy", "swap", "ch", "ccx", "cswap", "crx", "cry", "crz", "cu1",
            "cp", "cu3", "csx", "cu", "rxx", "rzz", "rccx", "rc3x", "c3x", "c3sqrtx", "c4x", "CX", "U",
        ].map { ($0, 1) })),
    // h, 2 cx, 3 measurement assignments.
    CorpusExpectation(file: "12_qasm3_basic", qubits: 3, clbits: 3, operations: ["h": 1, "cx": 2, "measure": 3]),
    // q[3] + anc = 4 qubits; c[3] + flag = 4 bits. p, phase, cphase, cp, U, u3, cu once; sx q → 3;
    // ccx, cswap, reset, barrier once; c = measure q → 3, flag = measure anc → 1.
    CorpusExpectation(
        file: "13_qasm3_stdgates", qubits: 4, clbits: 4,
        operations: [
            "p": 1, "phase": 1, "cphase": 1, "cp": 1, "U": 1, "u3": 1, "cu": 1, "sx": 3, "ccx": 1,
            "cswap": 1, "reset": 1, "barrier": 1, "measure": 4,
        ]),
    // rzz2 = cx, rz, cx; layer = 2 rzz2 + rx = 4 cx, 2 rz, 1 rx; then `barrier;`.
    CorpusExpectation(
        file: "14_qasm3_gate_def", qubits: 3, clbits: 0, operations: ["cx": 4, "rz": 2, "rx": 1, "barrier": 1]),
    // Comments and line breaks inside statements: h, cx, measure of 2.
    CorpusExpectation(
        file: "15_comments_whitespace", qubits: 2, clbits: 2, operations: ["h": 1, "cx": 1, "measure": 2]),
    // u on lines 4, 5, 10 (3); sx, rz; cx on lines 8, 9, 13 (3); rzz, rxx.
    CorpusExpectation(
        file: "16_numeric_export", qubits: 4, clbits: 0,
        operations: ["u": 3, "sx": 1, "rz": 1, "cx": 3, "rzz": 1, "rxx": 1]),
    // h data → 4; 4 cx; measure comm → 2 and measure data → 4; conditioned x; reset comm → 2.
    CorpusExpectation(
        file: "17_multi_registers", qubits: 6, clbits: 6,
        operations: ["h": 4, "cx": 4, "measure": 6, "x": 1, "reset": 2]),
    // h q three times on 2 qubits (6), x q twice (4), 2 cz, measure q → 2.
    CorpusExpectation(
        file: "18_grover2", qubits: 2, clbits: 2, operations: ["h": 6, "cz": 2, "x": 4, "measure": 2]),
    // u3, 2 h, 2 cx, barrier, 3 measurements, conditioned z and x.
    CorpusExpectation(
        file: "19_teleport", qubits: 3, clbits: 3,
        operations: ["u3": 1, "h": 2, "cx": 2, "barrier": 1, "measure": 3, "z": 1, "x": 1]),
    // prep x → 3 × (h, t); zz x,y → 3 × (2 cx, u1); zz x[0],y → 3 × (2 cx, u1).
    CorpusExpectation(
        file: "20_user_gate_broadcast", qubits: 6, clbits: 0, operations: ["h": 3, "t": 3, "cx": 12, "u1": 6]),
    // No header (OpenQASM 3 by default): h, cx, c = measure q → 2.
    CorpusExpectation(file: "21_qasm3_no_header", qubits: 2, clbits: 2, operations: ["h": 1, "cx": 1, "measure": 2]),
    // h, one measure, conditioned x and z, reset q → 2.
    CorpusExpectation(
        file: "22_qasm3_conditional", qubits: 2, clbits: 2,
        operations: ["h": 1, "measure": 1, "x": 1, "z": 1, "reset": 2]),
    // l2 = 2 rz + cx; l3 = 2 l2 = 4 rz + 2 cx; l4 = 2 l3 + h = 8 rz + 4 cx + h.
    CorpusExpectation(file: "23_deep_nesting", qubits: 4, clbits: 0, operations: ["rz": 8, "cx": 4, "h": 1]),
    // g = barrier + swap, called twice (once with empty parentheses).
    CorpusExpectation(
        file: "24_empty_params_barrier_in_gate", qubits: 2, clbits: 0, operations: ["barrier": 2, "swap": 2]),
    // Qiskit-style parameterised definitions: r = u3; circuit_17 = r + rzz + r (2 u3, 1 rzz), called
    // twice; one explicit u3 (5 u3 in all); _gate_q_ctrl = ccx + c3sqrtx; measure q → c over 3 qubits.
    // q[3] + q0_[1] = 4 qubits.
    CorpusExpectation(
        file: "25_qiskit_parameterized_defs", qubits: 4, clbits: 3,
        operations: ["u3": 5, "rzz": 2, "ccx": 1, "c3sqrtx": 1, "measure": 3]),
]
