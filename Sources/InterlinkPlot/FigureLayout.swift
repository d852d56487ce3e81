import InterlinkCore
import Foundation

/// Space around a plot rectangle, in points.
struct Margins {
    var left = 0.0
    var right = 0.0
    var top = 0.0
    var bottom = 0.0
}

/// Layout state of one panel: grid cell, resolved axes and plot rectangle.
struct PanelPlan {
    var index: Int
    var row: Int
    var column: Int
    var cell: Rect
    var panel: Panel
    var styled: [StyledMark]
    var extentX: (Double, Double)?
    var extentY: (Double, Double)?
    var markerExtentX: (Double, Double)?
    var markerExtentY: (Double, Double)?
    var showXTickLabels: Bool
    var showYTickLabels: Bool
    var showXLabel: Bool
    var showYLabel: Bool
    var x: ResolvedAxis
    var y: ResolvedAxis
    var heatmap: Heatmap?
    var color: ResolvedAxis?
    var margins = Margins()
    var plot: Rect
    var panelLabel: String?
    var isLastColumn: Bool
    /// Set when the legend goes outside the plot (every inside position would cover data).
    var outsideLegend: OutsideLegend?

    var transform: PlotTransform { PlotTransform(x: x.mapping, y: y.mapping, rect: plot) }
}

/// Measured sizes the layout uses, all derived from the theme's font size.
struct LayoutMetrics {
    let fontSize: Double
    /// Outer padding of every cell.
    var pad: Double { 0.3 * fontSize }
    /// Gap between the frame and tick labels.
    var tickLabelGap: Double { 0.4 * fontSize }
    /// Gap between tick labels and the axis label.
    var labelGap: Double { 0.25 * fontSize }
    /// Colour bar: gap from the plot and bar width.
    var colorBarGap: Double { 0.7 * fontSize }
    var colorBarWidth: Double { 0.75 * fontSize }
}

