import Foundation
import Interlink

/// One table of the fixes for the ion–transducer link, per emitted pair and per second.
extension ModeMatchingStudy {
    /// One fix for the ion–transducer link.
    struct Fix: Sendable {
        /// Words for the table.
        var label: String
        /// Mode overlap M, or the visibility V of the kept heralds for time-resolved detection.
        var overlap: Double
        /// Fidelity of the heralded pairs.
        var fidelity: Double
        /// Filter or band transmission T, or the window's acceptance P (1 without either).
        var transmission: Double
        /// Distillable yield per emitted pair, T·(1 − H).
        var merit: Double
        /// Attempt period of the link (s).
        var attemptSeconds: Double
        /// Two-photon herald probability per attempt of the bare presets, p₀ = η_A·η_B/2.
        var heraldProbability: Double
        /// Distillable yield per second, p₀ × (yield per pair) / attempt period.
        var perSecond: Double { heraldProbability * merit / attemptSeconds }
    }

    /// The fixes of the ion–transducer link at a parameter point: none, the optimum filter on the Sr⁺
    /// photon, the optimum time-resolved window (station jitter), the transmon photon shaped to its
    /// optimum linewidth, and a matched cavity Ca⁺ photon instead of the Sr⁺ photon.
    static func ionTransducerFixes(_ p: Parameters) throws -> [Fix] {
        let sr = try arm(.strontium422, p), transmon = try arm(.transmonElectroOptic, p)
        let p0 = try heraldProbability(sr, transmon), period = try attemptSeconds(sr, transmon)
        let m0 = try unfilteredOverlap(.ionTransducer, p)
        let state0 = heraldedState(visibility: p.residualVisibility * m0)
        let (filter, best) = try atOptimum(.ionTransducer, p)
        let window = try optimumWindow(.ionTransducer, jitterNs: stationJitterNs, p)
        let shaped = try optimumShapedTransmon(p)
        let atShaped = try shapedTransmon(linewidthMHz: shaped.linewidthMHz, p)
        let cavityOptimum = try optimumCavity(p)
        let atCavity = try cavity(linewidthMHz: cavityOptimum.linewidthMHz, p)
        let f3 = UncertainValueFormatter(significantDigits: ReportContext.plainDigits)
        return [
            Fix(label: "none", overlap: m0, fidelity: state0.fidelity, transmission: 1, merit: state0.hashingYield,
                attemptSeconds: period, heraldProbability: p0),
            Fix(label: filter.interior ? "Sr⁺ filter, \(f3.plain(filter.bandwidthMHz)) MHz" : "filter (none pays)",
                overlap: best.overlap, fidelity: best.fidelity, transmission: best.transmission, merit: best.merit,
                attemptSeconds: period, heraldProbability: p0),
            Fix(label: window.window.interior ? "window, \(f3.plain(window.window.ns)) ns" : "window (none pays)",
                overlap: window.trade.visibility, fidelity: window.trade.fidelity, transmission: window.trade.acceptance,
                merit: window.trade.merit, attemptSeconds: period, heraldProbability: p0),
            Fix(label: "transmon photon, \(f3.plain(shaped.linewidthMHz)) MHz", overlap: atShaped.overlap,
                fidelity: atShaped.fidelity, transmission: atShaped.transmission, merit: atShaped.merit,
                attemptSeconds: period, heraldProbability: p0),
            Fix(label: "Ca⁺ photon, \(f3.plain(cavityOptimum.linewidthMHz)) MHz", overlap: atCavity.overlap,
                fidelity: atCavity.fidelity, transmission: 1, merit: atCavity.merit, attemptSeconds: atCavity.attemptSeconds,
                heraldProbability: try heraldProbability(cavityArm, transmon)),
        ]
    }

