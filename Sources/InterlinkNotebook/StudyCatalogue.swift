import InterlinkCore

/// The list of studies a tool can run (the `studies/` target builds one). Identifiers are
/// validated and unique; studies keep their listed order.
public struct StudyCatalogue: Sendable {
    /// The studies in listed order.
    public let studies: [any Study]

    /// Validates identifiers (file-safe, unique) and keeps the order.
    public init(_ studies: [any Study]) throws {
        var seen = Set<String>()
        for study in studies {
            _ = try StudyIdentifier(study.identifier)
            guard seen.insert(study.identifier).inserted else {
                throw NotebookError.catalogue(reason: "two studies share the identifier \"\(study.identifier)\"")
            }
        }
        self.studies = studies
    }

    /// The identifiers, in listed order.
    public var identifiers: [String] { studies.map(\.identifier) }

    /// The study with `identifier`; throws naming the known identifiers otherwise.
    public func study(_ identifier: String) throws -> any Study {
        guard let study = studies.first(where: { $0.identifier == identifier }) else {
            throw NotebookError.catalogue(reason: "no study \(CommandEcho.quoted(identifier)) (known: \(identifiers.joined(separator: ", ")))")
        }
        return study
    }
}
