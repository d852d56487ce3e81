import InterlinkCore
import Foundation

/// How a Gaussian (non-Markovian) dephasing time T_G is defined.
///
/// - `interlink` (default): coherence e^(−(t/T_G)²); T_G is the 1/e time of the coherence.
/// - `netSquid`: coherence e^(−2(t/T_G)²), the collective-dephasing model of NetSquid's trapped-ion
///   snippet (a Z rotation exp(i·r·(t/T_G)·Z) with r drawn from a standard normal distribution, after
///   Zwerger et al., Quantum Sci. Technol. 2, 044001, 2017, eq. 5): the same physics with
///   T_G(NetSquid) = √2·T_G(interlink).
///
/// JSON: `"gaussianDephasingConvention": "interlink"` or `"netSquid"` next to
/// `gaussianDephasingSeconds` in a node's `memory`.
public enum GaussianDephasingConvention: String, Codable, Sendable, Equatable, CaseIterable {
    /// e^(−(t/T_G)²).
    case interlink
    /// e^(−2(t/T_G)²).
    case netSquid

    /// The equivalent time in this package's convention: T_G for `interlink`, T_G/√2 for `netSquid`.
    public func interlinkTime(_ tg: Double) -> Double {
        switch self {
        case .interlink: return tg
        case .netSquid: return tg / 2.0.squareRoot()
        }
    }
}
