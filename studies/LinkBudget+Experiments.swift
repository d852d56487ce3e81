import Foundation
import Interlink

/// A published two-node entanglement experiment drawn on the link-budget figures: its fiber length, its
/// heralded rate and fidelity with their published uncertainties where the team's sources carry them.
struct PublishedLink: Sendable {
    /// Short citation (`Stephenson et al. 2020`).
    var experiment: String
    /// Bibliography key in `templates/references.json`.
    var citation: String
    /// Platform and wavelength in the fiber.
    var platform: String
    /// Total fiber length between the nodes (km).
    var lengthKm: Double
    /// Heralded pairs per second, when published.
    var rate: Double?
    /// Published fidelity with a Bell state, when retrieved.
    var fidelity: Double?
    /// Published lower and upper uncertainty of the fidelity (`nil`: none in our sources).
    var fidelityError: (minus: Double, plus: Double)?
    /// The link-budget route that models the same platform and wavelength (`nil`: none here).
    var route: LinkBudgetStudy.Route?
    /// Where the numbers come from and what is missing.
    var note: String

    /// The experiments the link-budget figures carry.
    static let all: [PublishedLink] = [
        PublishedLink(experiment: "Stephenson et al. 2020", citation: "stephenson2020", platform: "Sr⁺, 422 nm",
                      lengthKm: 0.002, rate: 182, fidelity: 0.94, fidelityError: nil, route: .native422,
                      note: "182 s⁻¹ at F = 0.94 over about 2 m; no uncertainty in the team's sources (parameters.md, secondary)"),
        PublishedLink(experiment: "Krutyanskiy et al. 2023", citation: "krutyanskiy2023", platform: "Ca⁺ cavity, 854 nm",
                      lengthKm: 0.52, rate: nil, fidelity: 0.882, fidelityError: (0.060, 0.023), route: nil,
                      note: "520(2) m of fiber, F = 0.882 (+0.023, −0.060), p = 4 × 10⁻⁵ per attempt (abstract); no attempt "
                          + "rate is quoted there, so no rate is drawn; the Ca⁺ cavity node is not a route of this study"),
        PublishedLink(experiment: "van Leent et al. 2022", citation: "vanleent2022", platform: "Rb, 1522 nm (converted)",
                      lengthKm: 33, rate: 0.01, fidelity: 0.622, fidelityError: (0.015, 0.015), route: .atomAtom1522,
                      note: "33 km; rate ≈ 0.01 s⁻¹ and F = 0.622(15) as quoted by Saha et al., Nat. Commun. 2025 (secondary; "
                          + "the paper's own table not retrieved); no uncertainty on the rate in either source"),
        PublishedLink(experiment: "Knaut et al. 2024", citation: "knaut2024", platform: "SiV, 1350 nm (converted)",
                      lengthKm: 35, rate: nil, fidelity: nil, fidelityError: nil, route: nil,
                      note: "35 km deployed loop (and 40 km spools); its rate and fidelity are not in the team's sources and "
                          + "were not retrieved, so it is listed, not drawn; its spin-photon-gate protocol is not the "
                          + "emission-based relay modelled here"),
    ]
}

