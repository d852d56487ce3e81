import Foundation
import Interlink

/// Uncertainty, sensitivity and budgets of the link-budget study (issue 15): the published ranges of
/// the SNSPD efficiency and dark-count rate and of the 1550 nm fiber attenuation
/// (`ModalityPreset.uncertainties`) propagated into every point's true-herald rate, distillable rate and
/// fidelity; a tornado and Sobol' indices of the headline 1 ebit/s length of the converted Sr⁺ link; its infidelity by mechanism and every
/// direct route's loss and time budget. Every other value stays exact.
extension LinkBudgetStudy {
    /// Lengths (km) of the error-budget table and figure.
    static let budgetLengths = [1.0, 10, 25, 50, 100]
    /// Total length (km) of the loss and time budgets.
    static let lossBudgetLength = 50.0

    /// The published ranges used: SNSPD efficiency and dark counts, fiber attenuation at 1550 nm.
    static var publishedRanges: [String: ParameterUncertainty] {
        var arm = ModalityPreset.siliconVacancy1350
        arm.conversion?.outputWavelengthNm = 1550
        return ModalityPreset.uncertainties(of: arm)
    }

    /// The uncertain parameters, labelled in words (tornado bars and tables show the labels).
    static var uncertainParameters: [UncertainParameter<Parameters>] {
        let ranges = publishedRanges
        var list: [UncertainParameter<Parameters>] = []
        if let u = ranges["detector.efficiency"] {
            list.append(UncertainParameter("SNSPD efficiency", u) { $0.snspdEfficiency = $1 })
        }
        if let u = ranges["detector.darkCountRateHz"] {
            list.append(UncertainParameter("SNSPD dark-count rate", u) { $0.snspdDarkCountRateHz = $1 })
        }
        if let u = ranges["fiber.attenuationDBPerKm"] {
            list.append(UncertainParameter("fiber attenuation at 1550 nm", u) { $0.attenuation1550DBPerKm = $1 })
        }
        return list
    }

    /// 256 Latin-hypercube draws of the published ranges, the same at every point; true-herald rate,
    /// distillable rate and fidelity get a median and a 90 % central interval.
    static var propagation: Propagation<Parameters> {
        Propagation(uncertainParameters, draws: 256, seed: 15, level: 0.90, metrics: [Columns.trueHeraldRate, Columns.distillableRate, Columns.fidelity].map(\.name))
    }

    /// An arm with the drawn values applied: SNSPD values to arms with the SNSPD preset detector, the
    /// 1550 nm attenuation to arms whose fiber carries 1550 nm photons at the tabulated loss.
    static func drawn(_ arm: ArmConfiguration, _ p: Parameters) throws -> ArmConfiguration {
        var arm = arm
        if arm.detector == .snspd {
            if let e = p.snspdEfficiency { arm.detector.efficiency = e }
            if let d = p.snspdDarkCountRateHz { arm.detector.darkCountRateHz = d }
        }
        if arm.outputWavelengthNm == 1550, arm.fiber.attenuationDBPerKm == nil, let a = p.attenuation1550DBPerKm {
            arm.fiber.attenuationDBPerKm = a
        }
        return arm
    }

    /// The headline: the length at which the converted Sr⁺ link's distillable rate falls to 1 ebit/s
    /// (inside the swept range; a draw that takes it outside is an error, never a value).
    static func headlineDistance(_ p: Parameters) throws -> Double {
        let crossing = try distillableDistance(at: headlineLevel, route: .converted1550, p)
        guard let d = crossing.value else {
            throw ParameterError(invalid: "route", reason: "the converted 1550 nm link's 1 ebit/s length is "
                                 + crossing.text(unit: "km") + ", outside the swept 0-200 km")
        }
        return d
    }

    /// Where the 5 % and 95 % distillable-rate curves of a route cross 1 ebit/s.
    static func distanceBand(_ table: ResultTable, _ route: Route) throws -> (low: Crossing, high: Crossing) {
        let rows = rows(table, route).filter { ($0.number(Columns.lengthKm) ?? 0) > 0 }
        let x = try rows.values(Columns.lengthKm)
        let order = x.indices.sorted { x[$0] < x[$1] }
        let names = PropagatedColumns.names(Columns.distillableRate.name)
        let low = try rows.values(names.low), high = try rows.values(names.high)
        let xs = order.map { x[$0] }
        // The pessimistic (5 %) rate curve reaches the shorter distance.
        return (try Crossing.first(x: xs, y: order.map { max(low[$0], 1e-300) }, level: headlineLevel, interpolation: .logY),
                try Crossing.first(x: xs, y: order.map { max(high[$0], 1e-300) }, level: headlineLevel, interpolation: .logY))
    }

