import Foundation
import Interlink

/// Derived results and tables of the modality-mix study.
extension ModalityMixStudy {
    /// The rows of one traffic pattern at `comm` communication qubits.
    static func rows(_ table: ResultTable, traffic: Traffic, comm: Int) -> ResultTable {
        mainRows(table).filter {
            $0.parameters["traffic"] == .string(traffic.rawValue) && $0.number(Columns.communicationQubits) == Double(comm)
        }
    }

    /// The rows of the main sweep (no sensitivity scaling, pairs on demand).
    static func mainRows(_ table: ResultTable) -> ResultTable {
        table.filter { $0.parameters["sensitivity"] == .string("") && isOnDemand($0) }
    }

    /// The sensitivity rows of the pure machine of `kind`.
    static func sensitivityRows(_ table: ResultTable, _ kind: Kind) -> [ResultTable.Row] {
        let names = ["superconducting", "ions", "atoms"]
        return table.rows.filter { $0.parameters["sensitivity"] != .string("") && $0.number(names[kind.rawValue]) == 8 }
    }

    /// Indices of the rows on the Pareto front of (rate, fidelity), both maximised: a row is on the
    /// front when no other row is at least as good in both and better in one (brute force).
    static func paretoFront(rate t: [Double], fidelity f: [Double]) -> [Int] {
        t.indices.filter { i in
            !t.indices.contains { j in j != i && t[j] >= t[i] && f[j] >= f[i] && (t[j] > t[i] || f[j] > f[i]) }
        }
    }

    /// Composition label "a·b·c" of a row.
    static func label(_ row: ResultTable.Row) -> String {
        let n = ["superconducting", "ions", "atoms"].map { Int(row.number($0) ?? -1) }
        return "\(n[0])·\(n[1])·\(n[2])"
    }

    /// The row of a pure composition.
    static func pureRow(_ table: ResultTable, _ kind: Kind) throws -> ResultTable.Row {
        let names = ["superconducting", "ions", "atoms"]
        guard let row = table.rows.first(where: { $0.number(names[kind.rawValue]) == 8 }) else {
            throw SweepError("no all-\(kind.preset.rawValue) composition in the table")
        }
        return row
    }

    /// A metric of a row, keeping its unit and uncertainty, under a new name.
    static func copy(_ row: ResultTable.Row, _ metric: String, as name: String) throws -> Metric {
        guard let m = row.metrics[metric] else { throw SweepError("row \(label(row)) has no metric \(metric)") }
        return Metric(name, m.value, unit: m.unit, uncertainty: m.uncertainty)
    }

    /// The fastest row (largest qualified rate; ties: the higher fidelity).
    static func fastest(_ table: ResultTable) throws -> ResultTable.Row {
        let rows = table.rows
        guard let best = rows.max(by: {
            let a = ($0.number(Columns.qualifiedRate) ?? 0, $0.number(Columns.gateFidelity) ?? 0)
            let b = ($1.number(Columns.qualifiedRate) ?? 0, $1.number(Columns.gateFidelity) ?? 0)
            return a < b
        }) else { throw SweepError("empty result table") }
        return best
    }

    /// Metrics naming a row's composition and its headline numbers under `prefix`.
    static func composition(_ prefix: String, _ row: ResultTable.Row) throws -> [Metric] {
        [Metric("\(prefix)_sc", row.number(Columns.superconducting) ?? 0), Metric("\(prefix)_ion", row.number(Columns.ions) ?? 0),
         Metric("\(prefix)_atom", row.number(Columns.atoms) ?? 0),
         try copy(row, "qualifiedRate", as: "\(prefix)_rate"), try copy(row, "gateFidelity", as: "\(prefix)_fidelity")]
    }

