import Foundation
import Interlink

/// Figures of the modality-mix study.
extension ModalityMixStudy {
    /// Which modalities a composition contains, as a marker class for the Pareto figure.
    struct Mix: Hashable, Sendable {
        let sc: Bool, ion: Bool, atom: Bool

        /// The class of a row.
        init(_ row: ResultTable.Row) {
            sc = (row.number(Columns.superconducting) ?? 0) > 0
            ion = (row.number(Columns.ions) ?? 0) > 0
            atom = (row.number(Columns.atoms) ?? 0) > 0
        }

        init(sc: Bool, ion: Bool, atom: Bool) {
            self.sc = sc
            self.ion = ion
            self.atom = atom
        }

        /// The seven classes in legend order, with their label, marker and colour (Okabe–Ito).
        static let all: [(Mix, String, MarkerShape, Int)] = [
            (Mix(sc: true, ion: false, atom: false), "SC only", .square, 0),
            (Mix(sc: false, ion: true, atom: false), "ion only", .triangleUp, 1),
            (Mix(sc: false, ion: false, atom: true), "atom only", .diamond, 3),
            (Mix(sc: true, ion: true, atom: false), "SC + ion", .triangleDown, 4),
            (Mix(sc: true, ion: false, atom: true), "SC + atom", .circle, 2),
            (Mix(sc: false, ion: true, atom: true), "ion + atom", .cross, 7),
            (Mix(sc: true, ion: true, atom: true), "all three", .plus, 5),
        ]
    }

    /// Published benchmark drawn on the Pareto figure: Main et al., Nature 638, 383 (2025), teleported
    /// CZ between two trapped-ion modules 2 m apart, process fidelity 86 % (abstract). Its rate of
    /// teleported gates is not drawn: no rate was verified against the paper.
    static let mainFidelity = 0.86

    /// The Pareto panel of one traffic pattern.
    static func paretoPanel(_ table: ResultTable, traffic: Traffic, comm: Int, threshold: Double, legend: Bool) throws -> Panel {
        let rows = Self.rows(table, traffic: traffic, comm: comm)
        let t = try rows.values(Columns.qualifiedRate), f = try rows.values(Columns.gateFidelity)
        let tErr = try rows.uncertainties(Columns.qualifiedRate).map { $0 ?? 0 }
        let fErr = try rows.uncertainties(Columns.gateFidelity).map { $0 ?? 0 }
        let front = Self.paretoFront(rate: t, fidelity: f).sorted { t[$0] < t[$1] }
        let xMax = max(t.max() ?? 1, 1)
        // Compositions with no gate above the threshold (rate 0) get a strip of their own left of a
        // break in the rate axis, labelled "none", instead of hiding under the axis spine.
        // The break sits a gap left of 0, so compositions with a small non-zero rate (drawn near 0) stay
        // clear of it and of the strip.
        let upper = xMax * 1.9, strip = upper * 0.12, gap = strip * 0.3
        let noRate = -(strip + gap) / 2
        let values = Ticks.linear(lower: 0, upper: upper, maxCount: 5).filter { $0 > 0 }
        let step = values.count > 1 ? values[1] - values[0] : upper
        let ticks = [Tick(noRate, "none")] + zip(values, Ticks.labels(values, step: step)).map { Tick($0, $1) }
        var panel = Panel(
            x: Axis(label: "Remote gates s<sup>−1</sup> with F ≥ \(threshold)", limits: -strip...upper, ticks: ticks),
            y: Axis(label: "Mean remote-gate process fidelity", limits: 0...1.05),
            title: "\(traffic == .uniform ? "Uniform" : "Local") traffic", legend: legend ? .right : .hidden)
        panel.add(.span(.x, from: -strip, to: -gap, color: Color(red: 0.92, green: 0.92, blue: 0.92)))
        panel.add(.reference(.x, at: -gap, style: .solid, color: .black))
        panel.add(.reference(.y, at: mainFidelity, label: legend ? "Main et al. 2025 (ion–ion, 2 m)" : nil, style: .dashed,
                             color: .black))
        panel.add(.reference(.y, at: threshold, label: legend ? "threshold" : nil, style: .dotted, color: .gray))
        for (mix, name, marker, color) in Mix.all {
            let idx = rows.rows.indices.filter { Mix(rows.rows[$0]) == mix }
            guard !idx.isEmpty else { continue }
            panel.add(.errorBars(x: idx.map { t[$0] > 0 ? t[$0] : noRate }, y: idx.map { f[$0] }, yError: idx.map { fErr[$0] },
                                 xError: idx.map { tErr[$0] }, label: legend ? name : nil, marker: marker,
                                 color: Palette.okabeIto.colors[color]))
        }
        for i in front where t[i] > 0 {
            panel.add(.text(Self.label(rows.rows[i]), at: DataPoint(t[i], f[i] + 0.03), anchor: .bottom))
        }
        return panel
    }

