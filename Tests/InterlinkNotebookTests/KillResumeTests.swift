import InterlinkTestSupport
import Foundation
import Testing
@testable import InterlinkNotebook

/// A study whose points take a while (only in the child process), to be killed half-way.
struct SlowStudy: Study {
    struct Parameters: Codable, Sendable { var k = 0 }
    var identifier = "slow"
    var title = "Slow"
    var summary = "Points that take 50 ms each in the child process."
    var version = 1
    var base = Parameters()
    var delayMicroseconds: UInt32 = 0
    /// Points from this index on stall for a minute (the child to be killed stops there, so the
    /// kill lands half-way however late a starved parent gets to it).
    var stallFromPoint = Int.max
    var counter = Counter()
    var sweep: Sweep<Parameters> { .values(\.k, Array(0..<40)) }
    var engine: Engine<Parameters> {
        let delay = delayMicroseconds, stall = stallFromPoint, counter = counter
        return .custom("slow") { p, rng in
            counter.increment()
            if p.k >= stall { sleep(60) }
            if delay > 0 { usleep(delay) }
            return [Metric("draw", rng.nextUniform()), Metric("double", 2 * Double(p.k), unit: "1")]
        }
    }
}

/// Environment variable that turns `childRunToBeKilled` into the child half of the kill test.
let killTestCacheVariable = "INTERLINK_NOTEBOOK_KILL_TEST_CACHE"

/// Environment variable that turns `childRunSharingTheCache` into a child of the two-process test.
let sharedCacheVariable = "INTERLINK_NOTEBOOK_SHARED_CACHE"

/// Acceptance: SIGKILL a running sweep half-way; the rerun resumes without recomputing finished
/// points and writes exactly the bytes of an uninterrupted run. The child is this test binary
/// itself, re-run with a filter that selects only `childRunToBeKilled`.
@Suite(.serialized) struct KillAndResume {
    /// Child half: does nothing unless the parent set the cache variable.
    @Test func childRunToBeKilled() async throws {
        guard let path = ProcessInfo.processInfo.environment[killTestCacheVariable] else { return }
        let study = SlowStudy(delayMicroseconds: 50_000, stallFromPoint: 20)
        _ = try await StudyRunner(options: testOptions(jobs: 2, cache: URL(fileURLWithPath: path))).run(study)
    }

    /// Child half of the two-process test: runs the whole sweep on the shared cache.
    @Test func childRunSharingTheCache() async throws {
        guard let path = ProcessInfo.processInfo.environment[sharedCacheVariable] else { return }
        _ = try await StudyRunner(options: testOptions(jobs: 2, cache: URL(fileURLWithPath: path))).run(SlowStudy(delayMicroseconds: 5_000))
    }

    /// Two processes writing one cache at once both finish, and the database stays intact.
    @Test func twoProcessesOnOneCache() async throws {
        let cache = try temporaryFolder()
        let children = try (0..<2).map { _ in
            try spawnChild(filter: "KillAndResume/childRunSharingTheCache", variable: sharedCacheVariable, cache: cache)
        }
        for child in children {
            child.waitUntilExit()
            #expect(child.terminationReason == .exit && child.terminationStatus == 0)
        }
        let store = try ResultCache(directory: cache)
        #expect(try await store.isIntact())
        #expect(try await store.count(study: "slow") == 40)
        let later = SlowStudy()
        _ = try await StudyRunner(options: testOptions(cache: cache)).run(later)
        #expect(later.counter.count == 0)
    }

    private func spawnChild(filter: String, variable: String, cache: URL) throws -> Process {
        let child = Process()
        child.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        child.arguments = ["--testing-library", "swift-testing", "--filter", filter]
        var environment = ProcessInfo.processInfo.environment
        environment[variable] = cache.path
        child.environment = environment
        child.standardOutput = FileHandle.nullDevice
        child.standardError = FileHandle.nullDevice
        try child.run()
        return child
    }

    @Test func sigkillHalfwayThenResumeIsByteIdentical() async throws {
        let cache = try temporaryFolder()
        let child = try spawnChild(filter: "KillAndResume/childRunToBeKilled", variable: killTestCacheVariable, cache: cache)

        // Wait until some points are committed, then kill -9 without warning.
        let store = try ResultCache(directory: cache)
        var committed = 0
        let deadline = Date().addingTimeInterval(60)
        while committed < 8, Date() < deadline, child.isRunning {
            try await Task.sleep(nanoseconds: 20_000_000)
            committed = (try? await store.count(study: "slow")) ?? 0
        }
        kill(child.processIdentifier, SIGKILL)
        child.waitUntilExit()
        #expect(child.terminationReason == .uncaughtSignal)
        let survived = try await store.count(study: "slow")
        #expect(survived >= 8 && survived < 40, "the child was not killed half-way (\(survived) points cached)")

        let resumedStudy = SlowStudy()
        let resumed = try await StudyRunner(options: testOptions(jobs: 2, cache: cache)).run(resumedStudy)
        #expect(resumed.counts.resumed == survived)
        #expect(resumedStudy.counter.count == 40 - survived)

        let fresh = try await StudyRunner(options: testOptions(jobs: 1)).run(SlowStudy())
        #expect(try writtenFiles(resumed) == writtenFiles(fresh))
        #expect(try await store.isIntact())
    }
}
