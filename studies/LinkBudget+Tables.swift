import Foundation
import Interlink

extension LinkBudgetStudy {
    /// Per configuration: fiber attenuation put in, fitted effective attenuation ± standard error,
    /// rate and fidelity at 0 km, and the 1 pair/s distance with the fidelity there.
    static var summaryTable: TableSpec {
        TableSpec("configurations", caption: "Per configuration: the fiber attenuation at the travelling wavelength "
            + "(put in), the effective attenuation of the weighted fit of log10(true-herald probability per attempt; "
            + "per round for the relay) against length with its standard error, the rate and fidelity at 0 km, and the "
            + "length at which the rate falls to 1 pair/s (Brent root; empty when the rate starts below 1 pair/s) with "
            + "the fidelity there.", results: { results in
            // Every number comes from the derived results (fits, roots and zero-length values are
            // computed once, in `derived`).
            func cell(_ name: String) -> DataTable.Cell {
                results.derivedIfPresent(name).map { .number($0.value, uncertainty: $0.uncertainty) } ?? .empty
            }
            let rows: [[DataTable.Cell]] = Route.allCases.map { route in
                [.text(route.rawValue), cell("fiberAttenuation_\(route.slug)"), cell("attenuation_\(route.slug)"),
                 cell("rate0_\(route.slug)"), cell("fidelity0_\(route.slug)"), cell("distance1Hz_\(route.slug)"),
                 cell("fidelityAt1Hz_\(route.slug)")]
            }
            return try DataTable(columns: [
                DataTable.Column("configuration"), DataTable.Column("fiber loss", unit: "dB/km"),
                DataTable.Column("fitted attenuation", unit: "dB/km"), DataTable.Column("rate at 0 km", unit: "1/s"),
                DataTable.Column("F at 0 km"), DataTable.Column("L at 1 pair/s", unit: "km"),
                DataTable.Column("F at 1 pair/s"),
            ], rows: rows)
        })
    }

    /// The foundation table: the Sr⁺ routes every 5 km up to 50 km.
    static var foundationTable: TableSpec {
        TableSpec("rate-by-length", caption: "Sr⁺–Sr⁺ rate, fidelity and PLOB bound every 5 km (foundation routes)") { table in
            let rows = table.filter { row in
                guard let l = row.number("lengthKm"), l <= 50,
                      row.parameters["route"] == .string(Route.native422.rawValue)
                        || row.parameters["route"] == .string(Route.converted1550.rawValue) else { return false }
                return l.truncatingRemainder(dividingBy: 5) == 0
            }
            return try rows.dataTable(columns: ["route", "lengthKm", "trueRate", "fidelity", "plobBound"])
        }
    }
}

extension LinkBudgetStudy {
    /// This file, one of the study's sources (`sourceFiles`).
    static let tablesSource = #filePath
}
