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

    /// Monte Carlo of one herald: true detection times drawn from the two photons' densities (the ion's
    /// exactly exponential; the transmon's by rejection from e^(−2γ₁t)), the order of the photons at random
    /// (the ensemble ½|a|² + ½|b|²), each detector's Gaussian jitter added, the window applied to the
    /// recorded times, and the heralded state's Bell visibility 2ab/(a² + b²) averaged over accepted heralds.
    static func monteCarlo(windowNs: Double, jitterNs: Double, samples: Int, seed: UInt64) -> (acceptance: Double, visibility: Double) {
        var rng = SeededGenerator(seed: seed)
        let gIon = Double.pi * 21.5, g1 = Double.pi * 1, g2 = Double.pi * 14.8
        func gauss() -> Double {
            let u = max(rng.uniform(), 1e-300), v = rng.uniform()
            return (-2 * log(u)).squareRoot() * cos(2 * .pi * v)
        }
        var accepted = 0, sum = 0.0
        for _ in 0..<samples {
            let tIon = -log(1 - rng.uniform()) / (2 * gIon)
            var tTr: Double
            repeat { tTr = -log(1 - rng.uniform()) / (2 * g1) } while rng.uniform() > pow(1 - exp(-(g2 - g1) * tTr), 2)
            let ionFirst = rng.uniform() < 0.5
            let (t1, t2) = ionFirst ? (tIon, tTr) : (tTr, tIon)
            let s1 = t1 * 1000 + jitterNs * gauss(), s2 = t2 * 1000 + jitterNs * gauss()
            guard abs(s2 - s1) <= windowNs else { continue }
            accepted += 1
            let a = ionAmplitude(t1) * filteredAmplitude(t2, nu: 1, band: 14.8)
            let b = filteredAmplitude(t1, nu: 1, band: 14.8) * ionAmplitude(t2)
            sum += 2 * a * b / (a * a + b * b)
        }
        return (Double(accepted) / Double(samples), sum / Double(max(accepted, 1)))
    }

    @Test("With jitter: Monte Carlo of detection times and per-detector jitter",
          arguments: [(2.0, 0.35), (10.0, 2.0), (1.0, 5.0), (60.0, 0.05)])
    func monteCarloWithJitter(windowNs: Double, jitterNs: Double) throws {
        let n = 400_000
        let mc = Self.monteCarlo(windowNs: windowNs, jitterNs: jitterNs, samples: n, seed: 7 + UInt64(windowNs * 10))
        let h = try TimeResolvedHerald(ion, transmon, windowNs: windowNs, jitterNs: jitterNs)
        // 5 standard errors: binomial for P; the visibility sample lies in [−1, 1], so its SE ≤ 1/√accepted.
        let seP = (h.acceptance * (1 - h.acceptance) / Double(n)).squareRoot()
        let seV = 1 / (mc.acceptance * Double(n)).squareRoot()
        #expect(abs(mc.acceptance - h.acceptance) <= 5 * seP + 1e-6, "P: MC \(mc.acceptance) vs \(h.acceptance)")
        #expect(abs(mc.visibility - h.visibility) <= 5 * seV, "V: MC \(mc.visibility) vs \(h.visibility)")
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
            _ = try TimeResolvedHerald(ion, transmon.shifted(detuningMHz: 3), windowNs: 2, jitterNs: 0, path: "tr")
            Issue.record("detuned photons accepted")
        } catch let e as ParameterError {
            #expect(e.path == "tr" && e.message.contains("common centre frequency"))
        } catch { Issue.record("unexpected \(error)") }
        do {
            _ = try TimeResolvedHerald(ion, transmon, windowNs: -3, jitterNs: 0, path: "tr")
        } catch let e as ParameterError {
            #expect(e.path == "tr.windowNs")
        } catch { Issue.record("unexpected \(error)") }
    }
}
