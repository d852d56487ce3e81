import InterlinkCore
import CGSL

/// A minimum of a function of one variable located by ``Minimizer``.
public struct Minimum: Sendable, Hashable, Codable {
    /// The minimiser `x*`.
    public var x: Double
    /// `f(x*)`.
    public var value: Double
    /// The final bracket's lower end.
    public var lower: Double
    /// The final bracket's upper end.
    public var upper: Double
    /// Iterations taken.
    public var iterations: Int
}

/// One-dimensional minimisation for optimal parameters.
public enum Minimizer {
    /// The number of interior points sampled to find a starting guess when none is given.
    static let guessGridPoints = 64

    /// Minimises `f` on `[lower, upper]` with Brent's method (`gsl_min_fminimizer_brent`; Brent,
    /// *Algorithms for Minimization without Derivatives*, 1973, ch. 5), stopping when
    /// `gsl_min_test_interval` accepts the bracket (`|upper − lower| < absoluteTolerance +
    /// relativeTolerance · min(|lower|, |upper|)`; when `absoluteTolerance` is 0 and the bracket
    /// contains 0, the absolute part becomes `relativeTolerance · max(|lower₀|, |upper₀|)`, so a minimum
    /// at exactly 0 is found too: ``BracketTolerance``).
    ///
    /// GSL needs a guess `m` with `f(m) < f(lower)` and `f(m) < f(upper)`. Without one, `f` is sampled
    /// at 64 equally spaced interior points and the lowest is used.
    ///
    /// - Parameters:
    ///   - lower: the left end.
    ///   - upper: the right end, `> lower`.
    ///   - guess: an interior point lower than both ends, or `nil`.
    ///   - absoluteTolerance: absolute bracket width; default 0 (relative to the bracket's scale
    ///     around 0, see above).
    ///   - relativeTolerance: relative bracket width; default 1e-7. A minimum cannot be located better
    ///     than about `√ε ≈ 1.5e-8` relative (the function is flat to rounding there), so much tighter
    ///     tolerances end in ``StatsError/notConverged(model:reason:iterations:)``.
    ///   - maxIterations: the iteration limit; default 200.
    ///   - f: the function, which may throw.
    /// - Throws: ``ParameterError`` for a bad interval or
    ///   tolerances, or when no interior point is lower than both ends (the minimum is at a boundary);
    ///   ``StatsError/evaluationFailed(function:message:)`` when `f` throws or is not finite;
    ///   ``StatsError/notConverged(model:reason:iterations:)`` at the iteration limit.
    public static func brent(
        lower: Double, upper: Double, guess: Double? = nil, absoluteTolerance: Double = 0,
        relativeTolerance: Double = 1e-7, maxIterations: Int = 200, _ f: (Double) throws -> Double
    ) throws -> Minimum {
        let tolerance = try BracketTolerance(
            lower: lower, upper: upper, absolute: absoluteTolerance, relative: relativeTolerance,
            maxIterations: maxIterations)
        return try withoutActuallyEscaping(f) { f in
            let target = ScalarFunctionBox(name: "minimisation target", f)
            let fLower = try target.evaluate(lower), fUpper = try target.evaluate(upper)
            let start: (x: Double, value: Double)
            if let guess {
                guard guess > lower && guess < upper else {
                    throw ParameterError(path: "guess", value: "\(guess)", allowed: "inside (\(lower), \(upper))")
                }
                start = (guess, try target.evaluate(guess))
            } else {
                var best = (x: Double.nan, value: Double.infinity)
                for i in 1...guessGridPoints {
                    let x = lower + (upper - lower) * Double(i) / Double(guessGridPoints + 1)
                    let value = try target.evaluate(x)
                    if value < best.value { best = (x, value) }
                }
                start = best
            }
            guard start.value < fLower && start.value < fUpper else {
                throw ParameterError(path: guess == nil ? "lower, upper" : "guess",
                    value: "f(\(start.x)) = \(start.value), f(lower) = \(fLower), f(upper) = \(fUpper)",
                    allowed: "an interior point lower than both ends (is the minimum at a boundary?)")
            }
            let solver = try GSLScalarSolver(
                target: target, allocator: "gsl_min_fminimizer_alloc",
                allocate: { gsl_min_fminimizer_alloc(cgsl_min_fminimizer_brent()) },
                free: { gsl_min_fminimizer_free($0) })
            try solver.run("gsl_min_fminimizer_set_with_values") {
                gsl_min_fminimizer_set_with_values($0, $1, start.x, start.value, lower, fLower, upper, fUpper)
            }
            for iteration in 1...maxIterations {
                try solver.run("gsl_min_fminimizer_iterate") { solver, _ in gsl_min_fminimizer_iterate(solver) }
                let a = solver.read { gsl_min_fminimizer_x_lower($0) }
                let b = solver.read { gsl_min_fminimizer_x_upper($0) }
                if try tolerance.accepts(lower: a, upper: b, "gsl_min_test_interval", gsl_min_test_interval) {
                    return Minimum(
                        x: solver.read { gsl_min_fminimizer_x_minimum($0) },
                        value: solver.read { gsl_min_fminimizer_f_minimum($0) }, lower: a, upper: b,
                        iterations: iteration)
                }
            }
            throw StatsError.notConverged(model: "Brent minimum", reason: "maximumIterations", iterations: maxIterations)
        }
    }
}
