import Foundation
import Interlink

extension LinkBudgetStudy {
    /// Per configuration: the fiber attenuation of its travelling wavelength (an input), the true-herald
    /// and distillable rates and fidelity at 0 km, and where the distillable rate falls to 1 ebit/s.
    static func summaryTable(_ base: Parameters) -> TableSpec {
        TableSpec("configurations", caption: "Per configuration: the fiber attenuation at the travelling wavelength (an "
            + "input), the true-herald rate, the distillable rate (hashing bound) and the fidelity at 0 km, and the length "
            + "at which the distillable rate falls to 1 ebit/s (Brent root inside the swept 0–200 km; \"never\" when it is "
            + "below 1 ebit/s already at 0 km) with the fidelity there.", results: { results in
            func cell(_ name: String) -> DataTable.Cell {
                results.derivedIfPresent(name).map { .number($0.value, uncertainty: $0.uncertainty) } ?? .empty
            }
            let rows: [[DataTable.Cell]] = try Route.allCases.map { route in
                let reach: DataTable.Cell
                switch try distillableDistance(at: headlineLevel, route: route, base) {
                case let .at(d): reach = .number(d, uncertainty: nil)
                case .beyondSweptRange: reach = .text("> \(Int(sweepMaximumKm)) (beyond the swept range)")
                case .beforeSweptRange: reach = .text("never")
                }
                return [.text(route.label), .number(try fiberAttenuation(route, base), uncertainty: nil),
                        cell("trueRate0_\(route.slug)"), cell("distillable0_\(route.slug)"), cell("fidelity0_\(route.slug)"),
                        reach, cell("fidelityAtEbit_\(route.slug)")]
            }
            return try DataTable(columns: [
                DataTable.Column("configuration"), DataTable.Column("fiber loss", unit: "dB/km"),
                DataTable.Column("true-herald rate at 0 km", unit: "1/s"), DataTable.Column("distillable rate at 0 km", unit: "ebit/s"),
                DataTable.Column("F at 0 km"), DataTable.Column("L at 1 ebit/s", unit: "km"), DataTable.Column("F at 1 ebit/s"),
            ], rows: rows)
        })
    }

    /// Rates below this (1/s or ebit/s) are printed as "< 10⁻¹⁴" in the foundation table.
    static let negligibleRate = 1e-14

    /// The foundation table: the Sr⁺ routes every 5 km up to 50 km. Each route's rows stop at the
    /// first length whose true-herald rate is below `negligibleRate`; the PLOB bound is that of the
    /// row's own fiber (422 nm or 1550 nm), unbounded (no loss) at 0 km.
    static var foundationTable: TableSpec {
        TableSpec("rate-by-length", caption: "Sr⁺–Sr⁺ links every 5 km: true-herald rate, distillable rate (hashing bound), "
            + "fidelity and the PLOB bound of the row's own fiber at the link's channel-use rate — the 422 nm fiber "
            + "(30 dB/km) for the native rows, the 1550 nm fiber (0.18 dB/km) for the converted rows. At 0 km the fiber is "
            + "lossless and PLOB bounds nothing. A route's rows stop at the first length where its true-herald rate is below "
            + "10⁻¹⁴ s⁻¹ (the native 422 nm route, at 5 km); values below that are printed as < 10⁻¹⁴.") { table in
            func cell(_ value: Double?) -> DataTable.Cell {
                guard let value else { return .empty }
                if value.isInfinite { return .text("none (lossless)") }
                if value > 0, value < negligibleRate { return .text("< 10⁻¹⁴") }
                return .number(value, uncertainty: nil)
            }
            var cells: [[DataTable.Cell]] = []
            for route in [Route.native422, .converted1550] {
                for row in rows(table, route, maximumKm: 50).rows {
                    guard let l = row.number(Columns.lengthKm), l.truncatingRemainder(dividingBy: 5) == 0 else { continue }
                    // Lengths are multiples of 5 km, written as whole numbers ("10", as in results.csv).
                    cells.append([.text(route.label), .text(String(Int(l)))]
                                 + [Columns.trueHeraldRate, Columns.distillableRate, Columns.fidelity, Columns.plobBound].map {
                                     cell(row.number($0))
                                 })
                    if let rate = row.number(Columns.trueHeraldRate), rate < negligibleRate { break }
                }
            }
            return try DataTable(columns: [
                DataTable.Column("route"), DataTable.Column("L", unit: "km"),
                DataTable.Column("true-herald rate", unit: "1/s"), DataTable.Column("distillable rate", unit: "ebit/s"),
                DataTable.Column("F"), DataTable.Column("PLOB, row's fiber", unit: "ebit/s"),
            ], rows: cells)
        }
    }
}

extension LinkBudgetStudy {
    /// This file, one of the study's sources (`sourceFiles`).
    static let tablesSource = #filePath
}
