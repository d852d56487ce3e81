import Foundation

/// The git state of the inputs that produced a study's outputs.
///
/// `commit` is the last commit that touched the inputs (`git log -1 --format=%H -- <inputs>`),
/// not `HEAD`: a commit that only adds regenerated `output/` files does not change it, so
/// outputs committed after their sources regenerate byte-identically. `dirty` is whether the
/// inputs differ from that commit (`git status --porcelain -- <inputs>`). Without git or outside
/// a repository both are unknown (`"unknown"`, `nil`).
public struct GitState: Sendable, Hashable {
    /// Commit hash, or `"unknown"`.
    public let commit: String
    /// Whether the inputs have uncommitted changes; `nil` when unknown.
    public let dirty: Bool?
    /// The changed input paths (for the `requireClean` message).
    public let changedPaths: [String]

    /// The inputs whose state is recorded: everything that can change a result.
    public static let inputPaths = ["Package.swift", "Sources", "studies", "templates"]

    /// Reads the state of the repository at `root` (`nil`: the project above the current folder,
    /// `PackageLocation.project()` — the user's package, not the folder the binary was built in).
    public static func current(root: URL? = nil) -> GitState {
        let folder = root ?? PackageLocation.project()
        guard let log = run(["-C", folder.path, "log", "-1", "--format=%H", "--"] + inputPaths),
              case let commit = log.trimmingCharacters(in: .whitespacesAndNewlines), !commit.isEmpty,
              let status = run(["-C", folder.path, "status", "--porcelain", "--untracked-files=all", "--"] + inputPaths)
        else {
            return GitState(commit: "unknown", dirty: nil, changedPaths: [])
        }
        let changed = status.split(separator: "\n").filter { $0.count > 3 }.map { String($0.dropFirst(3)) }.sorted()
        return GitState(commit: commit, dirty: !changed.isEmpty, changedPaths: changed)
    }

    /// Runs git; `nil` when git is missing or exits non-zero.
    private static func run(_ arguments: [String]) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["LC_ALL"] = "C"
        environment["GIT_OPTIONAL_LOCKS"] = "0"
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
