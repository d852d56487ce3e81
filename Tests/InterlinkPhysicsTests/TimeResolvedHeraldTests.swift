import Foundation
import Testing
import InterlinkCore
@testable import InterlinkPhysics

/// Independent checks of the time-resolved two-photon herald: a hand-integrated formula for two bare
/// exponentials, a numerical double integral of the two-time amplitudes, and a Monte Carlo of detection
/// times with explicit per-detector jitter — none of them uses the window kernel under test.
@Suite("Time-resolved two-photon herald (acceptance and visibility vs window and jitter)")
struct TimeResolvedHeraldTests {
    /// Sr⁺ photon (21.5 MHz) and a transmon photon (1 MHz) behind the 14.8 MHz transducer band.
    let ion = SpectralMode(linewidthMHz: 21.5)
    let transmon = SpectralMode(linewidthMHz: 1).filtered(bandwidthMHz: 14.8)

    /// Hand-derived amplitude of an exponential photon of FWHM ν behind a Lorentzian filter of FWHM B
    /// (the convolution of γ₁e^(−γ₁t) and γ₂e^(−γ₂t), unnormalised; γ = π·FWHM in rad/µs, t in µs).
    static func filteredAmplitude(_ t: Double, nu: Double, band: Double) -> Double {
        let g1 = Double.pi * nu, g2 = Double.pi * band
        return g1 * g2 * (exp(-g1 * t) - exp(-g2 * t)) / (g2 - g1)
    }

    static func ionAmplitude(_ t: Double) -> Double { exp(-Double.pi * 21.5 * t) }

    @Test("Two bare exponentials, no jitter: hand-integrated P(w) and V(w)")
    func bareExponentialsByHand() throws {
        // ξ_j ∝ e^(−γ_j t); with a' = 2γ_a, b' = 2γ_b, m = γ_a + γ_b (by direct integration over |t₂ − t₁| ≤ w):
        // P = [a'(1 − e^(−b'w)) + b'(1 − e^(−a'w))]/(a' + b'),  C = 4γ_aγ_b(1 − e^(−mw))/m²,  V = C/P.
        for (nu1, nu2) in [(21.5, 6.07), (21.5, 1.0), (5.0, 5.0)] {
            let ga = Double.pi * nu1, gb = Double.pi * nu2
            let a = 2 * ga, b = 2 * gb, m = ga + gb
            for wNs in [0.5, 3.0, 20.0, 300.0] {
                let w = wNs / 1000
                let p = (a * (1 - exp(-b * w)) + b * (1 - exp(-a * w))) / (a + b)
                let c = 4 * ga * gb * (1 - exp(-m * w)) / (m * m)
                let h = try TimeResolvedHerald(SpectralMode(linewidthMHz: nu1), SpectralMode(linewidthMHz: nu2), windowNs: wNs, jitterNs: 0)
                #expect(relClose(h.acceptance, p, 1e-10), "P at \(nu1), \(nu2), \(wNs) ns")
                #expect(relClose(h.visibility, c / p, 1e-10), "V at \(nu1), \(nu2), \(wNs) ns")
            }
        }
    }

    @Test("Limits: an infinite window recovers V = M and F = (1 + M)/2; a vanishing window without jitter gives V → 1")
    func limits() throws {
        let m = ion.overlap(with: transmon)
        for jitter in [0.0, 0.35, 5.0] {
            let open = try TimeResolvedHerald(ion, transmon, windowNs: .infinity, jitterNs: jitter)
            #expect(close(open.visibility, m, 1e-9))
            #expect(close(open.acceptance, 1, 1e-12))
            #expect(close(open.fidelity(), (1 + m) / 2, 1e-9))
        }
        // A very wide finite window approaches the same values (smooth limit, with jitter too).
        let wide = try TimeResolvedHerald(ion, transmon, windowNs: 1e5, jitterNs: 0.05)
        #expect(close(wide.visibility, m, 1e-7))
        let narrow = try TimeResolvedHerald(ion, transmon, windowNs: 1e-4, jitterNs: 0)
        #expect(narrow.visibility > 0.9999)
        #expect(narrow.fidelity() > 0.99995)
        #expect(narrow.acceptance > 0 && narrow.acceptance < 1e-4)
        // With jitter the vanishing window no longer selects τ = 0: V stays below 1.
        let jittery = try TimeResolvedHerald(ion, transmon, windowNs: 1e-4, jitterNs: 5)
        #expect(jittery.visibility < 0.99)
    }

