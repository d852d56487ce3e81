import InterlinkCore
import Foundation

/// The shared book-keeping of one ``ChunkedRun/map(trials:chunkSize:threads:stream:_:)`` call:
/// which chunk is claimed next, and the result of every chunk finished so far, in its own slot.
///
/// Correct by construction: all mutable state is private and read or written only while `lock` is
/// held, so workers on any number of threads never touch it concurrently (this is what makes the
/// unchecked `Sendable` conformance sound; `Synchronization.Mutex` would say the same to the
/// compiler but needs macOS 15, above this package's deployment target). Each index is handed out
/// exactly once and its result stored in slot `index`, so ``collect()`` returns the results in chunk
/// order whatever the thread count or the timing. The lock is taken twice per chunk (claim and
/// record), negligible against a chunk of thousands of trials.
final class ChunkLedger<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private var results: [Swift.Result<Value, any Error>?]

    /// A ledger for chunks 0 ..< `count`, none claimed yet.
    init(count: Int) {
        results = Array(repeating: nil, count: max(0, count))
    }

    /// Claims the next unclaimed chunk index, or `nil` when all are claimed.
    func claim() -> Int? {
        locked {
            guard next < results.count else { return nil }
            defer { next += 1 }
            return next
        }
    }

    /// Records the outcome of chunk `index` (claimed earlier with ``claim()``).
    func record(_ result: Swift.Result<Value, any Error>, for index: Int) {
        locked { results[index] = result }
    }

    /// The outcomes in chunk order; a chunk that was never recorded is a failure saying so.
    func collect() -> [Swift.Result<Value, any Error>] {
        locked {
            results.map { $0 ?? .failure(ParameterError(invalid: "chunk", reason: "was not run")) }
        }
    }

    private func locked<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }
}
