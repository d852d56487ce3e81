import Foundation
import Interlink

/// Shaped photons as the alternatives to filtering: a cavity Ca⁺ photon whose linewidth is set by its Raman
/// drive, matched to the transducer-band transmon photon, and a transmon photon broadened towards the fast
/// Sr⁺ photon, which the transducer's band then cuts.
extension ModeMatchingStudy {
    /// Scan of the cavity Ca⁺ photon's linewidth (MHz).
    static let cavityRange = (low: 0.01, high: 100.0, count: 81)
    /// Scan of the shaped transmon photon's linewidth (MHz).
    static let shapedTransmonRange = (low: 0.1, high: 1000.0, count: 81)

    /// The deployed Ca⁺ cavity preset (`ion.ca40.854.cavity`, demonstrated).
    static var cavityArm: ArmConfiguration { ModalityPreset.arm(.calcium854Cavity) }

    /// Attempt time (s) of the cavity Ca⁺ node emitting a photon of FWHM ν (an exponential of 1/e time
    /// τ = 1/(2πν)): T(ν) = (T₀ − W₀) + W₀·ν₀/ν, the preset's attempt time T₀ = 100 µs split into a fixed
    /// overhead T₀ − W₀ = 70 µs (cooling, state preparation) and a photon window W₀ = 30 µs (its detector
    /// window, 5.65 photon lifetimes at ν₀ = 0.03 MHz) that keeps the same number of lifetimes at every ν.
    /// The split and the scaling are assumptions of this study (the preset's T₀, W₀ and ν₀ are its own
    /// assumptions); the preset's 10 kHz repetition limit, tied to its 30 µs photon, is replaced by T(ν).
    static func cavityAttemptSeconds(linewidthMHz nu: Double) -> Double {
        let arm = cavityArm
        let w0 = arm.detector.windowSeconds, t0 = arm.node.attemptTimeSeconds, nu0 = arm.node.photon.linewidthMHz
        return (t0 - w0) + w0 * nu0 / nu
    }

    /// The two-photon herald probability per attempt of two preset arms at 0 km, p₀ = η_A·η_B/2 (Barrett–Kok:
    /// both photons detected, half of the coincidences herald), from their `ArmBudget` end-to-end
    /// efficiencies (the transmon's includes its transducer band at its 1 MHz photon; conversion to a
    /// common wavelength is left out, as everywhere in this study).
    static func heraldProbability(_ a: ArmConfiguration, _ b: ArmConfiguration) throws -> Double {
        let ea = try ArmBudget(arm: a, path: "armA").endToEndEfficiency
        let eb = try ArmBudget(arm: b, path: "armB").endToEndEfficiency
        return ea * eb / 2
    }

    /// Attempt period (s) of two preset arms at 0 km: the slower node cycle or repetition limit (for the
    /// Sr⁺–transducer link, the transducer's 100 kHz).
    static func attemptSeconds(_ a: ArmConfiguration, _ b: ArmConfiguration) throws -> Double {
        let ra = try ArmBudget(arm: a, path: "armA").repetitionLimitHz, rb = try ArmBudget(arm: b, path: "armB").repetitionLimitHz
        return max(a.node.attemptTimeSeconds, b.node.attemptTimeSeconds, 1 / min(ra, rb))
    }

    /// The transmon photon after its transducer band at the point's drawn linewidth.
    static func transducedTransmon(_ p: Parameters) throws -> SpectralMode {
        try ArmBudget(arm: try arm(.transmonElectroOptic, p), path: "transmon").spectrum
    }

    /// A cavity Ca⁺ photon of FWHM ν against the transducer-band transmon photon: (M, F, yield per pair (1 − H),
    /// attempt period (s) of the Ca⁺–transducer link, yield per second p₀·(1 − H)/T).
    static func cavity(linewidthMHz nu: Double, _ p: Parameters) throws
        -> (overlap: Double, fidelity: Double, merit: Double, attemptSeconds: Double, perSecond: Double) {
        let m = SpectralMode(linewidthMHz: nu).overlap(with: try transducedTransmon(p))
        let state = heraldedState(visibility: p.residualVisibility * m)
        let transmonArm = try arm(.transmonElectroOptic, p)
        let period = max(cavityAttemptSeconds(linewidthMHz: nu), try attemptSeconds(transmonArm, transmonArm))
        let p0 = try heraldProbability(cavityArm, transmonArm)
        return (m, state.fidelity, state.hashingYield, period, p0 * state.hashingYield / period)
    }

    /// The cavity Ca⁺ linewidth that maximises the yield per second (the study's log-scale search).
    static func optimumCavity(_ p: Parameters) throws -> (linewidthMHz: Double, interior: Bool) {
        let best = try maximiseOnLogScale(low: cavityRange.low, high: cavityRange.high) { try cavity(linewidthMHz: $0, p).perSecond }
        return (best.x, best.interior)
    }

