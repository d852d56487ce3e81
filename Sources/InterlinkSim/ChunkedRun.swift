import InterlinkCore
import Dispatch
import Foundation

/// Deterministic parallel execution: work is cut into fixed chunks, chunk c draws from
/// `stream.child(c)`, threads take chunks round-robin, and the results are merged in chunk order.
/// The result is therefore identical to the last bit for any thread count.
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
        let slots = ResultSlots<Result>(count: sizes.count)
        let workers = min(threads, max(1, sizes.count))
        withoutActuallyEscaping(body) { body in
            // Workers take the next unclaimed chunk (dynamic scheduling), so a core that is
            // slowed down does not hold the others up; the result of each chunk depends only on
            // its index and stream, and results are merged in chunk order.
            let next = ChunkDispenser(count: sizes.count)
            let work: @Sendable (Int) -> Void = { _ in
                while let c = next.take() {
                    var s = stream.child(UInt64(c))
                    slots.store(Swift.Result { try body(c, sizes[c], &s) }, at: c)
                }
            }
            if workers == 1 {
                work(0)
            } else {
                DispatchQueue.concurrentPerform(iterations: workers, execute: work)
            }
        }
        return try slots.collect().map { try $0.get() }
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

/// Write-once result slots filled by disjoint indices from several threads.
///
/// Each index is written by exactly one worker and read only after `concurrentPerform` returns
/// (which orders the writes before the reads), so the unchecked Sendable conformance is sound.
/// Hands out chunk indices 0, 1, 2, … to concurrent workers, each index exactly once.
final class ChunkDispenser: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private let count: Int

    init(count: Int) {
        self.count = count
    }

    /// The next unclaimed index, or `nil` when all are taken.
    func take() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < count else { return nil }
        defer { next += 1 }
        return next
    }
}

final class ResultSlots<Value>: @unchecked Sendable {
    private var values: [Swift.Result<Value, any Error>?]

    init(count: Int) {
        values = Array(repeating: nil, count: count)
    }

    func store(_ value: Swift.Result<Value, any Error>, at index: Int) {
        values.withUnsafeMutableBufferPointer { $0[index] = value }
    }

    func collect() -> [Swift.Result<Value, any Error>] {
        values.map { $0 ?? .failure(ParameterError(invalid: "chunk", reason: "was not run")) }
    }
}
