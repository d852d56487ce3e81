import Foundation
import Interlink

extension LinkBudgetStudy {
    /// Per configuration: fiber attenuation put in, fitted effective attenuation ± standard error,
    /// rate and fidelity at 0 km, and the 1 pair/s distance with the fidelity there.
    static func summaryTable(_ base: Parameters) -> TableSpec {
        TableSpec("configurations", caption: "Per configuration: the fiber attenuation at the travelling wavelength "
            + "(put in), the effective attenuation of the weighted fit of log10(true-herald probability per attempt; "
            + "per round for the relay) against length with its standard error, the rate and fidelity at 0 km, and the "
            + "length at which the rate falls to 1 pair/s (Brent root; empty when the rate starts below 1 pair/s) with "
            + "the fidelity there.") { table in
            var rows: [[DataTable.Cell]] = []
            for route in Route.allCases {
                let fit = try attenuationFit(table, route: route, integrationSeconds: base.integrationSeconds)
                let zero = try evaluate(route, base, lengthKm: 0)
                let distance = try Self.distance(at: 1, route: route, base)
                let fidelityThere = try distance.map { try evaluate(route, base, lengthKm: $0).fidelity }
                rows.append([
                    .text(route.rawValue),
                    .number(try fiberAttenuation(route, base), uncertainty: nil),
                    fit.map { .number(-10 * $0.slope, uncertainty: 10 * $0.slopeStandardError) } ?? .empty,
                    .number(zero.trueRate, uncertainty: nil),
                    .number(zero.fidelity, uncertainty: nil),
                    distance.map { .number($0, uncertainty: nil) } ?? .empty,
                    fidelityThere.map { .number($0, uncertainty: nil) } ?? .empty,
                ])
            }
            return try DataTable(columns: [
                DataTable.Column("configuration"), DataTable.Column("fiber loss", unit: "dB/km"),
                DataTable.Column("fitted attenuation", unit: "dB/km"), DataTable.Column("rate at 0 km", unit: "1/s"),
                DataTable.Column("F at 0 km"), DataTable.Column("L at 1 pair/s", unit: "km"),
                DataTable.Column("F at 1 pair/s"),
            ], rows: rows)
        }
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
