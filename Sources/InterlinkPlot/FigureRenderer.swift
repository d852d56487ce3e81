import Foundation

/// Draws a laid-out figure on a canvas: marks, frames, ticks, labels, legends and colour bars.
struct FigureRenderer {
    let figure: Figure
    let canvas: Canvas

    var theme: Theme { figure.theme }
    var metrics: LayoutMetrics { LayoutMetrics(fontSize: theme.fontSize) }

    /// Lays out and draws every panel.
    func draw() throws {
        let plans = try FigureLayout.plan(figure, canvas: canvas)
        for plan in plans {
            try drawPanel(plan)
        }
    }

    private func drawPanel(_ plan: PanelPlan) throws {
        let transform = plan.transform
        // Marks, clipped to the plot area.
        canvas.save()
        canvas.rectangle(plan.plot)
        canvas.clip()
        canvas.newPath()
        for styled in plan.styled where !styled.mark.isAnnotation {
            try drawMark(styled, transform: transform)
        }
        canvas.restore()
        try drawFrame(plan)
        // Annotations may extend past the frame (e.g. text near an edge).
        for styled in plan.styled where styled.mark.isAnnotation {
            try drawMark(styled, transform: transform)
        }
        try drawPointLabels(plan)
        try drawLegend(plan)
        try drawColorBar(plan)
        try drawAxisText(plan)
    }

    /// Frame and inward ticks on all four sides.
    private func drawFrame(_ plan: PanelPlan) throws {
        let r = plan.plot
        let lw = theme.axisLineWidth
        canvas.setColor(.black)
        canvas.setLine(width: lw, cap: .square, join: .miter)
        canvas.newPath()
        canvas.rectangle(r)
        canvas.stroke()
        canvas.setLine(width: lw)
        func xTicks(_ values: [Double], length: Double) {
            for v in values {
                guard let f = plan.x.mapping.fraction(v), f >= -1e-9, f <= 1 + 1e-9 else { continue }
                let px = r.minX + f * r.width
                canvas.segment(px, r.maxY, px, r.maxY - length)
                canvas.segment(px, r.minY, px, r.minY + length)
            }
        }
        func yTicks(_ values: [Double], length: Double) {
            for v in values {
                guard let f = plan.y.mapping.fraction(v), f >= -1e-9, f <= 1 + 1e-9 else { continue }
                let py = r.maxY - f * r.height
                canvas.segment(r.minX, py, r.minX + length, py)
                canvas.segment(r.maxX, py, r.maxX - length, py)
            }
        }
        xTicks(plan.x.major.map(\.value), length: theme.majorTickLength)
        xTicks(plan.x.minor, length: theme.minorTickLength)
        yTicks(plan.y.major.map(\.value), length: theme.majorTickLength)
        yTicks(plan.y.minor, length: theme.minorTickLength)
    }

    /// Tick labels, axis labels, title and panel label.
    private func drawAxisText(_ plan: PanelPlan) throws {
        let r = plan.plot
        let fs = theme.fontSize
        let m = metrics
        if plan.showXTickLabels {
            for tick in plan.x.major {
                guard let f = plan.x.mapping.fraction(tick.value), f >= -1e-9, f <= 1 + 1e-9 else { continue }
                try canvas.text(tick.label, size: fs, at: r.minX + f * r.width, r.maxY + m.tickLabelGap, anchor: .top)
            }
        }
        if plan.showYTickLabels {
            for tick in plan.y.major {
                guard let f = plan.y.mapping.fraction(tick.value), f >= -1e-9, f <= 1 + 1e-9 else { continue }
                try canvas.text(tick.label, size: fs, at: r.minX - m.tickLabelGap, r.maxY - f * r.height, anchor: .right)
            }
        }
        if plan.showXLabel, !plan.panel.x.label.isEmpty {
            try canvas.text(plan.panel.x.label, size: fs, at: r.midX, r.maxY + plan.margins.bottom - m.pad, anchor: .bottom,
                            wrapWidth: r.width)
        }
        if plan.showYLabel, !plan.panel.y.label.isEmpty {
            try canvas.text(plan.panel.y.label, size: fs, at: r.minX - plan.margins.left + m.pad, r.midY,
                            anchor: .top, angle: -Double.pi / 2, wrapWidth: r.height)
        }
        if let title = plan.panel.title, !title.isEmpty {
            let legendAbove = plan.outsideLegend.map { $0.side == .top ? $0.reserve : 0 } ?? 0
            try canvas.text(title, size: fs, at: r.midX, r.minY - 0.3 * fs - legendAbove, anchor: .bottom, wrapWidth: r.width)
        }
        if let label = plan.panelLabel {
            try canvas.text(label, size: fs, at: plan.cell.minX + m.pad, plan.cell.minY + m.pad, anchor: .topLeft)
        }
    }
}
