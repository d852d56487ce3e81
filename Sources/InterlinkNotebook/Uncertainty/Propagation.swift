import InterlinkCore
import InterlinkStats

/// Propagation of parameter uncertainty through an analytic metric: the metric evaluated over N
/// parameter draws, summarised by its median and a central interval.
///
/// The unit coordinates of the draws come from a ``RandomStream`` keyed by `seed` alone (not by the
/// sweep point), so every sweep point sees the same draws (common random numbers: a band over a
/// sweep is smooth) and a point's result depends only on its parameters — never on job count, shard
/// or order. Wrap an analytic engine with ``Engine/propagated(_:_:)``; the point's cached result then
/// holds, per metric `m`, the nominal `m` (exact parameters), `m_median`, `m_low` and `m_high`.
public struct Propagation<Parameters>: Sendable {
    /// The uncertain parameters (at least one).
    public let parameters: [UncertainParameter<Parameters>]
    /// Number of draws N (≥ 2).
    public let draws: Int
    /// Seed of the coordinates' stream.
    public let seed: UInt64
    /// How the coordinates are drawn.
    public let design: UnitDesign
    /// Central interval level: `low`/`high` are the (1 ∓ level)/2 quantiles (type 7).
    public let level: Double
    /// Names of the metrics to propagate; `nil` propagates every metric.
    public let metrics: [String]?

    /// A propagation plan.
    public init(_ parameters: [UncertainParameter<Parameters>], draws: Int = 256, seed: UInt64 = 1,
                design: UnitDesign = .latinHypercube, level: Double = 0.90, metrics: [String]? = nil) {
        self.parameters = parameters
        self.draws = draws
        self.seed = seed
        self.design = design
        self.level = level
        self.metrics = metrics
    }

    /// A deterministic description (manifest and cache key).
    public var description: String {
        let listed = parameters.map { "\($0.field)~\($0.uncertainty.distribution.label)" }.joined(separator: ", ")
        let which = metrics.map { " of " + $0.joined(separator: ", ") } ?? ""
        return "propagation(\(design.rawValue), draws \(draws), seed \(seed), level \(level)\(which): \(listed))"
    }

    /// Checks the plan; errors name the setting.
    public func validate() throws {
        try Validate.count(parameters.count, atLeast: 1, at: "propagation.parameters.count")
        try Validate.count(draws, atLeast: 2, atMost: 1_000_000, at: "propagation.draws")
        try Validate.openUnit(level, at: "propagation.level")
        for parameter in parameters { try parameter.validate() }
    }

    /// The unit coordinates of the draws, `[draw][parameter]`.
    public func coordinates() -> [[Double]] {
        var stream = RandomStream(key: seed, replicate: 0)
        return design.points(count: draws, dimensions: parameters.count, stream: &stream)
    }

    /// The parameter values of every draw around `base`.
    public func samples(around base: Parameters) throws -> [Parameters] {
        try validate()
        return try coordinates().map { u in
            var point = base
            for (parameter, coordinate) in zip(parameters, u) { try parameter.apply(coordinate, to: &point) }
            return point
        }
    }

    /// Evaluates `compute` at `base` and at every draw; returns every nominal metric and, per
    /// propagated metric `m` (all, or those named in `metrics`), `m_median`, `m_low` and `m_high`
    /// right after `m` (same unit).
    /// - Throws: the first failing draw's error, prefixed with its index; ``ParameterError`` when a
    ///   metric is not finite at some draw (no interval of a quantity that is sometimes undefined).
    public func summarize(_ base: Parameters, _ compute: (Parameters) throws -> [Metric]) throws -> [Metric] {
        let all = try compute(base)
        let nominal = metrics.map { names in all.filter { names.contains($0.name) } } ?? all
        if let names = metrics, let missing = names.first(where: { name in !all.contains { $0.name == name } }) {
            throw ParameterError(path: "propagation.metrics", value: missing, allowed: all.map(\.name).joined(separator: ", "))
        }
        var values = [[Double]](repeating: [], count: nominal.count)
        for (index, point) in try samples(around: base).enumerated() {
            let metrics: [Metric]
            do { metrics = try compute(point) } catch {
                throw ParameterError(invalid: "propagation.draws[\(index)]", reason: "evaluation failed: \(error)")
            }
            for (k, metric) in nominal.enumerated() {
                guard let drawn = metrics.first(where: { $0.name == metric.name }) else {
                    throw ParameterError(invalid: "propagation.draws[\(index)]", reason: "metric \(metric.name) missing")
                }
                values[k].append(drawn.value)
            }
        }
        var summaries: [String: [Metric]] = [:]
        for (metric, drawn) in zip(nominal, values) {
            guard drawn.allSatisfy(\.isFinite) else {
                let bad = drawn.firstIndex { !$0.isFinite } ?? 0
                throw ParameterError(path: "\(metric.name) at propagation.draws[\(bad)]", value: Validate.format(drawn[bad]),
                                     allowed: "a finite value at every draw (propagate a finite metric)")
            }
            let tail = (1 - level) / 2
            var q = try Quantile.of(drawn, probabilities: [0.5, tail, 1 - tail])
            // GSL interpolates (1 − f)·x_k + f·x_(k+1), which can put equal order statistics one ulp
            // apart: keep low ≤ median ≤ high exactly.
            q[1] = min(q[1], q[0])
            q[2] = max(q[2], q[0])
            summaries[metric.name] = zip(PropagatedColumns.suffixes, q).map { Metric(metric.name + $0, $1, unit: metric.unit) }
        }
        return all.flatMap { [$0] + (summaries[$0.name] ?? []) }
    }
}

/// Column names of a propagated metric.
public enum PropagatedColumns {
    /// Suffixes of the median, low and high columns, in that order.
    public static let suffixes = ["_median", "_low", "_high"]

    /// `(median, low, high)` column names of metric `name`.
    public static func names(_ name: String) -> (median: String, low: String, high: String) {
        (name + suffixes[0], name + suffixes[1], name + suffixes[2])
    }
}

extension Engine {
    /// An analytic engine whose every metric is also propagated over `plan`'s parameter draws
    /// (``Propagation/summarize(_:_:)``); the plan is part of the description, so changing it
    /// invalidates cached points.
    public static func propagated(_ plan: Propagation<Parameters>,
                                  _ compute: @escaping @Sendable (Parameters) throws -> [Metric]) -> Engine {
        Engine(body: .analytic({ parameters in try plan.summarize(parameters, compute) }),
               description: "analytic+" + plan.description)
    }
}
