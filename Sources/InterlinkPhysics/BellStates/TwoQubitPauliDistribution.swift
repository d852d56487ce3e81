import InterlinkCore
import Foundation

/// A probability distribution over the 16 two-qubit Pauli errors (phases dropped) on a control c and a
/// target t, indexed by the bits (x_c, z_c, x_t, z_t); independent errors compose by XOR convolution.
/// Used to propagate Pauli errors exactly through Clifford circuits (`RemoteOperations.teleportedCNOT`).
struct TwoQubitPauliDistribution: Sendable, Equatable {
    /// Probabilities, index 8·x_c + 4·z_c + 2·x_t + z_t.
    var probabilities: [Double]

    /// No error with certainty.
    static let identity = TwoQubitPauliDistribution(probabilities: [1] + Array(repeating: 0, count: 15))

    init(probabilities: [Double]) {
        self.probabilities = probabilities
    }

    /// A single-qubit Pauli distribution [I, X, Y, Z] whose label (x, z) becomes the output error `map(x, z)`.
    init(single p: [Double], map: (Int, Int) -> (Int, Int, Int, Int)) {
        var out = Array(repeating: 0.0, count: 16)
        for (k, w) in p.enumerated() {
            let (x, z) = PauliGroup.bits[k]
            out[Self.index(map(x, z))] += w
        }
        probabilities = out
    }

    /// Two-qubit depolarising ρ → (1 − p)ρ + p·𝟙/4 on a gate's two qubits: each of the 16 Paulis
    /// (x₁, z₁, x₂, z₂) with probability p/16, plus 1 − p on the identity; `map` gives the output error.
    static func depolarizing(_ p: Double, map: (Int, Int, Int, Int) -> (Int, Int, Int, Int)) -> TwoQubitPauliDistribution {
        let q = min(1, max(0, p))
        var out = Array(repeating: 0.0, count: 16)
        for k in 0..<16 {
            let e = map((k >> 3) & 1, (k >> 2) & 1, (k >> 1) & 1, k & 1)
            out[index(e)] += q / 16 + (k == 0 ? 1 - q : 0)
        }
        return TwoQubitPauliDistribution(probabilities: out)
    }

    static func index(_ e: (Int, Int, Int, Int)) -> Int {
        8 * (e.0 & 1) + 4 * (e.1 & 1) + 2 * (e.2 & 1) + (e.3 & 1)
    }

    /// The distribution of the product of two independent errors (XOR convolution).
    func convolved(with other: TwoQubitPauliDistribution) -> TwoQubitPauliDistribution {
        var out = Array(repeating: 0.0, count: 16)
        for i in 0..<16 where probabilities[i] != 0 {
            for j in 0..<16 { out[i ^ j] += probabilities[i] * other.probabilities[j] }
        }
        return TwoQubitPauliDistribution(probabilities: out)
    }

    /// Probability of no error.
    var noErrorProbability: Double { probabilities[0] }
}
