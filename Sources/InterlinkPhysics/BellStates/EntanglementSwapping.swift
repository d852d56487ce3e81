import InterlinkCore
import Foundation

/// Entanglement swapping of two Bell-diagonal pairs by a Bell-state measurement at the middle node.
///
/// With a perfect measurement the output error vector is the group convolution of the two input
/// error vectors; for Werner inputs w_out = w₁·w₂, F_out = F₁F₂ + (1 − F₁)(1 − F₂)/3
/// (Dür & Briegel, Rep. Prog. Phys. 70, 1381, 2007; Briegel et al., PRL 81, 5932, 1998).
/// Node noise: the two-qubit gate of the measurement is a depolarising channel of probability
/// p = 4(1 − F₂q)/3 on the measured pair, which leaves the output maximally mixed with probability
/// p; the two readout bits select the X and Z corrections and flip with probability 1 − F_ro each.
public enum EntanglementSwapping {
    /// Perfect swap: convolution of the error vectors.
    public static func swap(_ a: BellDiagonalState, _ b: BellDiagonalState) -> BellDiagonalState {
        BellDiagonalState(normalizingWeights: PauliGroup.convolve(a.weightVector, b.weightVector))
    }

    /// Swap with the gate and readout noise of `operations` at the swapping node.
    public static func swap(_ a: BellDiagonalState, _ b: BellDiagonalState, operations: LocalOperations) -> BellDiagonalState {
        let ideal = swap(a, b)
        let p = operations.twoQubitDepolarizingProbability
        let gated = ideal.mixed(with: .maximallyMixed, weight: 1 - p)
        return PauliChannel.bellMeasurementReadout(errorProbability: 1 - operations.readoutFidelity).apply(to: gated)
    }
}
