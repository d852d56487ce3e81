import InterlinkCore
import Foundation
import InterlinkPhysics
import Testing
@testable import InterlinkSim

/// Acceptance: Monte Carlo against closed forms for 100 random single links and 100 random two-link
/// repeaters (rate and mean fidelity within 4 standard errors; relative standard error < 1%).
@Suite("Monte Carlo agrees with closed forms")
struct ClosedFormAgreementTests {
    @Test("100 random single links: rate p/τ and the heralded fidelity")
    func singleLinks() throws {
        var cfg = RandomStream(rootSeed: 11, pointKey: "link-configs", replicate: 0)
        for c in 0..<100 {
            let p = TestConfigurations.logUniform(1e-4, 0.9, &cfg)
            let tau = TestConfigurations.logUniform(1e-6, 1e-3, &cfg)
            let state = try TestConfigurations.state(&cfg)
            let link = try SimulatedLink(successProbability: p, attemptPeriodSeconds: tau, heraldedState: state)
            let m = try LinkSimulation.run(link, pairs: 12_000, stream: RandomStream(rootSeed: 5, pointKey: "link", replicate: UInt64(c)))
            let expectedRate = p / tau
            #expect(m.rateStandardError / m.rate < 0.01)
            #expect(abs(m.rate - expectedRate) < 4 * m.rateStandardError, "config \(c): p=\(p) τ=\(tau)")
            #expect(abs(m.meanFidelity - state.lambdaI) < max(4 * m.meanFidelityStandardError, 1e-12))
        }
    }

    /// Closed form for two segments with common period τ, swap when both are ready, T2-dephasing
    /// memories (derived by hand for this test):
    /// E[T] = τ(1/p₁ + 1/p₂ − 1/(1 − q₁q₂)), qᵢ = 1 − pᵢ (E[max] of independent geometrics).
    /// The earlier pair's two qubits dephase for D·τ, D = |K₁ − K₂|; pair k's coherence after D
    /// attempts is r_k^D with r_k = exp(−τ(1/T2_kA + 1/T2_kB)). With P₀ = p₁p₂/(1 − q₁q₂):
    /// E[C] = P₀·(1 + q₁r₂/(1 − q₁r₂) + q₂r₁/(1 − q₂r₁)) (segment 2 waits when K₂ < K₁, and so on).
    /// Dephasing commutes with the swap convolution, so with λ = λ⁽¹⁾ ⊛ λ⁽²⁾,
    /// E[F] = λ_I − (λ_I − λ_Z)(1 − E[C])/2, where λ_I = Σ_e λ⁽¹⁾_e λ⁽²⁾_e and
    /// λ_Z = λ⁽¹⁾_I λ⁽²⁾_Z + λ⁽¹⁾_Z λ⁽²⁾_I + λ⁽¹⁾_X λ⁽²⁾_Y + λ⁽¹⁾_Y λ⁽²⁾_X.
    @Test("100 random two-link repeaters with dephasing memories: rate and mean fidelity")
    func twoLinkRepeaters() throws {
        var cfg = RandomStream(rootSeed: 12, pointKey: "repeater-configs", replicate: 0)
        for c in 0..<100 {
            let p1 = TestConfigurations.logUniform(1e-3, 0.5, &cfg)
            let p2 = TestConfigurations.logUniform(1e-3, 0.5, &cfg)
            let tau = TestConfigurations.logUniform(1e-6, 1e-3, &cfg)
            let s1 = try TestConfigurations.state(&cfg), s2 = try TestConfigurations.state(&cfg)
            let scale = tau / min(p1, p2)
            let t2 = (0..<4).map { _ in TestConfigurations.logUniform(0.3 * scale, 30 * scale, &cfg) }
            let l1 = try SimulatedLink(
                successProbability: p1, attemptPeriodSeconds: tau, heraldedState: s1,
                memoryA: MemoryParameters(t2Seconds: t2[0]), memoryB: MemoryParameters(t2Seconds: t2[1]))
            let l2 = try SimulatedLink(
                successProbability: p2, attemptPeriodSeconds: tau, heraldedState: s2,
                memoryA: MemoryParameters(t2Seconds: t2[2]), memoryB: MemoryParameters(t2Seconds: t2[3]))
            let chain = try RepeaterChain(segments: [l1, l2])
            let m = try RepeaterSimulation.run(
                chain, pairs: 12_000, stream: RandomStream(rootSeed: 6, pointKey: "two-link", replicate: UInt64(c)))

            let q1 = 1 - p1, q2 = 1 - p2
            let meanT = tau * (1 / p1 + 1 / p2 - 1 / (1 - q1 * q2))
            let r1 = exp(-tau * (1 / t2[0] + 1 / t2[1])), r2 = exp(-tau * (1 / t2[2] + 1 / t2[3]))
            let p0 = p1 * p2 / (1 - q1 * q2)
            let meanC = p0 * (1 + q1 * r2 / (1 - q1 * r2) + q2 * r1 / (1 - q2 * r1))
            let lI = s1.lambdaI * s2.lambdaI + s1.lambdaX * s2.lambdaX + s1.lambdaY * s2.lambdaY + s1.lambdaZ * s2.lambdaZ
            let lZ = s1.lambdaI * s2.lambdaZ + s1.lambdaZ * s2.lambdaI + s1.lambdaX * s2.lambdaY + s1.lambdaY * s2.lambdaX
            let meanF = lI - (lI - lZ) * (1 - meanC) / 2

            #expect(m.rateStandardError / m.rate < 0.01)
            #expect(abs(m.rate - 1 / meanT) < 4 * m.rateStandardError, "config \(c)")
            #expect(m.meanFidelityStandardError / m.meanFidelity < 0.01)
            #expect(abs(m.meanFidelity - meanF) < 4 * m.meanFidelityStandardError, "config \(c)")
        }
    }
}

