import InterlinkCore
import CGSL

/// The stopping test shared by ``RootFinder/brent(lower:upper:absoluteTolerance:relativeTolerance:maxIterations:_:)``
/// and ``Minimizer/brent(lower:upper:guess:absoluteTolerance:relativeTolerance:maxIterations:_:)``:
/// GSL's `gsl_root_test_interval` / `gsl_min_test_interval`, which accept a bracket `[a, b]` when
/// `|b − a| < epsabs + epsrel · min(|a|, |b|)`, with `min(|a|, |b|)` taken as 0 when the bracket
/// contains 0.
///
/// With `epsabs = 0` a purely relative test can then never accept a bracket around a root or minimum
/// at exactly 0. So when the caller gives no absolute tolerance (0) and the bracket contains 0,
/// `epsabs` becomes `relativeTolerance · max(|lower₀|, |upper₀|)`, the relative tolerance applied to
/// the scale of the initial bracket. An explicit absolute tolerance (> 0) is always used as given,
/// and a bracket that does not contain 0 is tested exactly as GSL tests it.
struct BracketTolerance {
    /// The caller's absolute tolerance.
    let absolute: Double
    /// The caller's relative tolerance.
    let relative: Double
    /// `max(|lower₀|, |upper₀|)` of the initial bracket (> 0, since `lower₀ < upper₀`).
    let scale: Double

    /// Validates a whole bracketing problem: finite `lower < upper`, the tolerances and the
    /// iteration limit (≥ 1) — the arguments every bracketing solver takes.
    /// - Throws: ``ParameterError`` naming the argument.
    init(lower: Double, upper: Double, absolute: Double, relative: Double, maxIterations: Int) throws {
        try Validate.finite(lower, at: "lower")
        try Validate.finite(upper, at: "upper")
        guard lower < upper else {
            throw ParameterError(path: "upper", value: "\(upper)", allowed: "> lower = \(lower)")
        }
        try self.init(absolute: absolute, relative: relative, lower: lower, upper: upper)
        try Validate.count(maxIterations, atLeast: 1, at: "maxIterations")
    }

    /// Validates the tolerances (finite, ≥ 0, at least one > 0).
    /// - Throws: ``ParameterError`` naming the tolerance.
    init(absolute: Double, relative: Double, lower: Double, upper: Double) throws {
        for (name, value) in [("absoluteTolerance", absolute), ("relativeTolerance", relative)]
        where !(value.isFinite && value >= 0) {
            throw ParameterError(path: name, value: "\(value)", allowed: "finite and >= 0")
        }
        guard absolute > 0 || relative > 0 else {
            throw ParameterError(path: "absoluteTolerance, relativeTolerance", value: "both 0", allowed: "at least one > 0")
        }
        self.absolute = absolute
        self.relative = relative
        scale = max(lower.magnitude, upper.magnitude)
    }

    /// The `epsabs` passed to GSL for the bracket `[a, b]` (see the type's description).
    func absoluteTolerance(forLower a: Double, upper b: Double) -> Double {
        let containsZero = !((a > 0 && b > 0) || (a < 0 && b < 0))
        return absolute == 0 && containsZero ? relative * scale : absolute
    }

    /// Whether `test` (`gsl_root_test_interval` or `gsl_min_test_interval`, named `function`) accepts
    /// `[a, b]`.
    /// - Throws: ``StatsError/gsl(function:status:reason:)`` for a status other than `GSL_SUCCESS`
    ///   or `GSL_CONTINUE`.
    func accepts(
        lower a: Double, upper b: Double, _ function: String,
        _ test: (_ lower: Double, _ upper: Double, _ epsabs: Double, _ epsrel: Double) -> Int32
    ) throws -> Bool {
        let status = GSL.call { test(a, b, absoluteTolerance(forLower: a, upper: b), relative) }
        if status == GSLStatus.success { return true }
        if status == GSLStatus.continue { return false }
        throw GSL.error(function, status: status)
    }
}
