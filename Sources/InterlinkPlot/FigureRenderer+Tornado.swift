/// Drawing of tornado charts.
extension FigureRenderer {
    /// Fills each low/high bar of `bars` (colours: low, high) and outlines it.
    func drawTornado(_ bars: TornadoBars, colors: [Color], transform t: PlotTransform) {
        for (x0, x1, y0, y1, s) in bars.rects() {
            guard let a = t.px(x0), let b = t.px(x1), let c = t.py(y0), let d = t.py(y1) else { continue }
            canvas.newPath()
            canvas.rectangle(Rect(x: min(a, b), y: min(c, d), width: abs(b - a), height: abs(d - c)))
            canvas.setColor(s < colors.count ? colors[s] : .black)
            canvas.fillPreserve()
            canvas.setColor(.black)
            canvas.setLine(width: theme.axisLineWidth * 0.8)
            canvas.stroke()
        }
    }
}
