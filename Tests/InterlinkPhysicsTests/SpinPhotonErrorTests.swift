import InterlinkCore
import Foundation
import Testing
@testable import InterlinkPhysics

@Suite("Spin–photon errors feed the heralded state")
struct SpinPhotonErrorTests {
    /// Applies a Pauli channel with probabilities [I, X, Y, Z] to memory A (`onA`) or B as Kraus operators.
    static func pauliChannel(_ rho: MemoryMatrix, _ p: [Double], onA: Bool) -> MemoryMatrix {
        var out = MemoryMatrix()
        for (k, w) in p.enumerated() where w > 0 {
            let u = MemoryCorrection.paulis[k]
            let term = onA ? rho.conjugated(onA: u, onB: MemoryMatrix.identity2) : rho.conjugatedOnB(u)
            out = out + term.scaled(w)
        }
        return out
    }

    @Test("Channel by hand: depolarising p, dephasing p_z, double excitation p₂ → Z with p₂/2")
    func channelByHand() throws {
        let e = SpinPhotonErrors(depolarizingProbability: 0.04, dephasingProbability: 0.02, doubleExcitationProbability: 0.06)
        // Z-error total: 0.02 ⊕ 0.03 = 0.02·0.97 + 0.98·0.03 = 0.0488; depolarising adds 0.01 to each Pauli.
        let pz = 0.02 * 0.97 + 0.98 * 0.03
        #expect(close(e.channel.pI, 0.97 * (1 - pz) + 0.01 * pz))
        #expect(close(e.channel.pZ, 0.97 * pz + 0.01 * (1 - pz)))
        #expect(close(e.channel.pX, 0.01) && close(e.channel.pY, 0.01))
        #expect(close(e.fidelity, e.channel.pI))
        #expect(throws: ParameterError.self) { try SpinPhotonErrors(dephasingProbability: 0.7).validate(at: "n.spinPhoton") }
    }

    @Test("DEJMPS on a link with spin–photon errors equals a density-matrix brute force")
    func dejmpsBruteForce() throws {
        var arm = try ModalityPreset.arm(named: "ion.ca40.854.cavity").withoutDarkCounts
        var armB = arm
        arm.node.spinPhoton = SpinPhotonErrors(depolarizingProbability: 0.03, dephasingProbability: 0.01)
        armB.node.spinPhoton = SpinPhotonErrors(doubleExcitationProbability: 0.08)
        let c = LinkConfiguration.midpoint(armA: arm, armB: armB, totalLengthKm: 1, residualVisibility: 0.9)
        let m = try LinkModel(configuration: c)
        // Brute force: station reference, then the spin errors as Kraus operators on the memories.
        let r = StationReference.barrettKok(etaA: m.armA.endToEndEfficiency, etaB: m.armB.endToEndEfficiency,
                                            visibility: m.visibility, d1: 0, d2: 0, kind: .numberResolving)
        var rho = DensityMatrix.complexMatrix(r.state)
        rho = Self.pauliChannel(rho, [1 - 3 * 0.03 / 4, 0.0075, 0.0075, 0.0075], onA: true)   // depolarising 0.03
        rho = Self.pauliChannel(rho, [0.99, 0, 0, 0.01], onA: true)                            // dephasing 0.01
        rho = Self.pauliChannel(rho, [0.96, 0, 0, 0.04], onA: false)   // double excitation 0.08 → Z with 0.04
        #expect(rho.bellOffDiagonal < 1e-12)
        let weights = rho.bellWeights
        for (a, b) in zip(m.heraldedState.weights, weights) { #expect(abs(a - b) < 1e-9) }
        // The heralded pair is no longer pure phase flip.
        #expect(m.heraldedState.lambdaX > 1e-3)
        // DEJMPS: Alice (1 − iX)/√2, Bob (1 + iX)/√2 on both pairs, then bilateral CNOT, keep on agreement.
        let s = 1 / 2.0.squareRoot()
        let ua = [[Complex(s), Complex(0, -s)], [Complex(0, -s), Complex(s)]]
        let ub = [[Complex(s), Complex(0, s)], [Complex(0, s), Complex(s)]]
        let rotated = rho.conjugated(onA: ua, onB: ub)
        #expect(rotated.bellOffDiagonal < 1e-12)
        let w = rotated.bellWeights
        let pair = try BellDiagonalState(lambdaI: w[0], lambdaX: w[1], lambdaY: w[2], lambdaZ: w[3])
        let (out, success) = DensityMatrix.bilateralCNOT(source: pair, target: pair)
        let step = Purification.dejmps(m.heraldedState, m.heraldedState)
        #expect(abs(step.successProbability - success) < 1e-9)
        for (a, b) in zip(step.state.weights, out) { #expect(abs(a - b) < 1e-9) }
    }
}