    var derived: [Derivation] {
        let base = self.base, comms = communicationValues
        return [
            headlineBand,
            pairSupplyDerivation,
            Derivation("links between modalities (closed form, one generation)") { _ in
                var out: [Metric] = []
                var unfiltered = base
                unfiltered.filterUnlike = false
                for a in Kind.allCases {
                    for b in Kind.allCases where b.rawValue >= a.rawValue {
                        let name = "\(a.tag)_\(b.tag)"
                        let raw = try Self.channel(a, b, unfiltered), ch = try Self.channel(a, b, base)
                        guard let link = ch.link, let rawLink = raw.link else { throw SweepError("no link physics for \(name)") }
                        out += [
                            Metric("overlapRaw_\(name)", rawLink.modeOverlap), Metric("overlap_\(name)", link.modeOverlap),
                            Metric("filter_\(name)", try Self.unlikeFilter(a, b, base)?.filter.bandwidthMHz ?? 0, unit: "MHz"),
                            Metric("pairFidelity_\(name)", link.fidelity),
                            Metric("trueRate_\(name)", link.trueHeraldRateHz, unit: "1/s"),
                            Metric("heraldRate_\(name)", link.rateHz, unit: "1/s"),
                        ]
                    }
                }
                return out
            },
            Derivation("headline compositions") { table in
                var out = [Metric("comm", Double(base.communicationQubits)), Metric("thresholdPercent", base.fidelityThreshold * 100),
                           Metric("shots", Double(base.shots)), Metric("layers", Double(base.layers)),
                           Metric("qubits", Double(8 * base.dataQubitsPerModule)),
                           Metric("compositions", Double(Self.compositions().count))]
                for traffic in Traffic.allCases {
                    let rows = Self.rows(table, traffic: traffic, comm: base.communicationQubits)
                    let t = try rows.values(Columns.qualifiedRate), f = try rows.values(Columns.gateFidelity)
                    out.append(Metric("frontSize_\(traffic)", Double(Self.paretoFront(rate: t, fidelity: f).count)))
                    out += try Self.composition("fastest_\(traffic)", Self.fastest(rows))
                    guard let faithful = rows.rows.max(by: { ($0.number(Columns.gateFidelity) ?? 0) < ($1.number(Columns.gateFidelity) ?? 0) }) else {
                        throw SweepError("empty result table")
                    }
                    out += try Self.composition("faithful_\(traffic)", faithful)
                    for kind in Kind.allCases {
                        let row = try Self.pureRow(rows, kind)
                        out.append(try Self.copy(row, "qualifiedRate", as: "rate_\(traffic)_\(kind.tag)"))
                        out.append(try Self.copy(row, "trueHeraldRate", as: "trueRate_\(traffic)_\(kind.tag)"))
                        out.append(try Self.copy(row, "gateFidelity", as: "fidelity_\(traffic)_\(kind.tag)"))
                        out.append(try Self.copy(row, "waitTime", as: "wait_\(traffic)_\(kind.tag)"))
                    }
                    out.append(Metric("remoteFraction_\(traffic)", rows.rows.first?.number(Columns.remoteFraction) ?? 0))
                    // The composition that finishes the circuit first among those whose mean remote gate
                    // reaches the threshold (none: no metric, and the report's sentence stays empty).
                    let good = rows.rows.filter { ($0.number(Columns.gateFidelity) ?? 0) >= base.fidelityThreshold }
                    if let quickest = good.min(by: { ($0.number(Columns.makespan) ?? .infinity) < ($1.number(Columns.makespan) ?? .infinity) }) {
                        out += try Self.composition("quickest_\(traffic)", quickest)
                        out.append(try Self.copy(quickest, "makespan", as: "quickest_\(traffic)_makespan"))
                    }
                }
                return out
            },
            Derivation("one-at-a-time sensitivity of the pure machines (uniform traffic)") { table in
                var out: [Metric] = []
                for kind in Kind.allCases {
                    let pure = try Self.pureRow(Self.rows(table, traffic: .uniform, comm: base.communicationQubits), kind)
                    let reference = pure.number(Columns.qualifiedRate) ?? 0
                    for row in Self.sensitivityRows(table, kind) {
                        guard case .string(let input)? = row.parameters["sensitivity"] else { continue }
                        let factor = row.number(Columns.sensitivityFactor) ?? 1
                        let rate = row.number(Columns.qualifiedRate) ?? 0
                        let name = "sens_\(kind.tag)_\(input)_\(factor < 1 ? "half" : "double")"
                        out.append(Metric(name, reference > 0 ? rate / reference : 0))
                    }
                }
                return out
            },
            Derivation("communication-qubit axis") { table in
                var out: [Metric] = []
                for traffic in Traffic.allCases {
                    for comm in comms {
                        out += try Self.composition("fastest_\(traffic)_c\(comm)", Self.fastest(Self.rows(table, traffic: traffic, comm: comm)))
                    }
                }
                return out
            },
        ]
    }

