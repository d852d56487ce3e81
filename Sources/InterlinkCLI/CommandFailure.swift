import ArgumentParser
import Foundation

/// Prints `interlink: <message>` on stderr (one line) and exits with `code`.
///
/// Errors the user can fix (bad input, an unknown study, a template error) exit with status 2;
/// `verify` uses status 1 for drift.
func fail(_ error: any Error, code: Int32 = 2) -> ExitCode {
    let text = String(describing: error).split(separator: "\n").joined(separator: " ")
    FileHandle.standardError.write(Data("interlink: \(text)\n".utf8))
    return ExitCode(code)
}

/// Writes one line to stderr.
func note(_ text: String) {
    FileHandle.standardError.write(Data("\(text)\n".utf8))
}

/// A one-line error message of the command-line tool.
struct CommandMessage: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
