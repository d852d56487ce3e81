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

    /// The foundation table: the Sr⁺ routes every 5 km up to 50 km.
    static var foundationTable: TableSpec {
        TableSpec("rate-by-length", caption: "Sr⁺–Sr⁺ links every 5 km: true-herald rate, distillable rate (hashing bound), "
            + "fidelity and the PLOB bound at the link's channel-use rate") { table in
            var cells: [[DataTable.Cell]] = []
            for route in [Route.native422, .converted1550] {
                for row in rows(table, route, maximumKm: 50).rows {
                    guard let l = row.number(Columns.lengthKm), l.truncatingRemainder(dividingBy: 5) == 0 else { continue }
                    // The route's file-safe identifier (as in results.csv), so rows can be matched across files.
                    // Lengths are multiples of 5 km, written as whole numbers ("10", as in results.csv).
                    cells.append([.text(route.rawValue), .text(String(Int(l)))]
                                 + [Columns.trueHeraldRate, Columns.distillableRate, Columns.fidelity, Columns.plobBound].map {
                                     row.number($0).map { DataTable.Cell.number($0, uncertainty: nil) } ?? .empty
                                 })
                }
            }
            return try DataTable(columns: [
                DataTable.Column("route"), DataTable.Column("L", unit: "km"),
                DataTable.Column("true-herald rate", unit: "1/s"), DataTable.Column("distillable rate", unit: "ebit/s"),
                DataTable.Column("F"), DataTable.Column("PLOB bound", unit: "ebit/s"),
            ], rows: cells)
        }
    }
}

extension LinkBudgetStudy {
    /// This file, one of the study's sources (`sourceFiles`).
    static let tablesSource = #filePath
}
