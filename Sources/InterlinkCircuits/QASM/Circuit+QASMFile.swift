import InterlinkCore
import Foundation

extension Circuit {
    /// Imports the OpenQASM program stored (UTF-8) at `url`; see ``init(qasm:)``.
    ///
    /// - Throws: ``CircuitError/invalid(parameter:reason:)`` naming `qasm.file` when the file cannot
    ///   be read; ``QASMError`` for errors in the program.
    public init(qasmContentsOf url: URL) throws {
        let source: String
        do {
            source = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw ParameterError(invalid: "qasm.file", reason: "cannot read \(url.path): \(error.localizedDescription)")
        }
        try self.init(qasm: source)
    }
}
