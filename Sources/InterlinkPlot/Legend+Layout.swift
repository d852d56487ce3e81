import Foundation

/// Sizes of one panel's legend: entries, row height, column widths for any column count.
struct LegendLayout {
    let entries: [LegendEntry]
    let glyphWidth: Double
    let gap: Double
    let padding: Double
    let inset: Double
    let rowHeight: Double
    let textWidths: [Double]
    /// Column counts whose box fits inside the plot (at least `[1]`).
    private(set) var options: [Int]

    /// The layout of `plan`'s legend, or nil when it has none (hidden, or no labelled mark).
    init?(_ plan: PanelPlan, canvas: Canvas, theme: Theme) throws {
        guard plan.panel.legend != .hidden else { return nil }
        let entries = Legend.entries(plan.styled, theme: theme)
        guard !entries.isEmpty else { return nil }
        let fs = theme.fontSize
        self.entries = entries
        glyphWidth = 2.2 * fs
        gap = 0.4 * fs
        padding = 0.3 * fs
        inset = 0.4 * fs
        var heights: [Double] = []
        var widths: [Double] = []
        for entry in entries {
            let size = try canvas.measure(entry.label, size: fs)
            heights.append(max(size.height, theme.markerSize + 2))
            widths.append(size.width)
        }
        rowHeight = heights.max() ?? fs
        textWidths = widths
        options = [1]
        let fitting = (1...min(entries.count, 4)).filter {
            totalWidth($0) <= plan.plot.width - 2 * inset && totalHeight($0) <= plan.plot.height - 2 * inset
        }
        options = fitting.isEmpty ? [1] : fitting
    }

    /// Rows of a legend with `c` columns (entries fill columns top to bottom).
    func rows(_ c: Int) -> Int { (entries.count + c - 1) / c }
    /// Entries in `column` of a `c`-column legend.
    func members(_ c: Int, _ column: Int) -> Range<Int> {
        min(column * rows(c), entries.count)..<min((column + 1) * rows(c), entries.count)
    }
    /// Width of `column` of a `c`-column legend.
    func columnWidth(_ c: Int, _ column: Int) -> Double {
        glyphWidth + gap + (members(c, column).map { textWidths[$0] }.max() ?? 0)
    }
    /// Width of a `c`-column legend box.
    func totalWidth(_ c: Int) -> Double {
        padding * 2 + (0..<c).map { columnWidth(c, $0) }.reduce(0, +) + Double(c - 1) * 2 * gap
    }
    /// Height of a `c`-column legend box.
    func totalHeight(_ c: Int) -> Double { padding * 2 + Double(rows(c)) * rowHeight }

    /// Gap between the plot frame and a legend outside it.
    static func outsideGap(_ theme: Theme) -> Double { 0.5 * theme.fontSize }
}

/// A legend set outside the plot frame because every inside position would cover data.
struct OutsideLegend: Equatable {
    /// Which side of the plot.
    enum Side: Equatable {
        /// To the right of the frame, top-aligned (the panel's right margin grows).
        case right
        /// Above the frame, left-aligned (the panel's top margin grows).
        case top
    }
    var side: Side
    var columns: Int
    /// Space the legend takes from the panel's cell, gap included.
    var reserve: Double
}

extension Legend {
    /// Everything drawn in a panel as page points: ``samples(_:transform:markerRadius:)`` (markers at
    /// the theme's size, padded by the stroke), a grid over the box of every text label and arrow
    /// label, and over every point label where ``PointLabels`` puts it.
    static func allSamples(_ plan: PanelPlan, canvas: Canvas, theme: Theme) throws -> [(x: Double, y: Double)] {
        var points = samples(plan.styled, transform: plan.transform, markerRadius: theme.markerSize / 2 + theme.axisLineWidth)
        points += try annotationSamples(plan, canvas: canvas, theme: theme)
        for label in try PointLabels.place(plan, canvas: canvas, theme: theme) {
            points += grid(label.box)
        }
        return points
    }