/// The engine against the physics core's own closed forms (`LinkModel.rateHz`, `.fidelity`) for
/// random links between modality presets.
@Suite("Monte Carlo agrees with the physics core's link model")
struct PhysicsLinkAgreementTests {
    @Test("60 random preset links (random modality pair, length and scheme)")
    func presetLinks() throws {
        var cfg = RandomStream(rootSeed: 13, pointKey: "preset-links", replicate: 0)
        let names = ModalityPreset.names
        var checked = 0
        for c in 0..<60 {
            let a = try ModalityPreset.arm(named: names[cfg.nextIndex(below: names.count)])
            let b = try ModalityPreset.arm(named: names[cfg.nextIndex(below: names.count)])
            let length = TestConfigurations.logUniform(0.01, 100, &cfg)
            let scheme: HeraldingScheme = cfg.nextUniform() < 0.5 ? .twoPhoton : .singleClick(alpha: 0.05 + 0.2 * cfg.nextUniform())
            let configuration = LinkConfiguration.midpoint(armA: a, armB: b, totalLengthKm: length, scheme: scheme)
            let model = try LinkModel(configuration: configuration)
            guard model.successProbabilityPerRound > 0 else { continue }
            let link = try SimulatedLink(model: model, configuration: configuration)
            let m = try LinkSimulation.run(link, pairs: 12_000, stream: RandomStream(rootSeed: 8, pointKey: "preset", replicate: UInt64(c)))
            #expect(m.rateStandardError / m.rate < 0.01)
            #expect(abs(m.rate - model.rateHz) < 4 * m.rateStandardError, "config \(c)")
            #expect(abs(m.meanFidelity - model.fidelity) < 1e-12)
            checked += 1
        }
        #expect(checked >= 50)
    }
}

/// The engine against the physics core's `TwoLinkRepeaterModel` (exact expectations over the age
/// difference, with node noise and cutoff) for random preset repeaters.
@Suite("Monte Carlo agrees with the physics core's two-link repeater model")
struct PhysicsRepeaterAgreementTests {
    @Test("40 random preset repeaters, half with a cutoff")
    func presetRepeaters() throws {
        var cfg = RandomStream(rootSeed: 14, pointKey: "preset-repeaters", replicate: 0)
        let names = ModalityPreset.names
        var checked = 0
        for c in 0..<40 {
            let end1 = try ModalityPreset.arm(named: names[cfg.nextIndex(below: names.count)])
            let mid = try ModalityPreset.arm(named: names[cfg.nextIndex(below: names.count)])
            let end2 = try ModalityPreset.arm(named: names[cfg.nextIndex(below: names.count)])
            let la = LinkConfiguration.midpoint(armA: end1, armB: mid, totalLengthKm: TestConfigurations.logUniform(0.01, 20, &cfg))
            let lb = LinkConfiguration.midpoint(armA: mid, armB: end2, totalLengthKm: TestConfigurations.logUniform(0.01, 20, &cfg))
            let ma = try LinkModel(configuration: la), mb = try LinkModel(configuration: lb)
            // Keep configurations whose mean wait is not astronomically long (the test is about
            // agreement, not speed at vanishing rates).
            guard ma.successProbabilityPerRound > 1e-7, mb.successProbabilityPerRound > 1e-7 else { continue }
            let tau = max(ma.attemptPeriod.periodSeconds, mb.attemptPeriod.periodSeconds)
            let meanSingle = tau / min(ma.successProbabilityPerRound, mb.successProbabilityPerRound)
            let cutoff: Double? = c % 2 == 0 ? nil : 2 * meanSingle
            let configuration = RepeaterConfiguration(linkA: la, linkB: lb, cutoffSeconds: cutoff)
            let model = try TwoLinkRepeaterModel(configuration: configuration)
            let chain = try RepeaterChain(twoLink: configuration)
            let m = try RepeaterSimulation.run(
                chain, pairs: 12_000, stream: RandomStream(rootSeed: 15, pointKey: "preset-repeater", replicate: UInt64(c)))
            #expect(m.rateStandardError / m.rate < 0.01)
            #expect(abs(m.rate - model.rateHz) < 4 * m.rateStandardError, "config \(c)")
            // Absolute floor 1e-6: when one link is ~10⁴× slower, the rare cycles in which the
            // fast link's pair is fresh may not occur in 12 000 samples, so the sample variance
            // (and standard error) can be exactly zero while the exact mean differs by ~1e-8.
            #expect(abs(m.meanFidelity - model.fidelity) < max(4 * m.meanFidelityStandardError, 1e-6), "config \(c)")
            checked += 1
        }
        #expect(checked >= 20)
    }
}
