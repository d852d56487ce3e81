import Foundation
import Testing
@testable import InterlinkPhysics

@Suite("Photon mode overlap and Lorentzian filtering")
struct ModeOverlapTests {
    /// Amplitude of a photon of FWHM ν (MHz) centred at δ (MHz), optionally through a filter of FWHM B
    /// centred at δ_F, in rad/µs.
    func amplitude(_ w: Double, nu: Double, center: Double, filterB: Double? = nil, filterCenter: Double = 0) -> (re: Double, im: Double) {
        var a = lorentzAmplitude(w, center: 2 * .pi * center, halfWidth: .pi * nu)
        if let B = filterB { a = cmul(a, lorentzAmplitude(w, center: 2 * .pi * filterCenter, halfWidth: .pi * B)) }
        return a
    }

    func numericOverlap(_ f: @escaping (Double) -> (re: Double, im: Double), _ g: @escaping (Double) -> (re: Double, im: Double), scale: Double) -> Double {
        let fg = integrateRealLine(scale: scale) { cmul(cconj(f($0)), g($0)) }
        let ff = integrateRealLine(scale: scale) { cmul(cconj(f($0)), f($0)) }
        let gg = integrateRealLine(scale: scale) { cmul(cconj(g($0)), g($0)) }
        return (fg.re * fg.re + fg.im * fg.im) / (ff.re * gg.re)
    }

    @Test("Hand values of M = 4Γ1Γ2/((Γ1+Γ2)² + 4Δ²)")
    func closedForm() {
        #expect(close(ModeOverlap.exponentialPhotons(linewidth1MHz: 20, linewidth2MHz: 20, detuningMHz: 0), 1))
        // equal widths ν, detuning ν: 4ν²/(4ν² + 4ν²) = 1/2
        #expect(close(ModeOverlap.exponentialPhotons(linewidth1MHz: 6, linewidth2MHz: 6, detuningMHz: 6), 0.5))
        // 21.5 vs 6.07 MHz, resonant: 4·21.5·6.07/(27.57²)
        #expect(close(ModeOverlap.exponentialPhotons(linewidth1MHz: 21.5, linewidth2MHz: 6.07, detuningMHz: 0),
                      4 * 21.5 * 6.07 / (27.57 * 27.57)))
    }

    @Test("Residue overlap equals numerical integration (unfiltered and filtered, detuned)")
    func residuesVersusIntegration() {
        let cases: [(Double, Double, Double, Double?, Double)] = [
            (21.5, 6.07, 3.0, nil, 0), (20, 20, 10, nil, 0), (21.5, 6.07, 2.0, 5.0, 0),
            (100, 1, 0.5, 3.0, 1.0), (20, 20, 0, 20, 0),
        ]
        for (nu1, nu2, det, B, off) in cases {
            var a = SpectralMode(linewidthMHz: nu1)
            if let B { a = a.filtered(bandwidthMHz: B, offsetMHz: off) }
            let b = SpectralMode(linewidthMHz: nu2, detuningMHz: det)
            let numeric = numericOverlap({ amplitude($0, nu: nu1, center: 0, filterB: B, filterCenter: off) },
                                         { amplitude($0, nu: nu2, center: det) }, scale: 2 * .pi * max(nu1, nu2))
            #expect(abs(a.overlap(with: b) - numeric) < 1e-5, "case \(nu1) \(nu2) \(det) \(String(describing: B))")
            if B == nil {
                #expect(close(a.overlap(with: b), ModeOverlap.exponentialPhotons(linewidth1MHz: nu1, linewidth2MHz: nu2, detuningMHz: det)))
            }
        }
    }

    @Test("Filter transmission T0·B(ν+B)/((ν+B)² + 4δ²) equals the integral of the filtered spectrum")
    func filterTransmission() {
        for (nu, B, off) in [(21.5, 6.0, 0.0), (21.5, 6.0, 4.0), (1.0, 14.8, 0.0), (100.0, 1.0, -2.0)] {
            let num = integrateRealLine(scale: 2 * .pi * nu) { w in
                let a = amplitude(w, nu: nu, center: 0, filterB: B, filterCenter: off)
                return (a.re * a.re + a.im * a.im, 0)
            }
            let den = integrateRealLine(scale: 2 * .pi * nu) { w in
                let a = amplitude(w, nu: nu, center: 0)
                return (a.re * a.re + a.im * a.im, 0)
            }
            let closedForm = ModeOverlap.lorentzianFilterTransmission(photonLinewidthMHz: nu, filterBandwidthMHz: B,
                                                                      filterOffsetMHz: off, peakTransmission: 0.8)
            #expect(abs(closedForm - 0.8 * num.re / den.re) < 1e-5)
            let mode = SpectralMode(linewidthMHz: nu)
            #expect(abs(mode.filtered(bandwidthMHz: B, offsetMHz: off).norm / mode.norm * 0.8 - closedForm) < 1e-10)
        }
    }

    @Test("Narrowing a filter on the broad photon raises the overlap (up to an optimum) and lowers transmission")
    func tradeOff() {
        var lastOverlap = ModeOverlap.exponentialPhotons(linewidth1MHz: 21.5, linewidth2MHz: 6.07, detuningMHz: 0)
        var lastT = 1.0
        for B in [100.0, 30, 10] {
            let m = ModeOverlap.filteredPhotons(linewidth1MHz: 21.5, filterBandwidthMHz: B, linewidth2MHz: 6.07, detuningMHz: 0)
            let t = ModeOverlap.lorentzianFilterTransmission(photonLinewidthMHz: 21.5, filterBandwidthMHz: B)
            #expect(m > lastOverlap)
            #expect(t < lastT)
            lastOverlap = m
            lastT = t
        }
        // Too narrow a filter makes the filtered photon's bi-exponential shape mismatch again:
        // an optimum bandwidth exists between 6 and 30 MHz.
        let tooNarrow = ModeOverlap.filteredPhotons(linewidth1MHz: 21.5, filterBandwidthMHz: 6, linewidth2MHz: 6.07, detuningMHz: 0)
        #expect(tooNarrow < lastOverlap)
        // B → ∞ recovers the unfiltered overlap.
        let wide = ModeOverlap.filteredPhotons(linewidth1MHz: 21.5, filterBandwidthMHz: 1e7, linewidth2MHz: 6.07, detuningMHz: 1)
        #expect(abs(wide - ModeOverlap.exponentialPhotons(linewidth1MHz: 21.5, linewidth2MHz: 6.07, detuningMHz: 1)) < 1e-5)
    }

    @Test("Arm budget applies the filter and the transducer bandwidth as Lorentzian factors")
    func armBudgetFilter() throws {
        var arm = try ModalityPreset.arm(named: "ion.sr88.422")
        arm.filter = SpectralFilterStage(bandwidthMHz: 6, peakTransmission: 0.9)
        let b = try ArmBudget(arm: arm, path: "arm")
        #expect(close(b.filter, 0.9 * 6 / (21.5 + 6)))
        let t = try ArmBudget(arm: ModalityPreset.arm(named: "transmon.transducer.eo"), path: "arm")
        #expect(close(t.transducer, 0.087 * 14.8 / (1 + 14.8)))
        // transducer noise η_t·N_add per mode × (14.8 MHz × 100 ns = 1.48 modes) reaches the detector with
        // the downstream efficiency (fiber 0 km → 1, SNSPD 0.9)
        #expect(close(t.noiseTemporalModes, 1.48))
        #expect(close(t.noisePhotonsPerWindow, 0.087 * 0.16 * 1.48 * 0.9))
    }
}
