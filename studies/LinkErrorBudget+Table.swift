import Foundation
import Interlink

extension LinkErrorBudget {
    /// Infidelity 1 − F by mechanism of several links side by side (one column per link), by sequential
    /// attribution: every mechanism off gives the intrinsic row; mechanisms are switched on in the order
    /// listed and each is charged the increase it causes; the rows sum exactly to the total.
    static func table(columns: [(label: String, configuration: LinkConfiguration)]) throws -> DataTable {
        let budgets = try columns.map { try LinkErrorBudget(configuration: $0.configuration) }
        // Differences of nearly equal fidelities leave rounding residue (±1e-16): shown as 0.
        func cell(_ x: Double) -> DataTable.Cell { .number(abs(x) < 1e-14 ? 0 : x, uncertainty: nil) }
        var rows: [[DataTable.Cell]] = [[.text("intrinsic (all off)")] + budgets.map { cell($0.intrinsicInfidelity) }]
        for mechanism in LinkMechanism.allCases {
            rows.append([.text(mechanism.label)] + budgets.map { cell($0.infidelity(of: mechanism)) })
        }
        rows.append([.text("total")] + budgets.map { cell($0.totalInfidelity) })
        return try DataTable(columns: [DataTable.Column("mechanism")] + columns.map { DataTable.Column($0.label) }, rows: rows)
    }
}

extension SharedStudySources {
    /// `LinkErrorBudget+Table.swift`.
    static let errorBudgetTable = #filePath
}
