import Foundation
import Interlink

extension LinkBudgetStudy {
    /// The rows of one route up to `maximumKm`, in length order.
    static func rows(_ table: ResultTable, _ route: Route, maximumKm: Double = .infinity) -> ResultTable {
        table.filter { row in
            row.parameters["route"] == .string(route.rawValue) && (row.number(Columns.lengthKm) ?? .infinity) <= maximumKm
        }
    }

    /// The rows of one route at positive length (for log-length axes).
    static func positiveRows(_ table: ResultTable, _ route: Route) -> ResultTable {
        rows(table, route).filter { ($0.number(Columns.lengthKm) ?? 0) > 0 }
    }

    /// One colour per route, the same in every panel and figure: the Okabe–Ito colours without its
    /// yellow (too faint on white), then three of Tol's muted scheme, the relay in black.
    static func color(_ route: Route) -> Color {
        let colors = [Palette.okabeIto[0], Palette.okabeIto[5], Palette.okabeIto[1], Palette.okabeIto[2], Palette.okabeIto[3],
                      Palette.okabeIto[4], Palette.tolMuted[0], Palette.tolMuted[4], Palette.tolMuted[7], Color.black]
        return colors[(Route.allCases.firstIndex(of: route) ?? 0) % colors.count]
    }

    /// Zero rates drawn as gaps on log axes.
    static func gaps(_ values: [Double]) -> [Double] { values.map { $0 > 0 ? $0 : .nan } }

    /// The foundation figure: Sr⁺–Sr⁺ distillable rate at 422 nm and converted to 1550 nm, with the 90 %
    /// band of the converted link, PLOB, the 1 ebit/s line and the headline lengths.
    static var foundationFigure: FigureSpec {
        FigureSpec("rate-vs-length", caption: "Distillable entanglement rate (hashing bound, ebit/s) of two Sr⁺ nodes versus "
            + "total fiber length: photons at 422 nm (dashed) and converted to 1550 nm (solid, with its 90 % band over the "
            + "published SNSPD and 1550 nm fiber ranges), and the PLOB bound of the 1550 nm fiber at the same channel-use "
            + "rate (dotted). The horizontal line marks 1 ebit/s; open circles the length where each link falls to it.",
                   results: { results in
            let table = results.table
            var panel = Panel(
                x: Axis(label: "Fiber length <i>L</i> (km)", scale: .log, limits: 0.01...sweepMaximumKm),
                y: Axis(label: "Distillable rate (ebit s<sup>−1</sup>)", scale: .log, limits: 1e-3...1e4), legend: .topLeft)
            let converted = positiveRows(table, .converted1550)
            let series = try PropagatedSeries(converted, x: Columns.lengthKm.name, metric: Columns.distillableRate.name)
            panel.add(.band(x: series.x, lower: series.low.map { max($0, 1e-300) }, upper: series.high.map { max($0, 1e-300) },
                            color: color(.converted1550)))
            for route in [Route.converted1550, .native422] {
                let r = positiveRows(table, route)
                panel.add(.line(x: try r.values(Columns.lengthKm), y: gaps(try r.values(Columns.distillableRate)),
                                label: route == .native422 ? "422 nm" : "1550 nm (converted)",
                                style: route == .native422 ? .dashed : .solid, color: color(route)))
                if let d = results.derivedIfPresent("distanceEbit_\(route.slug)")?.value {
                    panel.add(.scatter(x: [d], y: [headlineLevel], marker: .circle, filled: false, color: color(route)))
                }
            }
            panel.add(.line(x: try converted.values(Columns.lengthKm), y: try converted.values(Columns.plobBound),
                            label: "PLOB bound (1550 nm)", style: .dotted, color: .gray))
            panel.add(.reference(.y, at: headlineLevel, style: .dashed, color: .lightGray))
            return Figure(theme: .apsSingleColumn, panels: [panel])
        })
    }

