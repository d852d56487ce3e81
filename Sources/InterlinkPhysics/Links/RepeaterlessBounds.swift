import InterlinkCore
import Foundation

/// Repeaterless bounds on entanglement distribution over a pure-loss channel of transmissivity η,
/// in ebits per channel use.
public enum RepeaterlessBounds {
    /// PLOB bound −log₂(1 − η) (Pirandola, Laurenza, Ottaviani & Banchi, Nat. Commun. 8, 15043, 2017).
    /// Returns +∞ for η = 1. Computed as −ln(1 − η)/ln 2 with `log1p`, so a tiny η keeps its
    /// value (≈ η/ln 2) instead of rounding to 0.
    public static func plob(transmissivity eta: Double) -> Double {
        let e = min(1, max(0, eta))
        return e >= 1 ? .infinity : -log1p(-e) / M_LN2
    }

    /// TGW bound log₂((1 + η)/(1 − η)) (Takeoka, Guha & Wilde, Nat. Commun. 5, 5235, 2014).
    /// Returns +∞ for η = 1. Always ≥ PLOB.
    public static func tgw(transmissivity eta: Double) -> Double {
        let e = min(1, max(0, eta))
        return e >= 1 ? .infinity : (log1p(e) - log1p(-e)) / M_LN2
    }
}
