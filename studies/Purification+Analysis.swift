import Foundation
import Interlink

extension PurificationStudy.Family {
    /// Suffix of derived metric names.
    var slug: String { self == .werner ? "werner" : "phaseFlip" }
}

extension PurificationStudy.Link {
    /// Suffix of derived metric names.
    var slug: String {
        switch self {
        case .ionAtom: return "ionAtom"
        case .scSc: return "scSc"
        case .ionIon: return "ionIon"
        }
    }
}

extension PurificationStudy {
    /// Length at which the link-level results are summarised (km).
    static let referenceLengthKm = 10.0

    /// Hashing yield per input pair after `rounds` rounds from raw fidelity `f`.
    static func distillablePerInput(_ family: Family, fidelity f: Double, rounds: Int) throws -> Double {
        let l = ladder(try family.state(fidelity: f), rounds: rounds)
        return l.states[rounds].hashingYield / l.pairsConsumed[rounds]
    }

    /// The link rows at one length, by rounds.
    static func linkRows(_ table: ResultTable, _ link: Link, lengthKm: Double) -> [ResultTable.Row] {
        table.rows.filter { row in
            row.parameters["part"] == .string(Part.link.rawValue) && row.parameters["link"] == .string(link.rawValue)
                && row.number(Columns.lengthKm) == lengthKm
        }.sorted { ($0.number(Columns.rounds) ?? 0) < ($1.number(Columns.rounds) ?? 0) }
    }

