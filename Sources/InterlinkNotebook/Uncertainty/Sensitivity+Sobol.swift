import InterlinkCore
import InterlinkStats

/// Global variance-based sensitivity of a metric: first-order and total Sobol' indices of each
/// uncertain parameter (Saltelli's design, Jansen's estimators, bootstrap intervals; see
/// ``SobolIndices``).
public struct SobolAnalysis: Sendable, Hashable {
    /// One parameter's indices.
    public struct Entry: Sendable, Hashable {
        /// The parameter's field path.
        public var field: String
        /// First-order index S_i with its bootstrap interval.
        public var firstOrder: ConfidenceInterval
        /// Total index ST_i with its bootstrap interval.
        public var total: ConfidenceInterval
    }

    /// Per parameter, in declaration order.
    public let entries: [Entry]
    /// The raw estimator result.
    public let indices: SobolIndices

    /// Runs the analysis: N rows of A and B (coordinates from `design` over 2k dimensions of a
    /// ``RandomStream`` keyed by `seed`: the first k columns form A, the last k form B), N(k + 2)
    /// evaluations of `metric`, then the estimators; the bootstrap draws from replicate 1 of the
    /// same key.
    /// - Throws: ``ParameterError`` for bad settings or a non-finite metric value.
    public init<Parameters>(_ parameters: [UncertainParameter<Parameters>], base: Parameters, rows: Int = 4096,
                            seed: UInt64 = 1, design: UnitDesign = .random, resamples: Int = 1000,
                            level: Double = 0.95, metric: (Parameters) throws -> Double) throws {
        let k = parameters.count
        try Validate.count(k, atLeast: 1, at: "sobol.parameters.count")
        try Validate.count(rows, atLeast: 2, atMost: 10_000_000, at: "sobol.rows")
        for parameter in parameters { try parameter.validate() }
        var stream = RandomStream(key: seed, replicate: 0)
        let unit = design.points(count: rows, dimensions: 2 * k, stream: &stream)
        func evaluate(_ u: ArraySlice<Double>) throws -> Double {
            var point = base
            for (parameter, coordinate) in zip(parameters, u) { try parameter.apply(coordinate, to: &point) }
            return try metric(point)
        }
        let a = try unit.map { try evaluate($0[0..<k]) }
        let b = try unit.map { try evaluate($0[k..<(2 * k)]) }
        let ab = try (0..<k).map { i in
            try unit.map { row in
                var mixed = Array(row[0..<k])
                mixed[i] = row[k + i]
                return try evaluate(mixed[...])
            }
        }
        var bootStream = RandomStream(key: seed, replicate: 1)
        let estimated = try SobolIndices(a: a, b: b, ab: ab, resamples: resamples, level: level, using: &bootStream)
        indices = estimated
        entries = parameters.indices.map { i in
            Entry(field: parameters[i].field, firstOrder: estimated.firstOrder[i], total: estimated.total[i])
        }
    }
}