    /// Derived: the 90 % interval of the converted link's 1 ebit/s length (only where the band
    /// crosses inside the swept range).
    static var distanceInterval: Derivation {
        Derivation("90 % interval of the 1 ebit/s length of the converted Sr+ link (band crossings)") { table in
            let band = try distanceBand(table, .converted1550)
            var metrics: [Metric] = []
            if let low = band.low.value { metrics.append(Metric("distanceEbit_1550_low", low, unit: "km")) }
            if let high = band.high.value { metrics.append(Metric("distanceEbit_1550_high", high, unit: "km")) }
            return metrics
        }
    }

    /// Derived: the converted link's infidelity by mechanism at 50 km.
    static func budgetSummary(_ base: Parameters) -> Derivation {
        Derivation("infidelity of the converted Sr+ link by mechanism at 50 km") { _ in
            let budget = try errorBudget(base, lengthKm: 50)
            return [Metric("infidelity50_total", budget.totalInfidelity)]
                + budget.parts.map { Metric("infidelity50_\($0.mechanism.rawValue)", $0.infidelity) }
        }
    }

    /// The error budget of the converted Sr⁺ link at `lengthKm`.
    static func errorBudget(_ p: Parameters, lengthKm: Double) throws -> LinkErrorBudget {
        guard let c = try linkConfiguration(.converted1550, p, lengthKm: lengthKm) else {
            throw ParameterError(invalid: "route", reason: "converted-1550nm is a direct link")
        }
        return try LinkErrorBudget(configuration: c)
    }

    /// Headline numbers with their 90 % intervals, digits matched to the interval.
    static var headlineTable: TableSpec {
        TableSpec("headline-uncertainty", caption: "Converted Sr⁺ link (1550 nm): headline numbers with the 90 % "
            + "central interval over 256 Latin-hypercube draws of the published SNSPD efficiency (0.90–0.98), dark-count "
            + "rate (1–130 Hz, log-uniform) and 1550 nm fiber attenuation (0.17–0.22 dB/km) ranges; every other value exact. "
            + "The length interval is where the 5 % and 95 % distillable-rate curves cross 1 ebit/s.") { table in
            let series = try PropagatedSeries(rows(table, .converted1550), x: Columns.lengthKm.name, metric: Columns.distillableRate.name)
            let herald = try PropagatedSeries(rows(table, .converted1550), x: Columns.lengthKm.name, metric: Columns.trueHeraldRate.name)
            let fidelity = try PropagatedSeries(rows(table, .converted1550), x: Columns.lengthKm.name, metric: Columns.fidelity.name)
            var cells: [[DataTable.Cell]] = []
            for length in [10.0, 50.0] {
                guard let i = series.x.firstIndex(of: length) else { continue }
                cells.append([.text("distillable rate at \(Int(length)) km"), .text(try series.formatted(at: i)), .text("ebit/s")])
                cells.append([.text("true-herald rate at \(Int(length)) km"), .text(try herald.formatted(at: i)), .text("1/s")])
                cells.append([.text("fidelity at \(Int(length)) km"), .text(try fidelity.formatted(at: i)), .text("")])
            }
            let band = try distanceBand(table, .converted1550)
            let nominal = try headlineDistance(LinkBudgetStudy().base)
            let text: String
            if let low = band.low.value, let high = band.high.value {
                text = try IntervalFormatter.format(nominal, low: low, high: high)
            } else {
                text = String(format: "%.3g", nominal) + " (interval: \(band.low.text(unit: "km")) to \(band.high.text(unit: "km")))"
            }
            cells.append([.text("length at 1 ebit/s"), .text(text), .text("km")])
            return try DataTable(columns: [DataTable.Column("quantity"), DataTable.Column("value (90 % interval)"),
                                           DataTable.Column("unit")], rows: cells)
        }
    }

    /// Infidelity by mechanism of the converted Sr⁺ link at several lengths.
    static func errorBudgetTable(_ base: Parameters) -> TableSpec {
        TableSpec("error-budget", caption: "Infidelity 1 − F of the converted Sr⁺ link (1550 nm) by mechanism, by sequential "
            + "attribution: every mechanism off gives the intrinsic row; mechanisms are switched on in the order listed "
            + "and each is charged the increase it causes (the parts depend on that order; they sum exactly to the total).") { _ in
            try LinkErrorBudget.table(columns: try budgetLengths.map { length in
                guard let c = try linkConfiguration(.converted1550, base, lengthKm: length) else {
                    throw ParameterError(invalid: "route", reason: "converted-1550nm is a direct link")
                }
                return ("\(Int(length)) km", c)
            })
        }
    }

    /// A camelCase identifier in words (`heraldRoundTrip` → "herald round trip").
    static func words(_ identifier: String) -> String {
        identifier.reduce(into: "") { text, c in text += c.isUppercase ? " " + c.lowercased() : String(c) }
    }

    /// The loss and time budgets of every direct route at 50 km.
    static func budgets(_ base: Parameters) throws -> [(route: Route, budget: LinkErrorBudget)] {
        try Route.allCases.compactMap { route in
            try linkConfiguration(route, base, lengthKm: lossBudgetLength).map { (route, try LinkErrorBudget(configuration: $0)) }
        }
    }

