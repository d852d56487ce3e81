import InterlinkCore

/// Failures of a computation in `InterlinkStats`: GSL statuses other than `GSL_SUCCESS` (with
/// GSL's reason, from `gsl_strerror`), failed evaluations and non-convergence. Arguments rejected
/// before they reach GSL are the one `ParameterError` of InterlinkCore.
public enum StatsError: Error, CustomStringConvertible, Sendable, Hashable {
    /// A GSL function returned a non-success status.
    ///
    /// - Parameters:
    ///   - function: the GSL function, e.g. `"gsl_fit_linear"`.
    ///   - status: the `int` status (`GSL_EDOM`, `GSL_EMAXITER`, ...).
    ///   - reason: GSL's description of the status (`gsl_strerror`).
    case gsl(function: String, status: Int32, reason: String)

    /// A caller-supplied function (a model, its Jacobian, a root or minimum target) threw or
    /// returned a non-finite value while GSL was evaluating it.
    ///
    /// - Parameters:
    ///   - function: what was being evaluated, e.g. `"model"`.
    ///   - message: the underlying error's description.
    case evaluationFailed(function: String, message: String)

    /// An iterative method stopped without a trusted answer (see ``FitConvergence``).
    ///
    /// - Parameters:
    ///   - model: the model or problem name.
    ///   - reason: why it stopped, e.g. `"maximumIterations"`.
    ///   - iterations: the iterations taken.
    case notConverged(model: String, reason: String, iterations: Int)

    /// A human-readable explanation naming the argument or the GSL function.
    public var description: String {
        switch self {
        case let .gsl(function, status, reason):
            return "\(function) failed with GSL status \(status): \(reason)"
        case let .evaluationFailed(function, message):
            return "evaluating \(function) failed: \(message)"
        case let .notConverged(model, reason, iterations):
            return "\(model) did not converge after \(iterations) iterations: \(reason)"
        }
    }
}
