import Foundation
import Testing
@testable import InterlinkCommandLine

/// Runs `executable` with `arguments` in `directory`.
func runExecutable(_ executable: URL, _ arguments: [String], in directory: URL) throws -> Tool.Result {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = directory
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Tool.Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                       stderr: String(decoding: stderr, as: UTF8.self))
}

func jsonObject(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
}

/// Issue 17: the tool acts on the project it runs in, whatever folder it was compiled in.
@Suite("the project a command acts on")
struct ProjectCommandLineTests {
    @Test("a binary copied into another project uses that project's cache and git state")
    func relocatedBinary() throws {
        let project = try scratchFolder().resolvingSymlinksInPath()
        defer { try? FileManager.default.removeItem(at: project) }
        let setUp = """
            printf '// swift-tools-version:6.0\\n' > Package.swift && mkdir -p Sources/Notes && printf 'x\\n' > Sources/Notes/a.swift \
            && git init -q . && git add Package.swift Sources && git -c user.name=t -c user.email=t@example.invalid commit -qm one \
            && git rev-parse HEAD > commit.txt && mkdir -p work/deeper
            """
        #expect(try bash(setUp, in: project) == 0)
        let commit = try String(contentsOf: project.appendingPathComponent("commit.txt"), encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let copy = project.appendingPathComponent("interlink")
        try FileManager.default.copyItem(at: Tool.url, to: copy)
        let deeper = project.appendingPathComponent("work/deeper", isDirectory: true)

        let listing = try runExecutable(copy, ["list", "--json"], in: deeper)
        #expect(listing.status == 0, "\(listing.stderr)")
        let projectInfo = try #require(try jsonObject(listing.stdout)["project"] as? [String: Any])
        #expect(projectInfo["root"] as? String == project.path)
        #expect(projectInfo["cache"] as? String == project.appendingPathComponent(".interlink-cache").path)
        #expect((projectInfo["git"] as? [String: Any])?["commit"] as? String == commit)

        let templates = Tool.packageRoot.appendingPathComponent("templates").path
        let run = try runExecutable(copy, ["run", "validation", "--jobs", "2", "--templates", templates, "--output", "out"], in: deeper)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(FileManager.default.fileExists(atPath: project.appendingPathComponent(".interlink-cache/cache.sqlite").path))
        let manifest = try jsonObject(String(contentsOf: deeper.appendingPathComponent("out/validation/manifest.json"), encoding: .utf8))
        let git = try #require(manifest["git"] as? [String: Any])
        #expect(git["commit"] as? String == commit)
        #expect(git["dirty"] as? Bool == false)
        #expect((manifest["versions"] as? [String: Any])?["toolkit"] as? String == "0.3.0")

        // A second run from the project root resumes every point from that project's cache.
        let again = try runExecutable(copy, ["run", "validation", "--json", "--templates", templates, "--output", "out"], in: project)
        #expect(again.status == 0, "\(again.stderr)")
        let summary = try #require((try jsonObject(again.stdout)["studies"] as? [[String: Any]])?.first)
        #expect(summary["computed"] as? Int == 0)
        #expect((summary["resumed"] as? Int ?? 0) > 0)
    }

    @Test("--version prints the version every manifest records")
    func version() throws {
        let result = try Tool.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout == "0.3.0\n")
    }

    @Test("list --json names every study of `list`, in order")
    func listJSON() throws {
        let plain = try Tool.run(["list"])
        let json = try Tool.run(["list", "--json"])
        #expect(plain.status == 0 && json.status == 0)
        let identifiers = try #require(try jsonObject(json.stdout)["studies"] as? [[String: Any]]).compactMap { $0["identifier"] as? String }
        #expect(identifiers == plain.stdout.split(separator: "\n").map { String($0.split(separator: "\t")[0]) })
        #expect(identifiers.contains("validation"))
    }

    @Test("verify --json reports identity, and a changed CSV cell as a difference with exit status 1")
    func verifyJSON() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try Tool.run(["run", "validation", "--no-cache", "--output", folder.path]).status == 0)
        let same = try Tool.run(["verify", "validation", "--json", "--output", folder.path])
        #expect(same.status == 0, "\(same.stderr)")
        #expect(try jsonObject(same.stdout)["identical"] as? Bool == true)
        let csv = folder.appendingPathComponent("validation/data/results.csv")
        var text = try String(contentsOf: csv, encoding: .utf8)
        let firstDigit = try #require(text.firstIndex { $0.isNumber && $0 != "9" })
        text.replaceSubrange(firstDigit...firstDigit, with: "9")
        try text.write(to: csv, atomically: true, encoding: .utf8)
        let drift = try Tool.run(["verify", "validation", "--json", "--output", folder.path])
        #expect(drift.status == 1)
        let report = try jsonObject(drift.stdout)
        #expect(report["identical"] as? Bool == false)
        let paths = (report["differences"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String }
        #expect(paths.contains("validation/data/results.csv"))
    }

    @Test("study names complete from the catalogue")
    func completion() throws {
        // What the generated bash script runs for `interlink run <TAB>`: key, word index, cursor, words.
        let result = try Tool.run(["---completion", "run", "--", "positional@0", "2", "0", "interlink", "run", ""])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.split(separator: "\n").contains("link-budget"))
    }

    @Test("merge has no --cache option (it never used a cache)")
    func mergeHasNoCache() throws {
        let result = try Tool.run(["merge", "validation", "--cache", "/tmp/x"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--cache"))
    }

    @Test("verify names the C libraries whose version differs from the manifests'")
    func libraryVersions() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let study = folder.appendingPathComponent("s")
        try FileManager.default.createDirectory(at: study, withIntermediateDirectories: true)
        try Data(#"{"versions": {"cairo": "1.16.0", "pango": "1.50.12", "gsl": "2.7.1"}}"#.utf8)
            .write(to: study.appendingPathComponent("manifest.json"))
        let found = LibraryVersionCheck.mismatches(in: folder, running: ["cairo": "1.18.0", "pango": "1.50.12", "gsl": "2.7.1"])
        #expect(found == [LibraryVersionCheck(library: "cairo", recorded: "1.16.0", running: "1.18.0")])
        #expect(found.first?.description == "output/ was made with cairo 1.16.0, this machine has cairo 1.18.0")
        #expect(LibraryVersionCheck.mismatches(in: folder, running: ["cairo": "1.16.0", "pango": "1.50.12"]).isEmpty)
    }
}
