import InterlinkCore
import Testing
@testable import InterlinkSim

/// The chunked parallel map: chunk layout, merge order, error order and thread-count independence.
/// Many small chunks on several threads also give the thread sanitizer (`make test-tsan`) real
/// contention on the chunk ledger to check.
@Suite("ChunkedRun: chunks merged in chunk order for any thread count")
struct ChunkedRunTests {
    struct Failure: Error, Equatable {
        let chunk: Int
    }

    /// Folds `n` draws of `s` into one word (order-sensitive), so a chunk's result pins its stream.
    static func digest(_ n: Int, _ s: inout RandomStream) -> UInt64 {
        var h: UInt64 = 0
        for _ in 0..<n { h = (h &* 0x100000001B3) ^ s.next() }
        return h
    }

    @Test("chunk sizes: full chunks, a shorter last one, none for no trials")
    func chunkSizes() {
        // By hand: 10 trials in chunks of 4 are 4 + 4 + 2; 8 in chunks of 4 are 4 + 4.
        #expect(ChunkedRun.chunkSizes(trials: 10, chunkSize: 4) == [4, 4, 2])
        #expect(ChunkedRun.chunkSizes(trials: 8, chunkSize: 4) == [4, 4])
        #expect(ChunkedRun.chunkSizes(trials: 3, chunkSize: 0) == [1, 1, 1])
        #expect(ChunkedRun.chunkSizes(trials: 0, chunkSize: 4).isEmpty)
    }

    @Test("each chunk gets its index, its size and stream.child(index); results come back in chunk order",
          arguments: [1, 2, 3, 8])
    func resultsInChunkOrder(threads: Int) throws {
        let stream = RandomStream(rootSeed: 7, pointKey: "chunked-run", replicate: 0)
        // 400 chunks of enough work that every worker thread really runs concurrently.
        let trials = 399_001, chunkSize = 1000
        let results = try ChunkedRun.map(trials: trials, chunkSize: chunkSize, threads: threads, stream: stream) {
            c, n, s -> [UInt64] in
            [UInt64(c), UInt64(n), Self.digest(n, &s)]
        }
        // Expected, computed chunk by chunk on this thread from the stream's own children:
        // chunk c covers trials 1000c ..< min(1000c + 1000, 399001) and draws from stream.child(c).
        let chunks = (trials + chunkSize - 1) / chunkSize
        let expected: [[UInt64]] = (0..<chunks).map { c in
            let n = min(chunkSize, trials - c * chunkSize)
            var s = stream.child(UInt64(c))
            return [UInt64(c), UInt64(n), Self.digest(n, &s)]
        }
        #expect(results.count == 400)
        #expect(results.last?[1] == 1)
        #expect(results == expected)
    }

    @Test("the error thrown is the first in chunk order, whatever the thread count", arguments: [1, 2, 4])
    func firstErrorInChunkOrder(threads: Int) {
        let stream = RandomStream(key: 3, replicate: 0)
        #expect(throws: Failure(chunk: 5)) {
            _ = try ChunkedRun.map(trials: 200, chunkSize: 2, threads: threads, stream: stream) { c, _, _ -> Int in
                if c == 5 || c == 60 { throw Failure(chunk: c) }
                return c
            }
        }
    }

    @Test("fewer than one thread is rejected naming the parameter; no trials give no results")
    func edges() throws {
        let stream = RandomStream(key: 1, replicate: 0)
        #expect(throws: ParameterError(invalid: "threads", reason: "must be ≥ 1, got 0")) {
            _ = try ChunkedRun.map(trials: 10, threads: 0, stream: stream) { c, _, _ in c }
        }
        let none = try ChunkedRun.map(trials: 0, threads: 2, stream: stream) { c, _, _ in c }
        #expect(none.isEmpty)
    }
}
