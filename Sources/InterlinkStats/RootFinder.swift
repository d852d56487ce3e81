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
    /// relativeTolerance · min(|lower|, |upper|)`. When `absoluteTolerance` is 0 and the bracket
    /// contains 0 (where that minimum is 0), the absolute part becomes `relativeTolerance ·
    /// max(|lower₀|, |upper₀|)` of the initial bracket, so a root at exactly 0 is found too
    /// (``BracketTolerance``).
    ///
    /// - Parameters:
    ///   - lower: the left end of the bracket.
    ///   - upper: the right end, `> lower`; `f(lower)` and `f(upper)` must differ in sign (or one be 0).
    ///   - absoluteTolerance: absolute bracket width; default 0 (relative to the bracket's scale
    ///     around 0, see above).
    ///   - relativeTolerance: relative bracket width; default 1e-12. At least one tolerance must be > 0.
    ///   - maxIterations: the iteration limit; default 200.
    ///   - f: the function, which may throw.
    /// - Throws: ``ParameterError`` for a bad bracket or
    ///   tolerances, ``StatsError/evaluationFailed(function:message:)`` when `f` throws or is not finite,
    ///   ``StatsError/notConverged(model:reason:iterations:)`` at the iteration limit,
    ///   ``StatsError/gsl(function:status:reason:)`` for a GSL failure.
    public static func brent(
        lower: Double, upper: Double, absoluteTolerance: Double = 0, relativeTolerance: Double = 1e-12,
        maxIterations: Int = 200, _ f: (Double) throws -> Double
    ) throws -> Root {
        let tolerance = try BracketTolerance(
            lower: lower, upper: upper, absolute: absoluteTolerance, relative: relativeTolerance,
            maxIterations: maxIterations)
        return try withoutActuallyEscaping(f) { f in
            let target = ScalarFunctionBox(name: "root target", f)
            let fLower = try target.evaluate(lower), fUpper = try target.evaluate(upper)
            if fLower == 0 { return Root(x: lower, lower: lower, upper: lower, iterations: 0) }
            if fUpper == 0 { return Root(x: upper, lower: upper, upper: upper, iterations: 0) }
            guard (fLower < 0) != (fUpper < 0) else {
                throw ParameterError(path: "lower, upper", value: "[\(lower), \(upper)] with f = (\(fLower), \(fUpper))",
                    allowed: "a bracket where f changes sign")
            }
            let solver = try GSLScalarSolver(
                target: target, allocator: "gsl_root_fsolver_alloc",
                allocate: { gsl_root_fsolver_alloc(cgsl_root_fsolver_brent()) }, free: { gsl_root_fsolver_free($0) })
            try solver.run("gsl_root_fsolver_set") { gsl_root_fsolver_set($0, $1, lower, upper) }
            for iteration in 1...maxIterations {
                try solver.run("gsl_root_fsolver_iterate") { solver, _ in gsl_root_fsolver_iterate(solver) }
                let a = solver.read { gsl_root_fsolver_x_lower($0) }
                let b = solver.read { gsl_root_fsolver_x_upper($0) }
                if try tolerance.accepts(lower: a, upper: b, "gsl_root_test_interval", gsl_root_test_interval) {
                    return Root(x: solver.read { gsl_root_fsolver_root($0) }, lower: a, upper: b, iterations: iteration)
                }
            }
            throw StatsError.notConverged(model: "Brent root", reason: "maximumIterations", iterations: maxIterations)
        }
    }
}
