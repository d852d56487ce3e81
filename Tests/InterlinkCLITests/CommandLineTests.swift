import Foundation
import Testing

/// Runs the built `interlink` executable (it sits beside the test bundle in the build folder).
struct Tool {
    static let url: URL = {
        let folders = [Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()]
            + (Bundle.main.executableURL.map { [$0.deletingLastPathComponent()] } ?? [])
        let candidates = folders.map { $0.appendingPathComponent("interlink") }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }()
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ arguments: [String], input: Data? = nil, in directory: URL = packageRoot) throws -> Result {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let out = Pipe(), err = Pipe(), inp = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = inp
        try process.run()
        if let input { inp.fileHandleForWriting.write(input) }
        try inp.fileHandleForWriting.close()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }
}

@Suite("interlink eval on the command line")
struct EvalCommandLineTests {
    @Test("`interlink eval --example | interlink eval -` evaluates the example")
    func examplePipe() throws {
        let example = try Tool.run(["eval", "--example"])
        #expect(example.status == 0)
        let evaluated = try Tool.run(["eval", "-"], input: Data(example.stdout.utf8))
        #expect(evaluated.status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(evaluated.stdout.utf8)) as? [String: Any]
        #expect(json?["kind"] as? String == "link")
    }

    /// Each bad document must exit 2 with one line on stderr naming the field, and print nothing.
    @Test("bad configurations exit with status 2, one line naming the field, no output", arguments: [
        (#"{"link": {"scheme": {"kind": "twoPhoton"}, "armA": {"preset": "ion.sr88.422", "overrides": {"collection": {"efficiency": 1.2}}}, "armB": {"preset": "ion.sr88.422"}, "residualVisibility": 0.9}}"#, "collection.efficiency"),
        (#"{"link": {"scheme": {"kind": "twoPhoton"}, "armA": {"preset": "ion.sr88.422", "overrides": {"fiber": {"lengthKm": -1}}}, "armB": {"preset": "ion.sr88.422"}, "residualVisibility": 0.9}}"#, "fiber.lengthKm"),
        (#"{"link": {"scheme": {"kind": "twoPhoton"}, "armA": {"preset": "ion.nope"}, "armB": {"preset": "ion.sr88.422"}, "residualVisibility": 0.9}}"#, "armA"),
        (#"{"link": {"scheme": {"kind": "twoPhoton"}, "armA": {"preset": "ion.sr88.422"}, "armB": {"preset": "ion.sr88.422"}}}"#, "residualVisibility"),
        (#"{"link": {"scheme": {"kind": "twoPhoton"}, "armA": {"preset": "ion.sr88.422"}, "armB": {"preset": "ion.sr88.422"}, "residualVisibility": "high"}}"#, "residualVisibility"),
        (#"{"link": {"scheme": {"kind": "sometimes"}, "armA": {"preset": "ion.sr88.422"}, "armB": {"preset": "ion.sr88.422"}, "residualVisibility": 0.9}}"#, "scheme"),
        ("not json at all", "document"),
    ])
    func badInput(document: String, field: String) throws {
        let result = try Tool.run(["eval", "-"], input: Data(document.utf8))
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(result.stderr.contains(field), "\(result.stderr)")
    }
}

@Suite("interlink verify on the command line")
struct VerifyCommandLineTests {
    @Test("verify passes on fresh output and names the file and value after one CSV number changes")
    func drift() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("interlink-cli-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try Tool.run(["run", "link-budget", "--no-cache", "--output", folder.path])
        #expect(run.status == 0, "\(run.stderr)")
        let same = try Tool.run(["verify", "link-budget", "--output", folder.path])
        #expect(same.status == 0, "\(same.stdout)\(same.stderr)")
        let csv = folder.appendingPathComponent("link-budget/data/rate-by-length.csv")
        var text = try String(contentsOf: csv, encoding: .utf8)
        let range = try #require(text.range(of: "\n\"Sr⁺–Sr⁺, 1550 nm\",10,"))
        text.replaceSubrange(range, with: "\n\"Sr⁺–Sr⁺, 1550 nm\",11,")
        try text.write(to: csv, atomically: true, encoding: .utf8)
        let drift = try Tool.run(["verify", "link-budget", "--output", folder.path])
        #expect(drift.status == 1)
        #expect(drift.stdout.contains("link-budget/data/rate-by-length.csv"))
        #expect(drift.stdout.contains("committed 11, regenerated 10"))
    }

    @Test("an unknown study exits with status 2 naming the known studies")
    func unknownStudy() throws {
        let result = try Tool.run(["run", "no-such-study", "--no-cache", "--output", "/tmp/interlink-never-written"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("no-such-study"))
        #expect(result.stderr.contains("link-budget"))
        #expect(!FileManager.default.fileExists(atPath: "/tmp/interlink-never-written"))
    }
}
