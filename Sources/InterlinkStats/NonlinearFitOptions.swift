import InterlinkCore
import Foundation

/// Settings for ``NonlinearFit`` over GSL's `gsl_multifit_nlinear` trust-region solver.
public struct NonlinearFitOptions: Sendable, Hashable, Codable {
    /// The trust-region subproblem (`gsl_multifit_nlinear_parameters.trs`).
    public enum Method: String, Sendable, Hashable, Codable, CaseIterable {
        /// Levenberg–Marquardt (`gsl_multifit_nlinear_trs_lm`).
        case levenbergMarquardt
        /// Levenberg–Marquardt with geodesic acceleration (`gsl_multifit_nlinear_trs_lmaccel`;
        /// Transtrum & Sethna, arXiv:1201.5885), the second directional derivative by finite differences.
        case levenbergMarquardtGeodesic
        /// Powell's dogleg (`gsl_multifit_nlinear_trs_dogleg`).
        case dogleg
        /// Double dogleg (`gsl_multifit_nlinear_trs_ddogleg`).
        case doubleDogleg
        /// Two-dimensional subspace (`gsl_multifit_nlinear_trs_subspace2D`).
        case subspace2D
    }

    /// How the Jacobian is obtained.
    public enum Jacobian: String, Sendable, Hashable, Codable {
        /// The model's analytic ``FitModel/gradient``; a model without one is an error.
        case analytic
        /// GSL's central finite differences (`gsl_multifit_nlinear_df` with
        /// `GSL_MULTIFIT_NLINEAR_CTRDIFF`): column `j` is `(f(p + ½hⱼeⱼ) − f(p − ½hⱼeⱼ)) / hⱼ` with
        /// `hⱼ = h·|pⱼ|` (`h` when `pⱼ = 0`) and `h =` ``NonlinearFitOptions/centralDifferenceStep``
        /// `= ε^(1/3)`, the step that balances the `O(h²)` truncation error of a central difference
        /// against its `O(ε/h)` rounding error; the derivatives are then accurate to about `ε^(2/3)`
        /// relative. (GSL's default `h_df = √ε` suits forward differences and leaves central ones
        /// rounding-dominated, at about `√ε`.)
        case finiteDifference
        /// Analytic when the model has a gradient, finite differences otherwise.
        case automatic
    }

    /// How the covariance `(JᵀWJ)⁻¹` is scaled.
    public enum CovarianceScaling: String, Sendable, Hashable, Codable {
        /// Scaled by `χ²/(n − p)` for an unweighted fit (the noise level is estimated from the
        /// scatter, as NIST StRD assumes) and not scaled for a weighted fit (weights are `1/σᵢ²` with
        /// known σᵢ).
        case automatic
        /// Always scaled by `χ²/(n − p)` (weights known only up to a common factor).
        case residualVariance
        /// Never scaled (`(JᵀWJ)⁻¹` as it is).
        case none
    }

    /// The relative step `h` of the central-difference Jacobian, `ε^(1/3) ≈ 6.06e-6`
    /// (`gsl_multifit_nlinear_parameters.h_df`; see ``Jacobian/finiteDifference``).
    public static let centralDifferenceStep = cbrt(Double.ulpOfOne)

    /// The covariance scaling; default ``CovarianceScaling/automatic``.
    public var covarianceScaling: CovarianceScaling = .automatic

    /// The trust-region subproblems to try, in order: the fit restarts from `start` with the next
    /// method only when the previous one did not converge (see ``FitConvergence``). The default,
    /// Levenberg–Marquardt then double dogleg, reaches every NIST StRD certified value in the test
    /// suite from both starting points. Must not be empty.
    public var methods: [Method] = [.levenbergMarquardt, .doubleDogleg]
    /// The Jacobian source; default ``Jacobian/automatic``.
    public var jacobian: Jacobian = .automatic
    /// The most iterations before the fit is reported as not converged.
    public var maxIterations: Int = 1000
    /// `xtol` of `gsl_multifit_nlinear_test`: converged when every step `|δpⱼ| ≤ xtol (|pⱼ| + xtol)`.
    public var stepTolerance: Double = 1e-12
    /// `gtol` of `gsl_multifit_nlinear_test`: converged when the scaled gradient
    /// `max |gⱼ · max(|pⱼ|, 1)| / max(Φ, 1)` is at most `gtol` (Φ = ½‖f‖²).
    public var gradientTolerance: Double = 1e-12
    /// `ftol` of `gsl_multifit_nlinear_test` (relative change in the residual norm).
    public var residualTolerance: Double = 0
    /// A converged fit whose Jacobian has reciprocal condition number (`gsl_multifit_nlinear_rcond`)
    /// below this is reported as not converged: its parameters are not identified by the data
    /// (e.g. a run-away to a minimum at infinity).
    public var minimumReciprocalCondition: Double = 1e-13

    /// Default settings: Levenberg–Marquardt falling back to double dogleg, automatic Jacobian,
    /// tight tolerances.
    public init() {}

    /// Default settings with the given Jacobian source.
    public init(jacobian: Jacobian) {
        self.jacobian = jacobian
    }

    /// Settings with a single method (no fallback) and the given Jacobian source, other settings at
    /// their defaults.
    public init(method: Method, jacobian: Jacobian = .automatic) {
        self.methods = [method]
        self.jacobian = jacobian
    }
}