    static func derivations(_ base: Parameters) -> [Derivation] {
        var list: [Derivation] = []
        list.append(Derivation("hashing threshold of Werner pairs (Brent root of 1 − H)") { _ in
            let root = try RootFinder.brent(lower: 0.6, upper: 0.99, absoluteTolerance: 1e-12) { f in
                1 - BellDiagonalState.werner(fidelity: f).entropyBits
            }
            return [Metric("wernerHashingThreshold", root.x)]
        })
        for family in Family.allCases {
            list.append(Derivation("one DEJMPS round pays (\(family.rawValue))") { _ in
                // One round raises the hashing yield per input pair where D₁(F) > D₀(F); the crossover is
                // the Brent root of D₁ − D₀ above the raw state's own hashing threshold.
                // D₁ − D₀ on a fine grid: its largest value, and the crossover where it changes sign.
                let gain: (Double) throws -> Double = { f in
                    try distillablePerInput(family, fidelity: f, rounds: 1) - distillablePerInput(family, fidelity: f, rounds: 0)
                }
                let grid = (0...998).map { 0.5005 + Double($0) * 0.0005 }
                let gains = try grid.map(gain)
                var metrics = [Metric("maxGainOneRound_\(family.slug)", gains.max() ?? .nan)]
                if let k = gains.indices.last(where: { gains[$0] > 0 }), k + 1 < grid.count {
                    let root = try RootFinder.brent(lower: grid[k], upper: grid[k + 1], absoluteTolerance: 1e-12, gain)
                    metrics.append(Metric("paysBelow_\(family.slug)", root.x))
                }
                // The lower edge of the window: below it neither the raw nor the purified pair distils
                // (D₀ = D₁ = 0), so the edge is where the one-round state reaches the hashing threshold,
                // the Brent root of 1 − H(λ₁).
                if let k = gains.firstIndex(where: { $0 > 0 }), k > 0 {
                    let root = try RootFinder.brent(lower: grid[k - 1], upper: grid[k], absoluteTolerance: 1e-12) { f in
                        1 - ladder(try family.state(fidelity: f), rounds: 1).states[1].entropyBits
                    }
                    metrics.append(Metric("paysAbove_\(family.slug)", root.x))
                }
                let raw = try family.state(fidelity: 0.8)
                let deep = ladder(raw, rounds: 10)
                metrics += [
                    Metric("oneRoundFrom08_\(family.slug)", deep.states[1].fidelity),
                    Metric("oneRoundSuccessFrom08_\(family.slug)", deep.successProbabilities[0]),
                ]
                if let n = deep.states.firstIndex(where: { $0.fidelity >= 0.99 }) {
                    metrics.append(Metric("roundsTo099From08_\(family.slug)", Double(n)))
                    metrics.append(Metric("pairsTo099From08_\(family.slug)", deep.pairsConsumed[n]))
                }
                return metrics
            })
        }
        list.append(Derivation("links at \(referenceLengthKm) km") { table in
            var metrics = [Metric("referenceLength", referenceLengthKm, unit: "km"), Metric("target", base.targetFidelity)]
            // Why the ion–atom recurrence fails: one round (gates, the atom's readout, the classical
            // message) lasts longer than the Rb atom's calibrated coherence.
            let c = try linkConfiguration(linkPoint(.ionAtom, base))
            let round = roundNoise(c, try LinkModel(configuration: c)).waitingTimes(protocol: .dejmps)
            let atom = c.armB.node.memory
            metrics += [Metric("roundSeconds_ionAtom", max(round.a, round.b), unit: "s"),
                        Metric("atomReadout", c.armB.node.operations.readoutSeconds, unit: "s"),
                        Metric("atomDephasing", atom.gaussianDephasingSeconds ?? .nan, unit: "s"),
                        Metric("atomCoherenceAfterRound", atom.coherenceFactor(after: round.b))]
            for link in Link.allCases {
                let rows = linkRows(table, link, lengthKm: referenceLengthKm)
                guard let raw = rows.first else { continue }
                let s = link.slug
                if link != .ionAtom { metrics.append(Metric("rawFidelity_\(s)", raw.number(Columns.fidelity) ?? .nan)) }
                metrics.append(Metric("rawRate_\(s)", raw.number(Columns.rate) ?? .nan, unit: "1/s"))
                metrics.append(Metric("waitPerPair_\(s)", 1e3 / (raw.number(Columns.rate) ?? .nan), unit: "ms"))
                if let best = rows.first(where: { ($0.number(Columns.fidelity) ?? 0) >= base.targetFidelity }) {
                    metrics.append(Metric("bestRounds_\(s)", best.number(Columns.rounds) ?? .nan))
                    metrics.append(Metric("targetRate_\(s)", best.number(Columns.rate) ?? .nan, unit: "1/s"))
                }
                if let best = rows.first(where: { ($0.number(Columns.memoryAwareFidelity) ?? 0) >= base.targetFidelity }) {
                    metrics.append(Metric("awareBestRounds_\(s)", best.number(Columns.rounds) ?? .nan))
                    metrics.append(Metric("awareTargetRate_\(s)", best.number(Columns.memoryAwareRate) ?? .nan, unit: "1/s"))
                }
                let ideal = rows.compactMap { $0.number(Columns.fidelity) }
                metrics.append(Metric("idealFidelityMax_\(s)", ideal.max() ?? .nan))
                metrics.append(Metric("awareFidelityMax_\(s)", rows.compactMap { $0.number(Columns.memoryAwareFidelity) }.max() ?? .nan))
                let hashing = rows.compactMap { $0.number(Columns.distillableRate) }
                metrics.append(Metric("hashingRaw_\(s)", hashing.first ?? .nan, unit: "ebit/s"))
                metrics.append(Metric("hashingBest_\(s)", hashing.max() ?? .nan, unit: "ebit/s"))
                let bestIndex = hashing.indices.max { hashing[$0] < hashing[$1] } ?? 0
                metrics.append(Metric("hashingBestRounds_\(s)", Double(bestIndex)))
                let aware = rows.compactMap { $0.number(Columns.memoryAwareDistillableRate) }
                let awareIndex = aware.indices.max { aware[$0] < aware[$1] } ?? 0
                metrics.append(Metric("bestAwareRounds_\(s)", Double(awareIndex)))
                if link == .scSc {
                    metrics.append(Metric("bestAwareDistillable_\(s)", aware.max() ?? .nan, unit: "ebit/s"))
                }
            }
            return metrics
        })
        list.append(headlineUncertainty.derivation("headline link numbers at \(referenceLengthKm) km with the 90 % "
                                                   + "interval over the published detector and fiber ranges", base: base))
        return list
    }

    /// The headline link numbers at the reference length: the ion–atom link's raw fidelity, the
    /// ion–atom and ion–ion links' best memory-aware distillable rate over 0…4 rounds, and the Sr⁺ T₂
    /// one memory-aware round on the ion–ion link needs to reach `requirementFidelity`.
    static func headlineValues(_ base: Parameters) throws -> [Double] {
        func series(_ link: Link, _ metric: Column) throws -> [Double] {
            try (0...maximumRounds).map { n in
                var p = linkPoint(link, base)
                p.rounds = n
                guard let m = try linkMetrics(p).first(where: { $0.name == metric.name }) else {
                    throw ParameterError(invalid: "metric", reason: "\(metric) missing from the link metrics")
                }
                return m.value
            }
        }
        return [try series(.ionAtom, Columns.memoryAwareFidelity)[0], try series(.ionAtom, Columns.memoryAwareDistillableRate).max() ?? .nan,
                try series(.ionIon, Columns.memoryAwareDistillableRate).max() ?? .nan, try requiredT2(base)]
    }

