import Foundation
import Interlink

extension PurificationStudy {
    /// How far the earlier mean-wait approximation (the earlier pair waits exactly R_{k−1}/r) was from
    /// the average over the waiting-time distribution, on the ion–ion link (the only link whose pairs stay
    /// above F = ½ after a round), and where purification pays for the distillable rate at all.
    static var meanWaitDerivation: Derivation {
        Derivation("mean-wait approximation against the waiting-time distribution (ion–ion, 0–50 km, 1–4 rounds)") { table in
            let rows = table.rows.filter { row in
                row.parameters["part"] == .string(Part.link.rawValue) && row.parameters["link"] == .string(Link.ionIon.rawValue)
                    && (row.number(Columns.rounds) ?? 0) >= 1
            }
            var metrics: [Metric] = []
            // Largest fidelity gap F(distribution) − F(mean wait) over rows whose pairs are entangled.
            let gaps = rows.filter { ($0.number(Columns.memoryAwareFidelity) ?? 0) > 0.5 }.map { row in
                (gap: (row.number(Columns.memoryAwareFidelity) ?? .nan) - (row.number(Columns.meanWaitFidelity) ?? .nan), row: row)
            }
            if let worst = gaps.max(by: { abs($0.gap) < abs($1.gap) }) {
                metrics += [Metric("meanWaitFidelityGap", worst.gap), Metric("meanWaitFidelityGapLength", worst.row.number(Columns.lengthKm) ?? .nan, unit: "km"),
                            Metric("meanWaitFidelityGapRounds", worst.row.number(Columns.rounds) ?? .nan)]
            }
            // Largest ratio of distillable rates where both are positive, and rows the mean wait zeroes.
            let ratios = rows.compactMap { row -> (ratio: Double, row: ResultTable.Row)? in
                guard let d = row.number(Columns.memoryAwareDistillableRate), let m = row.number(Columns.meanWaitDistillableRate), d > 0, m > 0 else { return nil }
                return (d / m, row)
            }
            if let worst = ratios.max(by: { $0.ratio < $1.ratio }) {
                metrics += [Metric("meanWaitDistillableRatio", worst.ratio), Metric("meanWaitDistillableRatioLength", worst.row.number(Columns.lengthKm) ?? .nan, unit: "km"),
                            Metric("meanWaitDistillableRatioRounds", worst.row.number(Columns.rounds) ?? .nan)]
            }
            metrics.append(Metric("meanWaitZeroedRows", Double(rows.filter { ($0.number(Columns.memoryAwareDistillableRate) ?? 0) > 0
                    && ($0.number(Columns.meanWaitDistillableRate) ?? 0) == 0 }.count)))
            // At the reference length, round 1.
            let one = linkRows(table, .ionIon, lengthKm: referenceLengthKm).first { $0.number(Columns.rounds) == 1 }
            if let one {
                metrics += [Metric("awareF1_ionIon", one.number(Columns.memoryAwareFidelity) ?? .nan),
                            Metric("meanWaitF1_ionIon", one.number(Columns.meanWaitFidelity) ?? .nan),
                            Metric("idealF1_ionIon", one.number(Columns.fidelity) ?? .nan),
                            Metric("awareD1_ionIon", one.number(Columns.memoryAwareDistillableRate) ?? .nan, unit: "ebit/s"),
                            Metric("meanWaitD1_ionIon", one.number(Columns.meanWaitDistillableRate) ?? .nan, unit: "ebit/s"),
                            Metric("awarePairs1_ionIon", one.number(Columns.memoryAwarePairsConsumed) ?? .nan),
                            Metric("idealPairs1_ionIon", one.number(Columns.pairsConsumed) ?? .nan)]
            }
            // Lengths (of the swept 0–50 km) where some round beats the unpurified distillable rate, per link.
            for link in Link.allCases {
                metrics.append(Metric("awarePaysLengths_\(link.slug)", Double(paysLengths(table, link, Columns.memoryAwareDistillableRate))))
            }
            return metrics
        }
    }

    /// The memory-aware recurrence at the reference length: the waiting-time distribution against the
    /// mean-wait approximation.
    static var meanWaitTable: TableSpec {
        TableSpec("mean-wait", caption: "Links at \(Int(referenceLengthKm)) km: the memory-aware recurrence averaged over the "
            + "waiting-time distribution (used everywhere in this report) against the earlier mean-wait approximation (the earlier "
            + "pair waits exactly R_{n−1}/r), by rounds: fidelity, raw pairs per output and distillable rate. F ≤ ½ rows carry no "
            + "entanglement.") { table in
            let cells = referenceRows(table) { row in
                [cell(row, Columns.memoryAwareFidelity), cell(row, Columns.meanWaitFidelity), cell(row, Columns.memoryAwarePairsConsumed),
                 cell(row, Columns.memoryAwareDistillableRate), cell(row, Columns.meanWaitDistillableRate)]
            }
            return try DataTable(columns: [
                DataTable.Column("link"), DataTable.Column("rounds"), DataTable.Column("F, distribution"),
                DataTable.Column("F, mean wait"), DataTable.Column("raw pairs per output, distribution"),
                DataTable.Column("distillable, distribution", unit: "ebit/s"), DataTable.Column("distillable, mean wait", unit: "ebit/s"),
            ], rows: cells)
        }
    }

    /// This file, one of the study's sources (`sourceFiles`).
    static let meanWaitSource = #filePath
}