/// Places panels in the grid and resolves their axes so that no text is clipped or overlaps.
enum FigureLayout {
    /// Computes every panel's plan; text is measured on `canvas`.
    static func plan(_ figure: Figure, canvas: Canvas) throws -> [PanelPlan] {
        let theme = figure.theme
        let metrics = LayoutMetrics(fontSize: theme.fontSize)
        let columns = figure.columns
        let rows = figure.rows
        let cellWidth = figure.width / Double(columns)
        let cellHeight = figure.resolvedHeight / Double(rows)
        let labelPanels = figure.panelLabels ?? (figure.panels.count > 1)

        var plans: [PanelPlan] = []
        for (index, panel) in figure.panels.enumerated() {
            let row = index / columns
            let column = index % columns
            let cell = Rect(x: Double(column) * cellWidth, y: Double(row) * cellHeight, width: cellWidth, height: cellHeight)
            let extentX = union(panel.marks.compactMap { $0.extent(along: .x, scale: panel.x.scale) })
            let extentY = union(panel.marks.compactMap { $0.extent(along: .y, scale: panel.y.scale) })
            let bottomOfColumn = index + columns >= figure.panels.count
            let heatmap = panel.marks.compactMap { mark -> Heatmap? in
                if case let .heatmap(map) = mark.kind { return map }
                return nil
            }.first
            let placeholder = ResolvedAxis(mapping: AxisMapping(scale: .linear, lower: 0, upper: 1), major: [], minor: [])
            let guess = Rect(
                x: cell.x + 3.5 * theme.fontSize, y: cell.y + 1.5 * theme.fontSize,
                width: cell.width - 5 * theme.fontSize, height: cell.height - 4.5 * theme.fontSize)
            plans.append(PanelPlan(
                index: index, row: row, column: column, cell: cell, panel: panel,
                styled: MarkStyler.style(panel.marks, palette: theme.palette),
                extentX: extentX, extentY: extentY,
                markerExtentX: union(panel.marks.filter(\.needsPadding).compactMap { $0.extent(along: .x, scale: panel.x.scale) }),
                markerExtentY: union(panel.marks.filter(\.needsPadding).compactMap { $0.extent(along: .y, scale: panel.y.scale) }),
                showXTickLabels: !figure.sharedX || bottomOfColumn, showYTickLabels: !figure.sharedY || column == 0,
                showXLabel: !figure.sharedX || bottomOfColumn, showYLabel: !figure.sharedY || column == 0,
                x: placeholder, y: placeholder, heatmap: heatmap, color: nil, plot: guess,
                panelLabel: labelPanels ? "(\(panelLetter(index)))" : nil,
                isLastColumn: column == columns - 1))
        }
        // Shared axes: union of extents within a column (x) or row (y); the first given limits win.
        if figure.sharedX {
            for column in 0..<columns {
                let members = plans.indices.filter { plans[$0].column == column }
                let extent = union(members.compactMap { plans[$0].extentX })
                let markers = union(members.compactMap { plans[$0].markerExtentX })
                let limits = members.compactMap { plans[$0].panel.x.limits }.first
                for m in members {
                    plans[m].extentX = extent
                    plans[m].markerExtentX = markers
                    plans[m].panel.x.limits = limits
                }
            }
        }
        if figure.sharedY {
            for row in 0..<rows {
                let members = plans.indices.filter { plans[$0].row == row }
                let extent = union(members.compactMap { plans[$0].extentY })
                let markers = union(members.compactMap { plans[$0].markerExtentY })
                let limits = members.compactMap { plans[$0].panel.y.limits }.first
                for m in members {
                    plans[m].extentY = extent
                    plans[m].markerExtentY = markers
                    plans[m].panel.y.limits = limits
                }
            }
        }
        // Resolve, measure, align; three passes let tick choices settle with the final plot size.
        func settle() throws {
            for _ in 0..<3 {
                for i in plans.indices {
                    try resolveAxes(&plans[i], canvas: canvas, metrics: metrics)
                    plans[i].margins = try margins(for: plans[i], canvas: canvas, metrics: metrics)
                }
                align(&plans, rows: rows, columns: columns)
            }
        }
        try settle()
        // An automatic legend that would cover data everywhere inside moves outside; the panel
        // gives it room and settles again. Settling aligns rows and columns, so a legend moved out
        // of one panel shrinks its neighbours' plots: check again until no legend moves (each
        // panel moves at most once, so this ends).
        var moved = true
        while moved {
            moved = false
            for i in plans.indices where plans[i].outsideLegend == nil {
                if let outside = try Legend.outside(plans[i], canvas: canvas, theme: theme) {
                    plans[i].outsideLegend = outside
                    moved = true
                }
            }
            if moved { try settle() }
        }
        for plan in plans where plan.plot.width < 10 || plan.plot.height < 10 {
            throw ParameterError(
                path: "figure.panels[\(plan.index)]", value: "plot area \(Int(plan.plot.width))x\(Int(plan.plot.height)) pt",
                allowed: "a figure large enough for its labels (at least 10 pt of plot area)")
        }
        return plans
    }

    /// "a", "b", …, "z", "aa", …
    static func panelLetter(_ index: Int) -> String {
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        return index < 26 ? String(letters[index]) : panelLetter(index / 26 - 1) + String(letters[index % 26])
    }

    private static func union(_ extents: [(Double, Double)]) -> (Double, Double)? {
        guard let lo = extents.map(\.0).min(), let hi = extents.map(\.1).max() else { return nil }
        return (lo, hi)
    }

