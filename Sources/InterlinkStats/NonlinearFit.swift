import InterlinkCore
import CGSL

/// A nonlinear weighted least-squares fit of a ``FitModel`` by GSL's trust-region solver
/// (`gsl_multifit_nlinear_trust`), minimising `χ² = Σ wᵢ (f(xᵢ; p) − yᵢ)²`.
///
/// The covariance is `(JᵀWJ)⁻¹` at the solution (`gsl_multifit_nlinear_covar`), following the same
/// conventions as ``LinearFit``: for an unweighted fit it is scaled by the residual variance
/// `χ²/(n − p)` (as the NIST StRD certified standard deviations assume); for a weighted fit with
/// `weights[i] = 1/σᵢ²` the σᵢ are taken as absolute and the covariance is not rescaled
/// (``NonlinearFitOptions/covarianceScaling`` changes this).
///
/// A fit always reports how it stopped in ``convergence``; use ``requireConvergence()`` to turn a
/// non-converged result into a thrown error.
public struct NonlinearFit: Sendable, Hashable, Codable {
    /// The model's parameter names, in order.
    public var parameterNames: [String]
    /// The best-fit parameters (the last iterate when not converged).
    public var parameters: [Double]
    /// The standard errors `√Cⱼⱼ`.
    public var standardErrors: [Double]
    /// The parameter covariance matrix `C` (p×p). For a fit that did not converge it may hold
    /// non-finite entries.
    public var covariance: [[Double]]
    /// The weighted residual sum of squares `Σ wᵢ rᵢ²` (the RSS for an unweighted fit).
    public var chiSquared: Double
    /// `n − p`.
    public var degreesOfFreedom: Int
    /// How the iteration stopped, and whether the answer is trusted.
    public var convergence: FitConvergence

    /// `true` when ``convergence`` reports a trusted, well-determined minimum.
    public var converged: Bool { convergence.converged }

    /// `χ² / (n − p)`, the reduced chi-squared (the residual variance for an unweighted fit).
    public var reducedChiSquared: Double { chiSquared / Double(degreesOfFreedom) }

    /// Fits `model` to the points `(x[i], y[i])` from the starting parameters `start`.
    ///
    /// - Parameters:
    ///   - model: the model and, optionally, its analytic gradient.
    ///   - x: the predictor values.
    ///   - y: the responses.
    ///   - weights: `1/σᵢ²` per point, or `nil` for an unweighted fit.
    ///   - start: the starting parameter vector, one value per ``FitModel/parameterNames``.
    ///   - options: the method, Jacobian source and tolerances.
    /// - Throws: ``ParameterError`` for inconsistent,
    ///   non-finite or too few data (`n` must exceed the number of parameters), a bad start or bad
    ///   options; ``StatsError/evaluationFailed(function:message:)`` when the model throws;
    ///   ``StatsError/gsl(function:status:reason:)`` for a GSL failure. Non-convergence is *not* thrown:
    ///   it is reported in ``convergence``.
    public init(
        model: FitModel, x: [Double], y: [Double], weights: [Double]? = nil, start: [Double],
        options: NonlinearFitOptions = NonlinearFitOptions()
    ) throws {
        let n = x.count, p = model.parameterNames.count
        try Validate.sameCount(x.count, "x.count", y.count, at: "y.count")
        try Validate.count(p, atLeast: 1, at: "model.parameterNames.count")
        try Validate.sameCount(p, "model.parameterNames.count", start.count, at: "start.count")
        try Validate.count(n, atLeast: p + 1, at: "x.count", reason: "more points than the \(p) parameters")
        try Validate.finite(x, at: "x")
        try Validate.finite(y, at: "y")
        try Validate.finite(start, at: "start")
        if let weights {
            try Validate.sameCount(n, "x.count", weights.count, at: "weights.count")
            try Validate.positive(weights, at: "weights")
        }
        try Validate.count(options.maxIterations, atLeast: 1, at: "options.maxIterations")
        try Validate.count(options.methods.count, atLeast: 1, at: "options.methods.count")
        for (name, value) in [
            ("options.stepTolerance", options.stepTolerance),
            ("options.gradientTolerance", options.gradientTolerance),
            ("options.residualTolerance", options.residualTolerance),
            ("options.minimumReciprocalCondition", options.minimumReciprocalCondition),
        ] where !(value.isFinite && value >= 0) {
            throw ParameterError(path: name, value: "\(value)", allowed: "finite and >= 0")
        }
        let useAnalytic: Bool
        switch options.jacobian {
        case .analytic:
            guard model.gradient != nil else {
                throw ParameterError(path: "options.jacobian", value: "analytic",
                    allowed: "a model with a gradient (model.gradient is nil)")
            }
            useAnalytic = true
        case .finiteDifference: useAnalytic = false
        case .automatic: useAnalytic = model.gradient != nil
        }

        try ModelEvaluation(model: model, x: x, y: y, analytic: useAnalytic).checkStart(start)
        var first: NonlinearFit?
        for method in options.methods {
            let evaluation = ModelEvaluation(model: model, x: x, y: y, analytic: useAnalytic)
            let fit = try Self.solve(
                evaluation: evaluation, method: method, weights: weights, start: start,
                options: options, n: n, p: p)
            if fit.converged {
                self = fit
                return
            }
            if first == nil { first = fit }
        }
        guard let first else {
            throw ParameterError(path: "options.methods", value: "[]", allowed: "non-empty")
        }
        self = first
    }

