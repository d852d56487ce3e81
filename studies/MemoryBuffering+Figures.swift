import Foundation
import Interlink

/// Figures and tables of the memory-buffering study: the requirement map over memory T₂ × transfer
/// infidelity, the tornado of the headline requirements, the Monte Carlo waiting times, and the
/// requirement, Monte Carlo and error-budget tables.
extension MemoryBufferingStudy {
    /// This file (part of the study's code fingerprint).
    static let figuresSource = #filePath

    /// Rows of the map at one length and transfer time.
    static func mapRows(_ table: ResultTable, lengthKm: Double, transferTimeSeconds: Double) -> ResultTable {
        table.filter {
            $0.parameters["part"] == .string(Part.map.rawValue) && $0.number(Columns.lengthKm) == lengthKm
                && $0.number(Columns.transferTimeSeconds) == transferTimeSeconds
        }
    }

    /// Heatmap extent with cells centred on log-spaced grid points.
    static func logExtent(_ values: [Double]) -> ClosedRange<Double> {
        TransductionFrontierStudy.logExtent(values)
    }

    /// A log–log panel with the distillable rate of `grid` as a heatmap (colour interpolated in log rate
    /// between the grid points; rates below 10⁻³ ebit/s, including zero, share the lowest colour).
    static func ratePanel(_ grid: ResultGrid, x: String, y: String, title: String) -> Panel {
        var panel = Panel(x: Axis(label: x, scale: .log, limits: logExtent(grid.x)), y: Axis(label: y, scale: .log, limits: logExtent(grid.y)),
                          title: title, legend: .hidden)
        let clipped = grid.z.map { row in row.map { $0.isFinite ? max($0, 1e-3) : Double.nan } }
        panel.add(.heatmap(Heatmap(values: clipped, x: logExtent(grid.x), y: logExtent(grid.y), colormap: .cividis, colorScale: .log,
                                   colorLimits: 1e-3...1e3, colorLabel: "Distillable rate (ebit s<sup>−1</sup>)",
                                   shading: .smooth)))
        return panel
    }

    /// One panel of the requirement map.
    static func mapPanel(_ table: ResultTable, lengthKm: Double) throws -> Panel {
        let fast = try mapRows(table, lengthKm: lengthKm, transferTimeSeconds: transferTimes[0])
            .grid(x: Columns.memoryT2Seconds.name, y: "transferInfidelity", value: Columns.distillableRate.name)
        let slow = try mapRows(table, lengthKm: lengthKm, transferTimeSeconds: transferTimes[1])
            .grid(x: Columns.memoryT2Seconds.name, y: "transferInfidelity", value: Columns.distillableRate.name)
        var panel = ratePanel(fast, x: "Memory <i>T</i><sub>2</sub> (s)", y: "Transfer infidelity 1 − <i>F</i><sub>tr</sub>",
                              title: "\(Int(lengthKm)) km")
        // 1 ebit/s: the boundary by root finding (largest transfer infidelity at each T₂) with its 90 % band over the
        // station's published ranges; 100 ebit/s: the grid's contour.
        let boundary = try boundaryBand(lengthKm: lengthKm)
        if boundary.t2.count > 1 {
            panel.add(.band(x: boundary.t2, lower: boundary.low, upper: boundary.high, color: .white, opacity: 0.5))
            panel.add(.line(x: boundary.t2, y: boundary.nominal, style: .solid, color: .white))
        }
        if fast.z.flatMap({ $0 }).contains(where: { $0 >= 100 }) {
            panel.add(.contour(ContourSet(x: fast.x, y: fast.y, z: fast.z, levels: [100], color: .white)))
        }
        if slow.z.flatMap({ $0 }).contains(where: { $0 >= 1 }) {
            panel.add(.contour(ContourSet(x: slow.x, y: slow.y, z: slow.z, levels: [1], labeled: false,
                                          color: Palette.okabeIto.colors[1])))
        }
        for (k, memory) in memories.enumerated() {
            panel.add(.reference(.x, at: memory.t2Seconds, style: .dotted, color: .lightGray))
            // Every label just right of its line, in the dark band above the boundaries (no rate there); the last
            // one lower, so that it does not run into the line before it.
            let y = k == memories.count - 1 ? 0.065 : 0.095
            panel.add(.text("<span size='smaller'>\(memory.label)</span>", at: DataPoint(memory.t2Seconds * 1.15, y),
                            anchor: .left, color: .white))
        }
        return panel
    }

