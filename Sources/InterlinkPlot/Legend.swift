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
            case .bars, .heatmap, .text, .arrow, .tornado:
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

    /// Page points along a panel's data: vertices and points every ~1.5 pt along lines, and a grid
    /// over bars, so that legend placement can count what a box would hide.
    static func samples(_ styled: [StyledMark], transform t: PlotTransform) -> [(x: Double, y: Double)] {
        var points: [(x: Double, y: Double)] = []
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
            var y = r.minY
            while y <= r.maxY {
                var x = r.minX
                while x <= r.maxX {
                    points.append((x, y))
                    x += 2
                }
                y += 2
            }
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
            case let .line(x, y, _, _), let .scatter(x, y, _, _), let .step(x, y, _):
                polyline(x, y)
            case let .fillToEdge(x, y, edge):
                polyline(x, y)
                let edgeY = edge == .top ? t.rect.minY : t.rect.maxY
                strips(densified(x, [y]).compactMap { s in
                    guard let px = t.px(s.x), let py = t.py(s.ys[0]) else { return nil }
                    return (px, py, edgeY)
                })
            case let .errorBars(x, y, yError, _, _):
                polyline(x, y)
                for i in 0..<min(x.count, y.count, yError.count) {
                    polyline([x[i], x[i]], [y[i] - abs(yError[i]), y[i] + abs(yError[i])])
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
            case let .text(_, point, _):
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
            case .reference:
                break
            }
        }
        return points
    }
}

extension FigureRenderer {
    /// Draws the legend of a panel where it covers the least data (or where asked).
    func drawLegend(_ plan: PanelPlan) throws {
        guard plan.panel.legend != .hidden else { return }
        let entries = Legend.entries(plan.styled, theme: theme)
        guard !entries.isEmpty else { return }
        let fs = theme.fontSize
        let glyphWidth = 2.2 * fs
        let gap = 0.4 * fs
        let padding = 0.3 * fs
        var rowHeights: [Double] = []
        var textWidths: [Double] = []
        for entry in entries {
            let size = try canvas.measure(entry.label, size: fs)
            rowHeights.append(max(size.height, theme.markerSize + 2))
            textWidths.append(size.width)
        }
        // Entries fill columns top to bottom.
        let rowHeight = rowHeights.max() ?? fs
        let inset = 0.4 * fs
        func rows(_ c: Int) -> Int { (entries.count + c - 1) / c }
        func members(_ c: Int, _ column: Int) -> Range<Int> {
            min(column * rows(c), entries.count)..<min((column + 1) * rows(c), entries.count)
        }
        func columnWidth(_ c: Int, _ column: Int) -> Double {
            glyphWidth + gap + (members(c, column).map { textWidths[$0] }.max() ?? 0)
        }
        func totalWidth(_ c: Int) -> Double {
            padding * 2 + (0..<c).map { columnWidth(c, $0) }.reduce(0, +) + Double(c - 1) * 2 * gap
        }
        func totalHeight(_ c: Int) -> Double { padding * 2 + Double(rows(c)) * rowHeight }
        // Column counts that fit inside the plot.
        var options = (1...min(entries.count, 4)).filter {
            totalWidth($0) <= plan.plot.width - 2 * inset && totalHeight($0) <= plan.plot.height - 2 * inset
        }
        if options.isEmpty { options = [1] }
        let position: LegendPosition
        let columns: Int
        if plan.panel.legend == .auto {
            // The position and column count covering the least data; fewer columns win ties.
            let samples = Legend.samples(plan.styled, transform: plan.transform)
            var best = (position: LegendPosition.topRight, columns: 1, covered: Int.max)
            for c in options {
                let (candidate, covered) = Legend.placeScored(
                    width: totalWidth(c), height: totalHeight(c), plot: plan.plot, inset: inset, samples: samples)
                if covered < best.covered { best = (candidate, c, covered) }
            }
            position = best.position
            columns = best.columns
        } else {
            // Where asked: one column unless it would be taller than 85 % of the plot.
            position = plan.panel.legend
            columns = options.first { totalHeight($0) <= 0.85 * plan.plot.height } ?? options[options.count - 1]
        }
        let width = totalWidth(columns)
        let height = totalHeight(columns)
        let box = Legend.rect(position, width: width, height: height, plot: plan.plot, inset: inset)
        // A white backing (no frame) keeps text legible if data cannot be avoided entirely.
        canvas.setColor(Color.white.opacity(0.85))
        canvas.newPath()
        canvas.rectangle(box)
        canvas.fill()
        var x = box.minX + padding
        for column in 0..<columns {
            var y = box.minY + padding
            for index in members(columns, column) {
                let cy = y + rowHeight / 2
                drawGlyph(entries[index].glyph, x: x, width: glyphWidth, centerY: cy, height: rowHeight)
                try canvas.text(entries[index].label, size: fs, at: x + glyphWidth + gap, cy, anchor: .left)
                y += rowHeight
            }
            x += columnWidth(columns, column) + 2 * gap
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
