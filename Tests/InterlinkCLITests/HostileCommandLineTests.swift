import Foundation
import Testing

/// A fresh temporary folder for one test.
func scratchFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("interlink-hostile-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Runs `bash -c script` in `directory` with `environment` and returns its status.
func bash(_ script: String, in directory: URL, environment: [String: String]? = nil) throws -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = ["-c", script]
    process.currentDirectoryURL = directory
    if let environment { process.environment = environment }
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    return process.terminationStatus
}

/// Expects exit status 2, nothing on stdout and exactly one line on stderr containing `text`.
func expectRefused(_ result: Tool.Result, mentioning text: String, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(result.status == 2, "status \(result.status): \(result.stderr)", sourceLocation: sourceLocation)
    #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)", sourceLocation: sourceLocation)
    #expect(result.stderr.contains(text), "\(result.stderr)", sourceLocation: sourceLocation)
}

/// Issue 18 on the command line: each item reproduced through the real binary.
@Suite("hostile input on the command line")
struct HostileCommandLineTests {
    @Test("clean refuses a folder with an unrelated file, '.', '' and a plain file, removing nothing")
    func cleanRefusesNonCaches() throws {
        let notes = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: notes) }
        let thesis = notes.appendingPathComponent("thesis.txt")
        try Data("chapter 1".utf8).write(to: thesis)
        for argument in [notes.path, ".", "", thesis.path] {
            let result = try Tool.run(["clean", "--cache", argument], in: notes)
            #expect(result.status == 2, "clean --cache '\(argument)': \(result.status) \(result.stdout)")
            #expect(FileManager.default.fileExists(atPath: thesis.path), "clean --cache '\(argument)' removed the thesis")
        }
    }

    @Test("a run's cache is recognised and cleaned")
    func cleanRemovesARealCache() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = folder.appendingPathComponent("cache")
        let run = try Tool.run(["run", "validation", "--cache", cache.path, "--output", folder.appendingPathComponent("out").path])
        #expect(run.status == 0, "\(run.stderr)")
        let clean = try Tool.run(["clean", "--cache", cache.path])
        #expect(clean.status == 0, "\(clean.stderr)")
        #expect(!FileManager.default.fileExists(atPath: cache.path))
    }

    @Test("an endless stream on standard input is cut at 1 MiB: exit 2, one line")
    func endlessStandardInput() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("stderr")
        let status = try bash("yes '{\"link\":' | timeout 20 '\(Tool.url.path)' eval - 2> '\(out.path)'; exit ${PIPESTATUS[1]}", in: folder)
        #expect(status == 2)
        let text = try String(contentsOf: out, encoding: .utf8)
        #expect(text.split(separator: "\n").count == 1 && text.contains("1 MiB"), "\(text)")
    }

    @Test("eval: a 1e308 linewidth names the field; a long preset name is truncated; a missing file is a clean message")
    func evalInputs() throws {
        let huge = #"{"link": {"scheme": {"kind": "twoPhoton"}, "residualVisibility": 0.9, "armA": {"preset": "ion.sr88.422", "overrides": {"node": {"photon": {"linewidthMHz": 1e308}}}}, "armB": {"preset": "ion.sr88.422"}}}"#
        expectRefused(try Tool.run(["eval", "-"], input: Data(huge.utf8)), mentioning: "link.armA.overrides.node.photon.linewidthMHz")
        let name = String(repeating: "x", count: 200_000)
        let preset = #"{"link": {"scheme": {"kind": "twoPhoton"}, "residualVisibility": 0.9, "armA": {"preset": "\#(name)"}, "armB": {"preset": "ion.sr88.422"}}}"#
        let long = try Tool.run(["eval", "-"], input: Data(preset.utf8))
        expectRefused(long, mentioning: "link.armA.preset")
        #expect(long.stderr.count < 1_200)
        let missing = try Tool.run(["eval", "/nonexistent/interlink/config.json"])
        expectRefused(missing, mentioning: "No such file or directory")
        #expect(!missing.stderr.contains("Domain"))
        let duplicate = #"{"link": {"scheme": {"kind": "twoPhoton"}, "residualVisibility": 0.9, "residualVisibility": 0.1, "armA": {"preset": "ion.sr88.422"}, "armB": {"preset": "ion.sr88.422"}}}"#
        expectRefused(try Tool.run(["eval", "-"], input: Data(duplicate.utf8)), mentioning: "link.residualVisibility")
        let nan = #"{"link": {"scheme": {"kind": "twoPhoton"}, "residualVisibility": NaN, "armA": {"preset": "ion.sr88.422"}, "armB": {"preset": "ion.sr88.422"}}}"#
        expectRefused(try Tool.run(["eval", "-"], input: Data(nan.utf8)), mentioning: "link.residualVisibility")
    }

    @Test("bad options exit 2 and write nothing", arguments: [
        (["bench", "--scale", "1e300"], "--scale"),
        (["run", "--all", "validation"], "--all"),
        (["run", "validation", "--output", ""], "--output"),
        (["run", "validation", "--cache", ""], "--cache"),
        (["run", "validation", "--no-such-option"], "no-such-option"),
        (["run", "validation", "--no-cache", "--shard", "1/100000000"], "100000000"),
    ])
    func badOptions(arguments: [String], mention: String) throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Tool.run(arguments + ["--shard-directory", folder.path].filter { _ in arguments.contains("--shard") }, in: folder)
        expectRefused(result, mentioning: mention)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test("the scratch folder of a killed verify is removed by the next verify")
    func verifyScratchOfDeadRun() throws {
        let stale = FileManager.default.temporaryDirectory.appendingPathComponent("interlink-verify-999999999-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: stale.appendingPathComponent("validation"), withIntermediateDirectories: true)
        let result = try Tool.run(["verify", "no-such-study"])
        #expect(result.status == 2)
        #expect(!FileManager.default.fileExists(atPath: stale.path))
    }

    @Test("gallery --dpi 0 exits 2 before writing any file")
    func galleryDPI() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("gallery")
        expectRefused(try Tool.run(["gallery", "--dpi", "0", "--output", target.path]), mentioning: "--dpi")
        #expect(!FileManager.default.fileExists(atPath: target.path))
    }

    @Test("slurm: --sbatch-line --mem=8G works, --tasks is bounded by the sweep, and no path is run by the shell")
    func slurmScripts() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let marker = "PWNED\(UInt32.random(in: 0...UInt32.max))"
        let scripts = folder.appendingPathComponent("s$(touch${IFS}\(marker))").path
        let shards = folder.appendingPathComponent("shards").path
        let written = try Tool.run([
            "slurm", "validation", "--tasks", "2", "--script-directory", scripts, "--shard-directory", shards,
            "--sbatch-line", "--mem=8G",
        ])
        #expect(written.status == 0, "\(written.stderr)")
        let shardScript = URL(fileURLWithPath: scripts).appendingPathComponent("validation.shards.sbatch")
        #expect(try String(contentsOf: shardScript, encoding: .utf8).contains("#SBATCH --mem=8G"))
        // Run the script as Slurm would not (no array id): it must only print its message.
        var environment = ProcessInfo.processInfo.environment
        environment["SLURM_ARRAY_TASK_ID"] = nil
        #expect(try bash("bash '\(shardScript.path)'", in: folder, environment: environment) == 2)
        for place in [folder.path, Tool.packageRoot.path] {
            let pwned = URL(fileURLWithPath: place).appendingPathComponent(marker)
            #expect(!FileManager.default.fileExists(atPath: pwned.path), "the script ran a command from a path")
            try? FileManager.default.removeItem(at: pwned)
        }
        let tooMany = try Tool.run(["slurm", "validation", "--tasks", "100000000", "--script-directory", scripts, "--shard-directory", shards])
        expectRefused(tooMany, mentioning: "--tasks")
    }
}
