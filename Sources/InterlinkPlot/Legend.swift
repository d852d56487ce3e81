import Foundation

/// The sample drawn before a legend label.
enum LegendGlyph {
    case line(Color, LineStyle, MarkerShape?)
    case marker(Color, MarkerShape, filled: Bool)
    case errorBar(Color, MarkerShape)
    case swatch(Color, outlined: Bool)
}

/// One legend row.
struct LegendEntry {
    var label: String
    var glyph: LegendGlyph
}

/// Legend entries, size, placement avoiding data, and drawing.
enum Legend {
    /// Entries for every labelled mark (and every labelled series of a bar group), in order.
    static func entries(_ styled: [StyledMark], theme: Theme) -> [LegendEntry] {
        var result: [LegendEntry] = []
        for item in styled {
            let mark = item.mark
            if case let .bars(_, series, _, _) = mark.kind {
                for (s, bar) in series.enumerated() where !bar.label.isEmpty {
                    let color = s < item.seriesColors.count ? item.seriesColors[s] : .black
                    result.append(LegendEntry(label: bar.label, glyph: .swatch(color, outlined: true)))
                }
                continue
            }
            if case let .tornado(bars, _, _) = mark.kind {
                for (s, label) in [bars.lowLabel, bars.highLabel].enumerated() where !label.isEmpty {
                    let color = s < item.seriesColors.count ? item.seriesColors[s] : .black
                    result.append(LegendEntry(label: label, glyph: .swatch(color, outlined: true)))
                }
                continue
            }
            guard let label = mark.label, !label.isEmpty else { continue }
            let color = item.color
            switch mark.kind {
            case let .line(_, _, style, marker):
                result.append(LegendEntry(label: label, glyph: .line(color, style, marker)))
            case let .step(_, _, style):
                result.append(LegendEntry(label: label, glyph: .line(color, style, nil)))
            case let .reference(_, _, style):
                result.append(LegendEntry(label: label, glyph: .line(color, style, nil)))
            case let .contour(set):
                result.append(LegendEntry(label: label, glyph: .line(set.color ?? theme.colormap.color(at: 0.5), .solid, nil)))
            case let .scatter(_, _, marker, filled):
                result.append(LegendEntry(label: label, glyph: .marker(color, marker, filled: filled)))
            case let .errorBars(_, _, _, _, marker):
                result.append(LegendEntry(label: label, glyph: .errorBar(color, marker)))
            case .band, .span, .fillToEdge:
                result.append(LegendEntry(label: label, glyph: .swatch(color.opacity(color.alpha * mark.opacity), outlined: false)))
            case .histogram:
                result.append(LegendEntry(label: label, glyph: .swatch(color.opacity(0.45), outlined: false)))
            case .bars, .heatmap, .text, .pointLabel, .arrow, .tornado:
                break
            }
        }
        return result
    }

    /// Inside positions tried by `.auto`, in order of preference.
    static let candidates: [LegendPosition] = [.topRight, .topLeft, .bottomRight, .bottomLeft, .top, .bottom, .right, .left]

    /// The rectangle of a `width` x `height` legend at `position` inside `plot`, inset by `inset`.
    static func rect(_ position: LegendPosition, width: Double, height: Double, plot: Rect, inset: Double) -> Rect {
        let left = plot.minX + inset
        let right = plot.maxX - inset - width
        let centerX = plot.midX - width / 2
        let top = plot.minY + inset
        let bottom = plot.maxY - inset - height
        let centerY = plot.midY - height / 2
        let (x, y): (Double, Double)
        switch position {
        case .topRight, .auto, .hidden: (x, y) = (right, top)
        case .topLeft: (x, y) = (left, top)
        case .bottomRight: (x, y) = (right, bottom)
        case .bottomLeft: (x, y) = (left, bottom)
        case .top: (x, y) = (centerX, top)
        case .bottom: (x, y) = (centerX, bottom)
        case .right: (x, y) = (right, centerY)
        case .left: (x, y) = (left, centerY)
        }
        return Rect(x: x, y: y, width: width, height: height)
    }

