import InterlinkCore
import InterlinkCore
/// How a study computes the metrics of one sweep point.
///
/// - `analytic`: a closed-form closure of the parameters.
/// - `monteCarlo`: a per-trial closure drawing from the point's own `RandomStream`, run for a
///   fixed number of trials or adaptively until a confidence-interval half-width target is met.
/// - `custom`: any Swift closure of the parameters and the point's `RandomStream` (for example a
///   call into the event-driven simulator).
///
/// The point's stream is derived from (study root seed, point key), so the result of a point never
/// depends on job count, shard or completion order.
public struct Engine<Parameters: Sendable>: Sendable {
    enum Body: Sendable {
        case analytic(@Sendable (Parameters) throws -> [Metric])
        case custom(@Sendable (Parameters, inout RandomStream) throws -> [Metric])
        case monteCarlo(MonteCarloPlan, @Sendable (Parameters, inout RandomStream) throws -> [Double])
    }

    let body: Body
    /// A deterministic description (written to the manifest and part of the cache key, so
    /// changing the trial count or precision target invalidates cached points).
    public let description: String

    /// A closed-form engine.
    public static func analytic(_ compute: @escaping @Sendable (Parameters) throws -> [Metric]) -> Engine {
        Engine(body: .analytic(compute), description: "analytic")
    }

    /// Any computation of the parameters and the point's random stream. `label` names it in
    /// the manifest and cache key; change the label when the meaning of the computation changes.
    public static func custom(
        _ label: String = "custom",
        _ compute: @escaping @Sendable (Parameters, inout RandomStream) throws -> [Metric]
    ) -> Engine {
        Engine(body: .custom(compute), description: "custom(\(label))")
    }

    /// Monte Carlo with a fixed number of trials. `trial` returns one outcome per output (for
    /// example 1 or 0 for a success indicator); each output becomes a metric whose value is the
    /// sample mean and whose uncertainty is the standard error of the mean, plus a metric
    /// `trials` with the number of trials run.
    public static func monteCarlo(
        _ outputs: [MonteCarloOutput], trials: Int,
        _ trial: @escaping @Sendable (Parameters, inout RandomStream) throws -> [Double]
    ) -> Engine {
        let plan = MonteCarloPlan(outputs: outputs, stopping: .fixed(trials: trials), batchSize: max(trials, 1))
        return Engine(body: .monteCarlo(plan, trial), description: plan.description)
    }

    /// Adaptive Monte Carlo: runs batches of `batchSize` trials until, for every output, the
    /// two-sided Student-t confidence interval's half-width t_{(1+c)/2, n−1}·s/√n meets
    /// `precision`, or the trial cap is reached. Metrics as for the fixed-trial form.
    public static func monteCarlo(
        _ outputs: [MonteCarloOutput], precision: MonteCarloPrecision, batchSize: Int = 1000,
        _ trial: @escaping @Sendable (Parameters, inout RandomStream) throws -> [Double]
    ) -> Engine {
        let plan = MonteCarloPlan(outputs: outputs, stopping: .precision(precision), batchSize: batchSize)
        return Engine(body: .monteCarlo(plan, trial), description: plan.description)
    }

    /// Checks the engine's own settings (trial counts, targets); throws a reason.
    func validateSettings() throws {
        if case .monteCarlo(let plan, _) = body { try plan.validate() }
    }

    /// Computes the metrics of one point from its own stream.
    func evaluate(_ parameters: Parameters, stream: RandomStream) throws -> [Metric] {
        var stream = stream
        switch body {
        case .analytic(let compute):
            return try compute(parameters)
        case .custom(let compute):
            return try compute(parameters, &stream)
        case .monteCarlo(let plan, let trial):
            return try plan.run(parameters, stream: &stream, trial: trial)
        }
    }
}

/// One output of a Monte Carlo trial: the metric it becomes.
public struct MonteCarloOutput: Sendable, Hashable {
    /// Metric name.
    public var name: String
    /// Metric unit.
    public var unit: String

    /// Creates an output description.
    public init(_ name: String, unit: String = "") {
        self.name = name
        self.unit = unit
    }
}

/// When adaptive Monte Carlo stops.
public struct MonteCarloPrecision: Sendable, Hashable {
    /// The half-width target.
    public enum Target: Sendable, Hashable {
        /// Half-width ≤ the given absolute value.
        case absolute(Double)
        /// Half-width ≤ the given fraction of |mean|.
        case relative(Double)
    }

    /// The half-width target.
    public var target: Target
    /// Two-sided confidence level c of the interval, in (0, 1).
    public var confidence: Double
    /// Never stop before this many trials (guards against an all-equal first batch).
    public var minimumTrials: Int
    /// Stop at this many trials even if the target is not met.
    public var maximumTrials: Int

    /// Creates a precision target.
    public init(_ target: Target, confidence: Double = 0.95, minimumTrials: Int = 1000, maximumTrials: Int = 1_000_000) {
        self.target = target
        self.confidence = confidence
        self.minimumTrials = minimumTrials
        self.maximumTrials = maximumTrials
    }

    /// Half-width ≤ `halfWidth` (absolute).
    public static func halfWidth(_ halfWidth: Double, confidence: Double = 0.95, minimumTrials: Int = 1000, maximumTrials: Int = 1_000_000) -> MonteCarloPrecision {
        MonteCarloPrecision(.absolute(halfWidth), confidence: confidence, minimumTrials: minimumTrials, maximumTrials: maximumTrials)
    }

    /// Half-width ≤ `fraction`·|mean|.
    public static func relativeHalfWidth(_ fraction: Double, confidence: Double = 0.95, minimumTrials: Int = 1000, maximumTrials: Int = 1_000_000) -> MonteCarloPrecision {
        MonteCarloPrecision(.relative(fraction), confidence: confidence, minimumTrials: minimumTrials, maximumTrials: maximumTrials)
    }
}
