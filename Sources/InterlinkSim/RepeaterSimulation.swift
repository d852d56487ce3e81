import InterlinkCore

/// Monte Carlo of a ``RepeaterChain`` delivering end-to-end pairs back to back.
public enum RepeaterSimulation: Sendable {
    /// Simulates `pairs` consecutive end-to-end deliveries, recording the waiting time (chain restart
    /// to delivery) and the delivered fidelity into `metrics`.
    ///
    /// Per delivery the cost is one geometric draw per segment (plus one per cutoff expiry) and two
    /// memory evaluations per waiting pair, independent of loss.
    public static func simulate(
        _ chain: RepeaterChain, pairs: Int, stream: inout RandomStream, into metrics: inout DeliveryMetrics
    ) {
        let n = chain.segments.count
        let cut = chain.cutoff.maximumAgeSeconds
        var ready = [Double](repeating: 0, count: n)
        var state = [PauliWeights](repeating: .identity, count: n)
        var total = 0.0
        for _ in 0..<max(0, pairs) {
            var latest = 0.0
            for k in 0..<n {
                let g = chain.generate(k, using: &stream)
                ready[k] = g.seconds
                state[k] = g.pair
                latest = max(latest, g.seconds)
            }
            // Discard pairs that expire before every segment is ready; repeat until a common
            // live instant exists (the earliest one is the latest ready time).
            if cut.isFinite {
                var changed = true
                while changed {
                    changed = false
                    for k in 0..<n where ready[k] + cut < latest {
                        let g = chain.generate(k, using: &stream)
                        ready[k] += chain.cutoffResumeSeconds[k] + g.seconds
                        state[k] = g.pair
                        latest = max(latest, ready[k])
                        changed = true
                    }
                }
            }
            var out = PauliWeights.identity
            for k in 0..<n {
                out = out.convolved(with: chain.segments[k].stored(state[k], for: latest - ready[k]))
            }
            out = chain.swapNoise.apply(to: out)
            total += latest
            metrics.record(waiting: latest, fidelity: out.fidelity)
        }
        metrics.advance(by: total)
    }

    /// Simulates `pairs` deliveries in fixed chunks over `threads` threads (bit-identical for any
    /// thread count).
    ///
    /// - Throws: ``ParameterError`` for `threads` < 1 or the Stats error for an invalid binning.
    public static func run(
        _ chain: RepeaterChain, pairs: Int, threads: Int = 1, stream: RandomStream,
        configuration: MetricsConfiguration = .summariesOnly, chunkSize: Int = ChunkedRun.defaultChunkSize
    ) throws -> DeliveryMetrics {
        try ChunkedRun.metrics(
            trials: pairs, chunkSize: chunkSize, threads: threads, stream: stream, configuration: configuration
        ) { n, s, m in
            simulate(chain, pairs: n, stream: &s, into: &m)
        }
    }
}