    /// Limits and ticks of both axes (and the colour bar) for the current plot rectangle.
    private static func resolveAxes(_ plan: inout PanelPlan, canvas: Canvas, metrics: LayoutMetrics) throws {
        let fs = metrics.fontSize
        // y: about one tick per 2.3 text heights.
        let yTicks = min(max(Int(plan.plot.height / (2.3 * fs)), 2), 10)
        let (ylo, yhi) = AxisResolver.limits(
            for: plan.panel.y, extent: plan.extentY, markers: plan.markerExtentY, maxTicks: yTicks)
        try checkRange(ylo, yhi, path: "figure.panels[\(plan.index)].y")
        plan.y = AxisResolver.ticks(for: plan.panel.y, lower: ylo, upper: yhi, maxTicks: yTicks)
        // x: start generous, then thin out until neighbouring labels keep a gap of 0.8 em.
        var xTicks = min(max(Int(plan.plot.width / (3.0 * fs)), 2), 10)
        while true {
            let (xlo, xhi) = AxisResolver.limits(
                for: plan.panel.x, extent: plan.extentX, markers: plan.markerExtentX, maxTicks: xTicks)
            try checkRange(xlo, xhi, path: "figure.panels[\(plan.index)].x")
            let axis = AxisResolver.ticks(for: plan.panel.x, lower: xlo, upper: xhi, maxTicks: xTicks)
            if xTicks <= 2 || plan.panel.x.ticks != nil || !plan.showXTickLabels {
                plan.x = axis
                break
            }
            if try labelsFit(axis, length: plan.plot.width, canvas: canvas, fontSize: fs) {
                plan.x = axis
                break
            }
            xTicks -= 1
        }
        if let map = plan.heatmap {
            let colorTicks = min(max(Int(plan.plot.height / (2.6 * fs)), 2), 10)
            let range = colorRange(map)
            let colorAxis = Axis(scale: map.colorScale, limits: range.0...range.1)
            plan.color = AxisResolver.ticks(for: colorAxis, lower: range.0, upper: range.1, maxTicks: colorTicks)
        }
    }

    /// Throws when automatic limits came out non-finite or empty (data near the limits of `Double`).
    private static func checkRange(_ lower: Double, _ upper: Double, path: String) throws {
        guard lower.isFinite, upper.isFinite, upper > lower, (upper - lower).isFinite,
              (upper - lower) > Swift.max(abs(lower), abs(upper)) * 1e-12 else {
            throw ParameterError(
                path: path, value: "data range \(lower)…\(upper)",
                allowed: "finite data whose range is representable (|v| < 1e300, span > 1e-12 relative)")
        }
    }

    /// Colour limits of a heatmap: given, or the finite (positive on log) data range.
    static func colorRange(_ map: Heatmap) -> (Double, Double) {
        if let given = map.colorLimits, given.upperBound > given.lowerBound,
           map.colorScale == .linear || given.lowerBound > 0 {
            return (given.lowerBound, given.upperBound)
        }
        let values = map.values.joined().filter { $0.isFinite && (map.colorScale == .linear || $0 > 0) }
        guard var lo = values.min(), var hi = values.max() else { return map.colorScale == .log ? (1, 10) : (0, 1) }
        if hi <= lo {
            if map.colorScale == .log {
                lo /= 10
                hi *= 10
            } else {
                lo -= 1
                hi += 1
            }
        }
        return (lo, hi)
    }

    /// Whether neighbouring x tick labels are at least 0.8 em apart.
    private static func labelsFit(_ axis: ResolvedAxis, length: Double, canvas: Canvas, fontSize: Double) throws -> Bool {
        var previousRight = -Double.infinity
        for tick in axis.major {
            guard let f = axis.mapping.fraction(tick.value) else { continue }
            let width = try canvas.measure(tick.label, size: fontSize).width
            let center = f * length
            if center - width / 2 < previousRight + 0.8 * fontSize { return false }
            previousRight = center + width / 2
        }
        return true
    }

