import InterlinkCore

/// Monte Carlo of one heralded link delivering pairs back to back.
///
/// Each pair costs one geometric draw (``GeometricSampler``): K attempts of period τ, waiting time
/// K·τ, delivered with the heralded state. Rate estimate: deliveries / total time; closed form p/τ.
public enum LinkSimulation: Sendable {
    /// Simulates `pairs` consecutive deliveries of `link`, recording into `metrics`.
    @inlinable
    public static func simulate(
        _ link: SimulatedLink, pairs: Int, stream: inout RandomStream, into metrics: inout DeliveryMetrics
    ) {
        var total = 0.0
        for _ in 0..<max(0, pairs) {
            let w = link.generationTime(using: &stream)
            total += w
            metrics.record(waiting: w)
        }
        // Every pair of a lone link is delivered at its herald with the same state.
        metrics.recordFidelity(link.heraldedState.fidelity, count: max(0, pairs))
        metrics.advance(by: total)
    }

    /// Simulates `pairs` deliveries split into fixed chunks over `threads` threads; the result is
    /// identical for every thread count.
    ///
    /// - Throws: ``ParameterError`` for `threads` < 1 or the Stats error for an invalid binning.
    public static func run(
        _ link: SimulatedLink, pairs: Int, threads: Int = 1, stream: RandomStream,
        configuration: MetricsConfiguration = .summariesOnly, chunkSize: Int = ChunkedRun.defaultChunkSize
    ) throws -> DeliveryMetrics {
        try ChunkedRun.metrics(
            trials: pairs, chunkSize: chunkSize, threads: threads, stream: stream, configuration: configuration
        ) { n, s, m in
            simulate(link, pairs: n, stream: &s, into: &m)
        }
    }
}
