import InterlinkCluster
import InterlinkCore
import InterlinkTestSupport
import Foundation
import Testing
@testable import InterlinkNotebook
@testable import InterlinkReport

/// Environment variable that turns `childRunAndPublish` into the child of the crash test: its value
/// is `<cache folder>|<output folder>`.
let crashTestVariable = "INTERLINK_NOTEBOOK_CRASH_TEST"

/// A small study for the crash test: 12 points of 4 ms each.
struct QuickStudy: Study {
    struct Parameters: Codable, Sendable { var k = 0 }
    var identifier = "quick"
    var title = "Quick"
    var summary = "Twelve short points."
    var version = 1
    var base = Parameters()
    var delayMicroseconds: UInt32 = 0
    var sweep: Sweep<Parameters> { .values(\.k, Array(0..<12)) }
    var engine: Engine<Parameters> {
        let delay = delayMicroseconds
        return .custom("quick") { p, rng in
            if delay > 0 { usleep(delay) }
            return [Metric("draw", rng.nextUniform()), Metric("square", Double(p.k * p.k), unit: "1")]
        }
    }
    var tables: [TableSpec] { [TableSpec("squares", caption: "Squares", columns: ["k", "square"])] }
}

/// Issue 18, item 8 and the crash-consistency acceptance: a run (compute with the cache, then
/// publish the output folder) is killed with SIGKILL at seeded random moments — while computing,
/// between points, and while publishing — 20 times; after each kill a rerun must leave output
/// byte-identical to an uninterrupted run and no staging, `.old-*` or temporary entry behind.
@Suite(.serialized) struct CrashConsistency {
    /// Child half: computes with the cache, then publishes the folder over and over (so that most
    /// of its lifetime is spent inside `OutputBundle.write`, between renames included).
    @Test func childRunAndPublish() async throws {
        guard let value = ProcessInfo.processInfo.environment[crashTestVariable] else { return }
        let parts = value.split(separator: "|").map { URL(fileURLWithPath: String($0)) }
        let run = try await StudyRunner(options: testOptions(jobs: 2, cache: parts[0])).run(QuickStudy(delayMicroseconds: 4_000))
        let bundle = try run.outputBundle()
        for _ in 0..<10_000 { try bundle.write(into: parts[1]) }
    }

    /// Hidden entries (leftovers) in an output folder.
    private func leftovers(in folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".") }
    }

    @Test("20 seeded SIGKILLs during run and publish: rerun output is byte-identical, nothing left over")
    func killedRunsRecover() async throws {
        let referenceRoot = try temporaryFolder()
        let reference = try await StudyRunner(options: testOptions(jobs: 1)).run(QuickStudy())
        let referenceFolder = try reference.outputBundle().write(into: referenceRoot)
        let expected = try filesUnder(referenceFolder)

        var generator = SplitMix(seed: 2026)
        var killedWhilePublishing = 0
        let cache = try temporaryFolder()
        let output = try temporaryFolder()
        for trial in 0..<20 {
            if trial % 5 == 0 { try? FileManager.default.removeItem(at: cache) }   // sometimes start cold
            let child = Process()
            child.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
            child.arguments = ["--testing-library", "swift-testing", "--filter", "CrashConsistency/childRunAndPublish"]
            var environment = ProcessInfo.processInfo.environment
            environment[crashTestVariable] = "\(cache.path)|\(output.path)"
            child.environment = environment
            child.standardOutput = FileHandle.nullDevice
            child.standardError = FileHandle.nullDevice
            try child.run()
            let delay = 50_000_000 + generator.next() % 700_000_000
            try await Task.sleep(nanoseconds: delay)
            kill(child.processIdentifier, SIGKILL)
            child.waitUntilExit()
            if !(try leftovers(in: output)).isEmpty { killedWhilePublishing += 1 }

            let rerun = try await StudyRunner(options: testOptions(jobs: 2, cache: cache)).run(QuickStudy())
            let folder = try rerun.outputBundle().write(into: output)
            #expect(try filesUnder(folder) == expected, "trial \(trial): output differs after a kill at \(delay / 1_000_000) ms")
            let remaining = try leftovers(in: output)
            #expect(remaining.isEmpty, "trial \(trial): leftovers \(remaining)")
        }
        #expect(killedWhilePublishing >= 1, "no kill landed inside publishing; the test did not exercise recovery")
    }

    @Test("a study folder missing after a kill between the two renames is restored from .old-*")
    func restoresBetweenRenames() throws {
        let root = try temporaryFolder()
        let old = root.appendingPathComponent(".quick.old-999999999-7", isDirectory: true)
        try FileManager.default.createDirectory(at: old, withIntermediateDirectories: true)
        try Data("previous".utf8).write(to: old.appendingPathComponent("report.md"))
        let staging = root.appendingPathComponent(".quick.staging-999999999-7", isDirectory: true)
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        try Data("half".utf8).write(to: root.appendingPathComponent(".index.md.tmp-999999999-3"))
        let recovery = try OutputBundle.recoverLeftovers(in: root)
        #expect(recovery.restored == ["quick"])
        #expect(try String(contentsOf: root.appendingPathComponent("quick/report.md"), encoding: .utf8) == "previous")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["quick"])
    }

    @Test("a live process's staging folder is left alone")
    func liveStagingIsKept() throws {
        let root = try temporaryFolder()
        let mine = root.appendingPathComponent(".quick.staging-\(getppid())-1", isDirectory: true)
        try FileManager.default.createDirectory(at: mine, withIntermediateDirectories: true)
        try OutputBundle.recoverLeftovers(in: root)
        #expect(FileManager.default.fileExists(atPath: mine.path))
    }
}
