import Foundation
import InterlinkPhysics

/// The decoherence of one stored qubit as a fast evaluator of the Pauli channel after a storage
/// time t, built once from ``InterlinkPhysics/MemoryParameters``.
///
/// Same model as `MemoryParameters.channel(after:)` (physics reference, "Memory decoherence"):
/// relaxation factor a = e^(−t/T1), coherence factor c = e^(−t/T2)·e^(−(t/T_g)²) (with c = e^(−t/(2T1))
/// when T2 is absent), and the Pauli twirl p_I = (1 + 2c + a)/4, p_X = p_Y = (1 − a)/4,
/// p_Z = (1 − 2c + a)/4. Rates are precomputed so an evaluation is at most two `exp` calls.
public struct MemoryNoise: Sendable, Hashable {
    /// 1/T1 (0 without relaxation).
    @usableFromInline let relaxationRate: Double
    /// Exponential coherence rate 1/T2 (or 1/(2T1)); 0 without exponential dephasing.
    @usableFromInline let dephasingRate: Double
    /// 1/T_g² for Gaussian dephasing (0 without).
    @usableFromInline let gaussianRateSquared: Double

    /// A perfect memory (no decoherence).
    public static let perfect = MemoryNoise(relaxationRate: 0, dephasingRate: 0, gaussianRateSquared: 0)

    @inlinable
    init(relaxationRate: Double, dephasingRate: Double, gaussianRateSquared: Double) {
        self.relaxationRate = relaxationRate
        self.dephasingRate = dephasingRate
        self.gaussianRateSquared = gaussianRateSquared
    }

    /// Builds the evaluator from validated memory parameters.
    ///
    /// - Throws: the physics validation error (naming `path`) for invalid parameters.
    public init(_ memory: MemoryParameters, path: String = "memory") throws {
        try memory.validate(at: path)
        let r1 = memory.t1Seconds.map { 1 / $0 } ?? 0
        let r2: Double
        if let t2 = memory.t2Seconds { r2 = 1 / t2 } else { r2 = r1 / 2 }
        let g = memory.gaussianDephasingSeconds.map {
            let t = (memory.gaussianDephasingConvention ?? .interlink).interlinkTime($0)
            return 1 / (t * t)
        } ?? 0
        self.init(relaxationRate: r1, dephasingRate: r2, gaussianRateSquared: g)
    }

    /// Whether the memory never decoheres.
    @inlinable
    public var isPerfect: Bool { relaxationRate == 0 && dephasingRate == 0 && gaussianRateSquared == 0 }

    /// The single-qubit Pauli channel after storage time `t` seconds.
    @inlinable
    public func channel(after t: Double) -> PauliWeights {
        let a = relaxationRate == 0 ? 1 : exp(-t * relaxationRate)
        let c = exp(-t * dephasingRate - t * t * gaussianRateSquared)
        return PauliWeights(i: (1 + 2 * c + a) * 0.25, x: (1 - a) * 0.25, y: (1 - a) * 0.25, z: (1 - 2 * c + a) * 0.25)
    }

    /// The decoherence of a pair whose two qubits sit in `self` and `other` for the same time.
    ///
    /// A Pauli channel on one qubit of a Bell-diagonal pair multiplies its Pauli correlations by
    /// the channel's eigenvalues (c, c, a); channels on both qubits multiply them, so the pair sees
    /// one channel with a = a_A·a_B and c = c_A·c_B: the rates add (one `exp` per factor).
    @inlinable
    public func combined(with other: MemoryNoise) -> MemoryNoise {
        MemoryNoise(
            relaxationRate: relaxationRate + other.relaxationRate, dephasingRate: dephasingRate + other.dephasingRate,
            gaussianRateSquared: gaussianRateSquared + other.gaussianRateSquared)
    }

    /// Applies this memory's decoherence for `t` seconds to one qubit of `pair` (identity for t ≤ 0).
    @inlinable
    public func decohere(_ pair: PauliWeights, for t: Double) -> PauliWeights {
        if t <= 0 || isPerfect { return pair }
        return pair.convolved(with: channel(after: t))
    }
}
