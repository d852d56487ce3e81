import Foundation
import Interlink

/// Time-resolved detection as the alternative to filtering: accept a two-photon herald only when the two
/// detection times differ by at most τ_w (`TimeResolvedHerald`; Legero et al. 2004, Metz & Barrett 2008).
extension ModeMatchingStudy {
    /// Per-detector Gaussian rms timing jitter of the heralding station (ns): the SNSPD preset's 50 ps, read
    /// as an rms (assumption: quoted jitters are often FWHM, so this is on the pessimistic side by up to 2.35×).
    static var stationJitterNs: Double { DetectorStage.snspd.jitterSeconds * 1e9 }
    /// Window scan range (ns).
    static let windowRange = (low: 0.01, high: 1e4, count: 85)
    /// Jitter scan range (ns).
    static let jitterRange = (low: 0.01, high: 100.0, count: 41)

    /// The time-resolved herald of a pair at window `windowNs` and jitter `jitterNs`: (acceptance P,
    /// visibility V₀·V, fidelity, merit P·(1 − H)).
    static func windowed(_ pair: Pair, windowNs: Double, jitterNs: Double, _ p: Parameters) throws
        -> (acceptance: Double, visibility: Double, fidelity: Double, merit: Double) {
        let m = try modes(pair, p)
        let herald = try TimeResolvedHerald(m.broad, m.narrow, windowNs: windowNs, jitterNs: jitterNs, path: "point")
        let state = heraldedState(visibility: p.residualVisibility * herald.visibility)
        return (herald.acceptance, p.residualVisibility * herald.visibility, state.fidelity, herald.acceptance * state.hashingYield)
    }

    /// Sr⁺–Rb with the Rb photon detuned by the pair's half-overlap detuning, without jitter and without phase
    /// correction (the quantum beat): (acceptance, visibility, fidelity, merit) at window `windowNs`.
    static func detunedIonAtom(windowNs: Double, _ p: Parameters) throws
        -> (acceptance: Double, visibility: Double, fidelity: Double, merit: Double) {
        let m = try modes(.ionAtom, p)
        let detuning = try halfOverlapDetuning(.ionAtom, p)
        let herald = try TimeResolvedHerald(m.broad, m.narrow.shifted(detuningMHz: detuning), windowNs: windowNs, jitterNs: 0,
                                            path: "point")
        let state = heraldedState(visibility: p.residualVisibility * herald.visibility)
        return (herald.acceptance, p.residualVisibility * herald.visibility, state.fidelity, herald.acceptance * state.hashingYield)
    }

    /// The yield-optimal window of a pair at jitter `jitterNs`: maximises P·(1 − H) over log10 τ_w in the scan
    /// range with the study's search (`maximiseOnLogScale`). When no interior window beats both ends the
    /// best setting is no window (every herald accepted): `interior == false` and the trade-off is that of
    /// the unwindowed herald (P = 1, V = M).
    static func optimumWindow(_ pair: Pair, jitterNs: Double, _ p: Parameters) throws
        -> (window: (ns: Double, halfWidthNs: Double, interior: Bool),
            trade: (acceptance: Double, visibility: Double, fidelity: Double, merit: Double)) {
        let best = try maximiseOnLogScale(low: windowRange.low, high: windowRange.high) { w in
            try windowed(pair, windowNs: w, jitterNs: jitterNs, p).merit
        }
        if best.interior {
            return ((best.x, best.halfWidth, true), try windowed(pair, windowNs: best.x, jitterNs: jitterNs, p))
        }
        let open = try windowed(pair, windowNs: best.x == windowRange.high ? .infinity : best.x, jitterNs: jitterNs, p)
        return ((best.x == windowRange.high ? .infinity : best.x, 0, false), open)
    }

    /// Metrics of a `.window` point (window scan at the station jitter) or a `.jitter` point (optimum window
    /// at each jitter).
    static func timeResolvedMetrics(_ p: Parameters) throws -> [Metric] {
        switch p.part {
        case .window:
            let w = try windowed(p.pair, windowNs: p.windowNs ?? .infinity, jitterNs: p.jitterNs ?? stationJitterNs, p)
            return [Columns.acceptance(w.acceptance), Columns.visibility(w.visibility), Columns.fidelity(w.fidelity),
                    Columns.merit(w.merit)]
        default:
            let o = try optimumWindow(p.pair, jitterNs: p.jitterNs ?? stationJitterNs, p)
            return [Columns.optimumWindowNs(o.window.interior ? o.window.ns : .nan), Columns.acceptance(o.trade.acceptance),
                    Columns.fidelity(o.trade.fidelity), Columns.merit(o.trade.merit)]
        }
    }

