import ArgumentParser
import Foundation
import Interlink

/// Prints `interlink: <message>` on stderr (one line) and exits with `code`.
///
/// Exit statuses (one table for every command): 0 done; 1 drift (`verify`) or a failure;
/// 2 invalid input or usage (bad option, unknown study, template error, ...). The line is capped
/// at 1000 characters, so a huge echoed value never floods the terminal.
func fail(_ error: any Error, code: Int32 = 2) -> ExitCode {
    let text = CommandEcho.truncated(
        (error is NotebookError ? String(describing: error) : CommandText.describe(error))
            .split(separator: "\n").joined(separator: " "),
        limit: 1000)
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
