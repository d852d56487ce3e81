import Foundation
import Interlink

extension PurificationStudy {
    /// Entanglement pumping against recurrence on the same links, both memory-aware: the best number
    /// of pumping steps for the distillable rate, its rate, and at how many swept lengths pumping or
    /// recurrence beats the unpurified pair.
    static var pumpingDerivation: Derivation {
        Derivation("memory-aware pumping against recurrence (0–50 km, 0–4 steps)") { table in
            var metrics: [Metric] = []
            for link in Link.allCases {
                let s = link.slug
                let rows = linkRows(table, link, lengthKm: referenceLengthKm)
                let pumped = rows.compactMap { $0.number(Columns.pumpingDistillableRate) }
                let best = pumped.indices.max { pumped[$0] < pumped[$1] } ?? 0
                metrics += [Metric("bestPumpingSteps_\(s)", Double(best)), Metric("bestPumpingDistillable_\(s)", pumped.max() ?? .nan, unit: "ebit/s"),
                            Metric("pumpingFidelityMax_\(s)", rows.compactMap { $0.number(Columns.pumpingFidelity) }.max() ?? .nan)]
                if let two = rows.first(where: { $0.number(Columns.rounds) == 2 }) {
                    metrics += [Metric("pumpingF2_\(s)", two.number(Columns.pumpingFidelity) ?? .nan),
                                Metric("pumpingPairs2_\(s)", two.number(Columns.pumpingPairsConsumed) ?? .nan),
                                Metric("recurrenceF2_\(s)", two.number(Columns.memoryAwareFidelity) ?? .nan),
                                Metric("recurrencePairs2_\(s)", two.number(Columns.memoryAwarePairsConsumed) ?? .nan)]
                }
                metrics.append(Metric("pumpingPaysLengths_\(s)", Double(paysLengths(table, link, Columns.pumpingDistillableRate))))
            }
            return metrics
        }
    }

    /// Pumping and recurrence side by side at the reference length.
    static var pumpingTable: TableSpec {
        TableSpec("pumping", caption: "Links at \(Int(referenceLengthKm)) km, memory-aware: entanglement pumping (the kept pair "
            + "purified with one fresh raw pair per step, restarting on failure) against recurrence (two round-(n−1) pairs per "
            + "round), by n = steps or rounds: fidelity, raw pairs per output and distillable rate.") { table in
            try DataTable(columns: [
                DataTable.Column("link"), DataTable.Column("n"), DataTable.Column("F, pumping"), DataTable.Column("F, recurrence"),
                DataTable.Column("raw pairs per output, pumping"), DataTable.Column("raw pairs per output, recurrence"),
                DataTable.Column("distillable, pumping", unit: "ebit/s"), DataTable.Column("distillable, recurrence", unit: "ebit/s"),
            ], rows: referenceRows(table) { row in
                [cell(row, Columns.pumpingFidelity), cell(row, Columns.memoryAwareFidelity), cell(row, Columns.pumpingPairsConsumed),
                 cell(row, Columns.memoryAwarePairsConsumed), cell(row, Columns.pumpingDistillableRate),
                 cell(row, Columns.memoryAwareDistillableRate)]
            })
        }
    }

    /// This file, one of the study's sources (`sourceFiles`).
    static let pumpingSource = #filePath
}
