import Foundation

/// Repeaterless bounds on entanglement distribution over a pure-loss channel of transmissivity η,
/// in ebits per channel use.
public enum RepeaterlessBounds {
    /// PLOB bound −log₂(1 − η) (Pirandola, Laurenza, Ottaviani & Banchi, Nat. Commun. 8, 15043, 2017).
    /// Returns +∞ for η = 1.
    public static func plob(transmissivity eta: Double) -> Double {
        let e = min(1, max(0, eta))
        return e >= 1 ? .infinity : -log2(1 - e)
    }

    /// TGW bound log₂((1 + η)/(1 − η)) (Takeoka, Guha & Wilde, Nat. Commun. 5, 5235, 2014).
    /// Returns +∞ for η = 1. Always ≥ PLOB.
    public static func tgw(transmissivity eta: Double) -> Double {
        let e = min(1, max(0, eta))
        return e >= 1 ? .infinity : log2((1 + e) / (1 - e))
    }
}
