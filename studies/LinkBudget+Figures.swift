import Foundation
import Interlink

extension LinkBudgetStudy {
    /// The rows of one route up to `maximumKm`, in length order.
    static func rows(_ table: ResultTable, _ route: Route, maximumKm: Double = .infinity) -> ResultTable {
        table.filter { row in
            row.parameters["route"] == .string(route.rawValue) && (row.number("lengthKm") ?? .infinity) <= maximumKm
        }
    }

    /// The foundation figure: Sr⁺–Sr⁺ rate at 422 nm and converted to 1550 nm, 0–50 km, with PLOB.
    static var foundationFigure: FigureSpec {
        FigureSpec("rate-vs-length", caption: "Heralded entanglement rate of two Sr⁺ nodes versus total fiber "
            + "length, photons at 422 nm (dashed) and converted to 1550 nm (solid), with the PLOB bound for the "
            + "1550 nm fiber at the same attempt rate (dotted). Rates below 10⁻⁴ s⁻¹ are cut off.") { table in
            var panel = Panel(
                x: Axis(label: "Fiber length <i>L</i> (km)", limits: 0...50),
                y: Axis(label: "Rate (s<sup>−1</sup>)", scale: .log, limits: 1e-4...1e6))
            for route in [Route.converted1550, .native422] {
                let rows = rows(table, route, maximumKm: 50)
                panel.add(.line(x: try rows.values("lengthKm"), y: try rows.values("trueRate"),
                                label: route == .native422 ? "422 nm" : "1550 nm (converted)",
                                style: route == .native422 ? .dashed : .solid))
            }
            let converted = rows(table, .converted1550, maximumKm: 50)
            panel.add(.line(x: try converted.values("lengthKm"), y: try converted.values("plobBound"),
                            label: "PLOB bound (1550 nm)", style: .dotted))
            return Figure(theme: .apsSingleColumn, panels: [panel])
        }
    }

    /// Four panels: rate of like pairs (a) and unlike pairs with the relay (b), fidelity of the same (c, d).
    static func pairsFigure(_ base: Parameters) -> FigureSpec {
        FigureSpec("pairs-vs-length", caption: "Every pairing of modalities versus total fiber length (log scale). "
            + "(a) True-herald rate of like pairs: Sr⁺ ions, Rb atoms and transmons behind electro-optic transducers; "
            + "dashed lines travel at the native wavelength, solid lines after frequency conversion. (b) Unlike pairs "
            + "and the Sr⁺–SiV–Sr⁺ memory relay (delivered rate). Grey: the PLOB (dotted) and TGW (dash-dotted) "
            + "repeaterless bounds of the 1550 nm ion–ion link at its own channel-use rate; the horizontal line marks "
            + "1 pair/s and open circles the 1 pair/s distance of each configuration. (c, d) Fidelity of the delivered pairs, same colours; the grey line marks F = 1/2.", results: { results in
            let table = results.table
            let xAxis = Axis(label: "Fiber length <i>L</i> (km)", scale: .log, limits: 0.01...200)
            let rateAxis = Axis(label: "Rate (s<sup>−1</sup>)", scale: .log, limits: 1e-4...1e9)
            let fidelityAxis = Axis(label: "Fidelity <i>F</i>", limits: 0.25...1)
            let like = Route.allCases.filter(\.isHomogeneous)
            let unlike = Route.allCases.filter { !$0.isHomogeneous }
            let reference = rows(table, .converted1550).filter { ($0.number("lengthKm") ?? 0) > 0 }
            func ratePanel(_ routes: [Route]) throws -> Panel {
                var panel = Panel(x: xAxis, y: rateAxis, legend: .topLeft)
                for (i, route) in routes.enumerated() {
                    let r = rows(table, route).filter { ($0.number("lengthKm") ?? 0) > 0 }
                    panel.add(.line(x: try r.values("lengthKm"), y: try r.values("trueRate"), label: route.label,
                                    style: route.isNative ? .dashed : .solid, color: Palette.okabeIto[i]))
                }
                panel.add(.line(x: try reference.values("lengthKm"), y: try reference.values("plobBound"),
                                label: "PLOB", style: .dotted, color: .gray))
                panel.add(.line(x: try reference.values("lengthKm"), y: try reference.values("tgwBound"),
                                label: "TGW", style: .dashDot, color: .gray))
                panel.add(.reference(.y, at: 1, style: .dashed, color: .lightGray))
                for (i, route) in routes.enumerated() {
                    if let d = results.derivedIfPresent("distance1Hz_\(route.slug)")?.value {
                        panel.add(.scatter(x: [d], y: [1], marker: .circle, filled: false, color: Palette.okabeIto[i]))
                    }
                }
                return panel
            }
            func fidelityPanel(_ routes: [Route]) throws -> Panel {
                var panel = Panel(x: xAxis, y: fidelityAxis, legend: .hidden)
                panel.add(.reference(.y, at: 0.5, style: .dashed, color: .gray))
                for (i, route) in routes.enumerated() {
                    let r = rows(table, route).filter { ($0.number("lengthKm") ?? 0) > 0 }
                    panel.add(.line(x: try r.values("lengthKm"), y: try r.values("fidelity"), label: route.label,
                                    style: route.isNative ? .dashed : .solid, color: Palette.okabeIto[i]))
                }
                return panel
            }
            return Figure(theme: .apsDoubleColumn,
                          panels: [try ratePanel(like), try ratePanel(unlike), try fidelityPanel(like), try fidelityPanel(unlike)],
                          columns: 2, height: 420)
        })
    }
}

extension LinkBudgetStudy {
    /// This file, one of the study's sources (`sourceFiles`).
    static let figuresSource = #filePath
}
