import Foundation
import Interlink

extension LinkBudgetStudy {
    /// True rate with its 90 % band over the published SNSPD and 1550 nm fiber ranges.
    static var bandsFigure: FigureSpec {
        FigureSpec("rate-bands", caption: "Distillable rate (hashing bound) versus total fiber length with the 90 % band from the published "
            + "SNSPD efficiency, dark-count and 1550 nm fiber-attenuation ranges (256 Latin-hypercube draws, the same at "
            + "every length); lines are the nominal values. The horizontal line marks 1 ebit/s.") { table in
            var panel = Panel(x: Axis(label: "Fiber length <i>L</i> (km)", scale: .log, limits: 0.01...200),
                              y: Axis(label: "Distillable rate (ebit s<sup>−1</sup>)", scale: .log, limits: 1e-4...1e4), legend: .bottomLeft)
            for route in [Route.converted1550, .atomAtom1522, .ionAtom1550, .ionIonRelay1350] {
                let series = try PropagatedSeries(positiveRows(table, route), x: Columns.lengthKm.name, metric: Columns.distillableRate.name)
                guard series.nominal.contains(where: { $0 > 0 }) else { continue }
                panel.add(.band(x: series.x, lower: series.low.map { max($0, 1e-300) }, upper: series.high.map { max($0, 1e-300) },
                                color: color(route)))
                panel.add(.line(x: series.x, y: gaps(series.nominal), label: route.label, color: color(route)))
            }
            panel.add(.reference(.y, at: headlineLevel, style: .dashed, color: .lightGray))
            return Figure(theme: .apsSingleColumn, panels: [panel])
        }
    }

    /// (a) Infidelity of the converted Sr⁺ link by mechanism; (b) loss of arm A by stage per route.
    static func budgetFigure(_ base: Parameters) -> FigureSpec {
        FigureSpec("budgets", caption: "(a) Infidelity 1 − F of the converted Sr⁺ link (1550 nm) by mechanism versus total "
            + "length (sequential attribution in the legend's order; the stack is the model's total; mechanisms that "
            + "contribute nothing are omitted). (b) Loss of arm A by stage for every converted direct route at 50 km "
            + "(dB; the stack is the arm's total loss; native routes lose hundreds of dB in the fiber).") { _ in
            let budgets = try budgetLengths.map { try errorBudget(base, lengthKm: $0) }
            let positions = budgetLengths.indices.map(Double.init)
            var series = [BarSeries(label: "intrinsic", values: budgets.map(\.intrinsicInfidelity))]
            series += LinkMechanism.allCases.map { m in BarSeries(label: m.label, values: budgets.map { $0.infidelity(of: m) }) }
            // Mechanisms that contribute nothing at any length are left out of the stack and legend.
            series = series.filter { $0.values.contains { $0 != 0 } }
            let top = (budgets.map(\.totalInfidelity).max() ?? 0) * 1.9
            let infidelity = Panel(
                x: Axis(label: "Fiber length <i>L</i> (km)", ticks: zip(positions, budgetLengths).map { Tick($0, "\(Int($1))") }),
                y: Axis(label: "Infidelity 1 − <i>F</i>", limits: 0...max(top, 1e-6)),
                marks: [.bars(positions: positions, series: series, layout: .stacked)], legend: .top)
            var routes: [Route] = []
            var losses: [LossBudget] = []
            for route in Route.allCases where !route.isNative {
                guard let c = try linkConfiguration(route, base, lengthKm: lossBudgetLength) else { continue }
                routes.append(route)
                losses.append(try LinkErrorBudget(configuration: c).lossA)
            }
            let routePositions = routes.indices.map(Double.init)
            let stages = LossBudget.Stage.allCases.map { stage in
                BarSeries(label: stage.rawValue, values: losses.map { $0.lossDB[stage] ?? 0 })
            }
            let lossTop = (losses.map(\.totalDB).max() ?? 0) * 1.9
            let loss = Panel(
                x: Axis(label: "Converted route (arm A)", ticks: zip(routePositions, routes).map { Tick($0, $1.shortLabel) }),
                y: Axis(label: "Loss (dB)", limits: 0...max(lossTop, 1)),
                marks: [.bars(positions: routePositions, series: stages.filter { $0.values.contains { $0 != 0 } }, layout: .stacked)],
                legend: .top)
            return Figure(theme: .apsDoubleColumn, panels: [infidelity, loss], columns: 2)
        }
    }

    /// Tornado of the headline distance over the published ranges.
    static func tornadoFigure(_ base: Parameters) -> FigureSpec {
        FigureSpec("tornado-distance", caption: "Sensitivity of the converted Sr⁺ link's 1 ebit/s length: each published "
            + "range set one at a time to its 5 % and 95 % points (all else nominal); bars from the nominal distance, "
            + "widest swing on top.") { _ in
            let tornado = try Tornado(uncertainParameters, base: base, coverage: 0.9, metric: headlineDistance)
            let bars = try TornadoBars(labels: tornado.bars.map(\.field), low: tornado.bars.map(\.lowOutput),
                                       high: tornado.bars.map(\.highOutput), baseline: tornado.baseline,
                                       lowLabel: "at the 5 % point", highLabel: "at the 95 % point")
            return Figure(theme: .apsSingleColumn, panels: [Panel.tornado(bars, xLabel: "Length at 1 ebit/s (km)")])
        }
    }
}

extension LinkBudgetStudy.Route {
    /// A short axis label: the node pair of a converted route.
    var shortLabel: String {
        switch self {
        case .native422, .converted1550: return "Sr⁺–Sr⁺"
        case .atomAtom780, .atomAtom1522: return "Rb–Rb"
        case .scSc1550: return "SC–SC"
        case .ionAtom780: return "Ba⁺–Rb"
        case .ionAtom1550: return "Sr⁺–Rb"
        case .ionSc1550: return "Sr⁺–SC"
        case .atomSc1550: return "Rb–SC"
        case .ionIonRelay1350: return "relay"
        }
    }
}

extension LinkBudgetStudy {
    /// This file, one of the study's sources (`sourceFiles`).
    static let uncertaintyFiguresSource = #filePath
}
