import Foundation

// Build tool of SourceFingerprintPlugin: `SourceFingerprintTool OUTPUT ROOTS TYPE FILE...` writes
// OUTPUT, a Swift file declaring `public enum TYPE` whose `files` maps each FILE's path relative
// to the first of the `:`-separated package ROOTS that contains it to the SHA-256 of its bytes (SHA256.swift is the notebook's own implementation, linked
// into this target, so build-time and run-time hashes are computed by the same code).

let arguments = CommandLine.arguments
guard arguments.count >= 4 else {
    FileHandle.standardError.write(Data("usage: SourceFingerprintTool OUTPUT ROOTS TYPE FILE...\n".utf8))
    exit(2)
}
let output = URL(fileURLWithPath: arguments[1])
let roots = arguments[2].split(separator: ":").map { URL(fileURLWithPath: String($0)).standardizedFileURL.path }
let typeName = arguments[3]
var entries: [(String, String)] = []
for path in arguments.dropFirst(4) {
    let standardized = URL(fileURLWithPath: path).standardizedFileURL.path
    var relative = standardized
    if let root = roots.first(where: { relative.hasPrefix($0 + "/") }) {
        relative = String(relative.dropFirst(root.count + 1))
    }
    guard let data = FileManager.default.contents(atPath: standardized) else {
        FileHandle.standardError.write(Data("SourceFingerprintTool: cannot read \(path)\n".utf8))
        exit(1)
    }
    entries.append((relative, SHA256.hex(of: data)))
}
entries.sort { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
var text = """
    // Generated at build time by SourceFingerprintPlugin; do not edit.

    /// SHA-256 of every source file this module was compiled from (its own and its dependencies'),
    /// by path relative to the package root.
    public enum \(typeName) {
        /// Path relative to the package root → SHA-256 hex of the file's bytes.
        public static let files: [String: String] = [

    """
for (path, hash) in entries {
    let escaped = path.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    text += "        \"\(escaped)\": \"\(hash)\",\n"
}
text += entries.isEmpty ? "    :]\n}\n" : "    ]\n}\n"
do {
    try Data(text.utf8).write(to: output, options: .atomic)
} catch {
    FileHandle.standardError.write(Data("SourceFingerprintTool: cannot write \(output.path): \(error)\n".utf8))
    exit(1)
}
