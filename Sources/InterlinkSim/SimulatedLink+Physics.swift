import InterlinkCore
import InterlinkPhysics

extension SimulatedLink {
    /// The engine's view of a link evaluated by the physics core: success probability per round
    /// (multiplexing included), attempt period τ = `attemptPeriod.periodSeconds`, the delivered
    /// state (heralded state after the herald's round trip) and the two nodes' memories. Its Monte
    /// Carlo rate and fidelity converge to `model.rateHz` and `model.fidelity`.
    ///
    /// - Parameters:
    ///   - model: the analytic link (`LinkModel(configuration:)`).
    ///   - configuration: the configuration the model was built from (for the node memories).
    ///   - path: the parameter path used in error messages.
    /// - Throws: ``ParameterError`` when the link never succeeds (success probability 0).
    public init(model: LinkModel, configuration: LinkConfiguration, path: String = "link") throws {
        try self.init(
            successProbability: model.successProbabilityPerRound,
            attemptPeriodSeconds: model.attemptPeriod.periodSeconds,
            heraldedState: model.deliveredState,
            memoryA: configuration.armA.node.memory, memoryB: configuration.armB.node.memory, path: path)
    }

    /// Builds the physics model of `configuration` and its engine view.
    ///
    /// - Throws: the physics validation error or ``ParameterError``, naming `path.<field>`.
    public init(configuration: LinkConfiguration, path: String = "link") throws {
        try self.init(model: LinkModel(configuration: configuration, path: path), configuration: configuration, path: path)
    }
}
