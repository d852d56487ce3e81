import Foundation
@testable import InterlinkPhysics

/// Reference model of a heralding station, part 2: detector POVMs and the heralded memory state.
///
/// A detector window is a set of modes (one detector in one time bin, all internal modes: the
/// detector does not resolve the internal mode). Noise: each window independently adds a noise click
/// with probability d. PNR: the observed count is photons + noise; POVM element for count k is
/// (1 − d)Π_{n=k} + d·Π_{n=k−1}. Threshold: "click" is 𝟙 − (1 − d)Π₀, "no click" (1 − d)Π₀. All
/// elements are diagonal in the Fock basis, and environment modes are traced out, so the unnormalised
/// heralded memory state of an outcome is ρ[m, m'] = Σ_Fock P(outcome | n)·φ_m(n)·φ*_m'(n).
/// A herald is "true" when every clicking window holds a photon (no noise click was needed); its
/// weight is the part of P(outcome | n) without noise in clicking windows (PNR: no noise anywhere).
struct StationDetection {
    /// Modes of each window.
    let windows: [[Int]]
    /// Noise-click probability of each window.
    let noise: [Double]
    /// Detector kind.
    let kind: DetectorKind

    /// (total, true-only) probability of observing `outcome` (counts for PNR, 0/1 clicks for
    /// threshold) given photon numbers `n` per window.
    func likelihood(_ outcome: [Int], photons n: [Int]) -> (total: Double, trueOnly: Double) {
        var total = 1.0, trueOnly = 1.0
        for w in windows.indices {
            let d = noise[w], o = outcome[w]
            switch kind {
            case .numberResolving:
                total *= (n[w] == o ? 1 - d : 0) + (n[w] + 1 == o ? d : 0)
                trueOnly *= n[w] == o ? 1 - d : 0
            case .threshold:
                if o == 1 {
                    total *= n[w] >= 1 ? 1 : d
                    trueOnly *= n[w] >= 1 ? 1 : 0
                } else {
                    total *= n[w] == 0 ? 1 - d : 0
                    trueOnly *= n[w] == 0 ? 1 - d : 0
                }
            }
        }
        return (total, trueOnly)
    }

    /// Unnormalised heralded memory matrices (total, true-only) of one outcome.
    func herald(_ state: PhotonicBranches, outcome: [Int]) -> (total: MemoryMatrix, trueOnly: MemoryMatrix) {
        let fock = (0..<4).map { state.fockAmplitudes($0) }
        var keys = Set<[Int]>()
        for f in fock { keys.formUnion(f.keys) }
        var total = MemoryMatrix(), trueOnly = MemoryMatrix()
        for key in keys {
            let n = windows.map { w in key.filter { w.contains($0) }.count }
            let (pt, ptrue) = likelihood(outcome, photons: n)
            guard pt > 0 else { continue }
            for m in 0..<4 { for m2 in 0..<4 {
                guard let a = fock[m][key], let b = fock[m2][key] else { continue }
                let v = a * b.conjugate
                total[m, m2] = total[m, m2] + pt * v
                trueOnly[m, m2] = trueOnly[m, m2] + ptrue * v
            } }
        }
        return (total, trueOnly)
    }
}

/// Single-qubit corrections on memory B: Paulis times an optional phase rotation diag(1, e^{iχ}).
enum MemoryCorrection {
    static let paulis: [[[Complex]]] = [
        [[Complex(1), Complex(0)], [Complex(0), Complex(1)]],
        [[Complex(0), Complex(1)], [Complex(1), Complex(0)]],
        [[Complex(0), Complex(0, -1)], [Complex(0, 1), Complex(0)]],
        [[Complex(1), Complex(0)], [Complex(0), Complex(-1)]],
    ]

    /// P·diag(1, e^{iχ}).
    static func unitary(pauli p: Int, phase chi: Double) -> [[Complex]] {
        let r = Complex(cos(chi), sin(chi))
        let u = paulis[p]
        return [[u[0][0], u[0][1] * r], [u[1][0], u[1][1] * r]]
    }

    /// The correction among `Paulis × phases` that maps the calibration state closest to Φ⁺ (what an
    /// experimenter calibrates once per click pattern on a clean setting).
    static func calibrated(on calibration: MemoryMatrix, phases: [Double]) -> [[Complex]] {
        var best = unitary(pauli: 0, phase: 0), bestF = -1.0
        for p in 0..<4 { for chi in phases {
            let u = unitary(pauli: p, phase: chi)
            let f = calibration.conjugatedOnB(u).bellWeights[0]
            if f > bestF + 1e-12 { bestF = f; best = u }
        } }
        return best
    }
}
