import Foundation

extension Mark {
    /// Text and arrows are drawn after the frame and are not clipped to the plot area.
    var isAnnotation: Bool {
        switch kind {
        case .text, .pointLabel, .arrow: return true
        default: return false
        }
    }
}

/// Drawing of every mark kind.
extension FigureRenderer {
    /// Draws one styled mark in data coordinates through `t`.
    func drawMark(_ styled: StyledMark, transform t: PlotTransform) throws {
        let color = styled.color
        let lw = theme.lineWidth
        let mark = styled.mark
        switch mark.kind {
        case let .line(x, y, style, marker):
            strokePolyline(x: x, y: y, transform: t, color: color, width: lw, style: style)
            if let marker {
                drawMarkers(x: x, y: y, transform: t, shape: marker, filled: true, color: color)
            }
        case let .scatter(x, y, marker, filled):
            drawMarkers(x: x, y: y, transform: t, shape: marker, filled: filled, color: color)
        case let .errorBars(x, y, yError, xError, marker):
            drawErrorBars(x: x, y: y, yError: yError, xError: xError, transform: t, color: color)
            drawMarkers(x: x, y: y, transform: t, shape: marker, filled: true, color: color)
        case let .band(x, lower, upper):
            fillBand(x: x, lower: lower, upper: upper, transform: t, color: color.opacity(color.alpha * mark.opacity))
        case let .step(x, y, style):
            var sx: [Double] = []
            var sy: [Double] = []
            for i in x.indices where i < y.count {
                if i > 0 {
                    sx.append(x[i])
                    sy.append(y[i - 1])
                }
                sx.append(x[i])
                sy.append(y[i])
            }
            strokePolyline(x: sx, y: sy, transform: t, color: color, width: lw, style: style)
        case let .bars(positions, series, layout, width):
            drawBars(positions: positions, series: series, layout: layout, width: width,
                     colors: styled.seriesColors, transform: t)
        case let .tornado(bars, _, _):
            drawTornado(bars, colors: styled.seriesColors, transform: t)
        case let .histogram(edges, counts):
            drawHistogram(edges: edges, counts: counts, transform: t, color: color)
        case let .heatmap(map):
            try drawHeatmap(map, transform: t)
        case let .contour(set):
            try drawContours(set, transform: t)
        case let .reference(axis, value, style):
            canvas.setColor(color)
            canvas.setLine(width: theme.axisLineWidth * 1.5, dashes: style.dashes(width: theme.axisLineWidth * 1.5),
                           cap: style.needsRoundCaps ? .round : .butt)
            let r = t.rect
            if axis == .x, let px = t.px(value) {
                canvas.segment(px, r.minY, px, r.maxY)
            } else if axis == .y, let py = t.py(value) {
                canvas.segment(r.minX, py, r.maxX, py)
            }
        case let .span(axis, from, to):
            let r = t.rect
            canvas.setColor(color.opacity(color.alpha * mark.opacity))
            canvas.newPath()
            if axis == .x, let a = t.px(from), let b = t.px(to) {
                canvas.rectangle(Rect(x: min(a, b), y: r.minY, width: abs(b - a), height: r.height))
            } else if axis == .y, let a = t.py(from), let b = t.py(to) {
                canvas.rectangle(Rect(x: r.minX, y: min(a, b), width: r.width, height: abs(b - a)))
            }
            canvas.fill()
        case let .fillToEdge(x, y, edge):
            fillToEdge(x: x, y: y, edge: edge, transform: t, color: color.opacity(color.alpha * mark.opacity))
        case let .text(markup, point, anchor):
            guard let p = t.point(point.x, point.y) else { return }
            try canvas.text(markup, size: theme.fontSize, at: p.x, p.y, anchor: anchor, color: color)
        case .pointLabel:
            // Placed together with the panel's other point labels (``drawPointLabels(_:)``).
            break
        case let .arrow(from, to, text):
            try drawArrow(from: from, to: to, text: text, transform: t, color: color)
        }
    }