    @Test("No jitter: numerical double integral of the two-time amplitudes over |t₂ − t₁| ≤ w")
    func doubleIntegral() throws {
        let xiA = Self.ionAmplitude
        let xiB = { (t: Double) in Self.filteredAmplitude(t, nu: 1, band: 14.8) }
        for wNs in [1.0, 5.0, 40.0] {
            let w = wNs / 1000
            // Composite Simpson on t₁ ∈ [0, 6 µs] (three segments resolving the 7 ns and 160 ns scales) and on
            // t₂ ∈ [max(0, t₁ − w), t₁ + w].
            var p = 0.0, c = 0.0, na = 0.0, nb = 0.0
            for (lo, hi, n) in [(0.0, 0.05, 2000), (0.05, 0.6, 2000), (0.6, 6.0, 2000)] {
                let h = (hi - lo) / Double(n)
                for i in 0...n {
                    let t1 = lo + Double(i) * h
                    let weight = (i == 0 || i == n) ? 1.0 : (i % 2 == 1 ? 4.0 : 2.0)
                    let a1 = xiA(t1), b1 = xiB(t1)
                    na += weight * h / 3 * a1 * a1
                    nb += weight * h / 3 * b1 * b1
                    let l2 = max(0, t1 - w), u2 = t1 + w, n2 = 200, h2 = (u2 - l2) / Double(n2)
                    var ip = 0.0, ic = 0.0
                    for j in 0...n2 {
                        let t2 = l2 + Double(j) * h2
                        let w2 = (j == 0 || j == n2) ? 1.0 : (j % 2 == 1 ? 4.0 : 2.0)
                        let a2 = xiA(t2), b2 = xiB(t2)
                        ip += w2 * b2 * b2
                        ic += w2 * a2 * b2
                    }
                    p += weight * h / 3 * a1 * a1 * ip * h2 / 3
                    c += weight * h / 3 * a1 * b1 * ic * h2 / 3
                }
            }
            let h = try TimeResolvedHerald(ion, transmon, windowNs: wNs, jitterNs: 0)
            #expect(relClose(h.acceptance, p / (na * nb), 2e-4), "P at \(wNs) ns: \(h.acceptance) vs \(p / (na * nb))")
            #expect(relClose(h.visibility, c / p, 2e-4), "V at \(wNs) ns: \(h.visibility) vs \(c / p)")
        }
    }

    /// A photon for the Monte Carlo: a sampler of its detection time (µs) and its amplitude (unnormalised).
    struct Photon: Sendable {
        var sample: @Sendable (inout SeededGenerator) -> Double
        var amplitude: @Sendable (Double) -> Double
    }

    /// Exponential photon of FWHM ν (MHz): detection time ~ Exp(2πν), amplitude e^(−πνt).
    static func exponential(_ nu: Double) -> Photon {
        Photon(sample: { rng in -log(1 - rng.uniform()) / (2 * .pi * nu) }, amplitude: { exp(-Double.pi * nu * $0) })
    }

    /// Exponential photon of FWHM ν behind a Lorentzian band B (ν < B): the density ∝ (e^(−γ₁t) − e^(−γ₂t))² is
    /// sampled by rejection from e^(−2γ₁t), accepting with (1 − e^(−(γ₂ − γ₁)t))².
    static func filtered(_ nu: Double, band: Double) -> Photon {
        let g1 = Double.pi * nu, g2 = Double.pi * band
        return Photon(sample: { rng in
            var t: Double
            repeat { t = -log(1 - rng.uniform()) / (2 * g1) } while rng.uniform() > pow(1 - exp(-(g2 - g1) * t), 2)
            return t
        }, amplitude: { filteredAmplitude($0, nu: nu, band: band) })
    }

