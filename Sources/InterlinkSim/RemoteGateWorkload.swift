import InterlinkCore

/// The stream of remote-gate requests between module pairs.
public struct RemoteGateWorkload: Sendable, Hashable {
    /// When requests arrive.
    public enum Arrivals: Sendable, Hashable {
        /// A Poisson process of `ratePerSecond` requests per second.
        case poisson(ratePerSecond: Double)
        /// A closed loop keeping `outstanding` requests in the system: each completed gate is
        /// replaced at once by a new request (saturation throughput).
        case saturated(outstanding: Int)
    }

    /// Which module pair each request joins.
    public enum Pattern: Sendable, Hashable {
        /// Uniformly random unordered pair of distinct modules.
        case uniform
        /// Pair (i, j), i < j, with probability ∝ `weights[i][j] + weights[j][i]` (a square matrix,
        /// non-negative, not all zero).
        case trafficMatrix([[Double]])
    }

    /// The arrival process.
    public var arrivals: Arrivals
    /// The pair-selection pattern.
    public var pattern: Pattern
    /// Most requests held waiting at once; further arrivals are rejected and counted, so memory
    /// stays bounded when the offered load exceeds the architecture's capacity.
    public var queueCapacity: Int

    /// Creates a workload.
    public init(arrivals: Arrivals, pattern: Pattern = .uniform, queueCapacity: Int = 100_000) {
        self.arrivals = arrivals
        self.pattern = pattern
        self.queueCapacity = queueCapacity
    }

    /// Weight of each unordered pair (i < j, in row-major order) for `modules` modules.
    ///
    /// - Throws: ``ParameterError`` for a matrix of the wrong shape, negative or non-finite entries, or
    ///   all-zero weights, and for invalid arrival parameters.
    func pairWeights(modules: Int) throws -> [Double] {
        switch arrivals {
        case let .poisson(rate):
            try Validate.positive(rate, at: "workload.arrivals.poisson.ratePerSecond", unit: "1/s")
        case let .saturated(outstanding):
            guard outstanding >= 1 else {
                throw ParameterError(invalid: "workload.arrivals.saturated.outstanding", reason: "must be ≥ 1, got \(outstanding)")
            }
        }
        guard queueCapacity >= 1 else {
            throw ParameterError(invalid: "workload.queueCapacity", reason: "must be ≥ 1, got \(queueCapacity)")
        }
        var weights: [Double] = []
        switch pattern {
        case .uniform:
            weights = Array(repeating: 1, count: modules * (modules - 1) / 2)
        case let .trafficMatrix(m):
            guard m.count == modules, m.allSatisfy({ $0.count == modules }) else {
                throw ParameterError(invalid: "workload.pattern.trafficMatrix", reason: "must be \(modules)×\(modules)")
            }
            for i in 0..<modules {
                for j in 0..<modules where m[i][j] < 0 || !m[i][j].isFinite {
                    throw ParameterError(outOfRange: "workload.pattern.trafficMatrix[\(i)][\(j)]", value: m[i][j], allowed: "[0, ∞)")
                }
            }
            for i in 0..<modules {
                for j in (i + 1)..<modules { weights.append(m[i][j] + m[j][i]) }
            }
        }
        guard weights.contains(where: { $0 > 0 }) else {
            throw ParameterError(invalid: "workload.pattern", reason: "no module pair has positive traffic")
        }
        return weights
    }
}
