import Foundation
import Interlink

extension PurificationStudy {
    /// Fiber lengths of the banded curves of the frontier figure (km).
    static let bandLengthsKm = stride(from: 0.0, through: 50, by: 2.5).map { $0 }

    /// One link's best memory-aware rates over 0…4 rounds versus length, nominal and with the 90 %
    /// interval over the headline draws.
    struct BandSeries: Sendable {
        /// The lengths (km).
        var lengths: [Double]
        /// Best distillable rate (ebit/s): nominal, 5 % and 95 % points.
        var distillable: (nominal: [Double], low: [Double], high: [Double])
        /// Best rate of pairs with F ≥ target (1/s): nominal, 5 % and 95 % points.
        var target: (nominal: [Double], low: [Double], high: [Double])
    }

    /// The best memory-aware distillable rate and rate above the target over 0…4 rounds of `link` at
    /// `lengthKm` for parameters `p` (one link evaluation and one recurrence for all rounds).
    static func bestAware(_ p: Parameters, _ link: Link, lengthKm: Double) throws -> (distillable: Double, target: Double) {
        let c = try linkConfiguration(linkPoint(link, lengthKm: lengthKm, p))
        let model = try LinkModel(configuration: c)
        var best = (distillable: 0.0, target: 0.0)
        for round in try awareRounds(c, model, rounds: maximumRounds) {
            let rate = model.rateHz / round.expectedInputPairs
            best.distillable = max(best.distillable, rate * round.state.hashingYield)
            if round.state.fidelity >= p.targetFidelity { best.target = max(best.target, rate) }
        }
        return best
    }

    /// The banded series of every link, from the same 64 Latin-hypercube draws of the published SNSPD
    /// and fiber ranges as the headline numbers (`headlineUncertainty`); each draw is one consistent
    /// parameter set at every length.
    static func bandSeries(_ base: Parameters, links: [Link]) throws -> [Link: BandSeries] {
        let plan = headlineUncertainty.propagation
        let metrics = try plan.summarize(base) { p in
            try links.flatMap { link in
                try bandLengthsKm.enumerated().flatMap { i, l -> [Metric] in
                    let best = try bestAware(p, link, lengthKm: l)
                    return [Metric("d_\(link.slug)_\(i)", best.distillable), Metric("t_\(link.slug)_\(i)", best.target)]
                }
            }
        }
        var byName: [String: Double] = [:]
        for m in metrics { byName[m.name] = m.value }
        func series(_ prefix: String) -> (nominal: [Double], low: [Double], high: [Double]) {
            let names = bandLengthsKm.indices.map { "\(prefix)_\($0)" }
            return (names.map { byName[$0] ?? .nan }, names.map { byName[$0 + "_low"] ?? .nan }, names.map { byName[$0 + "_high"] ?? .nan })
        }
        var out: [Link: BandSeries] = [:]
        for link in links {
            out[link] = BandSeries(lengths: bandLengthsKm, distillable: series("d_\(link.slug)"), target: series("t_\(link.slug)"))
        }
        return out
    }

    /// Positive values only, for a log axis (zero and below become NaN: a gap).
    static func positive(_ values: [Double]) -> [Double] { values.map { $0 > 0 ? $0 : .nan } }

    /// Adds one link's banded curve (band, then its nominal line) to `panel`; band ends at or below
    /// zero are clamped to the bottom of the log axis.
    static func addBand(_ panel: inout Panel, _ s: (nominal: [Double], low: [Double], high: [Double]), lengths: [Double],
                        label: String, color: Color, floor: Double) {
        // Only where the upper end is positive: elsewhere the link delivers nothing at any draw.
        let keep = s.high.indices.filter { s.high[$0] > 0 }
        guard !keep.isEmpty else { return }
        panel.add(.band(x: keep.map { lengths[$0] }, lower: keep.map { max(s.low[$0], floor) }, upper: keep.map { s.high[$0] },
                        color: color))
        panel.add(.line(x: lengths, y: positive(s.nominal), label: label, style: .solid, color: color))
    }

