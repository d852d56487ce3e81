import InterlinkCore
import Foundation

/// Decoherence of stored Bell-diagonal pairs over time (physics reference, "Memory decoherence").
public enum MemoryDecoherence {
    /// Depolarising memory of time constant T: w(t) = w₀·e^(−t/T), i.e.
    /// F(t) = 1/4 + (F₀ − 1/4)·e^(−t/T), applied as a pair-level depolarising map
    /// λ → e^(−t/T)·λ + (1 − e^(−t/T))·𝟙/4.
    public static func depolarizing(_ state: BellDiagonalState, time t: Double, timeConstant T: Double) -> BellDiagonalState {
        let k = exp(-max(0, t) / T)
        return state.mixed(with: .maximallyMixed, weight: k)
    }

    /// Pure Markovian dephasing of one stored qubit for time t with coherence time T2:
    /// Z error with probability p_Z = (1 − e^(−t/T2))/2 (mixes λ_I↔λ_Z and λ_X↔λ_Y).
    /// A perfect pair reaches F(t) = (1 + e^(−t/T2))/2.
    public static func dephasing(_ state: BellDiagonalState, time t: Double, t2 T2: Double) -> BellDiagonalState {
        PauliChannel.dephasing(probability: (1 - exp(-max(0, t) / T2)) / 2).apply(to: state)
    }

    /// Gaussian (non-Markovian) dephasing of one stored qubit: coherence factor e^(−(t/T)²),
    /// p_Z = (1 − e^(−(t/T)²))/2 (common for trapped ions in slowly fluctuating fields).
    public static func gaussianDephasing(_ state: BellDiagonalState, time t: Double, timeConstant T: Double) -> BellDiagonalState {
        let x = max(0, t) / T
        return PauliChannel.dephasing(probability: (1 - exp(-x * x)) / 2).apply(to: state)
    }

    /// Pauli-twirled amplitude damping plus dephasing of one stored qubit (T1, T2):
    /// p_X = p_Y = (1 − e^(−t/T1))/4, p_Z = (1 − e^(−t/T2))/2 − p_X. Throws (at `path.t2Seconds`)
    /// when T2 > 2·T1 or a time constant is not positive.
    public static func amplitudeDampingTwirl(_ state: BellDiagonalState, time t: Double, t1 T1: Double, t2 T2: Double,
                                             path: String = "memory") throws -> BellDiagonalState {
        let m = MemoryParameters(t1Seconds: T1, t2Seconds: T2)
        try m.validate(at: path)
        return m.channel(after: max(0, t)).apply(to: state)
    }

    /// Both qubits of a pair stored, for times tA and tB, in memories `a` and `b`.
    public static func stored(_ state: BellDiagonalState, memoryA a: MemoryParameters, timeA tA: Double,
                              memoryB b: MemoryParameters, timeB tB: Double) -> BellDiagonalState {
        b.channel(after: max(0, tB)).apply(to: a.channel(after: max(0, tA)).apply(to: state))
    }
}