    /// Throws ``StatsError/notConverged(model:reason:iterations:)`` unless the fit converged.
    @discardableResult
    public func requireConvergence(modelName: String = "fit") throws -> NonlinearFit {
        guard converged else {
            throw StatsError.notConverged(
                model: modelName, reason: convergence.reason.rawValue, iterations: convergence.iterations)
        }
        return self
    }

    private init(
        parameterNames: [String], parameters: [Double], covariance: [[Double]], chiSquared: Double,
        degreesOfFreedom: Int, convergence: FitConvergence
    ) {
        self.parameterNames = parameterNames
        self.parameters = parameters
        self.covariance = covariance
        self.standardErrors = covariance.indices.map { covariance[$0][$0].squareRoot() }
        self.chiSquared = chiSquared
        self.degreesOfFreedom = degreesOfFreedom
        self.convergence = convergence
    }

    /// The explanation stored in ``FitConvergence/detail``.
    private static func detail(_ reason: FitConvergence.Reason, failure: String, rcond: Double) -> String {
        switch reason {
        case .smallStep: return "converged: the step became smaller than xtol"
        case .smallGradient: return "converged: the scaled gradient became smaller than gtol"
        case .smallResidualChange: return "converged: the residual norm stopped changing (ftol)"
        case .machinePrecision: return "converged: step, gradient or residual change at machine precision"
        case .maximumIterations: return "not converged: iteration limit reached"
        case .noProgress: return "not converged: no step from the start reduces the cost"
        case .nonFiniteModel: return "not converged: the model's Jacobian was not finite at an accepted point"
        case .illConditioned:
            return "not converged: Jacobian reciprocal condition number \(rcond) or covariance not finite; the parameters are not determined by the data"
        case .solverFailed: return "not converged: \(failure)"
        case .notStationary:
            return "not converged: the steps became small, but the Gauss–Newton step from the last point is not (a non-zero gradient, e.g. at the edge of a region where the model is not finite)"
        }
    }

