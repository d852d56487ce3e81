import InterlinkCore
import CGSL

/// One `gsl_multifit_nlinear_workspace` together with everything GSL keeps a pointer to while it lives.
///
/// `gsl_multifit_nlinear_init`/`_winit` store the `gsl_multifit_nlinear_fdf *` in the workspace
/// (`w->fdf`) and call through it, and count evaluations in it (`nevalf`, `nevaldf`), on every
/// `gsl_multifit_nlinear_iterate`; a Swift `&local` is lent for one call only. So the `fdf` struct (and
/// the `gsl_multifit_nlinear_parameters` given to `gsl_multifit_nlinear_alloc`) live in storage this
/// object allocates once and releases in `deinit`, *after* `gsl_multifit_nlinear_free`. The callbacks'
/// `params` is an unretained reference to ``evaluation``, which this object holds strongly. Every GSL
/// call on the workspace goes through a method of this object, so the storage is alive whenever GSL
/// can reach it.
final class NonlinearFitWorkspace {
    private let workspace: UnsafeMutablePointer<gsl_multifit_nlinear_workspace>
    private let fdf: UnsafeMutablePointer<gsl_multifit_nlinear_fdf>
    private let parameters: UnsafeMutablePointer<gsl_multifit_nlinear_parameters>
    /// The model bridge the callbacks reach.
    let evaluation: ModelEvaluation
    /// The number of parameters.
    let p: Int

    /// `gsl_multifit_nlinear_alloc(gsl_multifit_nlinear_trust, parameters, n, p)` and the `fdf` for
    /// `evaluation` (`f` always, `df` only for an analytic Jacobian; otherwise GSL differentiates).
    init(evaluation: ModelEvaluation, parameters value: gsl_multifit_nlinear_parameters, n: Int, p: Int) throws {
        let parameters = UnsafeMutablePointer<gsl_multifit_nlinear_parameters>.allocate(capacity: 1)
        parameters.initialize(to: value)
        let workspace: UnsafeMutablePointer<gsl_multifit_nlinear_workspace>
        do {
            workspace = try GSL.allocate("gsl_multifit_nlinear_alloc") {
                gsl_multifit_nlinear_alloc(cgsl_multifit_nlinear_trust(), parameters, n, p)
            }
        } catch {
            parameters.deinitialize(count: 1)
            parameters.deallocate()
            throw error
        }
        var fdf = gsl_multifit_nlinear_fdf()
        fdf.f = ModelEvaluation.residualCallback
        fdf.df = evaluation.analytic ? ModelEvaluation.jacobianCallback : nil
        fdf.fvv = nil
        fdf.n = n
        fdf.p = p
        fdf.params = Unmanaged.passUnretained(evaluation).toOpaque()
        self.fdf = UnsafeMutablePointer<gsl_multifit_nlinear_fdf>.allocate(capacity: 1)
        self.fdf.initialize(to: fdf)
        self.parameters = parameters
        self.workspace = workspace
        self.evaluation = evaluation
        self.p = p
    }

    deinit {
        GSL.call { gsl_multifit_nlinear_free(workspace) }
        fdf.deinitialize(count: 1)
        fdf.deallocate()
        parameters.deinitialize(count: 1)
        parameters.deallocate()
    }

    /// `gsl_multifit_nlinear_init` (or `gsl_multifit_nlinear_winit` with `weights`; GSL copies both
    /// the start and the weights).
    func start(at start: [Double], weights: [Double]?) throws {
        let x0 = try GSLBuffer.vector(start)
        defer { GSL.call { gsl_vector_free(x0) } }
        if let weights {
            let wts = try GSLBuffer.vector(weights)
            defer { GSL.call { gsl_vector_free(wts) } }
            try evaluation.run("gsl_multifit_nlinear_winit") { gsl_multifit_nlinear_winit(x0, wts, fdf, workspace) }
        } else {
            try evaluation.run("gsl_multifit_nlinear_init") { gsl_multifit_nlinear_init(x0, fdf, workspace) }
        }
    }

    /// `gsl_multifit_nlinear_iterate`, rethrowing a model error stored by a callback.
    func iterate() throws -> Int32 {
        let status = GSL.call { gsl_multifit_nlinear_iterate(workspace) }
        try evaluation.rethrowFailure()
        return status
    }

    /// `gsl_multifit_nlinear_test(xtol, gtol, ftol, &info, w)`: the status and `info`.
    func test(stepTolerance: Double, gradientTolerance: Double, residualTolerance: Double) -> (Int32, Int32) {
        var info: Int32 = 0
        let status = GSL.call {
            gsl_multifit_nlinear_test(stepTolerance, gradientTolerance, residualTolerance, &info, workspace)
        }
        return (status, info)
    }

    /// The current parameters (`gsl_multifit_nlinear_position`).
    var position: [Double] { GSLBuffer.read(GSL.call { gsl_multifit_nlinear_position(workspace) }) }
    /// The current weighted residuals `√wᵢ rᵢ` (`gsl_multifit_nlinear_residual`).
    var residual: [Double] { GSLBuffer.read(GSL.call { gsl_multifit_nlinear_residual(workspace) }) }
    /// The current weighted Jacobian `√W J`, row by row (`gsl_multifit_nlinear_jac`).
    var jacobian: [[Double]] { GSLBuffer.read(GSL.call { gsl_multifit_nlinear_jac(workspace) }) }
    /// Iterations taken (`gsl_multifit_nlinear_niter`).
    var iterations: Int { GSL.call { gsl_multifit_nlinear_niter(workspace) } }
    /// Model evaluations GSL counted in the `fdf` (`nevalf`).
    var functionEvaluations: Int { fdf.pointee.nevalf }
    /// Analytic Jacobian evaluations GSL counted in the `fdf` (`nevaldf`).
    var jacobianEvaluations: Int { fdf.pointee.nevaldf }

    /// The reciprocal condition number of the current Jacobian (`gsl_multifit_nlinear_rcond`), or 0
    /// when it cannot be computed or is not finite.
    var reciprocalCondition: Double {
        var rcond = 0.0
        let status = GSL.call { gsl_multifit_nlinear_rcond(&rcond, workspace) }
        return status == GSLStatus.success && rcond.isFinite ? rcond : 0
    }

    /// `(JᵀWJ)⁻¹` at the current point (`gsl_multifit_nlinear_covar` with `epsrel = 0`), or `nil`
    /// when GSL cannot form it (a singular or non-finite Jacobian).
    func unscaledCovariance() throws -> [[Double]]? {
        let covar = try GSLBuffer.matrix(rows: p, columns: p)
        defer { GSL.call { gsl_matrix_free(covar) } }
        let status = GSL.call { gsl_multifit_nlinear_covar(gsl_multifit_nlinear_jac(workspace), 0, covar) }
        return status == GSLStatus.success ? GSLBuffer.read(covar) : nil
    }
}
