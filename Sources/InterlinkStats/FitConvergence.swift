import InterlinkCore

/// Why a ``NonlinearFit`` stopped, and whether its answer can be trusted.
///
/// `converged == true` only when `gsl_multifit_nlinear_test` succeeded (small step or small
/// gradient), the Jacobian at the solution is well conditioned, the covariance finite, *and* the point
/// is stationary: the full Gauss–Newton step from it is negligible (a small step alone, e.g. after a
/// run of rejected trial steps at the edge of a region where the model is not finite, is not
/// convergence; see ``Reason/notStationary``).
/// Every other outcome is reported with `converged == false`: the fitter never calls a wrong
/// answer converged.
public struct FitConvergence: Sendable, Hashable, Codable {
    /// The stopping reason.
    public enum Reason: String, Sendable, Hashable, Codable {
        /// The step became small: `|δpⱼ| ≤ xtol (|pⱼ| + xtol)` (`info = 1`).
        case smallStep
        /// The scaled gradient became small (`info = 2`).
        case smallGradient
        /// The residual norm stopped changing (`info = 3`).
        case smallResidualChange
        /// The step, gradient or residual change reached machine precision (`GSL_ETOLX`,
        /// `GSL_ETOLG`, `GSL_ETOLF`), which `gsl_multifit_nlinear_driver` also counts as converged.
        case machinePrecision
        /// The iteration limit was reached first (`GSL_EMAXITER`).
        case maximumIterations
        /// The first iteration found no step that reduces the cost (`GSL_ENOPROG`).
        case noProgress
        /// The model's Jacobian (analytic gradient) was not finite at a point.
        case nonFiniteModel
        /// The tests passed, but the Jacobian is (nearly) singular or the covariance not finite:
        /// the parameters are not determined by the data.
        case illConditioned
        /// `gsl_multifit_nlinear_iterate` returned an error status (a numerical breakdown); the
        /// status and GSL's reason are in ``FitConvergence/detail``.
        case solverFailed
        /// The steps became small (or no trial step reduced the cost), but the point is not
        /// stationary: the full Gauss–Newton step from it is not negligible against the parameters
        /// and their standard errors. Typical at the edge of a region where the model is not finite,
        /// with the minimum beyond it.
        case notStationary
    }

    /// `true` when the answer is a well-determined minimum (see the type's description).
    public var converged: Bool
    /// The stopping reason.
    public var reason: Reason
    /// A human-readable explanation of ``reason`` (GSL's reason for ``Reason/solverFailed``).
    public var detail: String
    /// The trust-region method that produced this result (the first of
    /// ``NonlinearFitOptions/methods`` that converged, or the first one when none did).
    public var method: NonlinearFitOptions.Method
    /// Iterations taken (`gsl_multifit_nlinear_niter`).
    public var iterations: Int
    /// Trial points at which the model was not finite; each was rejected by the trust region.
    public var rejectedTrials: Int
    /// Model evaluations (`fdf.nevalf`).
    public var functionEvaluations: Int
    /// Analytic Jacobian evaluations (`fdf.nevaldf`; 0 with finite differences).
    public var jacobianEvaluations: Int
    /// The reciprocal condition number of the Jacobian at the solution (`gsl_multifit_nlinear_rcond`).
    public var reciprocalCondition: Double
}
