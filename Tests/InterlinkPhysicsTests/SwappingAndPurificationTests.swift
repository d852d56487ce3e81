import Foundation
import Testing
@testable import InterlinkPhysics

@Suite("Entanglement swapping and purification")
struct SwappingAndPurificationTests {
    let a = BellDiagonalState(normalizing: [0.82, 0.05, 0.03, 0.10])
    let b = BellDiagonalState(normalizing: [0.74, 0.11, 0.07, 0.08])

    @Test("Swapping a perfect pair is the identity")
    func identity() {
        for (x, y) in zip(EntanglementSwapping.swap(.perfect, a).weights, a.weights) { #expect(close(x, y)) }
        for (x, y) in zip(EntanglementSwapping.swap(b, .perfect).weights, b.weights) { #expect(close(x, y)) }
    }

    @Test("Swap equals a brute-force density-matrix Bell measurement")
    func bruteForceSwap() {
        let bf = DensityMatrix.swap(a, b)
        let s = EntanglementSwapping.swap(a, b)
        for k in 0..<4 { #expect(abs(bf[k] - s.weights[k]) < 1e-12) }
    }

    @Test("Werner inputs: F = F1F2 + (1 − F1)(1 − F2)/3, w_out = w1·w2")
    func werner() {
        let f1 = 0.93, f2 = 0.87
        let out = EntanglementSwapping.swap(.werner(fidelity: f1), .werner(fidelity: f2))
        #expect(close(out.fidelity, f1 * f2 + (1 - f1) * (1 - f2) / 3))
        #expect(close(out.wernerParameter, (4 * f1 - 1) / 3 * (4 * f2 - 1) / 3))
    }

    @Test("Node noise: depolarising p = 4(1 − F2q)/3 then readout flips")
    func nodeNoise() {
        let ops = LocalOperations(singleQubitGateFidelity: 1, singleQubitGateSeconds: 0, twoQubitGateFidelity: 0.97,
                                  twoQubitGateSeconds: 0, readoutFidelity: 0.98, readoutSeconds: 0)
        let out = EntanglementSwapping.swap(.perfect, .perfect, operations: ops)
        let p = 4 * 0.03 / 3
        let f0 = 1 - 3 * p / 4   // after depolarising
        let q = (1 - f0) / 3     // each error weight
        let e = 0.02
        // readout: I with (1−e)², X and Z with e(1−e), Y with e²; I-weight after convolution:
        let expected = f0 * (1 - e) * (1 - e) + q * e * (1 - e) * 2 + q * e * e
        #expect(close(out.fidelity, expected))
    }

    @Test("Bilateral CNOT map equals a brute-force density-matrix simulation")
    func bruteForcePurification() {
        let (bf, p) = DensityMatrix.bilateralCNOT(source: a, target: b)
        let s = Purification.bilateralCNOT(a, b)
        #expect(abs(s.successProbability - p) < 1e-12)
        for k in 0..<4 { #expect(abs(bf[k] - s.state.weights[k]) < 1e-12) }
    }

    @Test("DEJMPS on equal pairs: A' = (A²+B²)/N, B' = 2CD/N, C' = (C²+D²)/N, D' = 2AB/N")
    func dejmpsEqual() {
        let (A, B, C, D) = a.dejmpsCoefficients
        let N = (A + B) * (A + B) + (C + D) * (C + D)
        let out = Purification.dejmps(a, a)
        #expect(close(out.successProbability, N))
        let d = out.state.dejmpsCoefficients
        #expect(close(d.a, (A * A + B * B) / N))
        #expect(close(d.b, 2 * C * D / N))
        #expect(close(d.c, (C * C + D * D) / N))
        #expect(close(d.d, 2 * A * B / N))
    }

    @Test("DEJMPS on unequal pairs and reduction to the equal case")
    func dejmpsUnequal() {
        let (A1, B1, C1, D1) = a.dejmpsCoefficients
        let (A2, B2, C2, D2) = b.dejmpsCoefficients
        let N = (A1 + B1) * (A2 + B2) + (C1 + D1) * (C2 + D2)
        let out = Purification.dejmps(a, b)
        #expect(close(out.successProbability, N))
        let d = out.state.dejmpsCoefficients
        #expect(close(d.a, (A1 * A2 + B1 * B2) / N))
        #expect(close(d.b, (C1 * D2 + D1 * C2) / N))
        #expect(close(d.c, (C1 * C2 + D1 * D2) / N))
        #expect(close(d.d, (A1 * B2 + B1 * A2) / N))
    }

    @Test("BBPSSW on Werner inputs matches Bennett et al.; agrees with DEJMPS for one round")
    func bbpssw() {
        for F in [0.6, 0.75, 0.9, 0.99] {
            let q = (1 - F) / 3
            let N = F * F + 2 * F * (1 - F) / 3 + 5 * q * q
            let w = BellDiagonalState.werner(fidelity: F)
            let out = Purification.bbpssw(w, w)
            #expect(close(out.successProbability, N))
            #expect(close(out.state.fidelity, (F * F + q * q) / N))
            let dej = Purification.dejmps(w, w)
            #expect(close(dej.state.fidelity, out.state.fidelity))
            #expect(close(dej.successProbability, out.successProbability))
        }
        // unequal Werner inputs: N = (F1 + q1)(F2 + q2) + 4 q1 q2, F' = (F1F2 + q1q2)/N
        let F1 = 0.9, F2 = 0.8, q1 = 0.1 / 3, q2 = 0.2 / 3
        let out = Purification.bbpssw(.werner(fidelity: F1), .werner(fidelity: F2))
        let N = (F1 + q1) * (F2 + q2) + 4 * q1 * q2
        #expect(close(out.successProbability, N))
        #expect(close(out.state.fidelity, (F1 * F2 + q1 * q2) / N))
    }

    @Test("Recurrence rounds: pairs consumed R_n = 2R_(n−1)/P_n and fidelity rises above 1/2")
    func rounds() {
        let w = BellDiagonalState.werner(fidelity: 0.8)
        let r = Purification.recurrence(w, protocol: .dejmps, rounds: 3)
        #expect(r.successProbabilities.count == 3)
        let p = r.successProbabilities
        #expect(close(r.expectedInputPairsPerOutput, 8 / (p[0] * p[1] * p[2]) ))
        #expect(r.state.fidelity > 0.95)
        let one = Purification.dejmps(w, w)
        let two = Purification.dejmps(one.state, one.state)
        let three = Purification.dejmps(two.state, two.state)
        #expect(close(r.state.fidelity, three.state.fidelity))
    }
}