    /// Derived: the optimum window of each pair at the station jitter, against the pair's optimum filter.
    static func timeResolvedDerivation(_ p: Parameters) -> Derivation {
        Derivation("optimum time-resolved window at the station jitter, against the optimum filter") { _ in
            var metrics: [Metric] = [Metric("stationJitter", stationJitterNs * 1000, unit: "ps")]
            for pair in Pair.allCases {
                let k = pair.key
                let o = try optimumWindow(pair, jitterNs: stationJitterNs, p)
                let filter = try atOptimum(pair, p).trade
                metrics += [Metric("windowInterior\(k)", o.window.interior ? 1 : 0),
                            Metric("windowAcceptance\(k)", o.trade.acceptance),
                            Metric("windowVisibility\(k)", o.trade.visibility),
                            Metric("windowFidelity\(k)", o.trade.fidelity),
                            Metric("windowMerit\(k)", o.trade.merit),
                            Metric("windowOverFilter\(k)", filter.merit > 0 ? o.trade.merit / filter.merit : .infinity)]
                if o.window.interior { metrics.append(Metric("optimumWindow\(k)", o.window.ns, unit: "ns")) }
            }
            // Detuned Sr⁺–Rb (half-overlap detuning), no jitter: every herald kept against the best window.
            let open = try detunedIonAtom(windowNs: .infinity, p)
            let best = try maximiseOnLogScale(low: windowRange.low, high: windowRange.high) { try detunedIonAtom(windowNs: $0, p).merit }
            let atBest = try detunedIonAtom(windowNs: best.x, p)
            metrics += [Metric("detunedOpenFidelityIonAtom", open.fidelity), Metric("detunedOpenMeritIonAtom", open.merit),
                        Metric("detunedWindowInteriorIonAtom", best.interior ? 1 : 0),
                        Metric("detunedWindowIonAtom", best.x, unit: "ns"), Metric("detunedWindowFidelityIonAtom", atBest.fidelity),
                        Metric("detunedWindowAcceptanceIonAtom", atBest.acceptance), Metric("detunedWindowMeritIonAtom", atBest.merit)]
            // The Sr⁺–transducer optimum with ten times the jitter (an avalanche photodiode's 350 ps and more).
            let slow = try optimumWindow(.ionTransducer, jitterNs: 10 * stationJitterNs, p)
            metrics.append(Metric("windowMeritTenfoldJitterIonTransducer", slow.trade.merit))
            return metrics
        }
    }

    /// Figure: (a) fidelity and (b) yield per pair versus the window at the station jitter, with each pair's
    /// optimum filter as a reference; (c) the optimum window's yield versus the jitter.
    static func timeResolvedFigure(_ base: Parameters) -> FigureSpec {
        FigureSpec("time-resolved", caption: "Time-resolved detection: a two-photon herald is kept only when the two "
            + "detection times differ by at most τ_w (Gaussian jitter of rms σ per detector; closed form of the "
            + "Methods). (a) Fidelity of the kept heralds and (b) distillable yield per emitted pair P·(1 − H) versus "
            + "τ_w at σ = 50 ps (SNSPD preset, read as rms); circles mark the Brent optimum and the dashed lines each "
            + "pair's optimum filter (no filter for Sr⁺–Rb); dotted: Sr⁺–Rb with the Rb photon detuned by the half-overlap "
            + "detuning (13.8 MHz) and σ = 0, no phase correction. (c) Yield per pair at the optimum window versus σ. V₀ = 1.") { table in
            let palette = Theme.apsDoubleColumn.palette
            var fidelity = Panel(x: Axis(label: "Window <i>τ</i><sub>w</sub> (ns)", scale: .log, limits: windowRange.low...windowRange.high),
                                 y: Axis(label: "Fidelity <i>F</i> of kept heralds", limits: 0.5...1), legend: .bottomLeft)
            var merit = Panel(x: Axis(label: "Window <i>τ</i><sub>w</sub> (ns)", scale: .log, limits: windowRange.low...windowRange.high),
                              y: Axis(label: "Yield per pair <i>P</i>(1 − <i>H</i>)", scale: .log, limits: 1e-4...1), legend: .hidden)
            var jitter = Panel(x: Axis(label: "Jitter <i>σ</i> (ns, rms)", scale: .log, limits: jitterRange.low...jitterRange.high),
                               y: Axis(label: "Yield at the optimum window", scale: .log, limits: 1e-4...1), legend: .hidden)
            for (index, pair) in Pair.allCases.enumerated() {
                let color = palette[index]
                let rows = rows(table, .window, pair)
                let w = try rows.values(Columns.windowNs)
                fidelity.add(.line(x: w, y: try rows.values(Columns.fidelity), label: pair.label, color: color))
                merit.add(.line(x: w, y: try rows.values(Columns.merit), label: pair.label, color: color))
                let o = try optimumWindow(pair, jitterNs: stationJitterNs, base)
                if o.window.interior {
                    merit.add(.scatter(x: [o.window.ns], y: [o.trade.merit], marker: .circle, color: color))
                    fidelity.add(.scatter(x: [o.window.ns], y: [o.trade.fidelity], marker: .circle, color: color))
                }
                merit.add(.reference(.y, at: try atOptimum(pair, base).trade.merit, style: .dashed, color: color))
                if pair == .ionAtom {
                    // The detuned Sr⁺–Rb pair (half-overlap detuning, σ = 0), from the closed form on the scan's windows.
                    let grid = logGrid(windowRange)
                    let detuned = try grid.map { try detunedIonAtom(windowNs: $0, base) }
                    fidelity.add(.line(x: grid, y: detuned.map(\.fidelity), label: "Sr<sup>+</sup> – Rb detuned, <i>σ</i> = 0",
                                       style: .dotted, color: color))
                    merit.add(.line(x: grid, y: detuned.map(\.merit), style: .dotted, color: color))
                }
                let j = self.rows(table, .jitter, pair)
                jitter.add(.line(x: try j.values(Columns.jitterNs), y: try j.values(Columns.merit), label: pair.label, color: color))
            }
            return Figure(theme: .apsDoubleColumn, panels: [fidelity, merit, jitter], columns: 3, height: 190)
        }
    }

    /// The rows of one part and pair of the result table.
    static func rows(_ table: ResultTable, _ part: Part, _ pair: Pair) -> ResultTable {
        table.filter { $0.parameters["part"] == .string(part.rawValue) && $0.parameters["pair"] == .string(pair.rawValue) }
    }
}

extension ModeMatchingStudy {
    /// This file, one of the study's sources (`sourceFiles`).
    static let timeResolvedSource = #filePath
}
