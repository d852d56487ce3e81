import InterlinkPhysics

/// Noise of the Bell-state measurement at a swapping node, as used by the physics core's
/// `EntanglementSwapping.swap(_:_:operations:)`: the two-qubit gate is a depolarising channel of
/// probability p = 4(1 − F₂q)/3 on the output, and each of the two readout bits flips with
/// probability e = 1 − F_ro, giving the Pauli channel [(1 − e)², e(1 − e), e², e(1 − e)].
/// Depolarisation commutes with convolution, so the noise of several nodes combines into one
/// keep factor ∏(1 − p_k) and one convolved readout channel.
public struct SwapNoise: Sendable, Hashable {
    /// Probability that the output is left unaffected by gate depolarisation, ∏(1 − p_k).
    public let keepFactor: Double
    /// The combined readout Pauli channel.
    public let readout: PauliWeights

    /// Perfect swaps.
    public static let perfect = SwapNoise(keepFactor: 1, readout: .identity)

    /// Creates combined noise directly.
    @inlinable
    public init(keepFactor: Double, readout: PauliWeights) {
        self.keepFactor = keepFactor
        self.readout = readout
    }

    /// The combined noise of swapping nodes with the given local operations.
    ///
    /// - Throws: the physics validation error, naming `path[k]`.
    public init(nodes: [LocalOperations], path: String = "swapNodes") throws {
        var keep = 1.0
        var channel = PauliWeights.identity
        for (k, ops) in nodes.enumerated() {
            try ops.validate(at: "\(path)[\(k)]")
            keep *= 1 - ops.twoQubitDepolarizingProbability
            let e = 1 - ops.readoutFidelity
            channel = channel.convolved(with: PauliWeights(i: (1 - e) * (1 - e), x: e * (1 - e), y: e * e, z: e * (1 - e)))
        }
        self.init(keepFactor: keep, readout: channel)
    }

    /// Applies the noise to the output of the swaps.
    @inlinable
    public func apply(to pair: PauliWeights) -> PauliWeights {
        if keepFactor == 1 && readout == .identity { return pair }
        return pair.convolved(with: readout).depolarized(1 - keepFactor)
    }
}