    /// Monte Carlo of heralds: true detection times drawn from the two photons' densities, the order of the
    /// photons at random (the ensemble ½|a|² + ½|b|²), each detector's Gaussian jitter added, the window applied
    /// to the recorded times, and the heralded state's Bell visibility 2ab/(a² + b²) averaged over kept heralds.
    /// Returns the kept fraction, the mean visibility and the visibility's standard error.
    static func monteCarlo(_ photonA: Photon, _ photonB: Photon, windowNs: Double, jitterNs: Double, samples: Int,
                           seed: UInt64) -> (acceptance: Double, visibility: Double, visibilityError: Double) {
        var rng = SeededGenerator(seed: seed)
        var accepted = 0, sum = 0.0, sumSquares = 0.0
        for _ in 0..<samples {
            let tA = photonA.sample(&rng), tB = photonB.sample(&rng)
            let (t1, t2) = rng.uniform() < 0.5 ? (tA, tB) : (tB, tA)
            let u1 = max(rng.uniform(), 1e-300), v1 = rng.uniform(), u2 = max(rng.uniform(), 1e-300), v2 = rng.uniform()
            let e1 = (-2 * log(u1)).squareRoot() * cos(2 * .pi * v1), e2 = (-2 * log(u2)).squareRoot() * cos(2 * .pi * v2)
            guard abs((t2 * 1000 + jitterNs * e2) - (t1 * 1000 + jitterNs * e1)) <= windowNs else { continue }
            accepted += 1
            let a = photonA.amplitude(t1) * photonB.amplitude(t2), b = photonB.amplitude(t1) * photonA.amplitude(t2)
            let v = 2 * a * b / (a * a + b * b)
            sum += v
            sumSquares += v * v
        }
        let n = Double(max(accepted, 1)), mean = sum / n
        return (Double(accepted) / Double(samples), mean, (max(0, sumSquares / n - mean * mean) / n).squareRoot())
    }