    /// Memory T₂ values (s) at which the 1 ebit/s boundary of the map is solved: from just above `t2Min` (the
    /// T₂ needed with a perfect transfer, where the boundary turns vertical) to 100 s, denser near `t2Min`.
    static func boundaryT2Seconds(above t2Min: Double) -> [Double] {
        let span = log10(100 / t2Min)
        return (0...24).map { t2Min * pow(10, span * pow(10, -3 + 0.125 * Double($0))) }
    }

    /// The 1 ebit/s boundary of the map at `lengthKm` (1 µs transfer): at each T₂ the largest transfer
    /// infidelity by Brent's method, with its 5 %–95 % interval over the propagation's draws. Only T₂ where
    /// the nominal boundary is a value; an interval end that is not reachable (more than 5 % of the draws
    /// miss 1 ebit/s even with a perfect transfer) is drawn at the map's lower edge.
    static func boundaryBand(lengthKm: Double) throws -> (t2: [Double], nominal: [Double], low: [Double], high: [Double]) {
        var out: (t2: [Double], nominal: [Double], low: [Double], high: [Double]) = ([], [], [], [])
        var q = ideal(MemoryBufferingStudy().base)
        q.lengthKm = lengthKm
        q.memoryDecays = true
        guard let t2Min = try requirement(.coherence, q, rate: 1).value else { return out }
        for t2 in boundaryT2Seconds(above: t2Min) {
            q.memoryT2Seconds = t2
            let interval = try RequirementInterval(propagation, base: q, increasing: false) { point in
                try Requirement.solve(in: 1e-8...0.75, increasing: false, target: 1) { e in
                    var r = point
                    r.transferInfidelity = e
                    return try distillableRate(r)
                }
            }
            guard let v = interval.nominal.value else { continue }
            out.t2.append(t2)
            out.nominal.append(v)
            out.low.append(min(interval.low ?? 1e-5, v))
            out.high.append(max(interval.high ?? v, v))
        }
        return out
    }

    /// The requirement map at 10 and 100 km.
    static var mapFigure: FigureSpec {
        FigureSpec("requirement-map", caption: "Distillable rate (hashing bound, colour) of the two-link repeater of superconducting "
            + "modules over the memory's T₂ and the transfer's process infidelity 1 − F_tr, at 10 and 100 km total length, "
            + "transfer time 1 µs, projected transducer (η_t = 0.5, N_add = 10⁻³ per mode), deterministic transfer (an idealised bound). White line: the 1 ebit/s boundary "
            + "found by root finding (the largest transfer infidelity at each T₂), with its 90 % band (shaded) over 64 Latin-hypercube draws of the "
            + "published SNSPD efficiency, dark-count and 1550 nm fiber-loss ranges; white contour: 100 ebit/s (where reached); vermillion: 1 ebit/s with a 1 ms transfer (the transmon is busy during the transfer). Dotted "
            + "verticals, each labelled just right of its line in both panels, mark memory coherence times for orientation only — "
            + "transmon: the preset transmon (100 µs); Sr⁺: a Sr⁺ processing "
            + "node's model T₂ (85 ms, secondary); SiV: a SiV ²⁹Si memory (2.1 s, a value we could not trace to its source); ⁴³Ca⁺: the ~10 s a ⁴³Ca⁺ "
            + "memory co-trapped in a Sr⁺ node kept entanglement with dynamical decoupling (Drmota et al. 2023; not a fitted "
            + "T₂). Rates below 10⁻³ ebit/s, including zero, share the lowest colour.") { table in
            let panels = try lengths.map { try mapPanel(table, lengthKm: $0) }
            return Figure(theme: .apsDoubleColumn, panels: panels, columns: 2, height: 230)
        }
    }