    /// The published SNSPD and 1550 nm fiber ranges of the link-budget study, on this study's fields.
    static var uncertainParameters: [UncertainParameter<Parameters>] {
        let ranges = LinkBudgetStudy.publishedRanges
        var list: [UncertainParameter<Parameters>] = []
        if let u = ranges["detector.efficiency"] { list.append(UncertainParameter("SNSPD efficiency", u) { $0.snspdEfficiency = $1 }) }
        if let u = ranges["detector.darkCountRateHz"] {
            list.append(UncertainParameter("SNSPD dark-count rate", u) { $0.snspdDarkCountRateHz = $1 })
        }
        if let u = ranges["fiber.attenuationDBPerKm"] {
            list.append(UncertainParameter("fiber attenuation at 1550 nm", u) { $0.attenuation1550DBPerKm = $1 })
        }
        return list
    }

    /// The headline link numbers with 64 Latin-hypercube draws.
    static var headlineUncertainty: HeadlineUncertainty<Parameters> {
        HeadlineUncertainty(
            parameters: uncertainParameters,
            headlines: [.init(name: "rawFidelity_ionAtom", label: "ion–atom raw fidelity", unit: ""),
                        .init(name: "bestAwareDistillable_ionAtom", label: "ion–atom best distillable rate, memory-aware",
                              unit: "ebit/s"),
                        .init(name: "bestAwareDistillable_ionIon", label: "ion–ion best distillable rate, memory-aware",
                              unit: "ebit/s"),
                        .init(name: "requiredT2_ionIon", label: "Sr⁺ T₂ for one round to reach F ≥ \(requirementFidelity), ion–ion",
                              unit: "s")],
            draws: 64, seed: 19, compute: headlineValues)
    }

    /// Three panels over raw fidelity: output fidelity, pairs consumed, hashing yield per input pair.
    static var recurrenceFigure: FigureSpec {
        FigureSpec("recurrence", caption: "DEJMPS recurrence versus raw fidelity for Werner pairs (solid) and phase-flipped "
            + "pairs (dashed, open squares), after n = 0…4 rounds (colours). (a) Output fidelity. (b) Raw pairs consumed per output pair, "
            + "R_n = 2R_{n−1}/p_n. (c) Hashing-bound distillable entanglement per raw pair, (1 − H(λ_n))/R_n: where a "
            + "coloured curve lies above the black n = 0 curve, purification pays.") { table in
            let stateRows = table.filter { $0.parameters["part"] == .string(Part.state.rawValue) }
            let x = Axis(label: "Raw fidelity <i>F</i><sub>0</sub>", limits: 0.5...1)
            var panels = [
                Panel(x: x, y: Axis(label: "Output fidelity <i>F</i><sub><i>n</i></sub>", limits: 0.5...1), legend: .bottomRight),
                Panel(x: x, y: Axis(label: "Raw pairs per output <i>R</i><sub><i>n</i></sub>", scale: .log, limits: 1...1e3), legend: .hidden),
                Panel(x: x, y: Axis(label: "Distillable ebits per raw pair", limits: 0...1), legend: .hidden),
            ]
            let columns = [Columns.fidelity, Columns.pairsConsumed, Columns.distillablePerInput]
            for family in Family.allCases {
                for n in 0...maximumRounds {
                    let rows = stateRows.filter { $0.parameters["family"] == .string(family.rawValue) && $0.number(Columns.rounds) == Double(n) }
                    let color = n == 0 ? Color.black : Palette.okabeIto[n - 1]
                    for (k, column) in columns.enumerated() {
                        let label: String? = k == 0 ? (family == .werner ? "<i>n</i> = \(n)" : (n == 0 ? "phase flip" : nil)) : nil
                        let x = try rows.values(Columns.rawFidelity), y = try rows.values(column)
                        panels[k].add(.line(x: x, y: y, label: label, style: family == .werner ? .solid : .dashed, color: color))
                        // Open squares every 10th point tell the phase-flip curves from Werner curves they nearly
                        // coincide with (n = 2 Werner and n = 1 phase flip, n = 4 and n = 2).
                        if family == .phaseFlip {
                            let every = Array(stride(from: 5, to: x.count, by: 10))
                            panels[k].add(.scatter(x: every.map { x[$0] }, y: every.map { y[$0] }, marker: .square, filled: false,
                                                   color: color))
                        }
                    }
                }
            }
            return Figure(theme: .apsDoubleColumn, panels: panels, columns: 3, height: 210)
        }
    }

