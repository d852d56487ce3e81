import InterlinkCore
import CGSL

/// A root `f(x) = 0` located by ``RootFinder``.
public struct Root: Sendable, Hashable, Codable {
    /// The best estimate of the root.
    public var x: Double
    /// The final bracket `[lower, upper]`, which contains the root.
    public var lower: Double
    /// The upper end of the final bracket.
    public var upper: Double
    /// Iterations taken.
    public var iterations: Int
}

/// Bracketing root finding for break-even points and threshold crossings.
public enum RootFinder {
    /// Finds a root of `f` in `[lower, upper]` with Brent's method (`gsl_root_fsolver_brent`; Brent,
    /// *Algorithms for Minimization without Derivatives*, 1973, ch. 4), stopping when
    /// `gsl_root_test_interval` accepts the bracket: `|upper − lower| < absoluteTolerance +
    /// relativeTolerance · min(|lower|, |upper|)`.
    ///
    /// - Parameters:
    ///   - lower: the left end of the bracket.
    ///   - upper: the right end, `> lower`; `f(lower)` and `f(upper)` must differ in sign (or one be 0).
    ///   - absoluteTolerance: absolute bracket width; default 0.
    ///   - relativeTolerance: relative bracket width; default 1e-12. At least one tolerance must be > 0.
    ///   - maxIterations: the iteration limit; default 200.
    ///   - f: the function, which may throw.
    /// - Throws: ``StatsError/invalidArgument(parameter:value:requirement:)`` for a bad bracket or
    ///   tolerances, ``StatsError/evaluationFailed(function:message:)`` when `f` throws or is not finite,
    ///   ``StatsError/notConverged(model:reason:iterations:)`` at the iteration limit,
    ///   ``StatsError/gsl(function:status:reason:)`` for a GSL failure.
    public static func brent(
        lower: Double, upper: Double, absoluteTolerance: Double = 0, relativeTolerance: Double = 1e-12,
        maxIterations: Int = 200, _ f: (Double) throws -> Double
    ) throws -> Root {
        try Validate.finite(lower, "lower")
        try Validate.finite(upper, "upper")
        guard lower < upper else {
            throw StatsError.invalidArgument(parameter: "upper", value: "\(upper)", requirement: "> lower = \(lower)")
        }
        try validateTolerances(absoluteTolerance, relativeTolerance)
        try Validate.count(maxIterations, atLeast: 1, "maxIterations")
        return try withoutActuallyEscaping(f) { f in
            let box = ScalarFunctionBox(name: "root target", f)
            let fLower = try box.evaluate(lower), fUpper = try box.evaluate(upper)
            if fLower == 0 { return Root(x: lower, lower: lower, upper: lower, iterations: 0) }
            if fUpper == 0 { return Root(x: upper, lower: upper, upper: upper, iterations: 0) }
            guard (fLower < 0) != (fUpper < 0) else {
                throw StatsError.invalidArgument(
                    parameter: "lower, upper", value: "[\(lower), \(upper)] with f = (\(fLower), \(fUpper))",
                    requirement: "a bracket where f changes sign")
            }
            let solver = try GSL.allocate("gsl_root_fsolver_alloc") {
                gsl_root_fsolver_alloc(cgsl_root_fsolver_brent())
            }
            defer { GSL.call { gsl_root_fsolver_free(solver) } }
            return try box.withGSLFunction { function in
                try box.check("gsl_root_fsolver_set") { gsl_root_fsolver_set(solver, &function, lower, upper) }
                for iteration in 1...maxIterations {
                    try box.check("gsl_root_fsolver_iterate") { gsl_root_fsolver_iterate(solver) }
                    let x = GSL.call { gsl_root_fsolver_root(solver) }
                    let a = GSL.call { gsl_root_fsolver_x_lower(solver) }
                    let b = GSL.call { gsl_root_fsolver_x_upper(solver) }
                    let status = GSL.call { gsl_root_test_interval(a, b, absoluteTolerance, relativeTolerance) }
                    if status == GSLStatus.success {
                        return Root(x: x, lower: a, upper: b, iterations: iteration)
                    } else if status != GSLStatus.continue {
                        throw GSL.error("gsl_root_test_interval", status: status)
                    }
                }
                throw StatsError.notConverged(model: "Brent root", reason: "maximumIterations", iterations: maxIterations)
            }
        }
    }

    static func validateTolerances(_ absolute: Double, _ relative: Double) throws {
        for (name, value) in [("absoluteTolerance", absolute), ("relativeTolerance", relative)]
        where !(value.isFinite && value >= 0) {
            throw StatsError.invalidArgument(parameter: name, value: "\(value)", requirement: "finite and >= 0")
        }
        guard absolute > 0 || relative > 0 else {
            throw StatsError.invalidArgument(
                parameter: "absoluteTolerance, relativeTolerance", value: "both 0", requirement: "at least one > 0")
        }
    }
}
