import Foundation
@testable import InterlinkPhysics

/// Herald probability and Bell weights from the reference model (true, false and all heralds).
struct ReferenceHerald {
    let trueProbability: Double
    let falseProbability: Double
    var probability: Double { trueProbability + falseProbability }
    /// Bell weights [I, X, Y, Z] of the heralded, corrected state.
    let state: [Double]
    let trueState: [Double]
    let falseState: [Double]

    /// Sums the corrected heralds of all valid outcomes.
    init(_ parts: [(total: MemoryMatrix, trueOnly: MemoryMatrix)]) {
        var total = MemoryMatrix(), trueOnly = MemoryMatrix()
        for p in parts {
            total = total + p.total
            trueOnly = trueOnly + p.trueOnly
        }
        let falseOnly = total + trueOnly.scaled(-1)
        trueProbability = trueOnly.trace
        falseProbability = falseOnly.trace
        state = total.bellWeights
        trueState = trueOnly.bellWeights
        falseState = falseOnly.bellWeights
    }
}

/// The two heralding schemes built from emitters, loss, a 50:50 beam splitter and detector POVMs.
///
/// Unlike photons: node A's photon is in internal mode 0; node B's is √V·e^{iθ}|0⟩ + √(1 − V)|1⟩,
/// so the amplitude overlap is 𝒱 = √V·e^{iθ} and the two-photon (HOM) visibility |𝒱|² = V.
/// Loss: a†_n → √η_n·(station mode) + √(1 − η_n)·(environment mode), per internal mode and bin.
/// Beam splitter: A → (D₁ + D₂)/√2, B → (D₁ − D₂)/√2.
enum StationReference {
    static func detectorMode(_ k: Int, _ slot: Int) -> Int { 100 + 4 * k + slot }
    static func environmentMode(_ n: Int, _ slot: Int) -> Int { 200 + 4 * n + slot }

    /// Loss and beam splitter for input modes 4·n + slot (n = 0 for A, 1 for B; slot = 2·bin + internal).
    static func optics(etaA: Double, etaB: Double, slots: Int) -> [Int: [(Int, Complex)]] {
        var map: [Int: [(Int, Complex)]] = [:]
        for n in 0..<2 {
            let eta = n == 0 ? etaA : etaB
            let t = (eta / 2).squareRoot(), sign = n == 0 ? 1.0 : -1.0
            for slot in 0..<slots {
                map[4 * n + slot] = [(detectorMode(0, slot), Complex(t)), (detectorMode(1, slot), Complex(sign * t)),
                                     (environmentMode(n, slot), Complex((1 - eta).squareRoot()))]
            }
        }
        return map
    }

    /// Node B's photon in `bin` (slot = 2·bin + internal) with amplitude overlap √V·e^{iθ} and extra phase φ.
    static func photonB(bin: Int, visibility v: Double, theta: Double, phi: Double) -> [(Int, Complex)] {
        let a = v.squareRoot(), b = (1 - v).squareRoot()
        return [(4 + 2 * bin, a * Complex(cos(theta + phi), sin(theta + phi))), (4 + 2 * bin + 1, b * Complex(cos(phi), sin(phi)))]
    }