    /// Runs of consecutive representable points (page coordinates); unrepresentable points break runs.
    func runs(x: [Double], y: [Double], transform t: PlotTransform) -> [[(x: Double, y: Double)]] {
        var result: [[(x: Double, y: Double)]] = []
        var current: [(x: Double, y: Double)] = []
        for i in 0..<min(x.count, y.count) {
            if let p = t.point(x[i], y[i]) {
                current.append(p)
            } else if !current.isEmpty {
                result.append(current)
                current = []
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    func strokePolyline(x: [Double], y: [Double], transform t: PlotTransform, color: Color, width: Double,
                        style: LineStyle) {
        canvas.setColor(color)
        canvas.setLine(width: width, dashes: style.dashes(width: width),
                       cap: style.needsRoundCaps ? .round : .butt)
        canvas.newPath()
        for run in runs(x: x, y: y, transform: t) where run.count >= 2 {
            canvas.move(run[0].x, run[0].y)
            for p in run.dropFirst() { canvas.line(p.x, p.y) }
        }
        canvas.stroke()
    }

    func drawMarkers(x: [Double], y: [Double], transform t: PlotTransform, shape: MarkerShape, filled: Bool,
                     color: Color) {
        for i in 0..<min(x.count, y.count) {
            guard let p = t.point(x[i], y[i]) else { continue }
            canvas.marker(shape, at: p.x, p.y, size: theme.markerSize, color: color, filled: filled,
                          lineWidth: theme.axisLineWidth * 1.4)
        }
    }

    private func drawErrorBars(x: [Double], y: [Double], yError: [Double], xError: [Double]?,
                               transform t: PlotTransform, color: Color) {
        let cap = theme.markerSize * 0.45
        canvas.setColor(color)
        canvas.setLine(width: theme.axisLineWidth * 1.4)
        let r = t.rect
        for i in 0..<min(x.count, y.count) {
            guard let center = t.point(x[i], y[i]) else { continue }
            if i < yError.count, yError[i].isFinite {
                let e = abs(yError[i])
                // On a log axis a lower end <= 0 runs to the bottom of the plot without a cap.
                let low = t.py(y[i] - e)
                let high = t.py(y[i] + e) ?? center.y
                let lowY = low ?? (r.maxY + 1)
                canvas.segment(center.x, lowY, center.x, high)
                if low != nil { canvas.segment(center.x - cap, lowY, center.x + cap, lowY) }
                canvas.segment(center.x - cap, high, center.x + cap, high)
            }
            if let xError, i < xError.count, xError[i].isFinite {
                let e = abs(xError[i])
                let left = t.px(x[i] - e)
                let right = t.px(x[i] + e) ?? center.x
                let leftX = left ?? (r.minX - 1)
                canvas.segment(leftX, center.y, right, center.y)
                if left != nil { canvas.segment(leftX, center.y - cap, leftX, center.y + cap) }
                canvas.segment(right, center.y - cap, right, center.y + cap)
            }
        }
    }

    private func fillBand(x: [Double], lower: [Double], upper: [Double], transform t: PlotTransform, color: Color) {
        // Split into runs where x, lower and upper are all representable.
        let n = min(x.count, lower.count, upper.count)
        var runs: [[(Double, Double, Double)]] = []
        var current: [(Double, Double, Double)] = []
        for i in 0..<n {
            if let px = t.px(x[i]), let lo = t.py(lower[i]), let hi = t.py(upper[i]) {
                current.append((px, lo, hi))
            } else if !current.isEmpty {
                runs.append(current)
                current = []
            }
        }
        if !current.isEmpty { runs.append(current) }
        canvas.setColor(color)
        canvas.newPath()
        for run in runs where run.count >= 2 {
            canvas.move(run[0].0, run[0].2)
            for p in run.dropFirst() { canvas.line(p.0, p.2) }
            for p in run.reversed() { canvas.line(p.0, p.1) }
            canvas.closePath()
        }
        canvas.fill()
    }

    private func fillToEdge(x: [Double], y: [Double], edge: PlotEdge, transform t: PlotTransform, color: Color) {
        let r = t.rect
        let edgeY = edge == .top ? r.minY - 1 : r.maxY + 1
        canvas.setColor(color)
        canvas.newPath()
        for run in runs(x: x, y: y, transform: t) where run.count >= 2 {
            canvas.move(run[0].x, edgeY)
            for p in run { canvas.line(p.x, p.y) }
            canvas.line(run[run.count - 1].x, edgeY)
            canvas.closePath()
        }
        canvas.fill()
    }

    /// Rectangles of a bar group in data units: (left, right, bottom, top, series index).
    static func barRects(positions: [Double], series: [BarSeries], layout: BarLayout, width: Double)
        -> [(Double, Double, Double, Double, Int)] {
        let fraction = min(max(width, 0.05), 1)
        let group = Mark.barSpacing(positions) * fraction
        var rects: [(Double, Double, Double, Double, Int)] = []
        for (index, position) in positions.enumerated() where position.isFinite {
            var up = 0.0
            var down = 0.0
            for (s, item) in series.enumerated() where index < item.values.count && item.values[index].isFinite {
                let v = item.values[index]
                switch layout {
                case .grouped:
                    let w = group / Double(max(series.count, 1))
                    let left = position - group / 2 + Double(s) * w
                    rects.append((left, left + w, min(0, v), max(0, v), s))
                case .stacked:
                    let base = v >= 0 ? up : down
                    rects.append((position - group / 2, position + group / 2, min(base, base + v), max(base, base + v), s))
                    if v >= 0 { up += v } else { down += v }
                }
            }
        }
        return rects
    }

    private func drawBars(positions: [Double], series: [BarSeries], layout: BarLayout, width: Double,
                          colors: [Color], transform t: PlotTransform) {
        let r = t.rect
        for (left, right, bottom, top, s) in Self.barRects(positions: positions, series: series, layout: layout, width: width) {
            guard let x0 = t.px(left), let x1 = t.px(right), let y1 = t.py(top) else { continue }
            let y0 = t.py(bottom) ?? (r.maxY + 1)
            let rect = Rect(x: min(x0, x1), y: min(y0, y1), width: abs(x1 - x0), height: abs(y1 - y0))
            canvas.newPath()
            canvas.rectangle(rect)
            canvas.setColor(s < colors.count ? colors[s] : .black)
            canvas.fillPreserve()
            canvas.setColor(.black)
            canvas.setLine(width: theme.axisLineWidth * 0.8)
            canvas.stroke()
        }
    }

    /// Filled bins and the outline of every run of non-empty bins. Empty bins draw nothing: an
    /// outline along the baseline would lie on the axis spine (half clipped at the frame) and read
    /// as data where there is none.
    private func drawHistogram(edges: [Double], counts: [Double], transform t: PlotTransform, color: Color) {
        let r = t.rect
        let base = t.py(0) ?? (r.maxY + 1)
        canvas.newPath()
        var runs: [[(Double, Double)]] = []
        var run: [(Double, Double)] = []
        for i in 0..<min(counts.count, edges.count - 1) {
            guard let x0 = t.px(edges[i]), let x1 = t.px(edges[i + 1]), counts[i] != 0 else {
                if !run.isEmpty { runs.append(run) }
                run = []
                continue
            }
            let top = t.py(counts[i]) ?? (r.maxY + 1)
            canvas.rectangle(Rect(x: x0, y: min(top, base), width: x1 - x0, height: abs(base - top)))
            run.append((x0, top))
            run.append((x1, top))
        }
        if !run.isEmpty { runs.append(run) }
        canvas.setColor(color.opacity(0.45))
        canvas.fill()
        // Outline of each run's envelope, from the baseline up and back down to it.
        canvas.setColor(color)
        canvas.setLine(width: theme.lineWidth * 0.8, join: .miter)
        for outline in runs {
            guard let first = outline.first, let last = outline.last else { continue }
            canvas.newPath()
            canvas.move(first.0, base)
            for p in outline { canvas.line(p.0, p.1) }
            canvas.line(last.0, base)
            canvas.stroke()
        }
    }

    private func drawArrow(from: DataPoint, to: DataPoint, text: String?, transform t: PlotTransform,
                           color: Color) throws {
        guard let a = t.point(from.x, from.y), let b = t.point(to.x, to.y) else { return }
        let dx = b.x - a.x
        let dy = b.y - a.y
        let length = (dx * dx + dy * dy).squareRoot()
        guard length > 1e-6 else { return }
        let ux = dx / length
        let uy = dy / length
        let head = theme.fontSize * 0.55
        let lw = theme.axisLineWidth * 1.4
        canvas.setColor(color)
        canvas.setLine(width: lw)
        canvas.segment(a.x, a.y, b.x - ux * head * 0.8, b.y - uy * head * 0.8)
        canvas.newPath()
        canvas.move(b.x, b.y)
        canvas.line(b.x - ux * head - uy * head * 0.38, b.y - uy * head + ux * head * 0.38)
        canvas.line(b.x - ux * head + uy * head * 0.38, b.y - uy * head - ux * head * 0.38)
        canvas.closePath()
        canvas.fill()
        guard let text, !text.isEmpty else { return }
        let gap = theme.fontSize * 0.2
        let anchor: TextAnchor
        if abs(ux) >= abs(uy) {
            anchor = ux > 0 ? .right : .left
        } else {
            anchor = uy > 0 ? .bottom : .top
        }
        try canvas.text(text, size: theme.fontSize, at: a.x - ux * gap, a.y - uy * gap, anchor: anchor, color: color)
    }
}
