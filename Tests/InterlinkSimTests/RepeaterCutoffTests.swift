import InterlinkCore
import Foundation
import InterlinkPhysics
import Testing
@testable import InterlinkSim

/// The geometric-sampling repeater with a cutoff against a brute-force simulation that steps
/// through every attempt (independent implementation, own generator).
@Suite("Repeater with cutoff vs brute force")
struct RepeaterCutoffTests {
    /// Brute force, two identical segments, period 1, cutoff c attempts, dephasing rate γ per
    /// attempt per qubit. Step t: segments without a pair attempt (success p); if both hold, swap
    /// (the older pair has dephased for its age on two qubits); otherwise a pair whose age reached
    /// c is discarded and its segment attempts again from the next step.
    static func bruteForce(p: Double, c: Int, gamma: Double, f0: Double, pairs: Int, seed: UInt64)
        -> (meanWait: Double, seWait: Double, meanF: Double, seF: Double)
    {
        var state = seed
        func uniform() -> Double {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z &>> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z &>> 27)) &* 0x94D0_49BB_1331_11EB
            z ^= z &>> 31
            return (Double(z >> 11) + 0.5) * 0x1p-53
        }
        // Werner pairs: swapping gives F = F₁F₂ + (1 − F₁)(1 − F₂)/3; dephasing both qubits of a
        // Werner pair for age a: Z-flip probability z = (1 − e^{−2γa})/2, which maps λ_I → (1 − z)λ_I + zλ_Z.
        var sumW = 0.0, sumW2 = 0.0, sumF = 0.0, sumF2 = 0.0
        for _ in 0..<pairs {
            var t = 0
            var born: [Int?] = [nil, nil]
            while true {
                t += 1
                for k in 0..<2 where born[k] == nil {
                    if uniform() < p { born[k] = t }
                }
                if let b0 = born[0], let b1 = born[1] {
                    let age = Double(abs(b0 - b1))
                    let e = (1 - f0) / 3
                    let z = (1 - exp(-2 * gamma * age)) / 2
                    let fOld = (1 - z) * f0 + z * e
                    let zOld = (1 - z) * e + z * f0
                    // Swap of (fOld, e, e, zOld) with the Werner pair (f0, e, e, e): λ_I of the convolution.
                    let f = fOld * f0 + e * e + e * e + zOld * e
                    sumW += Double(t); sumW2 += Double(t * t)
                    sumF += f; sumF2 += f * f
                    break
                }
                for k in 0..<2 {
                    if let b = born[k], t - b >= c { born[k] = nil }
                }
            }
        }
        let n = Double(pairs)
        let mw = sumW / n, mf = sumF / n
        return (mw, ((sumW2 / n - mw * mw) / n).squareRoot(), mf, ((sumF2 / n - mf * mf) / n).squareRoot())
    }

    @Test("cutoff of c attempts: waiting time and fidelity agree with the per-attempt simulation",
          arguments: [(0.1, 3), (0.3, 1), (0.05, 10)])
    func agreesWithBruteForce(p: Double, c: Int) throws {
        let gamma = 0.02, f0 = 0.95
        let link = try SimulatedLink(
            successProbability: p, attemptPeriodSeconds: 1, heraldedState: .werner(fidelity: f0),
            memoryA: MemoryParameters(t2Seconds: 1 / gamma), memoryB: MemoryParameters(t2Seconds: 1 / gamma))
        let chain = try RepeaterChain(segments: [link, link], cutoff: .maximumAge(seconds: Double(c)))
        let m = try RepeaterSimulation.run(chain, pairs: 40_000, stream: RandomStream(rootSeed: 4, pointKey: "cutoff", replicate: 0))
        let b = Self.bruteForce(p: p, c: c, gamma: gamma, f0: f0, pairs: 40_000, seed: 99)
        let seW = ((m.waitingTime.standardErrorOfMean ?? 1) * (m.waitingTime.standardErrorOfMean ?? 1) + b.seWait * b.seWait).squareRoot()
        let seF = (m.meanFidelityStandardError * m.meanFidelityStandardError + b.seF * b.seF).squareRoot()
        #expect(abs(m.waitingTime.mean - b.meanWait) < 4 * seW)
        #expect(abs(m.meanFidelity - b.meanF) < 4 * seF)
    }

    @Test("a cutoff lowers the rate and raises the fidelity")
    func cutoffTradeOff() throws {
        let link = try SimulatedLink(
            successProbability: 0.05, attemptPeriodSeconds: 1e-6, heraldedState: .werner(fidelity: 0.95),
            memoryA: MemoryParameters(t2Seconds: 20e-6), memoryB: MemoryParameters(t2Seconds: 20e-6))
        let s = RandomStream(rootSeed: 5, pointKey: "tradeoff", replicate: 0)
        let free = try RepeaterSimulation.run(try RepeaterChain(segments: [link, link]), pairs: 20_000, stream: s)
        let cut = try RepeaterSimulation.run(
            try RepeaterChain(segments: [link, link], cutoff: .maximumAge(seconds: 5e-6)), pairs: 20_000, stream: s)
        #expect(cut.rate < free.rate)
        #expect(cut.meanFidelity > free.meanFidelity)
    }

    @Test("invalid chains throw naming the parameter")
    func invalid() throws {
        let link = try SimulatedLink(successProbability: 0.5, attemptPeriodSeconds: 1, heraldedState: .perfect)
        #expect(throws: ParameterError.self) { try RepeaterChain(segments: []) }
        #expect(throws: ParameterError.self) { try RepeaterChain(segments: [link, link], cutoff: .maximumAge(seconds: 0)) }
        #expect(throws: ParameterError.self) { try RepeaterChain(segments: [link, link], swapNodes: [LocalOperations.perfectForTest, .perfectForTest]) }
    }
}

extension LocalOperations {
    /// Noiseless, instantaneous local operations.
    static let perfectForTest = LocalOperations(
        singleQubitGateFidelity: 1, singleQubitGateSeconds: 0, twoQubitGateFidelity: 1, twoQubitGateSeconds: 0,
        readoutFidelity: 1, readoutSeconds: 0)
}