    /// The headline requirement at `p` (1 ebit/s at 100 km) as a number; throws when unreachable.
    static func headline(_ quantity: Quantity, _ p: Parameters) throws -> Double {
        var q = p
        q.lengthKm = 100
        guard let v = try requirement(quantity, q, rate: 1).value else {
            throw ParameterError(invalid: "tornado", reason: "the 1 ebit/s \(quantity.rawValue) requirement is not reachable at a tornado end")
        }
        return v
    }

    /// Tornado of the headline requirements (1 ebit/s at 100 km).
    static func tornadoFigure(_ p: Parameters) -> FigureSpec {
        FigureSpec("tornado", caption: "Sensitivity of the headline requirements (1 ebit/s at 100 km): (a) the memory T₂, (b) the "
            + "largest transfer infidelity, (c) the longest transfer time. Each published range (SNSPD efficiency and dark counts, 1550 nm fiber loss) set one "
            + "at a time to its 5 % and 95 % points; bars from the nominal requirement, widest swing on top.") { _ in
            var panels: [Panel] = []
            for (quantity, label) in [(Quantity.coherence, "Required memory <i>T</i><sub>2</sub> (s)"),
                                      (.transferFidelity, "Largest transfer infidelity"),
                                      (.transferTime, "Longest transfer time (s)")] {
                let tornado = try Tornado(uncertainParameters, base: p, coverage: 0.9) { try headline(quantity, $0) }
                let bars = try TornadoBars(labels: tornado.bars.map { StationRanges.label($0.field) }, low: tornado.bars.map(\.lowOutput),
                                           high: tornado.bars.map(\.highOutput), baseline: tornado.baseline,
                                           lowLabel: "at the 5 % point", highLabel: "at the 95 % point")
                panels.append(Panel.tornado(bars, xLabel: label))
            }
            return Figure(theme: .apsDoubleColumn, panels: panels, columns: 1, height: 330)
        }
    }

    /// Monte Carlo waiting-time histograms against the exact distribution.
    static func waitingFigure(_ base: Parameters) -> FigureSpec {
        FigureSpec("waiting-time", caption: "Monte Carlo waiting time from restart to delivery, in rounds of the round period τ, at "
            + "\(Int(monteCarloLengthKm)) km (histogram, probability per bin, \(base.monteCarloPairs) deliveries per panel): "
            + "(a) no cutoff, with the exact distribution of max(K<sub>1</sub>, K<sub>2</sub>) per bin (line); (b) and (c) with "
            + "cutoffs. Each histogram spans four closed-form means; its last bin also holds the waits beyond. Dashed: Monte "
            + "Carlo mean; dotted: closed-form mean.") { table in
            let rows = table.filter { $0.parameters["part"] == .string(Part.monteCarlo.rawValue) }.rows
            var panels: [Panel] = []
            for (k, row) in rows.enumerated() {
                let upper = row.number(Columns.histogramRounds) ?? 1
                let width = upper / Double(histogramBins)
                let edges = (0...histogramBins).map { Double($0) * width + 0.5 }
                var counts = (0..<histogramBins).map { row.number(String(format: "hist%02d", $0)) ?? 0 }
                counts[counts.count - 1] += row.number(Columns.overflowFraction) ?? 0
                let label = k < monteCarloTitles.count ? monteCarloTitles[k] : ""
                let exact = (0..<histogramBins).map { row.number(String(format: "exact%02d", $0)) ?? .nan }
                // Headroom above the tallest bin (no bin cut at the top, room for the legend); one legend, in (a).
                let tallest = (counts + exact.filter(\.isFinite)).max() ?? 1
                var panel = Panel(x: Axis(label: "Waiting time (rounds)", limits: 0...(upper + 0.5)),
                                  y: Axis(label: "Probability per bin", limits: 0...(1.45 * tallest)), title: label,
                                  legend: k == 0 ? .topRight : .hidden)
                panel.add(.histogram(edges: edges, counts: counts, label: "Monte Carlo"))
                if exact.allSatisfy(\.isFinite) {
                    panel.add(.line(x: edges.dropLast().map { $0 + width / 2 }, y: exact, label: "exact", color: .black))
                }
                if let w = row.number(Columns.meanWaitRounds) { panel.add(.reference(.x, at: w, label: "MC mean", style: .dashed)) }
                if let a = row.number(Columns.analyticMeanRounds) {
                    panel.add(.reference(.x, at: a, label: "closed-form mean", style: .dotted, color: .black))
                }
                panels.append(panel)
            }
            return Figure(theme: .apsDoubleColumn, panels: panels, columns: 3, height: 210)
        }
    }

