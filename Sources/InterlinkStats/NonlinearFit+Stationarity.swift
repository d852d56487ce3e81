import InterlinkCore

/// The stationarity check that every converged ``NonlinearFit`` must pass.
///
/// GSL's step test (`xtol`) passes whenever the last step was small, which also happens when the trust
/// region has shrunk against the edge of a region where the model is not finite (every trial step
/// beyond it is rejected) or when `gsl_multifit_nlinear_iterate` reports `GSL_ENOPROG` after a run of
/// rejected steps: small steps, but not a minimum. A point is called stationary only when the full,
/// unconstrained Gauss–Newton step from it, `δ = −(JᵀWJ)⁻¹ JᵀW r`, is negligible:
/// `|δⱼ| ≤ τ · (|pⱼ| + σⱼ)` for every parameter, with `σⱼ` its standard error and
/// `τ =` ``NonlinearFitWorkspace/stationarityTolerance``. At a minimum `JᵀW r = 0` up to rounding and
/// the step is at rounding level; at an edge with a non-zero gradient it points across the edge.
extension NonlinearFitWorkspace {
    /// `τ` of the stationarity test. At the converged minima of the NIST StRD problems in the tests
    /// (every method, both Jacobians, both starts) the largest remaining step is 1.3e-7 (Thurber, whose
    /// Jacobian is badly conditioned, so rounding in `JᵀW r` is amplified); a non-stationary stop leaves
    /// steps of order 0.1–1.
    static let stationarityTolerance = 1e-6

    /// The Gauss–Newton step `δ = −(JᵀWJ)⁻¹ JᵀW r` from the current point and the unscaled covariance
    /// it used, or `nil` when the covariance cannot be formed.
    func gaussNewtonStep() throws -> (step: [Double], covariance: [[Double]])? {
        guard let covariance = try unscaledCovariance() else { return nil }
        let j = jacobian, r = residual
        let gradient = (0..<p).map { k in zip(j, r).reduce(0) { $0 + $1.0[k] * $1.1 } }
        let step = covariance.map { row in -zip(row, gradient).reduce(0) { $0 + $1.0 * $1.1 } }
        return (step, covariance)
    }

    /// Whether the current point passes the stationarity test (see the extension's description); the
    /// residual variance `χ²/(n − p)` scales the standard errors.
    func isStationary(residualVariance: Double) throws -> Bool {
        guard let (step, covariance) = try gaussNewtonStep() else { return false }
        let x = position
        return step.indices.allSatisfy { k in
            let sigma = (covariance[k][k] * residualVariance).squareRoot()
            let scale = x[k].magnitude + (sigma.isFinite ? sigma : 0)
            return step[k].isFinite && step[k].magnitude <= Self.stationarityTolerance * scale
        }
    }
}