    /// Loss by stage of every direct route at 50 km; stages that lose nothing on any route are left
    /// out (and named in the caption), so that the table fits the page with room between columns.
    static func lossBudgetTable(_ base: Parameters) -> TableSpec {
        let stages = LossBudget.Stage.allCases
        let unused: [LossBudget.Stage] = (try? budgets(base)).map { budgets in
            stages.enumerated().filter { index, _ in budgets.allSatisfy { $0.budget.lossA.orderedLossDB[index] == 0 } }.map(\.element)
        } ?? []
        let omitted = unused.isEmpty ? "" : " The " + unused.map(\.rawValue).joined(separator: " and ")
            + (unused.count == 1 ? " stage loses" : " stages lose") + " nothing on any route and " + (unused.count == 1 ? "is" : "are")
            + " left out."
        return TableSpec("loss-budget", caption: "Loss of arm A by stage (dB; the stages add to the total) of every direct route "
            + "at 50 km total length." + omitted) { _ in
            let kept = stages.indices.filter { !unused.contains(stages[$0]) }
            let rows: [[DataTable.Cell]] = try budgets(base).map { route, budget in
                [.text(route.label)] + kept.map { .number(budget.lossA.orderedLossDB[$0], uncertainty: nil) }
                    + [.number(budget.lossA.totalDB, uncertainty: nil)]
            }
            return try DataTable(columns: [DataTable.Column("configuration")]
                                 + kept.map { DataTable.Column(stages[$0].rawValue, unit: "dB") }
                                 + [DataTable.Column("total", unit: "dB")], rows: rows)
        }
    }

    /// The attempt period's three contributions of every direct route at 50 km.
    static func timeBudgetTable(_ base: Parameters) -> TableSpec {
        TableSpec("time-budget", caption: "The attempt period's three contributions (µs; the period is the largest, named in "
            + "the last column) of every direct route at 50 km total length.") { _ in
            let rows: [[DataTable.Cell]] = try budgets(base).map { route, budget in
                let t = budget.time
                return [.text(route.label), .number(t.nodeCycleSeconds * 1e6, uncertainty: nil),
                        .number(t.heraldRoundTripSeconds * 1e6, uncertainty: nil),
                        .number(t.repetitionLimitSeconds * 1e6, uncertainty: nil), .text(words(t.limitedBy.rawValue))]
            }
            return try DataTable(columns: [DataTable.Column("configuration"), DataTable.Column("node cycle", unit: "µs"),
                                           DataTable.Column("herald round trip", unit: "µs"),
                                           DataTable.Column("repetition limit", unit: "µs"), DataTable.Column("limited by")],
                                 rows: rows)
        }
    }
}

extension LinkBudgetStudy {
    /// Global sensitivity of the headline distance: first-order and total Sobol' indices with 95 %
    /// bootstrap intervals (Saltelli design, 256 rows, Jansen estimators), next to the tornado swing.
    static func sensitivityTable(_ base: Parameters) -> TableSpec {
        TableSpec("sensitivity-indices", caption: "Sensitivity of the converted Sr⁺ link's 1 ebit/s length to each published "
            + "range: first-order (S) and total (ST) Sobol' indices with 95 % bootstrap intervals (Saltelli design with "
            + "512 Latin-hypercube rows, Jansen estimators, 1000 resamples), and the one-at-a-time swing between each range's 5 % and "
            + "95 % points. In theory S ≤ ST; where a point estimate of S exceeds its ST, the two overlap within their "
            + "intervals: that is estimator noise at 512 rows (the length is nearly additive in these inputs, so S ≈ ST), "
            + "not an interaction.") { _ in
            let parameters = uncertainParameters
            let sobol = try SobolAnalysis(parameters, base: base, rows: 512, seed: 16, design: .latinHypercube, resamples: 1000, level: 0.95,
                                          metric: headlineDistance)
            let tornado = try Tornado(parameters, base: base, coverage: 0.9, metric: headlineDistance)
            func interval(_ c: ConfidenceInterval) throws -> DataTable.Cell {
                .text(try IntervalFormatter.format(c.estimate, low: min(c.lower, c.estimate), high: max(c.upper, c.estimate)))
            }
            let rows: [[DataTable.Cell]] = try sobol.entries.map { entry in
                let swing = tornado.bars.first { $0.field == entry.field }?.swing ?? 0
                return [.text(entry.field), try interval(entry.firstOrder), try interval(entry.total), .number(swing, uncertainty: nil)]
            }
            return try DataTable(columns: [DataTable.Column("parameter"), DataTable.Column("S (95 % interval)"),
                                           DataTable.Column("ST (95 % interval)"), DataTable.Column("tornado swing", unit: "km")],
                                 rows: rows)
        }
    }
}

extension LinkBudgetStudy {
    /// This file, one of the study's sources (`sourceFiles`).
    static let uncertaintySource = #filePath
}
