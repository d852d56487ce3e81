import InterlinkCore
import Foundation
import Testing
@testable import InterlinkPhysics

@Suite("Bell-diagonal states, Pauli channels and memory decoherence")
struct BellAlgebraTests {
    func state(_ i: Double, _ x: Double, _ y: Double, _ z: Double) throws -> BellDiagonalState {
        try BellDiagonalState(lambdaI: i, lambdaX: x, lambdaY: y, lambdaZ: z)
    }

    @Test("Ordering maps to DEJMPS (A, B, C, D) = (Φ⁺, Ψ⁻, Ψ⁺, Φ⁻) = (λI, λY, λX, λZ)")
    func dejmpsOrdering() throws {
        let s = try state(0.7, 0.1, 0.15, 0.05)
        let d = s.dejmpsCoefficients
        #expect(d.a == 0.7 && d.b == 0.15 && d.c == 0.1 && d.d == 0.05)
        #expect(BellDiagonalState.fromDejmps(a: d.a, b: d.b, c: d.c, d: d.d) == s)
    }

    @Test("Invalid weights are rejected with their path")
    func invalid() {
        #expect(throws: ParameterError.self) { _ = try state(0.5, 0.5, 0.5, -0.5) }
        #expect(throws: ParameterError.self) { _ = try state(0.5, 0.1, 0.1, 0.1) }
        #expect(throws: ParameterError.self) { _ = try state(.nan, 0, 0, 1) }
    }

    @Test("Pauli errors move Φ⁺ to the documented Bell states; X then Z is Y")
    func pauliAction() throws {
        let x = try PauliChannel(pI: 0, pX: 1, pY: 0, pZ: 0)
        let z = try PauliChannel(pI: 0, pX: 0, pY: 0, pZ: 1)
        #expect(x.apply(to: .perfect).lambdaX == 1)
        #expect(z.apply(to: .perfect).lambdaZ == 1)
        #expect(z.apply(to: x.apply(to: .perfect)).lambdaY == 1)
        #expect(x.composed(with: z).pY == 1)
        // one-qubit depolarising p on a perfect pair: F = 1 − 3p/4
        #expect(close(PauliChannel.depolarizing(probability: 0.2).apply(to: .perfect).fidelity, 1 - 0.15))
    }

    @Test("Convolution by hand: dephasing q on (0.8, 0.1, 0.06, 0.04)")
    func convolutionByHand() throws {
        let s = try state(0.8, 0.1, 0.06, 0.04)
        let out = PauliChannel.dephasing(probability: 0.1).apply(to: s)
        // Z mixes I↔Z and X↔Y
        #expect(close(out.lambdaI, 0.9 * 0.8 + 0.1 * 0.04))
        #expect(close(out.lambdaZ, 0.9 * 0.04 + 0.1 * 0.8))
        #expect(close(out.lambdaX, 0.9 * 0.1 + 0.1 * 0.06))
        #expect(close(out.lambdaY, 0.9 * 0.06 + 0.1 * 0.1))
    }

    @Test("Dephasing: F = (1 + e^(−t/T2))/2 for one stored qubit, (1 + e^(−2t/T2))/2 for both")
    func dephasing() {
        let t = 0.03, T2 = 0.085
        #expect(close(MemoryDecoherence.dephasing(.perfect, time: t, t2: T2).fidelity, (1 + exp(-t / T2)) / 2))
        let m = MemoryParameters(t2Seconds: T2)
        let both = MemoryDecoherence.stored(.perfect, memoryA: m, timeA: t, memoryB: m, timeB: t)
        #expect(close(both.fidelity, (1 + exp(-2 * t / T2)) / 2))
    }

    @Test("Depolarising memory: F(t) = 1/4 + (F0 − 1/4)e^(−t/T)")
    func depolarizing() {
        let s = BellDiagonalState.werner(fidelity: 0.9)
        #expect(close(MemoryDecoherence.depolarizing(s, time: 2, timeConstant: 3).fidelity, 0.25 + 0.65 * exp(-2.0 / 3)))
        #expect(close(s.wernerParameter, (4 * 0.9 - 1) / 3))
    }