    /// The candidate position whose rectangle covers the fewest `samples` (page points of the data);
    /// ties go to the earlier candidate.
    static func place(width: Double, height: Double, plot: Rect, inset: Double,
                      samples: [(x: Double, y: Double)]) -> LegendPosition {
        placeScored(width: width, height: height, plot: plot, inset: inset, samples: samples).position
    }

    /// Like ``place(width:height:plot:inset:samples:)``, also returning how many samples the chosen
    /// rectangle covers.
    static func placeScored(width: Double, height: Double, plot: Rect, inset: Double,
                            samples: [(x: Double, y: Double)]) -> (position: LegendPosition, covered: Int) {
        var best = LegendPosition.topRight
        var bestScore = Int.max
        for candidate in candidates {
            let box = rect(candidate, width: width, height: height, plot: plot, inset: inset).insetBy(-inset * 0.5)
            let score = samples.reduce(0) { $0 + (box.contains($1.x, $1.y) ? 1 : 0) }
            if score < bestScore {
                bestScore = score
                best = candidate
            }
        }
        return (best, bestScore)
    }

    /// Page points along a panel's data: vertices and points every ~1.5 pt along lines, a ring of
    /// `markerRadius` around every marker, error bars with their caps, reference lines across the
    /// panel, and a grid over bars and filled areas, so that legend placement can count what a box
    /// would hide.
    static func samples(_ styled: [StyledMark], transform t: PlotTransform,
                        markerRadius: Double = 0) -> [(x: Double, y: Double)] {
        var points: [(x: Double, y: Double)] = []
        /// Points on a circle of `markerRadius` around every data point (the drawn marker's outline).
        func markers(_ xs: [Double], _ ys: [Double]) {
            guard markerRadius > 0 else { return }
            for i in 0..<min(xs.count, ys.count) {
                guard let p = t.point(xs[i], ys[i]) else { continue }
                for k in 0..<8 {
                    let angle = Double(k) * Double.pi / 4
                    points.append((p.x + markerRadius * cos(angle), p.y + markerRadius * sin(angle)))
                }
            }
        }
        func polyline(_ xs: [Double], _ ys: [Double]) {
            var previous: (x: Double, y: Double)?
            for i in 0..<min(xs.count, ys.count) {
                guard let p = t.point(xs[i], ys[i]) else {
                    previous = nil
                    continue
                }
                if let q = previous {
                    let n = min(Int(hypot(p.x - q.x, p.y - q.y) / 1.5), 2000)
                    if n > 1 {
                        for k in 1..<n {
                            let f = Double(k) / Double(n)
                            points.append((q.x + f * (p.x - q.x), q.y + f * (p.y - q.y)))
                        }
                    }
                }
                points.append(p)
                previous = p
            }
        }
        func area(_ r: Rect) {
            points += grid(r)
        }
        /// Points every 3 pt on vertical strips between two page curves (filled areas count as data).
        func strips(_ columns: [(x: Double, top: Double, bottom: Double)]) {
            for c in columns {
                var y = min(c.top, c.bottom)
                while y <= max(c.top, c.bottom) {
                    points.append((c.x, y))
                    y += 3
                }
            }
        }
        /// Data x values densified to about every 3 pt (for area sampling).
        func densified(_ xs: [Double], _ ys: [[Double]]) -> [(x: Double, ys: [Double])] {
            var result: [(x: Double, ys: [Double])] = []
            for i in 0..<xs.count where ys.allSatisfy({ i < $0.count }) {
                let column = ys.map { $0[i] }
                if i > 0, let p0 = t.px(xs[i - 1]), let p1 = t.px(xs[i]) {
                    let n = min(Int(abs(p1 - p0) / 3), 500)
                    if n > 1 {
                        for k in 1..<n {
                            let f = Double(k) / Double(n)
                            result.append((xs[i - 1] + f * (xs[i] - xs[i - 1]),
                                           zip(ys.map { $0[i - 1] }, column).map { $0 + f * ($1 - $0) }))
                        }
                    }
                }
                result.append((xs[i], column))
            }
            return result
        }
        for item in styled {
            switch item.mark.kind {
            case let .line(x, y, _, marker):
                polyline(x, y)
                if marker != nil { markers(x, y) }
            case let .scatter(x, y, _, _):
                polyline(x, y)
                markers(x, y)
            case let .step(x, y, _):
                polyline(x, y)
            case let .fillToEdge(x, y, edge):
                polyline(x, y)
                let edgeY = edge == .top ? t.rect.minY : t.rect.maxY
                strips(densified(x, [y]).compactMap { s in
                    guard let px = t.px(s.x), let py = t.py(s.ys[0]) else { return nil }
                    return (px, py, edgeY)
                })
            case let .errorBars(x, y, yError, xError, _):
                polyline(x, y)
                markers(x, y)
                for i in 0..<min(x.count, y.count, yError.count) {
                    polyline([x[i], x[i]], [y[i] - abs(yError[i]), y[i] + abs(yError[i])])
                    // The caps: short horizontal strokes at both ends.
                    for end in [y[i] - abs(yError[i]), y[i] + abs(yError[i])] {
                        if let p = t.point(x[i], end) {
                            points.append((p.x - markerRadius, p.y))
                            points.append((p.x + markerRadius, p.y))
                        }
                    }
                    if let xError, i < xError.count {
                        polyline([x[i] - abs(xError[i]), x[i] + abs(xError[i])], [y[i], y[i]])
                    }
                }
            case let .band(x, lower, upper):
                polyline(x, lower)
                polyline(x, upper)
                strips(densified(x, [lower, upper]).compactMap { s in
                    guard let px = t.px(s.x), let lo = t.py(s.ys[0]), let hi = t.py(s.ys[1]) else { return nil }
                    return (px, hi, lo)
                })
            case let .bars(positions, series, layout, width):
                for (l, r, b, top, _) in FigureRenderer.barRects(positions: positions, series: series, layout: layout, width: width) {
                    guard let x0 = t.px(l), let x1 = t.px(r), let y1 = t.py(top) else { continue }
                    let y0 = t.py(b) ?? t.rect.maxY
                    area(Rect(x: min(x0, x1), y: min(y0, y1), width: abs(x1 - x0), height: abs(y1 - y0)))
                }
            case let .tornado(bars, _, _):
                for (x0, x1, y0, y1, _) in bars.rects() {
                    guard let a = t.px(x0), let b = t.px(x1), let c = t.py(y0), let d = t.py(y1) else { continue }
                    area(Rect(x: min(a, b), y: min(c, d), width: abs(b - a), height: abs(d - c)))
                }
            case let .histogram(edges, counts):
                for i in 0..<min(counts.count, max(edges.count - 1, 0)) {
                    guard let x0 = t.px(edges[i]), let x1 = t.px(edges[i + 1]), let y1 = t.py(counts[i]) else { continue }
                    let y0 = t.py(0) ?? t.rect.maxY
                    area(Rect(x: min(x0, x1), y: min(y0, y1), width: abs(x1 - x0), height: abs(y1 - y0)))
                }
            case let .contour(set):
                for level in set.levels {
                    for line in MarchingSquares.contour(x: set.x, y: set.y, z: set.z, level: level) {
                        polyline(line.map(\.x), line.map(\.y))
                    }
                }
            case let .heatmap(map):
                if let x0 = t.px(map.x.lowerBound), let x1 = t.px(map.x.upperBound),
                   let y0 = t.py(map.y.lowerBound), let y1 = t.py(map.y.upperBound) {
                    area(Rect(x: min(x0, x1), y: min(y0, y1), width: abs(x1 - x0), height: abs(y1 - y0)))
                }
            case let .text(_, point, _), let .pointLabel(_, point):
                polyline([point.x], [point.y])
            case let .arrow(from, to, _):
                polyline([from.x, to.x], [from.y, to.y])
            case let .span(axis, from, to):
                let r = t.rect
                if axis == .x, let a = t.px(from), let b = t.px(to) {
                    area(Rect(x: min(a, b), y: r.minY, width: abs(b - a), height: r.height))
                } else if axis == .y, let a = t.py(from), let b = t.py(to) {
                    area(Rect(x: r.minX, y: min(a, b), width: r.width, height: abs(b - a)))
                }
            case let .reference(axis, value, _):
                let r = t.rect
                if axis == .x, let px = t.px(value) {
                    strips([(px, r.minY, r.maxY)])
                } else if axis == .y, let py = t.py(value) {
                    var x = r.minX
                    while x <= r.maxX {
                        points.append((x, py))
                        x += 1.5
                    }
                }
            }
        }
        return points
    }
}