    /// Barrett–Kok, time-bin encoding: memory 0 (↑) emits early, 1 (↓) late, amplitude ½ per branch.
    /// Four windows: (D₁, early), (D₂, early), (D₁, late), (D₂, late); herald: exactly one count / click in
    /// each bin. (Polarisation encoding with four polarisation-resolving detectors is the same model with
    /// bins read as polarisations.)
    static func barrettKok(etaA: Double, etaB: Double, visibility v: Double, d1: Double, d2: Double,
                           kind: DetectorKind) -> ReferenceHerald {
        func emit(_ v: Double) -> PhotonicBranches {
            var s = PhotonicBranches()
            for mA in 0..<2 { for mB in 0..<2 {
                for (mode, c) in photonB(bin: mB, visibility: v, theta: 0, phi: 0) {
                    s.add(memory: 2 * mA + mB, modes: [2 * mA, mode], amplitude: 0.5 * c)
                }
            } }
            return s
        }
        let windows = [0, 1].flatMap { bin in [0, 1].map { k in [detectorMode(k, 2 * bin), detectorMode(k, 2 * bin + 1)] } }
        let outcomes = [[1, 0, 1, 0], [1, 0, 0, 1], [0, 1, 1, 0], [0, 1, 0, 1]]
        let ideal = StationDetection(windows: windows, noise: [0, 0, 0, 0], kind: kind)
        let real = StationDetection(windows: windows, noise: [d1, d2, d1, d2], kind: kind)
        let clean = emit(1).transformed(optics(etaA: 1, etaB: 1, slots: 4))
        let state = emit(v).transformed(optics(etaA: etaA, etaB: etaB, slots: 4))
        return ReferenceHerald(outcomes.map { o in
            let u = MemoryCorrection.calibrated(on: ideal.herald(clean, outcome: o).total, phases: [0])
            let h = real.herald(state, outcome: o)
            return (h.total.conjugatedOnB(u), h.trueOnly.conjugatedOnB(u))
        })
    }

    /// Single-click: memory 0 (↑) emits a photon with amplitude √α, memory 1 (↓) none. Two windows (D₁,
    /// D₂); herald: exactly one count / click. Phase noise: B's photon carries e^{±iφ₀} with equal
    /// probability, cos φ₀ = c_φ. The fixed overlap phase θ is corrected by a calibrated Z rotation on
    /// memory B when `compensated`, otherwise only Pauli corrections are applied.
    static func singleClick(etaA: Double, etaB: Double, alphaA: Double, alphaB: Double, visibility v: Double,
                            theta: Double, compensated: Bool, phaseStability c: Double, d1: Double, d2: Double,
                            kind: DetectorKind) -> ReferenceHerald {
        func emit(alphaA: Double, alphaB: Double, v: Double, theta: Double, phi: Double) -> PhotonicBranches {
            var s = PhotonicBranches()
            for mA in 0..<2 { for mB in 0..<2 {
                let amp = (mA == 0 ? alphaA : 1 - alphaA).squareRoot() * (mB == 0 ? alphaB : 1 - alphaB).squareRoot()
                let a: [Int] = mA == 0 ? [0] : []
                if mB == 0 {
                    for (mode, z) in photonB(bin: 0, visibility: v, theta: theta, phi: phi) {
                        s.add(memory: 2 * mA + mB, modes: a + [mode], amplitude: amp * z)
                    }
                } else {
                    s.add(memory: 2 * mA + mB, modes: a, amplitude: Complex(amp))
                }
            } }
            return s
        }
        let windows = [0, 1].map { k in [detectorMode(k, 0), detectorMode(k, 1)] }
        let outcomes = [[1, 0], [0, 1]]
        let ideal = StationDetection(windows: windows, noise: [0, 0], kind: kind)
        let real = StationDetection(windows: windows, noise: [d1, d2], kind: kind)
        let calibrationTheta = compensated ? theta : 0
        let clean = emit(alphaA: 0.1, alphaB: 0.1, v: 1, theta: calibrationTheta, phi: 0)
            .transformed(optics(etaA: 1, etaB: 1, slots: 2))
        let phi0 = acos(min(1, max(-1, c)))
        let noisy = [phi0, -phi0].map {
            emit(alphaA: alphaA, alphaB: alphaB, v: v, theta: theta, phi: $0).transformed(optics(etaA: etaA, etaB: etaB, slots: 2))
        }
        let phases = compensated ? [theta, -theta] : [0]
        return ReferenceHerald(outcomes.map { o in
            let u = MemoryCorrection.calibrated(on: ideal.herald(clean, outcome: o).total, phases: phases)
            let h = noisy.map { real.herald($0, outcome: o) }
            let total = (h[0].total + h[1].total).scaled(0.5), trueOnly = (h[0].trueOnly + h[1].trueOnly).scaled(0.5)
            return (total.conjugatedOnB(u), trueOnly.conjugatedOnB(u))
        })
    }
}