    /// Four panels: distillable rate of like pairs (a) and unlike pairs with the relay (b), fidelity of
    /// the same (c, d). Routes that never distil appear only in the fidelity panels.
    static func pairsFigure(_ base: Parameters) -> FigureSpec {
        FigureSpec("pairs-vs-length", caption: "Every pairing of modalities versus total fiber length (log scale); one colour "
            + "per configuration in all four panels. (a) Distillable rate (hashing bound) of like pairs: Sr⁺ ions, Rb atoms "
            + "and transmons behind electro-optic transducers; dashed lines travel at the native wavelength, solid lines "
            + "after frequency conversion. (b) Unlike pairs and the Sr⁺–SiV–Sr⁺ memory relay. A configuration missing from "
            + "(a) or (b) distils nothing at any length (its pairs stay below the hashing threshold). Grey: the PLOB "
            + "(dotted) and TGW (dash-dotted) repeaterless bounds of the 1550 nm Sr⁺–Sr⁺ link at its own channel-use rate; "
            + "the horizontal line marks 1 ebit/s and open circles the length where each configuration falls to it. "
            + "(c, d) Fidelity of the delivered pairs; the grey line marks F = 1/2, at or below which a pair carries no "
            + "entanglement.", results: { results in
            let table = results.table
            let xAxis = Axis(label: "Fiber length <i>L</i> (km)", scale: .log, limits: 0.01...sweepMaximumKm)
            let rateAxis = Axis(label: "Distillable rate (ebit s<sup>−1</sup>)", scale: .log, limits: 1e-4...1e5)
            let fidelityAxis = Axis(label: "Fidelity <i>F</i>", limits: 0.25...1)
            let like = Route.allCases.filter(\.isHomogeneous)
            let unlike = Route.allCases.filter { !$0.isHomogeneous }
            let reference = positiveRows(table, .converted1550)
            func ratePanel(_ routes: [Route]) throws -> Panel {
                var panel = Panel(x: xAxis, y: rateAxis, legend: .auto)
                for route in routes {
                    let r = positiveRows(table, route)
                    let rate = try r.values(Columns.distillableRate)
                    guard rate.contains(where: { $0 > 0 }) else { continue }
                    panel.add(.line(x: try r.values(Columns.lengthKm), y: gaps(rate), label: route.label,
                                    style: route.isNative ? .dashed : .solid, color: color(route)))
                    if let d = results.derivedIfPresent("distanceEbit_\(route.slug)")?.value {
                        panel.add(.scatter(x: [d], y: [headlineLevel], marker: .circle, filled: false, color: color(route)))
                    }
                }
                panel.add(.line(x: try reference.values(Columns.lengthKm), y: try reference.values(Columns.plobBound),
                                label: "PLOB", style: .dotted, color: .gray))
                panel.add(.line(x: try reference.values(Columns.lengthKm), y: try reference.values(Columns.tgwBound),
                                label: "TGW", style: .dashDot, color: .gray))
                panel.add(.reference(.y, at: headlineLevel, style: .dashed, color: .lightGray))
                return panel
            }
            func fidelityPanel(_ routes: [Route]) throws -> Panel {
                var panel = Panel(x: xAxis, y: fidelityAxis, legend: .auto)
                panel.add(.reference(.y, at: 0.5, style: .dashed, color: .gray))
                for route in routes {
                    let r = positiveRows(table, route)
                    panel.add(.line(x: try r.values(Columns.lengthKm), y: try r.values(Columns.fidelity), label: route.label,
                                    style: route.isNative ? .dashed : .solid, color: color(route)))
                }
                return panel
            }
            return Figure(theme: .apsDoubleColumn,
                          panels: [try ratePanel(like), try ratePanel(unlike), try fidelityPanel(like), try fidelityPanel(unlike)],
                          columns: 2, height: 460)
        })
    }
}

extension LinkBudgetStudy {
    /// This file, one of the study's sources (`sourceFiles`).
    static let figuresSource = #filePath
}
