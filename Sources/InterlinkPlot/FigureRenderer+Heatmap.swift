import Foundation

/// Heatmaps and their colour bars.
extension FigureRenderer {
    /// Position of `value` along the colour scale in [0, 1], or `nil` (NaN, or <= 0 on a log scale).
    static func colorFraction(_ value: Double, scale: Scale, range: (Double, Double)) -> Double? {
        let mapping = AxisMapping(scale: scale, lower: range.0, upper: range.1)
        guard let f = mapping.fraction(value) else { return nil }
        return min(max(f, 0), 1)
    }

    func drawHeatmap(_ map: Heatmap, transform t: PlotTransform) throws {
        let rows = map.values.count
        let columns = map.values.map(\.count).max() ?? 0
        guard rows > 0, columns > 0,
              let x0 = t.px(map.x.lowerBound), let x1 = t.px(map.x.upperBound),
              let y0 = t.py(map.y.lowerBound), let y1 = t.py(map.y.upperBound) else { return }
        let colormap = map.colormap ?? theme.colormap
        let range = FigureLayout.colorRange(map)
        let rect = Rect(x: min(x0, x1), y: min(y0, y1), width: abs(x1 - x0), height: abs(y1 - y0))
        func fraction(_ column: Int, _ row: Int) -> Double? {
            guard column < map.values[row].count else { return nil }
            return Self.colorFraction(map.values[row][column], scale: map.colorScale, range: range)
        }
        switch map.shading {
        case .cells:
            try canvas.paintGrid(columns: columns, rows: rows, in: rect) { column, row in
                fraction(column, row).map { colormap.color(at: $0) }
            }
        case .smooth:
            // About one image pixel per point (at most 16 per cell).
            let kx = min(max(Int((rect.width / Double(columns)).rounded(.up)), 1), 16)
            let ky = min(max(Int((rect.height / Double(rows)).rounded(.up)), 1), 16)
            try canvas.paintGrid(columns: columns * kx, rows: rows * ky, in: rect) { column, row in
                let f = Self.bilinear(column: (Double(column) + 0.5) / Double(kx) - 0.5, columns: columns,
                                      row: (Double(row) + 0.5) / Double(ky) - 0.5, rows: rows, fraction)
                return f.map { colormap.color(at: $0) }
            }
        }
    }

    /// The value of `fraction` at fractional cell-centre coordinates (`column`, `row`), interpolated
    /// bilinearly between the four surrounding cell centres (clamped at the edges); the nearest
    /// cell's value when one of the four is missing.
    static func bilinear(column: Double, columns: Int, row: Double, rows: Int, _ fraction: (Int, Int) -> Double?) -> Double? {
        let u = min(max(column, 0), Double(columns - 1))
        let v = min(max(row, 0), Double(rows - 1))
        let c0 = Int(u.rounded(.down)), r0 = Int(v.rounded(.down))
        let c1 = min(c0 + 1, columns - 1), r1 = min(r0 + 1, rows - 1)
        let fu = u - Double(c0), fv = v - Double(r0)
        guard let a = fraction(c0, r0), let b = fraction(c1, r0), let c = fraction(c0, r1), let d = fraction(c1, r1) else {
            return fraction(Int(u.rounded()), Int(v.rounded()))
        }
        return (a * (1 - fu) + b * fu) * (1 - fv) + (c * (1 - fu) + d * fu) * fv
    }

    /// The colour bar to the right of a panel that holds a heatmap.
    func drawColorBar(_ plan: PanelPlan) throws {
        guard let map = plan.heatmap, let axis = plan.color else { return }
        let m = metrics
        let fs = theme.fontSize
        let colormap = map.colormap ?? theme.colormap
        let bar = Rect(x: plan.plot.maxX + m.colorBarGap, y: plan.plot.minY, width: m.colorBarWidth,
                       height: plan.plot.height)
        try canvas.paintGrid(columns: 1, rows: 256, in: bar) { _, row in colormap.color(at: (Double(row) + 0.5) / 256) }
        canvas.setColor(.black)
        canvas.setLine(width: theme.axisLineWidth)
        canvas.newPath()
        canvas.rectangle(bar)
        canvas.stroke()
        var labelWidth = 0.0
        for tick in axis.major {
            guard let f = axis.mapping.fraction(tick.value), f >= -1e-9, f <= 1 + 1e-9 else { continue }
            let y = bar.maxY - f * bar.height
            canvas.segment(bar.minX, y, bar.minX + theme.minorTickLength, y)
            canvas.segment(bar.maxX, y, bar.maxX - theme.minorTickLength, y)
            let size = try canvas.text(tick.label, size: fs, at: bar.maxX + m.tickLabelGap, y, anchor: .left)
            labelWidth = max(labelWidth, size.width)
        }
        if !map.colorLabel.isEmpty {
            try canvas.text(map.colorLabel, size: fs, at: bar.maxX + m.tickLabelGap + labelWidth + m.labelGap,
                            bar.midY, anchor: .top, angle: -Double.pi / 2, wrapWidth: bar.height)
        }
    }
}
