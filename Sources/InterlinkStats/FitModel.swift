import InterlinkCore

/// A model `y = f(x; p)` for ``NonlinearFit``: its value and, optionally, its analytic gradient
/// with respect to the parameters.
///
/// The closures may throw; a thrown error stops the fit and is reported as
/// ``StatsError/evaluationFailed(function:message:)``. A non-finite value at the starting point is
/// rejected. During the iteration, a trial point where the model is not finite is rejected and the
/// trust region shrinks; a non-finite gradient ends the fit as not converged
/// (``FitConvergence/Reason/nonFiniteModel``).
public struct FitModel: Sendable {
    /// A short name for reports, e.g. `"exponential decay to offset"`.
    public var name: String
    /// The parameter names, in the order of the parameter vector, e.g. `["amplitude", "rate", "offset"]`.
    public var parameterNames: [String]
    /// `f(x; p)`.
    public var value: @Sendable (_ x: Double, _ parameters: [Double]) throws -> Double
    /// `∂f/∂pⱼ (x; p)` for every parameter `j`, or `nil` when only a finite-difference Jacobian is
    /// available.
    public var gradient: (@Sendable (_ x: Double, _ parameters: [Double]) throws -> [Double])?

    /// Creates a model from its value and, optionally, its analytic parameter gradient.
    public init(
        name: String,
        parameterNames: [String],
        value: @escaping @Sendable (_ x: Double, _ parameters: [Double]) throws -> Double,
        gradient: (@Sendable (_ x: Double, _ parameters: [Double]) throws -> [Double])? = nil
    ) {
        self.name = name
        self.parameterNames = parameterNames
        self.value = value
        self.gradient = gradient
    }
}
