import InterlinkCore
import Dispatch

/// Deterministic parallel execution: work is cut into fixed chunks, chunk c draws from
/// `stream.child(c)`, each worker thread claims the next unclaimed chunk (dynamic scheduling, so
/// which thread runs which chunk depends on timing), and the results are merged in chunk order.
/// A chunk's result depends only on its index, size and stream, so the merged result is identical
/// to the last bit for any thread count.
public enum ChunkedRun: Sendable {
    /// Default number of trials per chunk.
    public static let defaultChunkSize = 8192

    /// Splits `trials` into chunks of `chunkSize` (the last may be shorter).
    public static func chunkSizes(trials: Int, chunkSize: Int) -> [Int] {
        guard trials > 0 else { return [] }
        let size = max(1, chunkSize)
        return stride(from: 0, to: trials, by: size).map { min(size, trials - $0) }
    }

    /// Runs `body(chunkIndex, chunkTrials, &chunkStream)` for every chunk on `threads` threads and
    /// returns the results in chunk order.
    ///
    /// - Throws: ``ParameterError`` when `threads` < 1; otherwise the first error (in chunk order) thrown
    ///   by `body`.
    public static func map<Result: Sendable>(
        trials: Int, chunkSize: Int = defaultChunkSize, threads: Int, stream: RandomStream,
        _ body: @Sendable (Int, Int, inout RandomStream) throws -> Result
    ) throws -> [Result] {
        guard threads >= 1 else {
            throw ParameterError(invalid: "threads", reason: "must be ≥ 1, got \(threads)")
        }
        let sizes = chunkSizes(trials: trials, chunkSize: chunkSize)
        let ledger = ChunkLedger<Result>(count: sizes.count)
        let workers = min(threads, max(1, sizes.count))
        withoutActuallyEscaping(body) { body in
            // Workers claim the next unclaimed chunk (dynamic scheduling), so a core that is
            // slowed down does not hold the others up. The ledger serialises the claims and the
            // stores; the chunk bodies run unsynchronised, each on its own stream.
            let work: @Sendable (Int) -> Void = { _ in
                while let c = ledger.claim() {
                    var s = stream.child(UInt64(c))
                    ledger.record(Swift.Result { try body(c, sizes[c], &s) }, for: c)
                }
            }
            if workers == 1 {
                work(0)
            } else {
                DispatchQueue.concurrentPerform(iterations: workers, execute: work)
            }
        }
        // `concurrentPerform` returns only after every worker has finished.
        return try ledger.collect().map { try $0.get() }
    }

    /// Runs chunks of a ``DeliveryMetrics``-producing simulation and merges them in chunk order.
    public static func metrics(
        trials: Int, chunkSize: Int = defaultChunkSize, threads: Int, stream: RandomStream,
        configuration: MetricsConfiguration,
        _ body: @Sendable (Int, inout RandomStream, inout DeliveryMetrics) throws -> Void
    ) throws -> DeliveryMetrics {
        let parts = try map(trials: trials, chunkSize: chunkSize, threads: threads, stream: stream) {
            _, n, s -> DeliveryMetrics in
            var m = try DeliveryMetrics(configuration: configuration)
            try body(n, &s, &m)
            return m
        }
        var total = try DeliveryMetrics(configuration: configuration)
        for p in parts { try total.merge(p) }
        return total
    }
}