    /// Infidelity by mechanism of the three links' raw pairs at the reference length.
    static var errorBudgetTable: TableSpec {
        TableSpec("error-budget", caption: "Infidelity 1 − F of each link's raw pairs at \(Int(referenceLengthKm)) km by "
            + "mechanism (sequential attribution: all mechanisms off gives the intrinsic row, then each is switched on in the "
            + "order listed and charged the increase it causes; the rows sum to the total): what purification would have to "
            + "remove.") { (_: ResultTable) in
            try LinkErrorBudget.table(columns: try Link.allCases.map { link in (link.label, try linkConfiguration(linkPoint(link))) })
        }
    }

    /// The number of swept lengths at which some n ≥ 1 raises `rate` (a distillable-rate column) of
    /// `link` above its n = 0 value.
    static func paysLengths(_ table: ResultTable, _ link: Link, _ rate: Column) -> Int {
        let lengths = Set(table.rows.filter { $0.parameters["part"] == .string(Part.link.rawValue) && $0.parameters["link"] == .string(link.rawValue) }
            .compactMap { $0.number(Columns.lengthKm) })
        return lengths.filter { l in
            let d = linkRows(table, link, lengthKm: l).compactMap { $0.number(rate) }
            return d.dropFirst().contains { $0 > (d.first ?? 0) }
        }.count
    }

    /// A number cell of `column` in `row` (empty when the row has none).
    static func cell(_ row: ResultTable.Row, _ column: Column) -> DataTable.Cell {
        row.number(column).map { DataTable.Cell.number($0, uncertainty: nil) } ?? .empty
    }

    /// One table row per link and round at the reference length: the link's label, the rounds, then `rest`.
    static func referenceRows(_ table: ResultTable, _ rest: (ResultTable.Row) -> [DataTable.Cell]) -> [[DataTable.Cell]] {
        Link.allCases.flatMap { link in
            linkRows(table, link, lengthKm: referenceLengthKm).map { row in
                [.text(link.label), .number(row.number(Columns.rounds) ?? .nan, uncertainty: nil)] + rest(row)
            }
        }
    }

    /// The link point of `link` at `lengthKm` with `base`'s other fields (rounds as in `base`).
    static func linkPoint(_ link: Link, lengthKm: Double = referenceLengthKm, _ base: Parameters = Parameters()) -> Parameters {
        var p = base
        p.part = .link
        p.link = link
        p.lengthKm = lengthKm
        return p
    }

    /// The frontier at the reference length as a table.
    static var frontierTable: TableSpec {
        TableSpec("frontier", caption: "Links at \(Int(referenceLengthKm)) km, by DEJMPS rounds: raw pairs consumed per output, "
            + "rate, fidelity and distillable rate of the ideal recurrence (not reachable), and rate, fidelity and distillable rate "
            + "of the memory-aware recurrence averaged over the waiting-time distribution (its raw pairs per output, which are "
            + "more, are in @tab:mean-wait). A rate "
            + "of pairs with F ≤ ½ is shown as \"F ≤ ½\": those pairs carry no entanglement.") { table in
            func rate(_ row: ResultTable.Row, _ column: Column, fidelity: Column) -> DataTable.Cell {
                (row.number(fidelity) ?? 0) > 0.5 ? cell(row, column) : .text("F ≤ ½")
            }
            let cells = referenceRows(table) { row in
                [cell(row, Columns.pairsConsumed), rate(row, Columns.rate, fidelity: Columns.fidelity),
                 cell(row, Columns.fidelity), cell(row, Columns.distillableRate),
                 rate(row, Columns.memoryAwareRate, fidelity: Columns.memoryAwareFidelity),
                 cell(row, Columns.memoryAwareFidelity), cell(row, Columns.memoryAwareDistillableRate)]
            }
            return try DataTable(columns: [
                DataTable.Column("link"), DataTable.Column("rounds"), DataTable.Column("ideal raw pairs per output"),
                DataTable.Column("ideal rate", unit: "1/s"), DataTable.Column("ideal F"),
                DataTable.Column("ideal distillable", unit: "ebit/s"), DataTable.Column("aware rate", unit: "1/s"),
                DataTable.Column("aware F"), DataTable.Column("aware distillable", unit: "ebit/s"),
            ], rows: cells)
        }
    }
}

extension PurificationStudy {
    /// This file, one of the study's sources (`sourceFiles`).
    static let analysisSource = #filePath
}