    /// The qualified rate against the communication qubits for the pure machines and the fastest mix.
    static func axisPanel(_ table: ResultTable, traffic: Traffic, comms: [Int], legend: Bool) throws -> Panel {
        var panel = Panel(
            x: Axis(label: "Communication qubits per module", scale: .log,
                    limits: 0.8...(Double(comms.max() ?? 10) * 1.25), ticks: comms.map { Tick(Double($0), "\($0)") }),
            y: Axis(label: "Remote gates s<sup>−1</sup> above threshold", scale: .log),
            title: "\(traffic == .uniform ? "Uniform" : "Local") traffic", legend: legend ? .auto : .hidden)
        let x = comms.map(Double.init)
        for (kind, name, marker, color) in [(Kind.superconducting, "8 SC", MarkerShape.square, 0), (.ion, "8 ion", .triangleUp, 1),
                                            (.atom, "8 atom", .diamond, 3)] {
            let y = try comms.map { try Self.pureRow(Self.rows(table, traffic: traffic, comm: $0), kind).number(Columns.qualifiedRate) ?? .nan }
            panel.add(.line(x: x, y: y, label: legend ? name : nil, color: Palette.okabeIto.colors[color], marker: marker))
        }
        let best = try comms.map { try Self.fastest(Self.rows(table, traffic: traffic, comm: $0)) }
        panel.add(.line(x: x, y: best.map { $0.number(Columns.qualifiedRate) ?? .nan }, label: legend ? "fastest composition" : nil,
                        style: .dashed, color: .black, marker: .circle))
        for (c, row) in zip(x, best) {
            panel.add(.text(Self.label(row), at: DataPoint(c, (row.number(Columns.qualifiedRate) ?? 1) * 1.2), anchor: .bottom))
        }
        return panel
    }

    var figures: [FigureSpec] {
        let comm = base.communicationQubits, threshold = base.fidelityThreshold, comms = communicationValues
        return [
            FigureSpec("pareto", caption: "Remote gates per second with true-herald pairs and process fidelity ≥ "
                + "\(threshold) against the mean remote-gate process fidelity, for all 45 compositions of 8 modules with "
                + "\(comm) communication qubits per module: (a) uniform traffic, (b) local traffic placed by METIS. Marker "
                + "and colour give which modalities a composition contains; Pareto-optimal compositions are labelled "
                + "SC·ion·atom. Compositions none of whose remote gates reaches the threshold (rate 0) are drawn in the grey "
                + "strip left of the axis break (\"none\"), at their fidelity. Error bars: ± one standard error over shots "
                + "(mostly smaller than the markers). Dashed: "
                + "the demonstrated teleported CZ of Main et al. 2025 (F = 0.86, trapped ions 2 m apart; its gate rate is "
                + "not drawn). Dotted: the threshold. Black horizontal bar through the fastest composition: the 90 % interval of its rate "
                + "over the presets' ranges (@tab:headline-uncertainty).", results: { results in
                let table = results.table
                let leaders = try Self.leaders(table, comm: comm)
                let panels = try Traffic.allCases.enumerated().map { k, traffic in
                    var panel = try Self.paretoPanel(table, traffic: traffic, comm: comm, threshold: threshold, legend: k == 1)
                    guard let l = leaders.first(where: { $0.traffic == traffic }),
                          let low = results.derivedIfPresent("band_rate_\(traffic)_low")?.value,
                          let high = results.derivedIfPresent("band_rate_\(traffic)_high")?.value else {
                        throw SweepError("the \(traffic) headline band is missing from the derived results")
                    }
                    let row = Self.rows(table, traffic: traffic, comm: comm).rows.first {
                        Int($0.number(Columns.superconducting) ?? -1) == l.fastest.0 && Int($0.number(Columns.ions) ?? -1) == l.fastest.1
                    }
                    guard let fidelity = row?.number(Columns.gateFidelity) else { throw SweepError("no row of the fastest composition") }
                    panel.add(.line(x: [low, high], y: [fidelity, fidelity], color: .black))
                    return panel
                }
                return Figure(theme: .apsDoubleColumn, panels: panels, columns: 2, height: 250)
            }),
            FigureSpec("communication-qubits", caption: "Remote gates per second with F ≥ \(threshold) against the number "
                + "of communication qubits per module (the same for every modality) for the three pure machines and the "
                + "fastest composition at each value (labelled SC·ion·atom): (a) uniform, (b) local traffic. A missing "
                + "point is a rate of zero (no gate reaches the threshold). Where the fastest composition is a pure machine "
                + "its curve lies on that machine's.") { table in
                let panels = try Traffic.allCases.enumerated().map { k, traffic in
                    try Self.axisPanel(table, traffic: traffic, comms: comms, legend: k == 0)
                }
                return Figure(theme: .apsDoubleColumn, panels: panels, columns: 2, height: 210)
            },
            headlineTornado,
        ]
    }
}

extension ModalityMixStudy {
    /// This file, one of the study's sources (`sourceFiles`).
    static let figuresSource = #filePath
}