    /// The modules' presets as the machine uses them: the preset's own emitter count next to the
    /// communication qubits the study gives every modality, and the figures that set rate and fidelity.
    static func presetTable(communication: [Int]) throws -> DataTable {
        let columns = [DataTable.Column("preset"), DataTable.Column("preset emitters"), DataTable.Column("used"),
                       DataTable.Column("photon linewidth", unit: "MHz"), DataTable.Column("collection"),
                       DataTable.Column("T₂", unit: "s"), DataTable.Column("two-qubit gate", unit: "s"),
                       DataTable.Column("readout", unit: "s")]
        let rows: [[DataTable.Cell]] = Kind.allCases.map { kind in
            let arm = ModalityPreset.arm(kind.preset)
            let node = arm.node
            return [.text(kind.preset.rawValue), .integer(Int64(node.communicationQubits)),
                    .text(communication.map(String.init).joined(separator: ", ")),
                    .number(node.photon.linewidthMHz, uncertainty: nil), .number(arm.collection.efficiency, uncertainty: nil),
                    node.memory.t2Seconds.map { .number($0, uncertainty: nil) } ?? .empty,
                    .number(node.operations.twoQubitGateSeconds, uncertainty: nil),
                    .number(node.operations.readoutSeconds, uncertainty: nil)]
        }
        return try DataTable(columns: columns, rows: rows)
    }

    var tables: [TableSpec] {
        let comm = base.communicationQubits, comms = communicationValues
        let columns = [Columns.superconducting, Columns.ions, Columns.atoms, Columns.qualifiedRate, Columns.trueHeraldRate,
                       Columns.heraldedRate, Columns.gateFidelity, Columns.qualifiedFraction, Columns.waitTime]
        return [TableSpec("module-presets", caption: "The module presets: their own emitter count (ignored), the communication "
            + "qubits every module gets in this study (each runs its own generation, no multiplexing inside an attempt), "
            + "and the figures that set the link rate and the remote-gate fidelity") { _ in
                try Self.presetTable(communication: comms)
            }] + headlineTables + Traffic.allCases.map { traffic in
            TableSpec("compositions-\(traffic)", caption: "\(traffic == .uniform ? "Uniform" : "Local") traffic, \(comm) "
                + "communication qubits per module: remote gates per second with F ≥ \(base.fidelityThreshold) and true-herald "
                + "pairs, with true-herald pairs, with all heralded pairs; mean remote-gate process fidelity; fraction of "
                + "gates above the threshold; mean wait from ready to start (Monte Carlo mean ± standard error over shots)") { table in
                try Self.rows(table, traffic: traffic, comm: comm).dataTable(columns: columns)
            }
        } + [TableSpec("communication-axis", caption: "Pure machines and the fastest composition at 1, 2 and 10 "
            + "communication qubits per module (remote gates per second with F ≥ \(base.fidelityThreshold), mean ± standard "
            + "error)") { table in
                try Self.mainRows(table).filter { row in
                    row.number(Columns.superconducting) == 8 || row.number(Columns.ions) == 8 || row.number(Columns.atoms) == 8
                }.dataTable(columns: [Columns.traffic, Columns.communicationQubits, Columns.superconducting, Columns.ions,
                                      Columns.atoms, Columns.qualifiedRate, Columns.gateFidelity])
            }, TableSpec("sensitivity", caption: "One-at-a-time sensitivity of the pure machines (uniform traffic, "
                + "\(comm) communication qubits per module): every module's collection efficiency (capped at 1), memory "
                + "T₁ and T₂ together, or readout time scaled by the factor; remote gates per second with F ≥ "
                + "\(base.fidelityThreshold) and their mean fidelity (mean ± standard error)") { table in
                try table.filter { $0.parameters["sensitivity"] != .string("") }
                    .dataTable(columns: [Columns.superconducting, Columns.ions, Columns.atoms, Columns.sensitivity,
                                         Columns.sensitivityFactor, Columns.qualifiedRate, Columns.gateFidelity])
            }, pairSupplyTable]
    }
}

extension ModalityMixStudy {
    /// This file, one of the study's sources (`sourceFiles`).
    static let analysisSource = #filePath
}