    /// Derived: per fix, the yield per pair and per second (names `fix<k>…`, k = 0 … 4 in table order) and the
    /// inputs of the per-second figures.
    static func comparisonDerivation(_ p: Parameters) -> Derivation {
        Derivation("fixes of the ion–transducer link, per pair and per second") { _ in
            let fixes = try ionTransducerFixes(p)
            var metrics: [Metric] = []
            for (k, fix) in fixes.enumerated() {
                metrics += [Metric("fix\(k)Merit", fix.merit), Metric("fix\(k)PerSecond", fix.perSecond, unit: "ebit/s"),
                            Metric("fix\(k)Fidelity", fix.fidelity), Metric("fix\(k)Transmission", fix.transmission),
                            Metric("fix\(k)AttemptTime", fix.attemptSeconds * 1e6, unit: "µs"),
                            Metric("fix\(k)HeraldProbability", fix.heraldProbability)]
            }
            return metrics
        }
    }

    /// The comparison table.
    static var comparisonTable: TableSpec {
        TableSpec("ion-transducer-fixes", caption: "Fixes of the Sr⁺–transducer link (transmon photon after the 14.8 MHz band) "
                  + "at the nominal linewidths, V₀ = 1. Fixes: a filter of FWHM B on the Sr⁺ photon; a time-resolved window "
                  + "τ_w (σ = 50 ps per detector); the transmon photon shaped to the FWHM given; a cavity Ca⁺ photon of the FWHM "
                  + "given instead of the Sr⁺ photon. M, or V of the kept heralds for the window; T the transmission of "
                  + "filter or band (relative to the preset's 1 MHz transmon photon), or the window's acceptance P; yield per "
                  + "emitted pair T·(1 − H); yield per second p₀·T·(1 − H)/T_att with p₀ = η_A·η_B/2 of the bare presets at 0 km "
                  + "(one value for the four Sr⁺ rows, another for the Ca⁺ row; both in the Findings) "
                  + "and the attempt time T_att (Sr⁺ rows: the transducer's 100 kHz repetition limit; the Ca⁺ row: T(ν) of "
                  + "the Methods, an assumption; Ca⁺ η from the deployed, calibrated preset). Conversion to a common "
                  + "wavelength is left out.") { (_: ResultTable) in
            let rows: [[DataTable.Cell]] = try ionTransducerFixes(ModeMatchingStudy().base).map { fix in
                [.text(fix.label)] + [fix.overlap, fix.fidelity, fix.transmission, fix.merit, fix.attemptSeconds * 1e6,
                                      fix.perSecond].map { .number($0, uncertainty: nil) }
            }
            return try DataTable(columns: [DataTable.Column("fix"), DataTable.Column("M or V"), DataTable.Column("F"),
                                           DataTable.Column("T or P"), DataTable.Column("yield per pair"),
                                           DataTable.Column("T_att", unit: "µs"),
                                           DataTable.Column("yield per second", unit: "ebit/s")], rows: rows)
        }
    }

    /// Table: the optimum window against the optimum filter for every pair.
    static var windowTable: TableSpec {
        TableSpec("window-vs-filter", caption: "Time-resolved detection against filtering, per preset pair at the nominal "
                  + "linewidths (σ = 50 ps per detector, V₀ = 1).") { (_: ResultTable) in
            let base = ModeMatchingStudy().base
            let rows: [[DataTable.Cell]] = try Pair.allCases.map { pair in
                let (filter, best) = try atOptimum(pair, base)
                let w = try optimumWindow(pair, jitterNs: stationJitterNs, base)
                let number = { (x: Double) in DataTable.Cell.number(x, uncertainty: nil) }
                return [.text(pair.plainLabel), filter.interior ? number(filter.bandwidthMHz) : .text("no filter"),
                        number(best.fidelity), number(best.merit), w.window.interior ? number(w.window.ns) : .text("no window"),
                        number(w.trade.acceptance), number(w.trade.fidelity), number(w.trade.merit)]
            }
            return try DataTable(columns: [DataTable.Column("pair"), DataTable.Column("filter B", unit: "MHz"),
                                           DataTable.Column("F, filter"), DataTable.Column("yield, filter"),
                                           DataTable.Column("window τ_w", unit: "ns"), DataTable.Column("acceptance P"),
                                           DataTable.Column("F, window"), DataTable.Column("yield, window")], rows: rows)
        }
    }
}

extension ModeMatchingStudy {
    /// This file, one of the study's sources (`sourceFiles`).
    static let comparisonSource = #filePath
}