    /// A transmon photon of FWHM ν_T through the transducer band against the Sr⁺ photon: (M, band transmission
    /// relative to the preset's 1 MHz photon, F, yield per pair T·(1 − H)). The band transmits B/(ν_T + B)
    /// of a Lorentzian photon (`ModeOverlap.lorentzianFilterTransmission`).
    static func shapedTransmon(linewidthMHz nu: Double, _ p: Parameters) throws
        -> (overlap: Double, transmission: Double, fidelity: Double, merit: Double) {
        var q = p
        q.transmonLinewidthMHz = nu
        let m = try modes(.ionTransducer, q)
        let overlap = m.broad.overlap(with: m.narrow)
        let band = ModalityPreset.arm(.transmonElectroOptic).transducer?.bandwidthMHz ?? .infinity
        // Relative to the preset's photon (not the point's: the scan sets `transmonLinewidthMHz` itself).
        let preset = ModalityPreset.arm(.transmonElectroOptic).node.photon.linewidthMHz
        let t = ModeOverlap.lorentzianFilterTransmission(photonLinewidthMHz: nu, filterBandwidthMHz: band)
            / ModeOverlap.lorentzianFilterTransmission(photonLinewidthMHz: preset, filterBandwidthMHz: band)
        let state = heraldedState(visibility: p.residualVisibility * overlap)
        return (overlap, t, state.fidelity, t * state.hashingYield)
    }

    /// The transmon linewidth that maximises the shaped transmon's yield per pair.
    static func optimumShapedTransmon(_ p: Parameters) throws -> (linewidthMHz: Double, interior: Bool) {
        let best = try maximiseOnLogScale(low: shapedTransmonRange.low, high: shapedTransmonRange.high) {
            try shapedTransmon(linewidthMHz: $0, p).merit
        }
        return (best.x, best.interior)
    }

    /// Metrics of a `.cavity` or `.shapedTransmon` point.
    static func shapingMetrics(_ p: Parameters) throws -> [Metric] {
        if p.part == .cavity {
            let c = try cavity(linewidthMHz: p.cavityLinewidthMHz ?? cavityArm.node.photon.linewidthMHz, p)
            return [Columns.modeOverlap(c.overlap), Columns.fidelity(c.fidelity), Columns.merit(c.merit),
                    Columns.attemptTime(c.attemptSeconds * 1e6), Columns.perSecond(c.perSecond)]
        }
        let s = try shapedTransmon(linewidthMHz: p.transmonLinewidthMHz ?? 1, p)
        return [Columns.modeOverlap(s.overlap), Columns.transmission(s.transmission), Columns.fidelity(s.fidelity),
                Columns.merit(s.merit)]
    }

    /// Derived: the best cavity Ca⁺ linewidth and the best shaped transmon photon.
    static func shapingDerivation(_ p: Parameters) -> Derivation {
        Derivation("matched cavity Ca⁺ photon and shaped transmon photon") { _ in
            let c = try optimumCavity(p)
            let atC = try cavity(linewidthMHz: c.linewidthMHz, p)
            let preset = try cavity(linewidthMHz: cavityArm.node.photon.linewidthMHz, p)
            let s = try optimumShapedTransmon(p)
            let atS = try shapedTransmon(linewidthMHz: s.linewidthMHz, p)
            let far = try shapedTransmon(linewidthMHz: shapedTransmonRange.high, p)
            return [Metric("cavityOptimumInterior", c.interior ? 1 : 0),
                    Metric("cavityOptimumLinewidth", c.linewidthMHz, unit: "MHz"),
                    Metric("cavityOptimumOverlap", atC.overlap), Metric("cavityOptimumFidelity", atC.fidelity),
                    Metric("cavityOptimumAttemptTime", atC.attemptSeconds * 1e6, unit: "µs"),
                    Metric("cavityPresetOverlap", preset.overlap), Metric("cavityPresetFidelity", preset.fidelity),
                    Metric("cavityPresetAttemptTime", preset.attemptSeconds * 1e6, unit: "µs"),
                    Metric("shapedOptimumInterior", s.interior ? 1 : 0),
                    Metric("shapedOptimumLinewidth", s.linewidthMHz, unit: "MHz"),
                    Metric("shapedOptimumOverlap", atS.overlap), Metric("shapedOptimumTransmission", atS.transmission),
                    Metric("shapedOptimumFidelity", atS.fidelity), Metric("shapedOptimumMerit", atS.merit),
                    Metric("shapedFarOverlap", far.overlap), Metric("shapedFarTransmission", far.transmission)]
        }
    }