    /// The GSL part: allocate the workspace, iterate with `gsl_multifit_nlinear_iterate` and
    /// `gsl_multifit_nlinear_test` (the logic of `gsl_multifit_nlinear_driver`, with model errors
    /// surfaced and every stop checked for stationarity), then `gsl_multifit_nlinear_covar` and
    /// `gsl_multifit_nlinear_rcond`.
    private static func solve(
        evaluation: ModelEvaluation, method: NonlinearFitOptions.Method, weights: [Double]?,
        start: [Double],
        options: NonlinearFitOptions, n: Int, p: Int
    ) throws -> NonlinearFit {
        var parameters = GSL.call { gsl_multifit_nlinear_default_parameters() }
        switch method {
        case .levenbergMarquardt: parameters.trs = cgsl_multifit_nlinear_trs_lm()
        case .levenbergMarquardtGeodesic: parameters.trs = cgsl_multifit_nlinear_trs_lmaccel()
        case .dogleg: parameters.trs = cgsl_multifit_nlinear_trs_dogleg()
        case .doubleDogleg: parameters.trs = cgsl_multifit_nlinear_trs_ddogleg()
        case .subspace2D: parameters.trs = cgsl_multifit_nlinear_trs_subspace2D()
        }
        parameters.scale = cgsl_multifit_nlinear_scale_more()
        parameters.solver = cgsl_multifit_nlinear_solver_qr()
        parameters.fdtype = GSL_MULTIFIT_NLINEAR_CTRDIFF
        parameters.h_df = NonlinearFitOptions.centralDifferenceStep

        let workspace = try NonlinearFitWorkspace(evaluation: evaluation, parameters: parameters, n: n, p: p)
        try workspace.start(at: start, weights: weights)
        let dof = n - p
        let scaled: Bool
        switch options.covarianceScaling {
        case .automatic: scaled = weights == nil
        case .residualVariance: scaled = true
        case .none: scaled = false
        }
        func residualVariance() -> Double {
            scaled ? workspace.residual.reduce(0) { $0 + $1 * $1 } / Double(dof) : 1
        }

        var reason = FitConvergence.Reason.maximumIterations
        var testsPassed = false
        var failure = ""
        var noProgressRun = 0
        for iteration in 1...options.maxIterations {
            let status = try workspace.iterate()
            if evaluation.nonFinite { reason = .nonFiniteModel; break }
            if status == GSLStatus.noProgress {
                // No step out of 16 trials reduced the cost. On the first iteration that is final (as in
                // gsl_multifit_nlinear_driver). Later, GSL's step test would look at the last *rejected*
                // step, so it is not run: the point counts as converged only if it is stationary;
                // otherwise the solver (which has reset its damping) tries again, a few times.
                if iteration == 1 { reason = .noProgress; break }
                if try workspace.isStationary(residualVariance: residualVariance()) {
                    reason = .machinePrecision
                    testsPassed = true
                    break
                }
                noProgressRun += 1
                if noProgressRun >= Self.noProgressLimit { reason = .notStationary; break }
                continue
            }
            noProgressRun = 0
            if status == GSLStatus.stepTolerance || status == GSLStatus.gradientTolerance || status == GSLStatus.residualTolerance {
                reason = .machinePrecision
                testsPassed = true
                break
            } else if status != GSLStatus.success {
                reason = .solverFailed
                failure = GSL.error("gsl_multifit_nlinear_iterate", status: status).description
                break
            }
            let (test, info) = workspace.test(
                stepTolerance: options.stepTolerance, gradientTolerance: options.gradientTolerance,
                residualTolerance: options.residualTolerance)
            if test == GSLStatus.success {
                switch info {
                case 1: reason = .smallStep
                case 2: reason = .smallGradient
                default: reason = .smallResidualChange
                }
                testsPassed = true
                break
            } else if test != GSLStatus.continue {
                throw GSL.error("gsl_multifit_nlinear_test", status: test)
            }
        }

        let position = workspace.position
        let chiSquared = workspace.residual.reduce(0) { $0 + $1 * $1 }
        let rcond = workspace.reciprocalCondition
        // A failed covariance (singular or non-finite Jacobian) is a property of the answer, not a
        // usage error: it is reported through the convergence check below.
        let variance = residualVariance()
        let covariance = try workspace.unscaledCovariance()?.map { $0.map { $0 * variance } }
            ?? [[Double]](repeating: [Double](repeating: .nan, count: p), count: p)
        let covarianceUsable = covariance.indices.allSatisfy { i in
            covariance[i][i] > 0 && covariance[i].allSatisfy(\.isFinite)
        } && position.allSatisfy(\.isFinite) && chiSquared.isFinite
        // Ill-conditioning is the more basic diagnosis: it also explains a non-stationary stop on a plateau.
        if (testsPassed || reason == .notStationary) && (rcond < options.minimumReciprocalCondition || !covarianceUsable) {
            reason = .illConditioned
            testsPassed = false
        } else if testsPassed, try !workspace.isStationary(residualVariance: variance) {
            reason = .notStationary
            testsPassed = false
        }
        let convergence = FitConvergence(
            converged: testsPassed, reason: reason, detail: Self.detail(reason, failure: failure, rcond: rcond),
            method: method,
            iterations: workspace.iterations,
            rejectedTrials: evaluation.rejectedTrials,
            functionEvaluations: workspace.functionEvaluations, jacobianEvaluations: workspace.jacobianEvaluations,
            reciprocalCondition: rcond)
        return NonlinearFit(
            parameterNames: evaluation.model.parameterNames, parameters: position, covariance: covariance,
            chiSquared: chiSquared, degreesOfFreedom: dof, convergence: convergence)
    }

    /// Consecutive `GSL_ENOPROG` iterations at a non-stationary point after which the fit stops as
    /// ``FitConvergence/Reason/notStationary``.
    static let noProgressLimit = 3
}
