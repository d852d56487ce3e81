import InterlinkCore
import Foundation

/// Recurrence purification protocol.
public enum PurificationProtocol: String, Codable, Sendable, Equatable, CaseIterable {
    /// Deutsch et al., PRL 77, 2818 (1996).
    case dejmps
    /// Bennett et al., PRL 76, 722 (1996), with twirling to Werner form.
    case bbpssw
}

/// Entanglement purification by recurrence (two pairs in, one out, bilateral CNOT and a
/// parity measurement), on Bell-diagonal states.
///
/// Core map (bilateral CNOT, keep when the target's measured bits agree), in this package's
/// ordering: with source pair λ¹ and target pair λ²,
/// N = (λ¹_I + λ¹_Z)(λ²_I + λ²_Z) + (λ¹_X + λ¹_Y)(λ²_X + λ²_Y),
/// λ'_I = (λ¹_Iλ²_I + λ¹_Zλ²_Z)/N, λ'_Z = (λ¹_Iλ²_Z + λ¹_Zλ²_I)/N,
/// λ'_X = (λ¹_Xλ²_X + λ¹_Yλ²_Y)/N, λ'_Y = (λ¹_Xλ²_Y + λ¹_Yλ²_X)/N; success probability N.
public enum Purification {
    /// One purification step's output state and success probability.
    public struct Step: Codable, Sendable, Equatable {
        /// Output state (on success).
        public let state: BellDiagonalState
        /// Success probability.
        public let successProbability: Double
    }

    /// Bilateral-CNOT recurrence map without pre-rotations (see type documentation).
    static func bilateralCNOT(_ s: BellDiagonalState, _ t: BellDiagonalState) -> Step {
        let (v, n) = bilateralCNOTMap(s.weightTuple, t.weightTuple)
        guard n > 0 else { return Step(state: .maximallyMixed, successProbability: 0) }
        return Step(state: BellDiagonalState(normalizing: [v.i, v.x, v.y, v.z].map { $0 / n }),
                    successProbability: min(1, n))
    }

    /// DEJMPS on two (possibly different) Bell-diagonal pairs. In DEJMPS's labels
    /// (A, B, C, D) = (λ_I, λ_Y, λ_X, λ_Z):
    /// N = (A₁ + B₁)(A₂ + B₂) + (C₁ + D₁)(C₂ + D₂), A' = (A₁A₂ + B₁B₂)/N, B' = (C₁D₂ + D₁C₂)/N,
    /// C' = (C₁C₂ + D₁D₂)/N, D' = (A₁B₂ + B₁A₂)/N (Deutsch et al. 1996; equal inputs give
    /// A' = (A² + B²)/N, B' = 2CD/N, C' = (C² + D²)/N, D' = 2AB/N). The local π/2 rotations of DEJMPS
    /// exchange the Y and Z weights before the bilateral CNOT.
    public static func dejmps(_ first: BellDiagonalState, _ second: BellDiagonalState) -> Step {
        func rotate(_ s: BellDiagonalState) -> BellDiagonalState {
            let r = dejmpsRotation(s.weightTuple)
            return BellDiagonalState(normalizing: [r.i, r.x, r.y, r.z])
        }
        return bilateralCNOT(rotate(first), rotate(second))
    }

    /// BBPSSW on two (possibly different) pairs: each input is twirled to its Werner form, the
    /// bilateral CNOT map applied, and the output twirled back to Werner. For Werner fidelities
    /// F₁, F₂ with q = (1 − F)/3: N = (F₁ + q₁)(F₂ + q₂) + 4q₁q₂, F' = (F₁F₂ + q₁q₂)/N; equal
    /// inputs give N = F² + 2F(1 − F)/3 + 5((1 − F)/3)², F' = (F² + ((1 − F)/3)²)/N
    /// (Bennett et al., PRL 76, 722, 1996).
    public static func bbpssw(_ first: BellDiagonalState, _ second: BellDiagonalState) -> Step {
        let s = bilateralCNOT(first.twirled, second.twirled)
        return Step(state: s.state.twirled, successProbability: s.successProbability)
    }

    /// One step of `protocol` on two pairs.
    public static func step(_ protocol: PurificationProtocol, _ first: BellDiagonalState, _ second: BellDiagonalState) -> Step {
        switch `protocol` {
        case .dejmps: return dejmps(first, second)
        case .bbpssw: return bbpssw(first, second)
        }
    }

    /// Result of `rounds` recurrence rounds on identical input pairs.
    public struct Rounds: Codable, Sendable, Equatable {
        /// Output state after the last round.
        public let state: BellDiagonalState
        /// Success probability of each round.
        public let successProbabilities: [Double]
        /// Expected number of input pairs consumed per output pair: R₀ = 1, R_n = 2R_{n−1}/P_n
        /// (a failed round discards both pairs). Infinite if a round cannot succeed.
        public let expectedInputPairsPerOutput: Double
    }

    /// Applies `rounds` rounds of `protocol`, each on two copies of the previous round's output
    /// (symmetric recurrence, Deutsch et al. 1996). Decoherence while waiting is not included.
    public static func recurrence(_ state: BellDiagonalState, protocol: PurificationProtocol, rounds: Int) -> Rounds {
        iterate(state, rounds: rounds) { step(`protocol`, $0, $0) }
    }

    /// Applies `step` `rounds` times to two copies of the previous output.
    static func iterate(_ state: BellDiagonalState, rounds: Int, _ step: (BellDiagonalState) -> Step) -> Rounds {
        var s = state
        var probabilities: [Double] = []
        var pairs = 1.0
        for _ in 0..<max(0, rounds) {
            let r = step(s)
            s = r.state
            probabilities.append(r.successProbability)
            pairs = r.successProbability > 0 ? 2 * pairs / r.successProbability : .infinity
        }
        return Rounds(state: s, successProbabilities: probabilities, expectedInputPairsPerOutput: pairs)
    }
}
