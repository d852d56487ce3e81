import Foundation

/// A point label with the place the renderer chose for it.
struct PlacedPointLabel {
    /// The label's markup and colour.
    var markup: String
    var color: Color
    /// Page position of the text's anchor and the anchor used there.
    var position: (x: Double, y: Double)
    var anchor: TextAnchor
    /// The text's box on the page.
    var box: Rect
}

/// Placement of ``Mark/pointLabel(_:at:color:)`` marks: each label goes to the first of eight
/// positions around its point (right, left, above, below, then the diagonals) with the lowest
/// cost, where the cost counts drawn lines, markers, reference lines, contours and text the box
/// would cover, and adds heavy penalties for leaving the plot, overlapping a label placed before
/// it, or sitting at least as near another marker as its own (a reader would give it to that
/// marker). Filled areas (heatmaps, bands, bars) do not count: labels may sit on them.
enum PointLabels {
    /// Cost of a box that leaves the plot or overlaps a label already placed.
    static let blocked = 10_000
    /// Cost of a box nearer another marker than its own.
    static let ambiguous = 1_000

    /// The point labels of `plan`, placed in the order they were added.
    static func place(_ plan: PanelPlan, canvas: Canvas, theme: Theme) throws -> [PlacedPointLabel] {
        let labels = plan.styled.compactMap { item -> (String, DataPoint, Color)? in
            if case let .pointLabel(markup, point) = item.mark.kind { return (markup, point, item.color) }
            return nil
        }
        guard !labels.isEmpty else { return [] }
        let t = plan.transform
        let radius = theme.markerSize / 2 + theme.axisLineWidth
        let sparse = plan.styled.filter { item in
            switch item.mark.kind {
            case .line, .scatter, .errorBars, .step, .reference, .contour, .arrow: return true
            default: return false
            }
        }
        var obstacles = Legend.samples(sparse, transform: t, markerRadius: radius)
        obstacles += try Legend.annotationSamples(plan, canvas: canvas, theme: theme)
        var markers: [(x: Double, y: Double)] = []
        for item in plan.styled {
            switch item.mark.kind {
            case let .scatter(x, y, _, _), let .errorBars(x, y, _, _, _), let .line(x, y, _, .some):
                for i in 0..<min(x.count, y.count) { if let p = t.point(x[i], y[i]) { markers.append(p) } }
            default:
                continue
            }
        }
        let gap = radius + 0.25 * theme.fontSize
        let diagonal = gap * 0.75
        // (dx, dy) from the point to the anchor, and the anchor, in order of preference: beside,
        // above and below centred, the diagonals, then above and below starting at the marker and
        // running right or left (clear of a neighbour on the other side).
        let candidates: [(dx: Double, dy: Double, anchor: TextAnchor)] = [
            (gap, 0, .left), (-gap, 0, .right), (0, -gap, .bottom), (0, gap, .top),
            (diagonal, -diagonal, .bottomLeft), (diagonal, diagonal, .topLeft),
            (-diagonal, -diagonal, .bottomRight), (-diagonal, diagonal, .topRight),
            (-radius, -gap, .bottomLeft), (radius, -gap, .bottomRight), (-radius, gap, .topLeft), (radius, gap, .topRight),
        ]
        struct Item {
            var markup: String
            var color: Color
            var point: (x: Double, y: Double)
            var size: TextExtent
        }
        var items: [Item] = []
        for (markup, point, color) in labels {
            guard let p = t.point(point.x, point.y) else { continue }
            items.append(Item(markup: markup, color: color, point: p, size: try canvas.measure(markup, size: theme.fontSize)))
        }
        /// The cheapest place for `item` given the other labels' boxes.
        func best(_ item: Item, others: [Rect]) -> (cost: Int, label: PlacedPointLabel) {
            let p = item.point
            var best: (cost: Int, label: PlacedPointLabel)?
            for c in candidates {
                let ax = p.x + c.dx, ay = p.y + c.dy
                let box = Rect(x: ax - item.size.width * c.anchor.horizontalFraction,
                               y: ay - item.size.height * c.anchor.verticalFraction,
                               width: item.size.width, height: item.size.height)
                var cost = obstacles.reduce(0) { $0 + (box.contains($1.x, $1.y) ? 1 : 0) }
                if !plan.plot.contains(box.minX, box.minY) || !plan.plot.contains(box.maxX, box.maxY) { cost += blocked }
                if others.contains(where: { intersects($0.insetBy(-1), box) }) { cost += blocked }
                let own = distance(p, box)
                if markers.contains(where: { hypot($0.x - p.x, $0.y - p.y) > 0.5 && distance($0, box) <= own + 1 }) {
                    cost += ambiguous
                }
                if best == nil || cost < best!.cost {
                    best = (cost, PlacedPointLabel(markup: item.markup, color: item.color, position: (ax, ay), anchor: c.anchor,
                                                   box: box))
                }
            }
            return best!
        }
        // Greedy in the order given, then two rounds in which each label moves to its cheapest
        // place given where all the others are (a label placed early may block a later one).
        var placed: [PlacedPointLabel] = []
        for item in items { placed.append(best(item, others: placed.map(\.box)).label) }
        for _ in 0..<2 {
            for k in items.indices {
                let others = placed.indices.filter { $0 != k }.map { placed[$0].box }
                placed[k] = best(items[k], others: others).label
            }
        }
        return placed
    }

    /// Whether two rectangles overlap.
    static func intersects(_ a: Rect, _ b: Rect) -> Bool {
        a.minX < b.maxX && b.minX < a.maxX && a.minY < b.maxY && b.minY < a.maxY
    }

    /// Distance from a page point to the nearest point of `box` (0 inside).
    static func distance(_ p: (x: Double, y: Double), _ box: Rect) -> Double {
        hypot(max(box.minX - p.x, 0, p.x - box.maxX), max(box.minY - p.y, 0, p.y - box.maxY))
    }
}

extension FigureRenderer {
    /// Draws the panel's point labels where ``PointLabels`` puts them.
    func drawPointLabels(_ plan: PanelPlan) throws {
        for label in try PointLabels.place(plan, canvas: canvas, theme: theme) {
            try canvas.text(label.markup, size: theme.fontSize, at: label.position.x, label.position.y, anchor: label.anchor,
                            color: label.color)
        }
    }
}
