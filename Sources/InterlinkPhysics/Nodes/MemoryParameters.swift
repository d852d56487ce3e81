import InterlinkCore
import Foundation

/// Coherence of a node's stored (communication or memory) qubit.
///
/// Model (see `MemoryDecoherence`): after storage time t the qubit suffers the Pauli twirl of
/// amplitude damping plus dephasing, p_X = p_Y = (1 − e^(−t/T1))/4 and p_Z = (1 − c(t))/2 − p_X,
/// where the coherence factor is
/// c(t) = e^(−t/T2) (or e^(−t/(2·T1)) when T2 is absent) × g(t) when a Gaussian dephasing time T_G
/// is given (non-Markovian noise, common for trapped ions), where g follows
/// `gaussianDephasingConvention`: this package's e^(−(t/T_G)²) (default: T_G is the 1/e time of the
/// coherence) or NetSquid's e^(−2(t/T_G)²) (a T_G quoted in NetSquid's convention is √2 times
/// ours).
/// Absent T1 means no energy relaxation (T1 = ∞); absent T2 and T_G mean no extra dephasing.
/// Physicality requires T2 ≤ 2·T1 (1/T2 = 1/(2T1) + 1/T_φ); a violation is rejected.
public struct MemoryParameters: Codable, Sendable, Equatable {
    /// Energy relaxation time T1 (seconds), > 0; nil = infinite.
    public var t1Seconds: Double?
    /// Markovian coherence time T2 (seconds), > 0; nil = limited by T1 only.
    public var t2Seconds: Double?
    /// Gaussian dephasing time T_G (seconds), > 0, coherence factor e^(−(t/T_G)²) in this package's
    /// convention; nil = none.
    public var gaussianDephasingSeconds: Double?
    /// Convention in which `gaussianDephasingSeconds` is given; nil = `interlink`.
    public var gaussianDephasingConvention: GaussianDephasingConvention?

    /// Creates memory parameters.
    public init(t1Seconds: Double? = nil, t2Seconds: Double? = nil, gaussianDephasingSeconds: Double? = nil,
                gaussianDephasingConvention: GaussianDephasingConvention? = nil) {
        self.t1Seconds = t1Seconds
        self.t2Seconds = t2Seconds
        self.gaussianDephasingSeconds = gaussianDephasingSeconds
        self.gaussianDephasingConvention = gaussianDephasingConvention
    }

    /// Validates the fields and T2 ≤ 2·T1; errors name `path.<field>`.
    public func validate(at path: String) throws {
        if let t1 = t1Seconds { try Validate.positive(t1, at: child(path, "t1Seconds"), unit: "s") }
        if let t2 = t2Seconds { try Validate.positive(t2, at: child(path, "t2Seconds"), unit: "s") }
        if let tg = gaussianDephasingSeconds {
            try Validate.positive(tg, at: child(path, "gaussianDephasingSeconds"), unit: "s")
        }
        if let t1 = t1Seconds, let t2 = t2Seconds, t2 > 2 * t1 {
            throw ParameterError(kind: .inconsistent, path: child(path, "t2Seconds"),
                               message: "T2 = \(Validate.format(t2)) s exceeds 2*T1 = \(Validate.format(2 * t1)) s (unphysical: 1/T2 = 1/(2 T1) + 1/T_phi)")
        }
    }

    /// Population-relaxation factor a(t) = e^(−t/T1) (1 when T1 is absent).
    public func relaxationFactor(after t: Double) -> Double {
        guard let t1 = t1Seconds else { return 1 }
        return exp(-t / t1)
    }

    /// Coherence factor c(t) (see the type's documentation).
    public func coherenceFactor(after t: Double) -> Double {
        var c = 1.0
        if let t2 = t2Seconds {
            c = exp(-t / t2)
        } else if let t1 = t1Seconds {
            c = exp(-t / (2 * t1))
        }
        if let tg = gaussianDephasingSeconds {
            let x = t / (gaussianDephasingConvention ?? .interlink).interlinkTime(tg)
            c *= exp(-x * x)
        }
        return c
    }

    /// The single-qubit Pauli channel after storage time `t` (seconds, ≥ 0).
    public func channel(after t: Double) -> PauliChannel {
        PauliChannel.memory(relaxation: relaxationFactor(after: t), coherence: coherenceFactor(after: t))
    }
}