    /// The frontier figure: (a) the memory-aware rate–infidelity frontier at the reference length;
    /// (b) the best memory-aware distillable rate and (c) the best memory-aware rate of pairs at or above
    /// the target, versus length, each with its 90 % band. Only reachable (memory-aware) rates are drawn;
    /// the ideal recurrence is in the frontier table.
    static func frontierFigure(_ base: Parameters) -> FigureSpec {
        FigureSpec("frontier", caption: "Memory-aware DEJMPS recurrence (the earlier pair of each round decoheres in both node "
            + "memories for the exact waiting-time distribution of its partner). (a) Rate–infidelity frontier of the links at "
            + "\(Int(referenceLengthKm)) km: markers are n = 0…4 rounds (n = 0 the highest-rate marker of each link); the grey line marks "
            + "the target fidelity \(base.targetFidelity), points left of it meet the target; pairs with F ≤ ½ carry no "
            + "entanglement and are not drawn (the SC–SC link, and the ion–atom link after one round). (b) Best distillable rate "
            + "(hashing bound) over 0…4 rounds and (c) best rate of pairs with F ≥ \(base.targetFidelity), versus fiber length; "
            + "bands: 90 % interval over \(headlineUncertainty.draws) Latin-hypercube draws of the published SNSPD efficiency, "
            + "dark-count and 1550 nm fiber-attenuation ranges (the headline's draws; every \(bandLengthsKm[1] - bandLengthsKm[0]) km), "
            + "lines nominal; a band reaching the bottom axis includes zero. A link missing from (b) or (c) delivers nothing "
            + "there. The dotted line marks \(Int(referenceLengthKm)) km, where the headline is quoted. The ideal recurrence "
            + "(no waiting) is not reachable with these memories and is listed only in @tab:frontier.") { table in
            let linkRows = table.filter { $0.parameters["part"] == .string(Part.link.rawValue) }
            let floor = 1e-3
            var a = Panel(x: Axis(label: "Infidelity 1 − <i>F</i>", scale: .log, limits: 1e-2...0.5),
                          y: Axis(label: "Rate (s<sup>−1</sup>)", scale: .log, limits: floor...1e3), legend: .auto)
            var b = Panel(x: Axis(label: "Fiber length <i>L</i> (km)", limits: 0...50),
                          y: Axis(label: "Best distillable rate (ebit s<sup>−1</sup>)", scale: .log, limits: floor...1e3),
                          legend: .auto)
            var c = Panel(x: Axis(label: "Fiber length <i>L</i> (km)", limits: 0...50),
                          y: Axis(label: "Rate with <i>F</i> ≥ \(base.targetFidelity) (s<sup>−1</sup>)", scale: .log, limits: floor...1e3),
                          legend: .hidden)
            a.add(.reference(.x, at: 1 - base.targetFidelity, style: .dashed, color: .gray))
            // Links whose memory-aware pairs are entangled somewhere in the sweep get a band.
            let drawn = Link.allCases.filter { link in
                linkRows.rows.contains { $0.parameters["link"] == .string(link.rawValue) && ($0.number(Columns.memoryAwareFidelity) ?? 0) > 0.5 }
            }
            let bands = try bandSeries(base, links: drawn)
            for (i, link) in Link.allCases.enumerated() {
                let color = Palette.okabeIto[i]
                let rows = PurificationStudy.linkRows(linkRows, link, lengthKm: referenceLengthKm)
                // Infidelity of entangled pairs only (F > ½); NaN breaks the line where pairs carry no entanglement.
                let fa = rows.map { row -> Double in
                    let f = row.number(Columns.memoryAwareFidelity) ?? .nan
                    return f > 0.5 ? 1 - f : .nan
                }
                let ra = rows.map { $0.number(Columns.memoryAwareRate) ?? .nan }
                if fa.contains(where: { !$0.isNaN }) {
                    a.add(.line(x: fa, y: ra, label: link.label, style: .solid, color: color, marker: .circle))
                }
                guard let s = bands[link] else { continue }
                addBand(&b, s.distillable, lengths: s.lengths, label: link.label, color: color, floor: floor)
                addBand(&c, s.target, lengths: s.lengths, label: link.label, color: color, floor: floor)
            }
            b.add(.reference(.x, at: referenceLengthKm, style: .dotted, color: .gray))
            c.add(.reference(.x, at: referenceLengthKm, style: .dotted, color: .gray))
            return Figure(theme: .apsDoubleColumn, panels: [a, b, c], columns: 3, height: 210)
        }
    }

    /// This file, one of the study's sources (`sourceFiles`).
    static let frontierSource = #filePath
}