    /// Figure: (a) the cavity Ca⁺ photon against the transducer-band transmon photon versus its linewidth,
    /// (b) a broadened transmon photon against the Sr⁺ photon versus its linewidth.
    static func shapingFigure(_ base: Parameters) -> FigureSpec {
        FigureSpec("shaped-photons", caption: "Shaping instead of filtering. A cavity Ca⁺ photon of FWHM ν (exponential, "
            + "its duration set by the Raman drive) against the transmon photon after the 14.8 MHz transducer band: (a) "
            + "overlap M and (b) distillable yield per second of the Ca⁺–transducer link, p₀·(1 − H)/T(ν) (p₀ from the presets, "
            + "attempt time T(ν) of the Methods, an assumption); triangles mark the deployed preset's 0.03 MHz photon, circles "
            + "the optimum. (c) A transmon photon of FWHM ν_T through the transducer band against the Sr⁺ photon: overlap M "
            + "(solid), relative transmission T (dashed: the band's transmission divided by that of the preset's 1 MHz "
            + "photon, so above 1 for photons narrower than 1 MHz) and yield per pair T·(1 − H) (dotted); the circle marks the optimum, the vertical line the 14.8 MHz band. V₀ = 1.") { table in
            let palette = Theme.apsDoubleColumn.palette
            let cavityRows = table.filter { $0.parameters["part"] == .string(Part.cavity.rawValue) }
            let nu = try cavityRows.values(Columns.cavityLinewidthMHz)
            let nuAxis = Axis(label: "Ca<sup>+</sup> photon FWHM <i>ν</i> (MHz)", scale: .log, limits: cavityRange.low...cavityRange.high)
            var overlapPanel = Panel(x: nuAxis, y: Axis(label: "Overlap <i>M</i> with the transmon photon", limits: 0...1),
                                     legend: .hidden)
            var ratePanel = Panel(x: nuAxis, y: Axis(label: "Yield per second (ebit s<sup>−1</sup>)", scale: .log, limits: 1e-3...10),
                                  legend: .hidden)
            overlapPanel.add(.line(x: nu, y: try cavityRows.values(Columns.modeOverlap), color: palette[0]))
            ratePanel.add(.line(x: nu, y: try cavityRows.values(Columns.perSecond), color: palette[1]))
            let presetNu = cavityArm.node.photon.linewidthMHz
            let preset = try cavity(linewidthMHz: presetNu, base)
            let c = try optimumCavity(base)
            let atC = try cavity(linewidthMHz: c.linewidthMHz, base)
            overlapPanel.add(.scatter(x: [presetNu], y: [preset.overlap], marker: .triangleUp, color: palette[0]))
            overlapPanel.add(.scatter(x: [c.linewidthMHz], y: [atC.overlap], marker: .circle, color: palette[0]))
            ratePanel.add(.scatter(x: [presetNu], y: [preset.perSecond], marker: .triangleUp, color: palette[1]))
            ratePanel.add(.scatter(x: [c.linewidthMHz], y: [atC.perSecond], marker: .circle, color: palette[1]))

            let shapedRows = table.filter { $0.parameters["part"] == .string(Part.shapedTransmon.rawValue) }
            let nuT = try shapedRows.values(Columns.transmonLinewidthMHz)
            var shapedPanel = Panel(x: Axis(label: "Transmon photon FWHM <i>ν</i><sub>T</sub> (MHz)", scale: .log,
                                            limits: shapedTransmonRange.low...shapedTransmonRange.high),
                                    y: Axis(label: "<i>M</i>, <i>T</i>, <i>T</i>(1 − <i>H</i>)", scale: .log, limits: 1e-4...2),
                                    legend: .bottomLeft)
            shapedPanel.add(.line(x: nuT, y: try shapedRows.values(Columns.modeOverlap), label: "overlap <i>M</i>", color: palette[0]))
            shapedPanel.add(.line(x: nuT, y: try shapedRows.values(Columns.transmission), label: "relative transmission <i>T</i>",
                                  style: .dashed, color: palette[2]))
            shapedPanel.add(.line(x: nuT, y: try shapedRows.values(Columns.merit), label: "yield <i>T</i>(1 − <i>H</i>)",
                                  style: .dotted, color: palette[1]))
            let s = try optimumShapedTransmon(base)
            shapedPanel.add(.scatter(x: [s.linewidthMHz], y: [try shapedTransmon(linewidthMHz: s.linewidthMHz, base).merit],
                                     marker: .circle, color: palette[1]))
            shapedPanel.add(.reference(.x, at: ModalityPreset.arm(.transmonElectroOptic).transducer?.bandwidthMHz ?? 14.8,
                                       style: .dotted, color: .lightGray))
            return Figure(theme: .apsDoubleColumn, panels: [overlapPanel, ratePanel, shapedPanel], columns: 3, height: 190)
        }
    }
}

extension ModeMatchingStudy {
    /// This file, one of the study's sources (`sourceFiles`).
    static let shapingSource = #filePath
}