    /// Margins a panel needs around its plot rectangle for its text.
    private static func margins(for plan: PanelPlan, canvas: Canvas, metrics: LayoutMetrics) throws -> Margins {
        let fs = metrics.fontSize
        let lineHeight = try canvas.measure("0", size: fs).height
        var m = Margins()
        // Left: y tick labels and the y label.
        var yTickWidth = 0.0
        if plan.showYTickLabels {
            for tick in plan.y.major { yTickWidth = max(yTickWidth, try canvas.measure(tick.label, size: fs).width) }
        }
        m.left = metrics.pad + (yTickWidth > 0 ? yTickWidth + metrics.tickLabelGap : 0)
        if plan.showYLabel, !plan.panel.y.label.isEmpty {
            m.left += try canvas.measure(plan.panel.y.label, size: fs, wrapWidth: plan.plot.height).height + metrics.labelGap
        }
        // Bottom: x tick labels and the x label.
        var xTickHeight = 0.0
        var overhangLeft = 0.0
        var overhangRight = 0.0
        if plan.showXTickLabels {
            for tick in plan.x.major {
                let size = try canvas.measure(tick.label, size: fs)
                xTickHeight = max(xTickHeight, size.height)
                if let f = plan.x.mapping.fraction(tick.value) {
                    overhangLeft = max(overhangLeft, size.width / 2 - f * plan.plot.width)
                    overhangRight = max(overhangRight, size.width / 2 - (1 - f) * plan.plot.width)
                }
            }
        }
        m.bottom = metrics.pad + (xTickHeight > 0 ? xTickHeight + metrics.tickLabelGap : 0)
        if plan.showXLabel, !plan.panel.x.label.isEmpty {
            m.bottom += try canvas.measure(plan.panel.x.label, size: fs, wrapWidth: plan.plot.width).height + metrics.labelGap
        }
        m.left = max(m.left, metrics.pad + overhangLeft)
        // Top: half a tick label, the title, the panel label.
        var top = metrics.pad + (plan.showYTickLabels ? lineHeight / 2 : 0)
        if let title = plan.panel.title, !title.isEmpty {
            top = max(top, metrics.pad + (try canvas.measure(title, size: fs, wrapWidth: plan.plot.width).height) + 0.3 * fs)
        }
        if plan.panelLabel != nil {
            top = max(top, metrics.pad + lineHeight * 1.5 + 0.2 * fs)
        }
        m.top = top
        if let legend = plan.outsideLegend, legend.side == .top { m.top += legend.reserve }
        // Right: x label overhang and the colour bar.
        m.right = metrics.pad + max(overhangRight, 0) + (plan.isLastColumn ? 0 : 0.8 * fs)
        if let color = plan.color, let map = plan.heatmap {
            var width = 0.0
            for tick in color.major { width = max(width, try canvas.measure(tick.label, size: fs).width) }
            var right = metrics.colorBarGap + metrics.colorBarWidth + metrics.tickLabelGap + width + metrics.pad
            if !map.colorLabel.isEmpty {
                right += try canvas.measure(map.colorLabel, size: fs, wrapWidth: plan.plot.height).height + metrics.labelGap
            }
            m.right = max(m.right, right)
        }
        if let legend = plan.outsideLegend, legend.side == .right { m.right += legend.reserve }
        return m
    }

    /// Gives panels in one column the same left/right margins and panels in one row the same
    /// top/bottom margins, so that frames line up.
    private static func align(_ plans: inout [PanelPlan], rows: Int, columns: Int) {
        for column in 0..<columns {
            let members = plans.indices.filter { plans[$0].column == column }
            let left = members.map { plans[$0].margins.left }.max() ?? 0
            let right = members.map { plans[$0].margins.right }.max() ?? 0
            for m in members {
                plans[m].margins.left = left
                plans[m].margins.right = right
            }
        }
        for row in 0..<rows {
            let members = plans.indices.filter { plans[$0].row == row }
            let top = members.map { plans[$0].margins.top }.max() ?? 0
            let bottom = members.map { plans[$0].margins.bottom }.max() ?? 0
            for m in members {
                plans[m].margins.top = top
                plans[m].margins.bottom = bottom
            }
        }
        for i in plans.indices {
            let c = plans[i].cell
            let m = plans[i].margins
            plans[i].plot = Rect(
                x: c.x + m.left, y: c.y + m.top,
                width: max(c.width - m.left - m.right, 1), height: max(c.height - m.top - m.bottom, 1))
        }
    }
}
