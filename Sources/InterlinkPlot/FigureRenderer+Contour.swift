import Foundation

/// Contour lines with inline level labels.
extension FigureRenderer {
    func drawContours(_ set: ContourSet, transform t: PlotTransform) throws {
        let levels = set.levels.filter(\.isFinite).sorted()
        guard !levels.isEmpty else { return }
        let minGap = zip(levels, levels.dropFirst()).map { $1 - $0 }.filter { $0 > 0 }.min() ?? max(abs(levels[0]), 1)
        var labels: [(String, Double, Double, Double)] = []
        for (index, level) in levels.enumerated() {
            let color = set.color
                ?? theme.colormap.color(at: levels.count == 1 ? 0.5 : 0.85 * Double(index) / Double(levels.count - 1))
            let lines = MarchingSquares.contour(x: set.x, y: set.y, z: set.z, level: level)
            canvas.setColor(color)
            canvas.setLine(width: theme.lineWidth * 0.8)
            canvas.newPath()
            var longest: [(x: Double, y: Double)] = []
            var longestLength = 0.0
            for line in lines {
                let page = line.compactMap { t.point($0.x, $0.y) }
                guard page.count >= 2 else { continue }
                canvas.move(page[0].x, page[0].y)
                var length = 0.0
                for (a, b) in zip(page, page.dropFirst()) {
                    canvas.line(b.x, b.y)
                    length += hypot(b.x - a.x, b.y - a.y)
                }
                if length > longestLength {
                    longestLength = length
                    longest = page
                }
            }
            canvas.stroke()
            guard set.labeled, longestLength > theme.fontSize * 5 else { continue }
            // Label at half the arc length, rotated along the line and kept upright.
            var walked = 0.0
            for (a, b) in zip(longest, longest.dropFirst()) {
                let d = hypot(b.x - a.x, b.y - a.y)
                if walked + d >= longestLength / 2, d > 0 {
                    let f = (longestLength / 2 - walked) / d
                    var angle = atan2(b.y - a.y, b.x - a.x)
                    if angle > Double.pi / 2 { angle -= Double.pi }
                    if angle < -Double.pi / 2 { angle += Double.pi }
                    labels.append((Ticks.label(level, step: minGap), a.x + f * (b.x - a.x), a.y + f * (b.y - a.y), angle))
                    break
                }
                walked += d
            }
        }
        let size = theme.fontSize * 0.85
        for (text, x, y, angle) in labels {
            let extent = try canvas.measure(text, size: size)
            canvas.save()
            canvas.translate(x, y)
            canvas.rotate(angle)
            canvas.setColor(.white)
            canvas.newPath()
            canvas.rectangle(Rect(x: -extent.width / 2 - 1, y: -extent.height / 2, width: extent.width + 2,
                                  height: extent.height))
            canvas.fill()
            canvas.restore()
            try canvas.text(text, size: size, at: x, y, anchor: .center, angle: angle)
        }
    }
}
