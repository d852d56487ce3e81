import Foundation
import Interlink

extension LinkBudgetStudy {
    /// True rate with its 90 % band over the published SNSPD and 1550 nm fiber ranges.
    static var bandsFigure: FigureSpec {
        FigureSpec("rate-bands", caption: "True-herald rate versus total fiber length with the 90 % band from the published "
            + "SNSPD efficiency, dark-count and 1550 nm fiber-attenuation ranges (256 Latin-hypercube draws, the same at "
            + "every length); lines are the nominal values. The horizontal line marks 1 pair/s.") { table in
            var panel = Panel(x: Axis(label: "Fiber length <i>L</i> (km)", scale: .log, limits: 0.01...200),
                              y: Axis(label: "Rate (s<sup>−1</sup>)", scale: .log, limits: 1e-4...1e7), legend: .bottomLeft)
            for (i, route) in [Route.converted1550, .atomAtom1522, .ionAtom1550, .ionIonRelay1350].enumerated() {
                let r = rows(table, route).filter { ($0.number("lengthKm") ?? 0) > 0 }
                let series = try PropagatedSeries(r, x: "lengthKm", metric: "trueRate")
                for mark in series.marks(label: route.label, color: Palette.okabeIto[i]) { panel.add(mark) }
            }
            panel.add(.reference(.y, at: 1, style: .dashed, color: .lightGray))
            return Figure(theme: .apsSingleColumn, panels: [panel])
        }
    }

    /// (a) Infidelity of the converted Sr⁺ link by mechanism; (b) loss of arm A by stage per route.
    static func budgetFigure(_ base: Parameters) -> FigureSpec {
        FigureSpec("budgets", caption: "(a) Infidelity 1 − F of the converted Sr⁺ link (1550 nm) by mechanism versus total "
            + "length (sequential attribution in the legend's order; the stack is the model's total). (b) Loss of arm A "
            + "by stage for every direct route at 50 km (dB; the stack is the arm's total loss).") { _ in
            let budgets = try budgetLengths.map { try errorBudget(base, lengthKm: $0) }
            let positions = budgetLengths.indices.map(Double.init)
            var series = [BarSeries(label: "intrinsic", values: budgets.map(\.intrinsicInfidelity))]
            series += LinkMechanism.allCases.map { m in BarSeries(label: m.label, values: budgets.map { $0.infidelity(of: m) }) }
            let infidelity = Panel(
                x: Axis(label: "Fiber length <i>L</i> (km)", ticks: zip(positions, budgetLengths).map { Tick($0, "\(Int($1))") }),
                y: Axis(label: "Infidelity 1 − <i>F</i>"), marks: [.bars(positions: positions, series: series, layout: .stacked)],
                legend: .topLeft)
            var routes: [Route] = []
            var losses: [LossBudget] = []
            for route in Route.allCases {
                guard let c = try linkConfiguration(route, base, lengthKm: lossBudgetLength) else { continue }
                routes.append(route)
                losses.append(try LinkErrorBudget(configuration: c).lossA)
            }
            let routePositions = routes.indices.map(Double.init)
            let stages = LossBudget.Stage.allCases.map { stage in
                BarSeries(label: stage.rawValue, values: losses.map { $0.lossDB[stage] ?? 0 })
            }
            let loss = Panel(
                x: Axis(label: "Route (arm A)", ticks: zip(routePositions, routes).map { Tick($0, $1.slug) }),
                y: Axis(label: "Loss (dB)"), marks: [.bars(positions: routePositions, series: stages, layout: .stacked)],
                legend: .topLeft)
            return Figure(theme: .apsDoubleColumn, panels: [infidelity, loss], columns: 2)
        }
    }

    /// Tornado of the headline distance over the published ranges.
    static func tornadoFigure(_ base: Parameters) -> FigureSpec {
        FigureSpec("tornado-distance", caption: "Sensitivity of the converted Sr⁺ link's 1 pair/s distance: each published "
            + "range set one at a time to its 5 % and 95 % points (all else nominal); bars from the nominal distance, "
            + "widest swing on top.") { _ in
            let tornado = try Tornado(uncertainParameters, base: base, coverage: 0.9, metric: headlineDistance)
            let bars = try TornadoBars(labels: tornado.bars.map(\.field), low: tornado.bars.map(\.lowOutput),
                                       high: tornado.bars.map(\.highOutput), baseline: tornado.baseline,
                                       lowLabel: "at the 5 % point", highLabel: "at the 95 % point")
            return Figure(theme: .apsSingleColumn, panels: [Panel.tornado(bars, xLabel: "Length at 1 pair/s (km)")])
        }
    }
}
