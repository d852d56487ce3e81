import InterlinkCore

/// The data of a tornado chart: per parameter, the metric at the parameter's low and at its high
/// value, drawn as horizontal bars from a baseline, the widest swing on top.
public struct TornadoBars: Sendable, Hashable {
    /// Parameter labels (markup), top bar first.
    public var labels: [String]
    /// Metric with the parameter at its low value, top bar first.
    public var low: [Double]
    /// Metric with the parameter at its high value, top bar first.
    public var high: [Double]
    /// The metric at the base parameters, where every bar starts.
    public var baseline: Double
    /// Legend labels of the low and high bars (markup; empty for none).
    public var lowLabel: String, highLabel: String
    /// Bar thickness as a fraction of the row spacing (0…1].
    public var thickness: Double

    /// Bars sorted by swing |high − low|, largest first (equal swings keep their given order).
    /// - Throws: ``ParameterError`` for unequal lengths, no bars, non-finite values or a thickness
    ///   outside (0, 1].
    public init(labels: [String], low: [Double], high: [Double], baseline: Double,
                lowLabel: String = "low value", highLabel: String = "high value", thickness: Double = 0.7) throws {
        try Validate.count(labels.count, atLeast: 1, at: "tornado.labels.count")
        guard low.count == labels.count, high.count == labels.count else {
            throw ParameterError(path: "tornado.low.count, tornado.high.count", value: "\(low.count), \(high.count)",
                                 allowed: "\(labels.count) each (= labels.count)")
        }
        try Validate.finite(low, at: "tornado.low")
        try Validate.finite(high, at: "tornado.high")
        try Validate.finite(baseline, at: "tornado.baseline")
        try Validate.inRange(thickness, 0.01...1, at: "tornado.thickness")
        let order = labels.indices.sorted { a, b in
            let sa = abs(high[a] - low[a]), sb = abs(high[b] - low[b])
            return sa != sb ? sa > sb : a < b
        }
        self.labels = order.map { labels[$0] }
        self.low = order.map { low[$0] }
        self.high = order.map { high[$0] }
        self.baseline = baseline
        self.lowLabel = lowLabel
        self.highLabel = highLabel
        self.thickness = thickness
    }

    /// Row (y position) of bar `index`: the top bar at y = n − 1, the last at y = 0.
    public func row(_ index: Int) -> Double { Double(labels.count - 1 - index) }

    /// Rectangles in data units: (x from, x to, y bottom, y top, 0 for low / 1 for high).
    func rects() -> [(Double, Double, Double, Double, Int)] {
        var out: [(Double, Double, Double, Double, Int)] = []
        for i in labels.indices {
            let y = row(i), h = thickness / 2
            out.append((min(baseline, low[i]), max(baseline, low[i]), y - h, y + h, 0))
            out.append((min(baseline, high[i]), max(baseline, high[i]), y - h, y + h, 1))
        }
        return out
    }

    /// Ticks labelling each row with its parameter, for the panel's y axis.
    public var ticks: [Tick] { labels.indices.map { Tick(row($0), labels[$0]) } }
}

extension Mark {
    /// A tornado chart: horizontal bars from the baseline to each parameter's low and high result,
    /// sorted by swing (see ``TornadoBars``); label the rows with ``Panel/tornado(_:xLabel:title:)``
    /// or the bars' ``TornadoBars/ticks``.
    public static func tornado(_ bars: TornadoBars, lowColor: Color? = nil, highColor: Color? = nil) -> Mark {
        Mark(.tornado(bars, lowColor: lowColor, highColor: highColor), label: nil, color: nil)
    }
}

extension Panel {
    /// A panel holding one tornado chart: rows labelled with the parameters, a reference line at the
    /// baseline, x labelled `xLabel`.
    public static func tornado(_ bars: TornadoBars, xLabel: String, title: String? = nil) -> Panel {
        let n = Double(bars.labels.count)
        return Panel(x: Axis(label: xLabel), y: Axis(limits: -0.6...(n - 0.4), ticks: bars.ticks), title: title,
                     marks: [.tornado(bars), .reference(.x, at: bars.baseline, style: .solid, color: .black)])
    }
}