    @Test("T1 twirl: p_X = p_Y = (1 − e^(−t/T1))/4, p_Z = (1 − e^(−t/T2))/2 − p_X; T2 > 2T1 rejected")
    func amplitudeDamping() throws {
        let t = 40e-6, T1 = 100e-6, T2 = 120e-6
        let out = try MemoryDecoherence.amplitudeDampingTwirl(.perfect, time: t, t1: T1, t2: T2)
        let px = (1 - exp(-t / T1)) / 4
        let pz = (1 - exp(-t / T2)) / 2 - px
        #expect(close(out.lambdaX, px) && close(out.lambdaY, px) && close(out.lambdaZ, pz))
        #expect(close(out.lambdaI, 1 - 2 * px - pz))
        do {
            _ = try MemoryDecoherence.amplitudeDampingTwirl(.perfect, time: t, t1: T1, t2: 2.5 * T1, path: "node.memory")
            Issue.record("accepted T2 > 2 T1")
        } catch let e as ParameterError {
            #expect(e.path == "node.memory.t2Seconds")
            #expect(e.kind == .inconsistent)
        }
        // T2 = 2 T1 (pure relaxation) is allowed and gives p_Z = (1 − e^(−t/2T1))/2 − p_X ≥ 0
        let edge = try MemoryDecoherence.amplitudeDampingTwirl(.perfect, time: t, t1: T1, t2: 2 * T1)
        #expect(edge.lambdaZ >= 0)
    }

    @Test("Gaussian dephasing: F = (1 + e^(−(t/T)²))/2")
    func gaussian() {
        #expect(close(MemoryDecoherence.gaussianDephasing(.perfect, time: 1e-3, timeConstant: 2e-3).fidelity, (1 + exp(-0.25)) / 2))
        let m = MemoryParameters(gaussianDephasingSeconds: 2e-3)
        #expect(close(m.channel(after: 1e-3).apply(to: .perfect).fidelity, (1 + exp(-0.25)) / 2))
    }

    @Test("Teleportation and remote CNOT fidelities")
    func remoteOperations() {
        let w = BellDiagonalState.werner(fidelity: 0.9)
        #expect(close(RemoteOperations.teleportationFidelity(w), (2 * 0.9 + 1) / 3))
        let perfectOps = LocalOperations(singleQubitGateFidelity: 1, singleQubitGateSeconds: 0, twoQubitGateFidelity: 1,
                                         twoQubitGateSeconds: 0, readoutFidelity: 1, readoutSeconds: 0)
        let g = RemoteOperations.remoteCNOT(pair: w, nodeA: perfectOps, nodeB: perfectOps)
        #expect(close(g.processFidelity, 0.9))
        #expect(close(g.averageGateFidelity, (4 * 0.9 + 1) / 5))
        var noisy = perfectOps
        noisy.twoQubitGateFidelity = 0.99
        noisy.readoutFidelity = 0.995
        // p = 4(0.01)/3; process fidelity per gate 1 − 15p/16 = 1 − 0.0125
        let h = RemoteOperations.remoteCNOT(pair: w, nodeA: noisy, nodeB: noisy)
        #expect(close(h.processFidelity, 0.9 * 0.9875 * 0.9875 * 0.995 * 0.995))
    }

    @Test("Bounds: PLOB(1/2) = 1, TGW(1/2) = log2 3, PLOB ≤ TGW, PLOB ≈ 1.44η for small η")
    func bounds() {
        #expect(close(RepeaterlessBounds.plob(transmissivity: 0.5), 1))
        #expect(close(RepeaterlessBounds.tgw(transmissivity: 0.5), log2(3.0)))
        #expect(relClose(RepeaterlessBounds.plob(transmissivity: 1e-6), 1e-6 / log(2.0), 1e-5))
        for e in stride(from: 0.01, to: 1, by: 0.07) {
            #expect(RepeaterlessBounds.plob(transmissivity: e) <= RepeaterlessBounds.tgw(transmissivity: e))
        }
        #expect(RepeaterlessBounds.plob(transmissivity: 1).isInfinite)
    }
}