    /// Compares the closed form with the Monte Carlo within 5 standard errors.
    func compare(_ a: SpectralMode, _ b: SpectralMode, _ photonA: Photon, _ photonB: Photon, windowNs: Double, jitterNs: Double,
                 seed: UInt64) throws {
        let n = 400_000
        let mc = Self.monteCarlo(photonA, photonB, windowNs: windowNs, jitterNs: jitterNs, samples: n, seed: seed)
        let h = try TimeResolvedHerald(a, b, windowNs: windowNs, jitterNs: jitterNs)
        let seP = (h.acceptance * (1 - h.acceptance) / Double(n)).squareRoot()
        #expect(abs(mc.acceptance - h.acceptance) <= 5 * seP + 1e-7, "P at \(windowNs) ns, σ \(jitterNs) ns: MC \(mc.acceptance) vs \(h.acceptance)")
        #expect(abs(mc.visibility - h.visibility) <= 5 * mc.visibilityError + 1e-7,
                "V at \(windowNs) ns, σ \(jitterNs) ns: MC \(mc.visibility) ± \(mc.visibilityError) vs \(h.visibility)")
    }

    @Test("With jitter, Sr⁺ against the transducer-band transmon photon: Monte Carlo of detection times",
          arguments: [(2.0, 0.35), (10.0, 2.0), (1.0, 10.0), (60.0, 0.05)])
    func monteCarloTransmon(windowNs: Double, jitterNs: Double) throws {
        try compare(ion, transmon, Self.exponential(21.5), Self.filtered(1, band: 14.8), windowNs: windowNs, jitterNs: jitterNs,
                    seed: 7 + UInt64(windowNs * 10))
    }

    @Test("With jitter comparable to the photons, Sr⁺ against Rb: Monte Carlo of detection times (sensitive to s = √2·σ)",
          arguments: [(3.0, 10.0), (2.0, 20.0), (5.0, 5.0), (1.0, 5.0)])
    func monteCarloRubidium(windowNs: Double, jitterNs: Double) throws {
        try compare(ion, SpectralMode(linewidthMHz: 6.0666), Self.exponential(21.5), Self.exponential(6.0666),
                    windowNs: windowNs, jitterNs: jitterNs, seed: 11 + UInt64(windowNs * 10 + jitterNs))
    }

    @Test("Detuned photons without jitter: hand-integrated beat term, the M(Δ) limit, phase correction, and a Monte Carlo")
    func detuned() throws {
        // Bare exponentials ξ_a ∝ e^(−γ_a t), ξ_b ∝ e^(−γ_b t − iΔt), m = γ_a + γ_b (by direct integration over |τ| ≤ w):
        // C = (4γ_aγ_b/m)·Re[(1 − e^(−(m − iΔ)w))/(m − iΔ)], P as without detuning, V = C/P.
        let nuA = 21.5, nuB = 6.0666, deltaMHz = 13.8
        let ga = Double.pi * nuA, gb = Double.pi * nuB, m = ga + gb, d = 2 * Double.pi * deltaMHz
        let a = SpectralMode(linewidthMHz: nuA), b = SpectralMode(linewidthMHz: nuB, detuningMHz: deltaMHz)
        for wNs in [1.0, 10.0, 50.0] {
            let w = wNs / 1000
            let p = (2 * ga * (1 - exp(-2 * gb * w)) + 2 * gb * (1 - exp(-2 * ga * w))) / (2 * ga + 2 * gb)
            // (1 − e^(−(m − iΔ)w))/(m − iΔ): numerator 1 − e^(−mw)(cos Δw + i sin Δw), times (m + iΔ)/(m² + Δ²).
            let nr = 1 - exp(-m * w) * cos(d * w), ni = -exp(-m * w) * sin(d * w)
            let c = 4 * ga * gb / m * (nr * m - ni * d) / (m * m + d * d)
            let h = try TimeResolvedHerald(a, b, windowNs: wNs, jitterNs: 0)
            #expect(relClose(h.acceptance, p, 1e-10))
            #expect(relClose(h.visibility, c / p, 1e-9), "V at \(wNs) ns: \(h.visibility) vs \(c / p)")
        }
        // Long photons (0.1 MHz) detuned by 10 MHz, window 1.5 beat half-periods (75 ns): the kept heralds
        // anti-correlate, V = C/P < 0 by the same hand formula (m = 2γ, C = (4γ²/m)·Re[(1 − e^(−(m − iΔ)w))/(m − iΔ)]).
        do {
            let g = Double.pi * 0.1, m = 2 * g, d = 2 * Double.pi * 10, w = 1.5 * Double.pi / d
            let p = 1 - exp(-2 * g * w)
            let nr = 1 - exp(-m * w) * cos(d * w), ni = -exp(-m * w) * sin(d * w)
            let c = 4 * g * g / m * (nr * m - ni * d) / (m * m + d * d)
            let h = try TimeResolvedHerald(SpectralMode(linewidthMHz: 0.1), SpectralMode(linewidthMHz: 0.1, detuningMHz: 10),
                                           windowNs: w * 1000, jitterNs: 0)
            #expect(c / p < 0 && relClose(h.visibility, c / p, 1e-9), "V = \(h.visibility) vs \(c / p)")
        }
        // Every herald kept: V = M(Δ) of the residue overlap; the beat lowers V below the undetuned window's.
        let open = try TimeResolvedHerald(a, b, windowNs: .infinity, jitterNs: 0)
        #expect(close(open.visibility, a.overlap(with: b), 1e-9))
        // Phase corrected from the detection times: the same as undetuned photons.
        let corrected = try TimeResolvedHerald(a, b, windowNs: 10, jitterNs: 0, correctsPhase: true)
        let undetuned = try TimeResolvedHerald(a, SpectralMode(linewidthMHz: nuB), windowNs: 10, jitterNs: 0)
        #expect(close(corrected.visibility, undetuned.visibility, 1e-12))
        // Monte Carlo: Bell visibility Re(2ab*)/(|a|² + |b|²) = 2|a||b|cos(Δ(t₂ − t₁))/(|a|² + |b|²) over kept heralds.
        var rng = SeededGenerator(seed: 99)
        var kept = 0, sum = 0.0, sumSquares = 0.0
        let n = 400_000
        for _ in 0..<n {
            let tA = -log(1 - rng.uniform()) / (2 * ga), tB = -log(1 - rng.uniform()) / (2 * gb)
            let (t1, t2) = rng.uniform() < 0.5 ? (tA, tB) : (tB, tA)
            guard abs(t2 - t1) <= 0.02 else { continue }
            kept += 1
            let x = exp(-ga * t1 - gb * t2), y = exp(-gb * t1 - ga * t2)
            let v = 2 * x * y * cos(d * (t2 - t1)) / (x * x + y * y)
            sum += v
            sumSquares += v * v
        }
        let mean = sum / Double(kept), se = ((sumSquares / Double(kept) - mean * mean) / Double(kept)).squareRoot()
        let h = try TimeResolvedHerald(a, b, windowNs: 20, jitterNs: 0)
        #expect(abs(mean - h.visibility) <= 5 * se, "MC \(mean) ± \(se) vs \(h.visibility)")
    }

    @Test("A filter matching the photon (coincident poles) agrees with a slightly detuned width")
    func coincidentPoles() throws {
        let matched = SpectralMode(linewidthMHz: 14.8).filtered(bandwidthMHz: 14.8)
        let near = SpectralMode(linewidthMHz: 14.8).filtered(bandwidthMHz: 14.8 * (1 + 1e-4))
        let a = try TimeResolvedHerald(ion, matched, windowNs: 4, jitterNs: 0.1)
        let b = try TimeResolvedHerald(ion, near, windowNs: 4, jitterNs: 0.1)
        #expect(close(a.visibility, b.visibility, 1e-4))
        #expect(close(a.acceptance, b.acceptance, 1e-4))
    }

    @Test("Bad input: non-positive window, negative jitter and detuned photons are rejected with their paths")
    func badInput() {
        #expect(throws: ParameterError.self) { try TimeResolvedHerald(ion, transmon, windowNs: 0, jitterNs: 0) }
        #expect(throws: ParameterError.self) { try TimeResolvedHerald(ion, transmon, windowNs: 2, jitterNs: -1) }
        do {
            _ = try TimeResolvedHerald(ion, transmon.shifted(detuningMHz: 3), windowNs: 2, jitterNs: 0.1, path: "tr")
            Issue.record("detuned photons with jitter accepted")
        } catch let e as ParameterError {
            #expect(e.path == "tr.jitterNs" && e.message.contains("not supported"))
        } catch { Issue.record("unexpected \(error)") }
        do {
            _ = try TimeResolvedHerald(ion, SpectralMode(linewidthMHz: 1).filtered(bandwidthMHz: 14.8, offsetMHz: 5), windowNs: 2,
                                       jitterNs: 0, path: "tr")
            Issue.record("a filter off its photon's centre accepted")
        } catch let e as ParameterError {
            #expect(e.path == "tr.photonB" && e.message.contains("centred on its photon"))
        } catch { Issue.record("unexpected \(error)") }
        do {
            _ = try TimeResolvedHerald(ion, transmon, windowNs: -3, jitterNs: 0, path: "tr")
        } catch let e as ParameterError {
            #expect(e.path == "tr.windowNs")
        } catch { Issue.record("unexpected \(error)") }
    }
}