extension FigureRenderer {
    /// Draws the legend of a panel: where the layout put it outside the plot, where asked, or
    /// (`.auto`) at the inside position covering no data (``Legend/choose(_:canvas:theme:)``).
    func drawLegend(_ plan: PanelPlan) throws {
        guard let layout = try LegendLayout(plan, canvas: canvas, theme: theme) else { return }
        let box: Rect
        let columns: Int
        if let outside = plan.outsideLegend {
            columns = outside.columns
            let gap = LegendLayout.outsideGap(theme)
            switch outside.side {
            case .right:
                box = Rect(x: plan.plot.maxX + gap, y: plan.plot.minY,
                           width: layout.totalWidth(columns), height: layout.totalHeight(columns))
            case .top:
                let height = layout.totalHeight(columns)
                box = Rect(x: plan.plot.minX, y: plan.plot.minY - gap - height,
                           width: layout.totalWidth(columns), height: height)
            }
        } else {
            let choice = Legend.choose(plan, layout: layout, samples: try Legend.allSamples(plan, canvas: canvas, theme: theme))
            columns = choice.columns
            box = Legend.rect(choice.position, width: layout.totalWidth(columns), height: layout.totalHeight(columns),
                              plot: plan.plot, inset: layout.inset)
            // A white backing (no frame) keeps text legible if data cannot be avoided entirely.
            canvas.setColor(Color.white.opacity(0.85))
            canvas.newPath()
            canvas.rectangle(box)
            canvas.fill()
        }
        let entries = layout.entries
        var x = box.minX + layout.padding
        for column in 0..<columns {
            var y = box.minY + layout.padding
            for index in layout.members(columns, column) {
                let cy = y + layout.rowHeight / 2
                drawGlyph(entries[index].glyph, x: x, width: layout.glyphWidth, centerY: cy, height: layout.rowHeight)
                try canvas.text(entries[index].label, size: theme.fontSize, at: x + layout.glyphWidth + layout.gap, cy, anchor: .left)
                y += layout.rowHeight
            }
            x += layout.columnWidth(columns, column) + 2 * layout.gap
        }
    }

