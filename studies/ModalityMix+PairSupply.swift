import Foundation
import Interlink

/// Pair supply of the modality-mix study: the 45 compositions with pairs generated ahead of the
/// remote gates (each channel keeps up to two pairs, discarded after a storage cutoff), against the
/// main sweep's pairs on demand. A buffered pair waits in both modules' memories from delivery to use
/// (the engine charges its decay), so buffering trades the wait for a pair against the pair's age; the
/// cutoff bounds the age. Uniform traffic, the base communication qubits.
extension ModalityMixStudy {
    /// The buffered settings swept: depth 2 with a cutoff near the transmon's T₂ (100 µs), a cutoff
    /// a tenth of the atom's T₂ (100 ms), and no cutoff.
    static let bufferSettings: [PairSupply] = [
        PairSupply(policy: .buffered, depth: 2, cutoffSeconds: 1e-4),
        PairSupply(policy: .buffered, depth: 2, cutoffSeconds: 0.1),
        PairSupply(policy: .buffered, depth: 2),
    ]

    /// Whether a row's pairs are generated on demand.
    static func isOnDemand(_ row: ResultTable.Row) -> Bool {
        row.parameters["pairs.policy"] == .string(PairSupply.Policy.onDemand.rawValue)
    }

    /// The rows of one supply setting (uniform traffic, base communication qubits).
    static func supplyRows(_ table: ResultTable, _ supply: PairSupply, comm: Int) -> ResultTable {
        guard supply.policy == .buffered else { return rows(table, traffic: .uniform, comm: comm) }
        return table.filter { row in
            row.parameters["sensitivity"] == .string("") && !isOnDemand(row)
                && row.parameters["pairs.depth"]?.doubleValue == supply.depth.map(Double.init)
                && row.parameters["pairs.cutoffSeconds"]?.doubleValue == supply.cutoffSeconds
        }
    }

    /// Metric tag of a setting: `onDemand`, `c100us`, `c100ms`, `noCutoff`.
    static func supplyTag(_ supply: PairSupply) -> String {
        guard supply.policy == .buffered else { return "onDemand" }
        guard let c = supply.cutoffSeconds else { return "noCutoff" }
        return c < 1e-3 ? "c\(Int((c * 1e6).rounded()))us" : "c\(Int((c * 1e3).rounded()))ms"
    }

    /// A setting in words: `on demand`, `2 ahead, cutoff 100 µs`, `2 ahead, no cutoff`.
    static func supplyWords(_ supply: PairSupply) -> String {
        guard supply.policy == .buffered else { return "on demand" }
        let ahead = "\(supply.depth ?? 1) ahead"
        guard let c = supply.cutoffSeconds else { return ahead + ", no cutoff" }
        return ahead + ", cutoff " + (c < 1e-3 ? "\(Int((c * 1e6).rounded())) µs" : "\(Int((c * 1e3).rounded())) ms")
    }

    /// Every setting, on demand first.
    static var supplySettings: [PairSupply] { [.onDemand] + bufferSettings }

    /// Per setting: the fastest composition with its rate and fidelity, and the pure machines' rate and
    /// fidelity (`supply_<tag>_fastest_sc`, `supply_<tag>_rate_atom`, …).
    var pairSupplyDerivation: Derivation {
        let comm = base.communicationQubits
        return Derivation("pair supply: buffered pairs against pairs on demand (uniform traffic)") { table in
            var out: [Metric] = []
            for supply in Self.supplySettings {
                let tag = Self.supplyTag(supply)
                let rows = Self.supplyRows(table, supply, comm: comm)
                out += try Self.composition("supply_\(tag)_fastest", Self.fastest(rows))
                for kind in Kind.allCases {
                    let row = try Self.pureRow(rows, kind)
                    out.append(try Self.copy(row, "qualifiedRate", as: "supply_\(tag)_rate_\(kind.tag)"))
                    out.append(try Self.copy(row, "gateFidelity", as: "supply_\(tag)_fidelity_\(kind.tag)"))
                    out.append(try Self.copy(row, "waitTime", as: "supply_\(tag)_wait_\(kind.tag)"))
                }
            }
            return out
        }
    }

    /// The pair-supply table: per setting, the pure machines and the fastest composition.
    var pairSupplyTable: TableSpec {
        let comm = base.communicationQubits, threshold = base.fidelityThreshold
        return TableSpec("pair-supply", caption: "Pairs on demand against pairs buffered ahead (each channel keeps up to two "
            + "pairs; a pair older than the cutoff is discarded; a stored pair decays in both modules' memories until used): "
            + "the pure machines and the fastest composition, uniform traffic, \(comm) communication qubits per module; remote "
            + "gates per second with F ≥ \(threshold) and true-herald pairs, mean remote-gate fidelity and mean wait "
            + "(Monte Carlo mean ± standard error over shots)") { table in
            let metrics = [Columns.qualifiedRate, Columns.gateFidelity, Columns.waitTime]
            var rows: [[DataTable.Cell]] = []
            for supply in Self.supplySettings {
                let group = Self.supplyRows(table, supply, comm: comm)
                var picked = try Kind.allCases.map { try Self.pureRow(group, $0) }
                let fastest = try Self.fastest(group)
                if !picked.contains(fastest) { picked.append(fastest) }
                for row in picked {
                    let composition = [Columns.superconducting, Columns.ions, Columns.atoms].map {
                        DataTable.Cell.integer(Int64(row.number($0) ?? 0))
                    }
                    let values = metrics.map { column -> DataTable.Cell in
                        guard let m = row.metrics[column.name] else { return .empty }
                        return .number(m.value, uncertainty: m.uncertainty)
                    }
                    rows.append([.text(Self.supplyWords(supply))] + composition + values)
                }
            }
            let columns = [DataTable.Column("pairs")]
                + [Columns.superconducting, Columns.ions, Columns.atoms].map { DataTable.Column($0.label ?? $0.name) }
                + metrics.map { DataTable.Column($0.label ?? $0.name, unit: $0.unit) }
            return try DataTable(columns: columns, rows: rows)
        }
    }
}

extension ModalityMixStudy {
    /// This file, one of the study's sources (`sourceFiles`).
    static let pairSupplySource = #filePath
}
