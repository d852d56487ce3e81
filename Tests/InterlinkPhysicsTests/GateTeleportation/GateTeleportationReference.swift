import Foundation
@testable import InterlinkPhysics

/// Brute-force density-matrix simulation of a teleported CNOT (Eisert et al., PRA 62, 052317, 2000),
/// written from the circuit, independent of `RemoteOperations.teleportedCNOT`.
///
/// Six qubits, [Rc, c, a, b, t, Rt]: references Rc and Rt maximally entangled with the control c and
/// target t (Choi state), the pair (a, b). Every operation is real (CNOT, H, X, Z and Pauli channels,
/// with Y·ρ·Y = (XZ)ρ(XZ)ᵀ), so the 64 × 64 matrices are real.
struct GateTeleportationReference {
    static let qubits = 6
    static let dimension = 1 << qubits
    enum Q: Int { case rc = 0, c, a, b, t, rt }

    var rho: [[Double]]

    /// Bit of qubit `q` in basis index `i`.
    static func bit(_ i: Int, _ q: Q) -> Int { (i >> (qubits - 1 - q.rawValue)) & 1 }
    static func flip(_ i: Int, _ q: Q) -> Int { i ^ (1 << (qubits - 1 - q.rawValue)) }

    /// |Φ⁺⟩(Rc, c) ⊗ ρ_pair(a, b) ⊗ |Φ⁺⟩(t, Rt).
    init(pair: BellDiagonalState) {
        let p = DensityMatrix.matrix(pair)   // basis |a b⟩
        var r = Array(repeating: Array(repeating: 0.0, count: Self.dimension), count: Self.dimension)
        for i in 0..<Self.dimension {
            for k in 0..<Self.dimension {
                guard Self.bit(i, .rc) == Self.bit(i, .c), Self.bit(k, .rc) == Self.bit(k, .c),
                      Self.bit(i, .t) == Self.bit(i, .rt), Self.bit(k, .t) == Self.bit(k, .rt) else { continue }
                let pi = 2 * Self.bit(i, .a) + Self.bit(i, .b), pk = 2 * Self.bit(k, .a) + Self.bit(k, .b)
                r[i][k] = 0.25 * p[pi][pk]
            }
        }
        rho = r
    }

    /// ρ → UρUᵀ for a real operator given by its columns U|j⟩ = Σ u|i⟩.
    mutating func apply(_ column: (Int) -> [(Int, Double)]) {
        var out = Array(repeating: Array(repeating: 0.0, count: Self.dimension), count: Self.dimension)
        let cols = (0..<Self.dimension).map(column)
        for j in 0..<Self.dimension {
            for l in 0..<Self.dimension where rho[j][l] != 0 {
                for (i, u) in cols[j] { for (k, v) in cols[l] { out[i][k] += u * v * rho[j][l] } }
            }
        }
        rho = out
    }

    mutating func cnot(_ control: Q, _ target: Q) {
        apply { j in [(Self.bit(j, control) == 1 ? Self.flip(j, target) : j, 1)] }
    }
    mutating func x(_ q: Q) { apply { j in [(Self.flip(j, q), 1)] } }
    mutating func z(_ q: Q) { apply { j in [(j, Self.bit(j, q) == 1 ? -1 : 1)] } }
    mutating func hadamard(_ q: Q) {
        let s = 1 / 2.0.squareRoot()
        apply { j in [(j & ~(1 << (Self.qubits - 1 - q.rawValue)), s), (j | (1 << (Self.qubits - 1 - q.rawValue)), Self.bit(j, q) == 1 ? -s : s)] }
    }

    /// Applies the Pauli with bits (x, z) on `q` (Y as X·Z).
    mutating func pauli(_ q: Q, x: Int, z: Int) {
        if z == 1 { self.z(q) }
        if x == 1 { self.x(q) }
    }

    /// Mixture Σ_k w_k · (ρ after `branch(k)`), over the branches of a channel.
    mutating func mix(_ weights: [Double], _ branch: (inout GateTeleportationReference, Int) -> Void) {
        var total = Array(repeating: Array(repeating: 0.0, count: Self.dimension), count: Self.dimension)
        for (k, w) in weights.enumerated() where w != 0 {
            var copy = self
            branch(&copy, k)
            for i in 0..<Self.dimension { for j in 0..<Self.dimension { total[i][j] += w * copy.rho[i][j] } }
        }
        rho = total
    }

