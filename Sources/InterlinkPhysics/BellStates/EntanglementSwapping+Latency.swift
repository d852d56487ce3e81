import InterlinkCore
import Foundation

extension EntanglementSwapping {
    /// Decoherence of the qubits involved in a swap while it happens and while its outcome travels.
    ///
    /// Model: the repeater's two qubits decohere in their memories during the two-qubit gate (t_2q,
    /// before they are measured); each end node's qubit waits t_2q + t_ro (the repeater's gate and
    /// readout) plus the one-way classical delay from the repeater before it knows the Pauli frame of the
    /// swapped pair. All four are Pauli channels on qubits of the swapped pairs, which pass through the
    /// swap to the output pair (`PauliChannel.apply`); they commute with the swap's gate and readout
    /// noise.
    public static func decoherenceDuringSwap(_ state: BellDiagonalState, operations: LocalOperations,
                                             repeaterMemories: (MemoryParameters, MemoryParameters),
                                             endMemories: (MemoryParameters, MemoryParameters),
                                             classicalDelaysSeconds delays: (Double, Double)) -> BellDiagonalState {
        let gate = operations.twoQubitGateSeconds
        let done = gate + operations.readoutSeconds
        var s = repeaterMemories.0.channel(after: gate).apply(to: state)
        s = repeaterMemories.1.channel(after: gate).apply(to: s)
        return MemoryDecoherence.stored(s, memoryA: endMemories.0, timeA: done + max(0, delays.0),
                                        memoryB: endMemories.1, timeB: done + max(0, delays.1))
    }
}