    var figures: [FigureSpec] {
        [Self.mapFigure, Self.heraldedFigure, Self.tornadoFigure(base), Self.waitingFigure(base)]
    }

    /// One requirement row: nominal, interval text, fidelity where it holds.
    struct RequirementRow {
        let quantity: Quantity
        let rate: Double
        let lengthKm: Double
        let requirement: Requirement
        let text: String
        let fidelity: Double?
    }

    /// Every requirement with its interval (the transfer-fidelity row as F_tr, not 1 − F_tr).
    static func requirementRows(_ p: Parameters) throws -> [RequirementRow] {
        var rows: [RequirementRow] = []
        for quantity in Quantity.allCases {
            for rate in targetRates {
                for length in lengths {
                    var q = p
                    q.lengthKm = length
                    let nominal = try requirement(quantity, q, rate: rate)
                    var text: String
                    if nominal.value != nil {
                        let interval = try requirementInterval(quantity, q, rate: rate)
                        if quantity == .transferFidelity {
                            text = try fidelityInterval(interval).text(parameter: "F_tr")
                        } else {
                            text = try interval.text(parameter: quantity.symbol, unit: quantity.unit)
                        }
                    } else {
                        text = nominal.text(parameter: quantity.symbol, unit: quantity.unit)
                    }
                    let fidelity = try point(quantity, q, nominal).map { try model($0).fidelity }
                    rows.append(RequirementRow(quantity: quantity, rate: rate, lengthKm: length, requirement: nominal, text: text,
                                               fidelity: fidelity))
                }
            }
        }
        return rows
    }

    /// The requirement table (also read by the requirements study).
    static func requirementTable(_ p: Parameters) -> TableSpec {
        TableSpec("requirements", caption: "What the memory and the transfer must do for 1 and 100 ebit/s (hashing bound) through "
            + "one repeater at 10 and 100 km (projected transducer η_t = 0.5, N_add = 10⁻³; deterministic transfer, an idealised bound): each solved by Brent's method on the "
            + "closed form with the other two ideal, with the 90 % interval over 64 Latin-hypercube draws of the published SNSPD "
            + "and 1550 nm fiber ranges. F: the delivered fidelity at the requirement.") { _ in
            let rows: [[DataTable.Cell]] = try requirementRows(p).map { r in
                [.text(r.quantity.label), .number(r.rate, uncertainty: nil), .number(r.lengthKm, uncertainty: nil), .text(r.text),
                 r.fidelity.map { .number($0, uncertainty: nil) } ?? .text("–")]
            }
            return try DataTable(columns: [DataTable.Column("requirement"), DataTable.Column("target", unit: "ebit/s"),
                                           DataTable.Column("length", unit: "km"), DataTable.Column("value (90 % interval)"),
                                           DataTable.Column("F")], rows: rows)
        }
    }

    /// Monte Carlo against the closed forms.
    static func monteCarloTable(_ base: Parameters) -> TableSpec {
        TableSpec("monte-carlo", caption: "Monte Carlo (mean ± standard error) against the closed forms at "
            + "\(Int(monteCarloLengthKm)) km") { table in
            let rows = table.filter { $0.parameters["part"] == .string(Part.monteCarlo.rawValue) }
            var out = try rows.dataTable(columns: [
                Columns.memoryT2Seconds, Columns.cutoffRounds, Columns.meanWaitRounds, Columns.analyticMeanRounds,
                Columns.rate, Columns.analyticRate, Columns.fidelity, Columns.analyticFidelity,
            ])
            // Each closed form to the decimal place of the Monte Carlo value beside it, so the two can be compared.
            for r in out.rows.indices {
                for c in [3, 5, 7] {
                    if case let .number(mc, u) = out.rows[r][c - 1], case let .number(exact, nil) = out.rows[r][c] {
                        out.rows[r][c] = .text(matchingDigits(exact, like: mc, uncertainty: u))
                    }
                }
            }
            return out
        }
    }

