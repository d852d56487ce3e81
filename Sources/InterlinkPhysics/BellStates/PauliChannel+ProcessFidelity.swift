import InterlinkCore
import Foundation

extension PauliChannel {
    /// The depolarising channel of process fidelity F: p_I = F, p_X = p_Y = p_Z = (1 − F)/3 (F clamped
    /// to [1/4, 1]); its average fidelity is (2F + 1)/3 (Nielsen, PLA 303, 249, 2002).
    public static func depolarizing(processFidelity f: Double) -> PauliChannel {
        let q = min(1, max(0.25, f))
        return PauliChannel(normalizing: [q, (1 - q) / 3, (1 - q) / 3, (1 - q) / 3])
    }
}
