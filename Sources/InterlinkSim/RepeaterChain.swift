import InterlinkCore
import InterlinkPhysics

/// A repeater chain of heterogeneous elementary links (segments) joined by entanglement swaps.
///
/// Protocol: every segment generates (and optionally purifies) a pair; a pair waits in its two
/// memories, decohering (``SimulatedLink/stored(_:for:)``); a pair whose partner segments are not
/// all ready within the cutoff is discarded, and its segment resumes attempts at its last attempt
/// boundary within the cutoff, ready + ⌊t_cut/τ⌋·τ (the round-based convention of the physics
/// core's `TwoLinkRepeaterModel`: with n = ⌊t_cut/τ⌋ a pair may wait at most n rounds); when all segments hold a pair, all swaps happen at
/// once and the end-to-end pair is delivered; the chain then restarts. For two identical segments
/// without cutoff the waiting time is τ·E[max(K₁, K₂)] = τ(3 − 2p)/(p(2 − p)) (Brand, Coopmans &
/// Elkouss, arXiv 1912.07688). Classical signalling time of the swap outcomes is not modelled.
public struct RepeaterChain: Sendable, Hashable {
    /// The elementary links, left to right (segment k joins node k and node k + 1).
    public let segments: [SimulatedLink]
    /// Combined noise of the swapping nodes.
    public let swapNoise: SwapNoise
    /// Cutoff applied to stored (purified) segment pairs.
    public let cutoff: CutoffPolicy
    /// Per segment: time after a discarded pair's herald at which attempts resume, ⌊t_cut/τ⌋·τ.
    public let cutoffResumeSeconds: [Double]
    /// Whether each segment distils two pairs with one DEJMPS round before the swap (nodes then need
    /// two memories per side; the first pair decoheres while the second is generated).
    public let purifiesBeforeSwap: Bool

    /// Creates a chain.
    ///
    /// - Parameters:
    ///   - segments: at least one elementary link.
    ///   - swapNodes: local operations of the `segments.count − 1` swapping nodes (empty for perfect
    ///     swaps).
    ///   - cutoff: cutoff policy for stored pairs.
    ///   - purifiesBeforeSwap: one DEJMPS round per segment before the swap.
    /// - Throws: ``ParameterError`` or the physics validation error naming the offending parameter.
    public init(
        segments: [SimulatedLink], swapNodes: [LocalOperations] = [], cutoff: CutoffPolicy = .none,
        purifiesBeforeSwap: Bool = false
    ) throws {
        guard !segments.isEmpty else {
            throw ParameterError(invalid: "chain.segments", reason: "needs at least one segment")
        }
        guard swapNodes.isEmpty || swapNodes.count == segments.count - 1 else {
            throw ParameterError(invalid: "chain.swapNodes",
                reason: "needs \(segments.count - 1) entries (one per swapping node) or none, got \(swapNodes.count)")
        }
        try cutoff.validate(at: "chain.cutoff")
        self.segments = segments
        swapNoise = try SwapNoise(nodes: swapNodes, path: "chain.swapNodes")
        self.cutoff = cutoff
        let cut = cutoff.maximumAgeSeconds
        cutoffResumeSeconds = segments.map { s in
            cut.isFinite ? (cut / s.attemptPeriodSeconds).rounded(.down) * s.attemptPeriodSeconds : .infinity
        }
        self.purifiesBeforeSwap = purifiesBeforeSwap
    }

    /// Draws the time until segment `k` holds a ready pair, and that pair (purified when enabled).
    @inlinable
    func generate(_ k: Int, using stream: inout RandomStream) -> (seconds: Double, pair: PauliWeights) {
        let link = segments[k]
        if !purifiesBeforeSwap {
            return (link.generationTime(using: &stream), link.heraldedState)
        }
        var elapsed = 0.0
        while true {
            let first = link.generationTime(using: &stream)
            let second = link.generationTime(using: &stream)
            elapsed += first + second
            let older = link.stored(link.heraldedState, for: second)
            let (out, n) = older.dejmps(with: link.heraldedState)
            if stream.nextUniform() < n { return (elapsed, out) }
        }
    }
}