    private func drawGlyph(_ glyph: LegendGlyph, x: Double, width: Double, centerY cy: Double, height: Double) {
        let lw = theme.lineWidth
        switch glyph {
        case let .line(color, style, marker):
            canvas.setColor(color)
            canvas.setLine(width: lw, dashes: style.dashes(width: lw),
                           cap: style.needsRoundCaps ? .round : .butt)
            canvas.segment(x, cy, x + width, cy)
            if let marker {
                canvas.marker(marker, at: x + width / 2, cy, size: theme.markerSize, color: color, filled: true,
                              lineWidth: theme.axisLineWidth * 1.4)
            }
        case let .marker(color, shape, filled):
            canvas.marker(shape, at: x + width / 2, cy, size: theme.markerSize, color: color, filled: filled,
                          lineWidth: theme.axisLineWidth * 1.4)
        case let .errorBar(color, shape):
            canvas.setColor(color)
            canvas.setLine(width: theme.axisLineWidth * 1.4)
            let half = height * 0.4
            let cap = theme.markerSize * 0.45
            canvas.segment(x + width / 2, cy - half, x + width / 2, cy + half)
            canvas.segment(x + width / 2 - cap, cy - half, x + width / 2 + cap, cy - half)
            canvas.segment(x + width / 2 - cap, cy + half, x + width / 2 + cap, cy + half)
            canvas.marker(shape, at: x + width / 2, cy, size: theme.markerSize, color: color, filled: true,
                          lineWidth: theme.axisLineWidth * 1.4)
        case let .swatch(color, outlined):
            let h = min(height * 0.7, theme.fontSize * 0.8)
            let rect = Rect(x: x + width * 0.15, y: cy - h / 2, width: width * 0.7, height: h)
            canvas.newPath()
            canvas.rectangle(rect)
            canvas.setColor(color)
            if outlined {
                canvas.fillPreserve()
                canvas.setColor(.black)
                canvas.setLine(width: theme.axisLineWidth * 0.8)
                canvas.stroke()
            } else {
                canvas.fill()
            }
        }
    }
}
