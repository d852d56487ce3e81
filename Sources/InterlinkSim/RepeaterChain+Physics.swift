import InterlinkCore
import InterlinkPhysics

extension RepeaterChain {
    /// The two-link repeater of the physics core's `RepeaterConfiguration`, simulated in the same
    /// synchronous rounds as `TwoLinkRepeaterModel`: both links attempt with the common period
    /// τ = max(τ_A, τ_B); the swap uses the repeater node's operations (`linkA.armB.node`); the
    /// cutoff is the configuration's. Its Monte Carlo rate and mean fidelity converge to the
    /// model's `rateHz` and `fidelity`.
    ///
    /// - Throws: the physics validation error or ``ParameterError``, naming `path.<field>`.
    public init(twoLink configuration: RepeaterConfiguration, path: String = "repeater") throws {
        try configuration.validate(at: path)
        let a = try LinkModel(configuration: configuration.linkA, path: path + ".linkA")
        let b = try LinkModel(configuration: configuration.linkB, path: path + ".linkB")
        let tau = max(a.attemptPeriod.periodSeconds, b.attemptPeriod.periodSeconds)
        func link(_ m: LinkModel, _ c: LinkConfiguration, _ p: String) throws -> SimulatedLink {
            try SimulatedLink(
                successProbability: m.successProbabilityPerRound, attemptPeriodSeconds: tau,
                heraldedState: m.deliveredState, memoryA: c.armA.node.memory, memoryB: c.armB.node.memory, path: p)
        }
        try self.init(
            segments: [link(a, configuration.linkA, path + ".linkA"), link(b, configuration.linkB, path + ".linkB")],
            swapNodes: [configuration.linkA.armB.node.operations],
            cutoff: configuration.cutoffSeconds.map { .maximumAge(seconds: max($0, .leastNonzeroMagnitude)) } ?? .none)
    }
}
