import InterlinkCore

/// One-at-a-time sensitivity: each uncertain parameter set to its low and then its high value
/// (all others at the base), the metric recomputed, bars sorted by swing — a tornado chart's data.
public struct Tornado: Sendable, Hashable {
    /// One parameter's bar.
    public struct Bar: Sendable, Hashable {
        /// The parameter's field path.
        public var field: String
        /// Its low and high input values.
        public var lowInput: Double, highInput: Double
        /// The metric at the low and at the high input.
        public var lowOutput: Double, highOutput: Double
        /// |highOutput − lowOutput|.
        public var swing: Double { abs(highOutput - lowOutput) }
    }

    /// The metric at the base parameters.
    public let baseline: Double
    /// Bars, largest swing first (ties in field order).
    public let bars: [Bar]
    /// The central coverage c: low/high inputs are each distribution's (1 ∓ c)/2 quantiles.
    public let coverage: Double

    /// Computes the tornado of `metric` around `base`.
    ///
    /// - Parameters:
    ///   - coverage: low/high are the (1 − c)/2 and (1 + c)/2 quantiles of each parameter's
    ///     distribution (default 0.9: the 5 % and 95 % points; for a uniform range [l, u] these are
    ///     l + 0.05(u − l) and l + 0.95(u − l)).
    /// - Throws: ``ParameterError`` for a bad coverage or distribution, or a non-finite metric.
    public init<Parameters>(_ parameters: [UncertainParameter<Parameters>], base: Parameters, coverage: Double = 0.9,
                            metric: (Parameters) throws -> Double) throws {
        try Validate.openUnit(coverage, at: "tornado.coverage")
        try Validate.count(parameters.count, atLeast: 1, at: "tornado.parameters.count")
        let baseline = try metric(base)
        try Validate.finite(baseline, at: "tornado.baseline")
        var bars: [Bar] = []
        for parameter in parameters {
            try parameter.validate()
            let lowU = (1 - coverage) / 2, highU = (1 + coverage) / 2
            var low = base, high = base
            try parameter.apply(lowU, to: &low)
            try parameter.apply(highU, to: &high)
            let lowOut = try metric(low), highOut = try metric(high)
            try Validate.finite(lowOut, at: "tornado[\(parameter.field)].low")
            try Validate.finite(highOut, at: "tornado[\(parameter.field)].high")
            bars.append(Bar(field: parameter.field, lowInput: try parameter.uncertainty.value(at: lowU),
                            highInput: try parameter.uncertainty.value(at: highU), lowOutput: lowOut, highOutput: highOut))
        }
        // A stable sort keeps declaration order among equal swings.
        self.bars = bars.enumerated().sorted { ($0.element.swing, -$0.offset) > ($1.element.swing, -$1.offset) }.map(\.element)
        self.baseline = baseline
        self.coverage = coverage
    }
}