extension LinkBudgetStudy {
    /// Published experiments against the model of the same platform: heralded rate (a) and fidelity (b).
    static var experimentsFigure: FigureSpec {
        FigureSpec("experiments", caption: "Published two-node experiments against the model of the same platform. (a) "
            + "True-herald rate of the Sr⁺ 422 nm and Rb 1522 nm routes (lines, presets as used in this study) with the "
            + "published heralded rates (filled markers). (b) Fidelity of the same routes with the published fidelities; "
            + "the Ca⁺ cavity link of Krutyanskiy et al. 2023 (square, with its published asymmetric uncertainty) has no route "
            + "here; van Leent et al. 2022 with the uncertainty a secondary source quotes. Markers without bars: no uncertainty "
            + "in the team's sources (@tab:experiments). Knaut et al. 2024 "
            + "is listed in the table, not drawn.") { table in
            let x = Axis(label: "Fiber length <i>L</i> (km)", scale: .log, limits: 0.001...sweepMaximumKm)
            // Automatic legends: placed where they cover no line, marker or the F = ½ reference line.
            var rate = Panel(x: x, y: Axis(label: "True-herald rate (s<sup>−1</sup>)", scale: .log, limits: 1e-4...1e4),
                             legend: .auto)
            var fidelity = Panel(x: x, y: Axis(label: "Fidelity <i>F</i>", limits: 0.4...1), legend: .auto)
            // The model lines from the closed form on their own log grid over the whole axis (the sweep
            // starts at 10 m; Stephenson et al. is at 2 m).
            let base = LinkBudgetStudy().base
            let lengths = (0...120).map { 1e-3 * pow(sweepMaximumKm / 1e-3, Double($0) / 120) }
            for route in [Route.native422, .atomAtom1522] {
                let model = try lengths.map { try evaluate(route, base, lengthKm: $0) }
                rate.add(.line(x: lengths, y: gaps(model.map(\.trueHeraldRate)), label: route.label,
                               style: route.isNative ? .dashed : .solid, color: color(route)))
                fidelity.add(.line(x: lengths, y: model.map(\.fidelity), label: route.label,
                                   style: route.isNative ? .dashed : .solid, color: color(route)))
            }
            fidelity.add(.reference(.y, at: 0.5, style: .dashed, color: .gray))
            for experiment in PublishedLink.all {
                let c = experiment.route.map(color) ?? .black
                let marker: MarkerShape = experiment.route == nil ? .square : .circle
                if let r = experiment.rate {
                    rate.add(.scatter(x: [experiment.lengthKm], y: [r], label: experiment.experiment, marker: marker, color: c))
                }
                if let f = experiment.fidelity {
                    if let e = experiment.fidelityError {
                        fidelity.add(.line(x: [experiment.lengthKm, experiment.lengthKm], y: [f - e.minus, f + e.plus], color: c))
                    }
                    fidelity.add(.scatter(x: [experiment.lengthKm], y: [f], label: experiment.experiment, marker: marker, color: c))
                }
            }
            return Figure(theme: .apsDoubleColumn, panels: [rate, fidelity], columns: 2, height: 220)
        }
    }

    /// Every published experiment with the model's value at its length.
    static var experimentsTable: TableSpec {
        TableSpec("experiments", caption: "Published two-node experiments: fiber length, heralded rate and fidelity as "
            + "published (with their uncertainty where the team's sources carry it), and the model of the same platform "
            + "at that length (presets as used in this study; the validation study calibrates them).") { _ in
            let base = LinkBudgetStudy().base
            var rows: [[DataTable.Cell]] = []
            for e in PublishedLink.all {
                let model = try e.route.map { try evaluate($0, base, lengthKm: e.lengthKm) }
                let fidelityText: String = {
                    guard let f = e.fidelity else { return "not retrieved" }
                    guard let u = e.fidelityError else { return String(format: "%.2f", f) }
                    return String(format: "%.3f (+%.3f, −%.3f)", f, u.plus, u.minus)
                }()
                rows.append([
                    .text(e.experiment), .text(e.platform), .number(e.lengthKm, uncertainty: nil),
                    e.rate.map { .number($0, uncertainty: nil) } ?? .text("not published as a rate"),
                    model.map { .number($0.trueHeraldRate, uncertainty: nil) } ?? .text("no route"),
                    .text(fidelityText), model.map { .number($0.fidelity, uncertainty: nil) } ?? .text("no route"),
                ])
            }
            return try DataTable(columns: [
                DataTable.Column("experiment"), DataTable.Column("platform"), DataTable.Column("L", unit: "km"),
                DataTable.Column("published rate", unit: "1/s"), DataTable.Column("model true-herald rate", unit: "1/s"),
                DataTable.Column("published F"), DataTable.Column("model F"),
            ], rows: rows)
        }
    }
}

extension LinkBudgetStudy {
    /// This file, one of the study's sources (`sourceFiles`).
    static let experimentsSource = #filePath
}
