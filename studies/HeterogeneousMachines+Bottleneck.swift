import Foundation
import Interlink

/// The bottleneck figure of the heterogeneous-machines study: the share of the critical path each
/// kind of resource takes, for every mix and transducer efficiency (a map of the largest share alone
/// would be one colour: pair generation bounds every point of this sweep).
extension HeterogeneousMachinesStudy {
    /// This file (part of the study's code fingerprint).
    static let bottleneckSource = #filePath

    /// Kinds whose share of the critical path reaches this at some point of some circuit get a row of panels.
    static let drawnShare = 0.01

    /// Share of the critical path of `kind` at every point of `circuit`: `[efficiency][ions]`.
    static func shares(_ table: ResultTable, circuit: String, kind: String, modules: Int) throws -> [[Double]] {
        try efficiencies.map { eta in
            let rows = Self.rows(table, circuit: circuit, efficiency: eta)
            guard rows.count == modules + 1 else { throw SweepError("expected \(modules + 1) mixes for \(circuit) at η = \(eta)") }
            return rows.map { $0.number("share_\(kind)") ?? .nan }
        }
    }

    /// One heatmap per drawn kind and circuit, with the share in per cent in every cell.
    static func bottleneckFigure(modules: Int) -> FigureSpec {
        FigureSpec("bottleneck-map", caption: "Share of the critical path (mean over shots; numbers in per cent) taken by "
            + "each kind of resource — one row of panels per kind, one column per circuit — for every number of ion modules "
            + "and transducer efficiency η. The bottleneck of a point is the kind with the largest share; pair generation "
            + "takes it almost everywhere (a heralded pair takes many attempts, a module operation microseconds), so a map "
            + "of the bottleneck alone would be nearly one colour (the text says at how many points). A kind gets a row when its "
            + "share reaches 1 % at some point of some circuit; kinds below 1 % at every point of every circuit are not drawn, "
            + "so a row can hold a circuit whose share of that kind is 0 everywhere.") { table in
            let kinds = ExecutionSummary.kinds
            var panels: [Panel] = []
            let drawn = try kinds.filter { kind in
                try circuits.contains { c in try shares(table, circuit: c, kind: kind, modules: modules).joined().contains { $0 >= drawnShare } }
            }
            for kind in drawn {
                for c in circuits {
                    let share = try shares(table, circuit: c, kind: kind, modules: modules)
                    var panel = Panel(x: Axis(label: "Ion modules", limits: -0.5...(Double(modules) + 0.5),
                                              ticks: (0...modules).map { Tick(Double($0), "\($0)") }),
                                      y: Axis(label: "Transducer η", limits: -0.5...(Double(efficiencies.count) - 0.5),
                                              ticks: efficiencies.enumerated().map { Tick(Double($0.offset), "\($0.element)") }),
                                      title: "\(displayName(c)): \(kind)", legend: .hidden)
                    panel.add(.heatmap(Heatmap(values: share, x: -0.5...(Double(modules) + 0.5),
                                               y: -0.5...(Double(efficiencies.count) - 0.5), colormap: .cividis,
                                               colorLimits: 0...1, colorLabel: "Share")))
                    for (k, row) in share.enumerated() {
                        for (i, value) in row.enumerated() where value.isFinite {
                            let percent = Int((value * 100).rounded())
                            panel.add(.text("<span size='x-small'>\(percent)</span>", at: DataPoint(Double(i), Double(k)),
                                            anchor: .center, color: value > 0.55 ? .black : .white))
                        }
                    }
                    panels.append(panel)
                }
            }
            return Figure(theme: .apsDoubleColumn, panels: panels, columns: circuits.count, height: 170 * Double(drawn.count))
        }
    }
}
