import Foundation
import Testing
@testable import InterlinkPhysics

@Suite("Swapping: decoherence during the swap and the classical message")
struct SwapLatencyTests {
    @Test("Pure dephasing by hand: coherence × e^(−(2t_2q + 2(t_2q + t_ro) + d_A + d_B)/T2)")
    func byHand() {
        let ops = LocalOperations(singleQubitGateFidelity: 1, singleQubitGateSeconds: 0, twoQubitGateFidelity: 1,
                                  twoQubitGateSeconds: 50e-6, readoutFidelity: 1, readoutSeconds: 100e-6)
        let mem = MemoryParameters(t2Seconds: 10e-3)
        let s = BellDiagonalState(normalizing: [0.9, 0.04, 0.02, 0.04])
        let out = EntanglementSwapping.decoherenceDuringSwap(s, operations: ops, repeaterMemories: (mem, mem),
                                                             endMemories: (mem, mem), classicalDelaysSeconds: (250e-6, 500e-6))
        let total = 2 * 50e-6 + 2 * 150e-6 + 250e-6 + 500e-6
        let k = exp(-total / 10e-3)
        #expect(close(out.lambdaI - out.lambdaZ, k * (0.9 - 0.04)))
        #expect(close(out.lambdaX - out.lambdaY, k * (0.04 - 0.02)))
        #expect(close(out.lambdaI + out.lambdaZ, 0.94))
    }

    @Test("Repeater: the delivered state includes the message delay of each link's fibers")
    func repeaterDelay() throws {
        var arm = try ModalityPreset.arm(named: "ion.ca40.854.cavity")
        arm.node.memory = MemoryParameters(t2Seconds: 0.05)
        arm.node.operations.twoQubitGateSeconds = 0
        arm.node.operations.readoutSeconds = 0
        let near = LinkConfiguration.midpoint(armA: arm, armB: arm, totalLengthKm: 0)
        let m0 = try TwoLinkRepeaterModel(configuration: RepeaterConfiguration(linkA: near, linkB: near, swapLatency: true))
        // Same links with the repeater's readout taking 1 ms: end qubits wait 1 ms longer each.
        var slow = arm
        slow.node.operations.readoutSeconds = 1e-3
        let m1 = try TwoLinkRepeaterModel(configuration: RepeaterConfiguration(
            linkA: LinkConfiguration.midpoint(armA: arm, armB: slow, totalLengthKm: 0),
            linkB: LinkConfiguration.midpoint(armA: slow, armB: arm, totalLengthKm: 0), swapLatency: true))
        let off = try TwoLinkRepeaterModel(configuration: RepeaterConfiguration(linkA: near, linkB: near))
        // zero durations and 0 km: nothing to wait for, so the option changes nothing
        #expect(close(off.fidelity, m0.fidelity))
        let k = exp(-2e-3 / 0.05)
        #expect(close(m1.state.lambdaI - m1.state.lambdaZ, k * (m0.state.lambdaI - m0.state.lambdaZ), 1e-9))
    }
}