    /// Points every 2 pt over `box`.
    static func grid(_ box: Rect) -> [(x: Double, y: Double)] {
        var points: [(x: Double, y: Double)] = []
        var y = box.minY
        while y <= box.maxY {
            var x = box.minX
            while x <= box.maxX {
                points.append((x, y))
                x += 2
            }
            y += 2
        }
        return points
    }

    /// A grid over the box of every text mark and arrow label of `plan`.
    static func annotationSamples(_ plan: PanelPlan, canvas: Canvas, theme: Theme) throws -> [(x: Double, y: Double)] {
        let t = plan.transform
        var points: [(x: Double, y: Double)] = []
        func box(_ markup: String, at p: (x: Double, y: Double), anchor: TextAnchor?) throws {
            let size = try canvas.measure(markup, size: theme.fontSize)
            // Unknown anchor (arrow labels): a box of the text's size on every side of the point.
            let (x0, y0, w, h) = anchor.map {
                (p.x - size.width * $0.horizontalFraction, p.y - size.height * $0.verticalFraction, size.width, size.height)
            } ?? (p.x - size.width, p.y - size.height, 2 * size.width, 2 * size.height)
            points += grid(Rect(x: x0, y: y0, width: w, height: h))
        }
        for item in plan.styled {
            switch item.mark.kind {
            case let .text(markup, point, anchor):
                if let p = t.point(point.x, point.y) { try box(markup, at: p, anchor: anchor) }
            case let .arrow(from, _, text):
                if let text, !text.isEmpty, let p = t.point(from.x, from.y) { try box(text, at: p, anchor: nil) }
            default:
                break
            }
        }
        return points
    }

    /// Where a legend goes inside the plot and in how many columns: at the asked position (one
    /// column unless taller than 85 % of the plot), or for `.auto` the position and column count
    /// covering the fewest `samples` (fewer columns win ties), with how many it covers.
    static func choose(_ plan: PanelPlan, layout: LegendLayout, samples: [(x: Double, y: Double)])
        -> (position: LegendPosition, columns: Int, covered: Int)
    {
        guard plan.panel.legend == .auto else {
            let columns = layout.options.first { layout.totalHeight($0) <= 0.85 * plan.plot.height }
                ?? layout.options[layout.options.count - 1]
            return (plan.panel.legend, columns, 0)
        }
        var best = (position: LegendPosition.topRight, columns: 1, covered: Int.max)
        for c in layout.options {
            let (candidate, covered) = placeScored(
                width: layout.totalWidth(c), height: layout.totalHeight(c), plot: plan.plot, inset: layout.inset,
                samples: samples)
            if covered < best.covered { best = (candidate, c, covered) }
        }
        return best
    }

    /// For an `.auto` legend that would cover data at every inside position: where to put it
    /// outside — above the plot in as many columns as fit its width, or to the right (one column,
    /// more if taller than the plot) when that takes a smaller share of the plot, the panel has no
    /// colour bar and the legend takes at most 40 % of the cell's width. Nil when an inside
    /// position is free (or the legend is not automatic).
    static func outside(_ plan: PanelPlan, canvas: Canvas, theme: Theme) throws -> OutsideLegend? {
        guard plan.panel.legend == .auto, let layout = try LegendLayout(plan, canvas: canvas, theme: theme) else { return nil }
        let samples = try allSamples(plan, canvas: canvas, theme: theme)
        guard choose(plan, layout: layout, samples: samples).covered > 0 else { return nil }
        let gap = LegendLayout.outsideGap(theme)
        let rightColumns = (1...min(layout.entries.count, 4)).first { layout.totalHeight($0) <= plan.plot.height } ?? 1
        let right = OutsideLegend(side: .right, columns: rightColumns, reserve: gap + layout.totalWidth(rightColumns))
        let topColumns = (1...layout.entries.count).last { layout.totalWidth($0) <= plan.plot.width } ?? 1
        let top = OutsideLegend(side: .top, columns: topColumns, reserve: gap + layout.totalHeight(topColumns))
        // The side that takes the smaller share of the plot (the colour bar already holds the right).
        let rightShare = right.reserve / plan.plot.width
        let topShare = top.reserve / plan.plot.height
        return plan.heatmap == nil && right.reserve <= 0.4 * plan.cell.width && rightShare < topShare ? right : top
    }
}