    /// `value` written to the same decimal place (and power of ten) as `reference ± uncertainty` is written in the
    /// report's tables: the closed form beside its Monte Carlo estimate. Without an uncertainty, three significant digits.
    static func matchingDigits(_ value: Double, like reference: Double, uncertainty: Double?) -> String {
        let formatter = UncertainValueFormatter(significantDigits: 3)
        let shown = formatter.string(reference, uncertainty: uncertainty)
        guard let u = uncertainty, u > 0, let plusMinus = shown.range(of: " ± ") else { return formatter.plain(value) }
        var mantissa = String(shown[..<plusMinus.lowerBound])
        var suffix = ""
        if mantissa.hasPrefix("("), let times = shown.range(of: ") × 10") {
            mantissa.removeFirst()
            suffix = " × 10" + shown[times.upperBound...]
        }
        let decimals = mantissa.split(separator: ".").dropFirst().first?.count ?? 0
        let scale = suffix.isEmpty ? 1 : pow(10, (log10(max(abs(reference), u))).rounded(.down))
        return String(format: "%.\(decimals)f", value / scale) + suffix
    }

    /// Error budget of one elementary link at the headline requirement points.
    static func budgetTable(_ p: Parameters) -> TableSpec {
        TableSpec("error-budget", caption: "Error budget of one elementary link (half of the 100 km repeater) at the 1 ebit/s "
            + "requirements: infidelity 1 − F by mechanism (sequential attribution in the order listed; the parts sum to the "
            + "total), loss per arm (dB) and the attempt period (µs). The end-to-end pair also loses fidelity while the "
            + "first link waits for the second (memory) and in the swap; those are in the closed form, not in this per-link "
            + "budget. The last column, Sahu et al.'s demonstrated transducer (8.7 %, N_add = 0.16), is a link whose total "
            + "infidelity exceeds ½ (F ≤ ½): it gives no distillable entanglement and is listed only to show where that "
            + "infidelity comes from.") { _ in
            var points: [(String, Parameters)] = []
            var q = p
            q.lengthKm = 100
            for quantity in Quantity.allCases {
                if let point = point(quantity, q, try requirement(quantity, q, rate: 1)) { points.append((quantity.symbol + " at 1 ebit/s", point)) }
            }
            var sahu = ideal(q)
            sahu.transducerEfficiency = 0.087
            sahu.addedNoisePhotons = 0.16
            points.append(("Sahu 8.7 % transducer", sahu))
            let budgets = try points.map { try LinkErrorBudget(configuration: configuration($0.1, cutoffSeconds: nil).linkA) }
            var rows: [[DataTable.Cell]] = [[.text("intrinsic (all off)")] + budgets.map { .number($0.intrinsicInfidelity, uncertainty: nil) }]
            for mechanism in LinkMechanism.allCases {
                rows.append([.text(mechanism.label)] + budgets.map { .number($0.infidelity(of: mechanism), uncertainty: nil) })
            }
            rows.append([.text("total 1 − F")] + budgets.map { .number($0.totalInfidelity, uncertainty: nil) })
            rows.append([.text("arm loss (dB)")] + budgets.map { .number($0.lossA.totalDB, uncertainty: nil) })
            rows.append([.text("attempt period (µs)")] + budgets.map { .number($0.time.periodSeconds * 1e6, uncertainty: nil) })
            return try DataTable(columns: [DataTable.Column("quantity")] + points.map { DataTable.Column($0.0) }, rows: rows)
        }
    }

    var tables: [TableSpec] {
        [Self.requirementTable(base), Self.heraldedTable(base), Self.monteCarloTable(base), Self.budgetTable(base)]
    }
}
