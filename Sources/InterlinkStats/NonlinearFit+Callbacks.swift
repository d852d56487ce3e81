import InterlinkCore
import CGSL

/// The bridge from GSL's C callbacks to a Swift ``FitModel``.
///
/// GSL calls `f(x, params, f)` and `df(x, params, J)` with the `params` void pointer it was given;
/// that pointer is an `Unmanaged` reference to this box, retained for the duration of the fit by
/// ``NonlinearFit``. Swift errors cannot cross the C frames, so a thrown error is stored here, the
/// callback returns `GSL_EBADFUNC`, and the Swift side rethrows it once GSL has returned.
final class ModelEvaluation {
    let model: FitModel
    let x: [Double]
    let y: [Double]
    let analytic: Bool
    /// The first error a model closure threw.
    private(set) var failure: (any Error)?
    /// Set when the Jacobian was not finite at a point.
    private(set) var nonFinite = false
    /// Trial points at which the model was not finite (each was rejected by the trust region).
    private(set) var rejectedTrials = 0
    /// The residual written at a trial point where the model is not finite: large, yet its square
    /// summed over any realistic number of points stays finite.
    static let rejectionResidual = 1e100

    init(model: FitModel, x: [Double], y: [Double], analytic: Bool) {
        self.model = model
        self.x = x
        self.y = y
        self.analytic = analytic
    }

    /// Rejects a start at which the model (or its gradient) is not finite or has the wrong size.
    func checkStart(_ start: [Double]) throws {
        do {
            for (i, xi) in x.enumerated() {
                let value = try model.value(xi, start)
                guard value.isFinite else {
                    throw ParameterError(path: "start", value: "\(start)",
                        allowed: "parameters at which the model is finite (f(x[\(i)]) = \(value))")
                }
                if analytic, let gradient = model.gradient {
                    let g = try gradient(xi, start)
                    guard g.count == start.count else {
                        throw ParameterError(path: "model.gradient(x[\(i)]).count", value: "\(g.count)",
                            allowed: "equal to the number of parameters, \(start.count)")
                    }
                    if let j = g.firstIndex(where: { !$0.isFinite }) {
                        throw ParameterError(path: "start", value: "\(start)",
                            allowed: "parameters at which the gradient is finite (∂f/∂p[\(j)] at x[\(i)] = \(g[j]))")
                    }
                }
            }
        } catch let error as StatsError {
            throw error
        } catch {
            throw StatsError.evaluationFailed(function: "model \(model.name)", message: "\(error)")
        }
    }

    /// Runs a GSL call that may invoke the callbacks, surfacing a stored model error first.
    func run(_ function: String, _ body: () -> Int32) throws {
        let status = GSL.call(body)
        try rethrowFailure()
        if nonFinite {
            throw StatsError.evaluationFailed(function: "model \(model.name)", message: "non-finite value")
        }
        guard status == GSLStatus.success else { throw GSL.error(function, status: status) }
    }

    /// Throws the stored model error, if any.
    func rethrowFailure() throws {
        if let failure {
            if let stats = failure as? StatsError { throw stats }
            throw StatsError.evaluationFailed(function: "model \(model.name)", message: "\(failure)")
        }
    }

    /// Residuals `rᵢ = f(xᵢ; p) − yᵢ` (GSL applies the weights).
    private func residuals(_ p: [Double], into out: UnsafeMutablePointer<gsl_vector>) -> Int32 {
        do {
            var r = [Double](repeating: 0, count: x.count)
            for i in x.indices {
                r[i] = try model.value(x[i], p) - y[i]
            }
            if r.contains(where: { !$0.isFinite }) {
                // A trial point where the model is undefined (overflow, division by zero) is made an
                // arbitrarily bad one, so the trust region rejects the step and shrinks. Such a point
                // can never be accepted, because the start is checked to be finite.
                rejectedTrials += 1
                r = [Double](repeating: Self.rejectionResidual, count: x.count)
            }
            GSLBuffer.write(r, to: out)
            return GSLStatus.success
        } catch {
            if failure == nil { failure = error }
            return GSLStatus.badFunction
        }
    }

    /// The Jacobian `Jᵢⱼ = ∂f(xᵢ; p)/∂pⱼ` (GSL applies the weights).
    private func jacobian(_ p: [Double], into out: UnsafeMutablePointer<gsl_matrix>) -> Int32 {
        guard let gradient = model.gradient else { return GSLStatus.badFunction }
        do {
            let tda = out.pointee.tda
            for i in x.indices {
                let g = try gradient(x[i], p)
                guard g.count == p.count else {
                    throw ParameterError(path: "model.gradient(x[\(i)]).count", value: "\(g.count)",
                        allowed: "equal to the number of parameters, \(p.count)")
                }
                for j in g.indices {
                    guard g[j].isFinite else { nonFinite = true; return GSLStatus.badFunction }
                    out.pointee.data[i * tda + j] = g[j]
                }
            }
            return GSLStatus.success
        } catch {
            if failure == nil { failure = error }
            return GSLStatus.badFunction
        }
    }

    /// `gsl_multifit_nlinear_fdf.f`.
    static let residualCallback: @convention(c) (
        UnsafePointer<gsl_vector>?, UnsafeMutableRawPointer?, UnsafeMutablePointer<gsl_vector>?
    ) -> Int32 = { p, params, out in
        guard let p, let params, let out else { return GSLStatus.invalid }
        let box = Unmanaged<ModelEvaluation>.fromOpaque(params).takeUnretainedValue()
        return box.residuals(GSLBuffer.read(p), into: out)
    }

    /// `gsl_multifit_nlinear_fdf.df`.
    static let jacobianCallback: @convention(c) (
        UnsafePointer<gsl_vector>?, UnsafeMutableRawPointer?, UnsafeMutablePointer<gsl_matrix>?
    ) -> Int32 = { p, params, out in
        guard let p, let params, let out else { return GSLStatus.invalid }
        let box = Unmanaged<ModelEvaluation>.fromOpaque(params).takeUnretainedValue()
        return box.jacobian(GSLBuffer.read(p), into: out)
    }
}