    /// Single-qubit Pauli channel [I, X, Y, Z] on `q`.
    mutating func pauliChannel(_ q: Q, _ p: [Double]) {
        mix(p) { s, k in s.pauli(q, x: PauliGroup.bits[k].0, z: PauliGroup.bits[k].1) }
    }

    /// Two-qubit depolarising (1 − p)ρ + p·Σ_P PρP/16 on (q1, q2).
    mutating func depolarize(_ q1: Q, _ q2: Q, _ p: Double) {
        let weights = (0..<16).map { p / 16 + ($0 == 0 ? 1 - p : 0) }
        mix(weights) { s, k in
            s.pauli(q1, x: (k >> 3) & 1, z: (k >> 2) & 1)
            s.pauli(q2, x: (k >> 1) & 1, z: k & 1)
        }
    }

    /// Z measurement of `q` whose recorded bit flips with probability `error`; `correct(recorded)` acts
    /// on the post-measurement state. The branches are summed (the outcome is not kept).
    mutating func measure(_ q: Q, error: Double, correct: (inout GateTeleportationReference, Int) -> Void) {
        var total = Array(repeating: Array(repeating: 0.0, count: Self.dimension), count: Self.dimension)
        for m in 0..<2 {
            var projected = self
            for i in 0..<Self.dimension { for k in 0..<Self.dimension where Self.bit(i, q) != m || Self.bit(k, q) != m {
                projected.rho[i][k] = 0
            } }
            for (recorded, w) in [(m, 1 - error), (1 - m, error)] where w != 0 {
                var branch = projected
                correct(&branch, recorded)
                for i in 0..<Self.dimension { for k in 0..<Self.dimension { total[i][k] += w * branch.rho[i][k] } }
            }
        }
        rho = total
    }

    /// Process fidelity with CNOT(c → t): ⟨χ|Tr_ab ρ|χ⟩ with χ = CNOT_ct |Φ⁺⟩_{Rc c}|Φ⁺⟩_{t Rt}.
    var cnotProcessFidelity: Double {
        var chi = Array(repeating: 0.0, count: Self.dimension)
        for rc in 0..<2 { for rt in 0..<2 {
            let c = rc, t = rt ^ c   // CNOT on (c, t) of |rc rc⟩|rt rt⟩
            let i = (rc << 5) | (c << 4) | (t << 1) | rt
            chi[i] = 0.5
        } }
        var f = 0.0
        let abMask = (1 << 3) | (1 << 2)
        for i in 0..<Self.dimension where chi[i] != 0 {
            for k in 0..<Self.dimension where chi[k] != 0 {
                for ab in [0, 1 << 2, 1 << 3, abMask] { f += chi[i] * chi[k] * rho[i | ab][k | ab] }
            }
        }
        return f
    }

    /// The full protocol with the model's noise; memory channels `memoryC`, `memoryT` on the data qubits.
    static func run(pair: BellDiagonalState, nodeA: LocalOperations, nodeB: LocalOperations,
                    memoryC: PauliChannel, memoryT: PauliChannel) -> Double {
        var s = GateTeleportationReference(pair: pair)
        s.cnot(.c, .a)
        s.depolarize(.c, .a, nodeA.twoQubitDepolarizingProbability)
        s.pauliChannel(.c, memoryC.probabilities)
        s.cnot(.b, .t)
        s.depolarize(.b, .t, nodeB.twoQubitDepolarizingProbability)
        s.pauliChannel(.t, memoryT.probabilities)
        s.hadamard(.b)
        s.pauliChannel(.b, PauliChannel.depolarizing(probability: nodeB.singleQubitDepolarizingProbability).probabilities)
        s.measure(.a, error: 1 - nodeA.readoutFidelity) { st, r in if r == 1 { st.x(.t) } }
        s.measure(.b, error: 1 - nodeB.readoutFidelity) { st, r in if r == 1 { st.z(.c) } }
        return s.cnotProcessFidelity
    }
}
