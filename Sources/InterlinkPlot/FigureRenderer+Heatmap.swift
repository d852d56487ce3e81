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
        try canvas.paintGrid(columns: columns, rows: rows, in: rect) { column, row in
            guard column < map.values[row].count,
                  let f = Self.colorFraction(map.values[row][column], scale: map.colorScale, range: range) else { return nil }
            return colormap.color(at: f)
        }
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
