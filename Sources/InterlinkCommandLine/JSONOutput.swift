import Foundation
import Interlink

/// Machine-readable output of `list`, `run` and `verify` (`--json`): one JSON document on standard
/// output in Interlink's canonical spelling (sorted keys; non-finite numbers as the strings `"NaN"`,
/// `"Infinity"`, `"-Infinity"`, as in every JSON file Interlink writes).
enum JSONOutput {
    /// Prints `value` followed by a newline.
    static func print(_ value: JSONValue) {
        FileHandle.standardOutput.write(Data((value.prettyText.hasSuffix("\n") ? value.prettyText : value.prettyText + "\n").utf8))
    }

    /// The project the command acts on: its root, the default cache, its git state and the
    /// Interlink version.
    static func project() -> JSONValue {
        let root = PackageLocation.project()
        let git = GitState.current(root: root)
        return .object([
            "interlink": .string(ToolchainVersions.toolkit),
            "root": .string(root.path),
            "cache": .string(ResultCache.defaultDirectory.path),
            "git": .object(["commit": .string(git.commit), "dirty": git.dirty.map { .bool($0) } ?? .null]),
        ])
    }
}
