import Foundation
import InterlinkArchitecture
import InterlinkCore

/// `interlink eval` for a machine running a circuit: a document with the top-level key
/// `architecture` (see `ArchitectureDocument`) is executed by the event-driven Monte Carlo of
/// `InterlinkArchitecture`; its output is `{"kind": "architecture", "architecture": ExecutionSummary}`.
extension Evaluation {
    /// The output of an architecture document.
    public struct ArchitectureReport: Codable, Sendable, Equatable {
        /// Always `"architecture"`.
        public let kind: String
        /// The execution summary.
        public let architecture: ExecutionSummary
    }

    /// Whether `data` is a JSON object with the top-level key `architecture` (malformed input is
    /// left to the checks of the evaluator that reads it).
    static func isArchitectureDocument(_ data: Data) -> Bool {
        guard (try? JSONInputCheck.check(data)) != nil,
              case .object(let top)? = try? JSONValue(parsing: data) else { return false }
        return top["architecture"] != nil
    }

    /// Evaluates an architecture document into its report. Every number is first held to the
    /// magnitude bound of the link documents (`ConfigurationDecoder.maximumMagnitude`, 10¹²), so no
    /// arm override or time can overflow the run.
    ///
    /// - Throws: `ParameterError` naming the field.
    public static func evaluateArchitecture(json data: Data) throws -> ArchitectureReport {
        if (try? JSONInputCheck.check(data)) != nil, let raw = try? JSONValue(parsing: data) {
            try ConfigurationDecoder.checkMagnitudes(raw, path: [])
        }
        return ArchitectureReport(kind: "architecture", architecture: try ArchitectureDocument.decode(json: data).evaluate())
    }

    /// A complete architecture example (`interlink eval --architecture-example`).
    public static var architectureExampleJSON: Data { Data(ArchitectureDocument.exampleText.utf8) }
}
