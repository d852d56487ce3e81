import Foundation
import InterlinkCore

/// The works reports cite, keyed by citation key (`templates/references.json`).
///
/// The file is one JSON object: `{"stephenson2020": {"authors": "L. J. Stephenson et al.",
/// "title": "…", "journal": "Phys. Rev. Lett.", "volume": "124", "pages": "110501", "year": 2020,
/// "doi": "10.1103/PhysRevLett.124.110501"}, …}`. `volume`, `pages`, `doi` and `arxiv` are
/// optional; `authors`, `title`, `journal` and `year` are required.
public struct Bibliography: Sendable, Equatable {
    /// One cited work.
    public struct Entry: Sendable, Equatable, Codable {
        /// Authors as printed ("A. B. Author, C. Author and D. Author" or "A. Author et al.").
        public var authors: String
        /// Title of the work.
        public var title: String
        /// Journal (abbreviated) or other venue ("arXiv").
        public var journal: String
        /// Volume, when the venue has one.
        public var volume: String?
        /// Article number or page range.
        public var pages: String?
        /// Year of publication.
        public var year: Int
        /// Digital object identifier, without `https://doi.org/`.
        public var doi: String?
        /// arXiv identifier (`2210.11447`).
        public var arxiv: String?

        /// Creates an entry.
        public init(authors: String, title: String, journal: String, volume: String? = nil, pages: String? = nil,
                    year: Int, doi: String? = nil, arxiv: String? = nil) {
            self.authors = authors
            self.title = title
            self.journal = journal
            self.volume = volume
            self.pages = pages
            self.year = year
            self.doi = doi
            self.arxiv = arxiv
        }

        /// The entry as one line of Markdown: `A. Author et al., “Title”, Journal 124, 110501 (2020),
        /// [doi:…](https://doi.org/…).`
        public var markdown: String {
            var text = "\(authors), “\(title)”, *\(journal)*"
            if let volume { text += " \(volume)" }
            if let pages { text += (volume == nil ? " " : ", ") + pages }
            text += " (\(year))"
            // Parentheses in a DOI (10.1016/S1049-250X(06)53008-X) are percent-encoded in the link
            // target, so no Markdown reader ends the link at the DOI's own ")".
            if let doi {
                let target = doi.replacingOccurrences(of: "(", with: "%28").replacingOccurrences(of: ")", with: "%29")
                text += ", [doi:\(doi)](https://doi.org/\(target))"
            }
            if let arxiv { text += ", [arXiv:\(arxiv)](https://arxiv.org/abs/\(arxiv))" }
            return text + "."
        }
    }

    /// Entries by citation key.
    public var entries: [String: Entry]

    /// A bibliography with no entries.
    public static let empty = Bibliography(entries: [:])

    /// Creates a bibliography; every key must be a citation key (letters, digits, `-`, `_`, `:`, `.`).
    public init(entries: [String: Entry]) {
        self.entries = entries
    }

    /// Reads and checks a `references.json` file; `displayPath` names it in errors.
    public init(contentsOf url: URL, displayPath: String) throws {
        let data = try Data(contentsOf: url)
        let decoded: [String: Entry]
        do {
            decoded = try JSONDecoder().decode([String: Entry].self, from: data)
        } catch let DecodingError.keyNotFound(key, context) {
            let path = ([displayPath] + context.codingPath.map(\.stringValue)).joined(separator: ".")
            throw ParameterError(kind: .missingField, path: path, message: "missing required field \"\(key.stringValue)\"")
        } catch let DecodingError.typeMismatch(type, context) {
            let path = ([displayPath] + context.codingPath.map(\.stringValue)).joined(separator: ".")
            throw ParameterError(invalid: path, reason: "expected \(type)")
        } catch {
            throw ParameterError(invalid: displayPath, reason: "not a JSON object of reference entries (\(error))")
        }
        for (key, entry) in decoded {
            guard Self.isCitationKey(key) else {
                throw ParameterError(path: "\(displayPath).\(key)", value: key,
                                     allowed: "a citation key of letters, digits, '-', '_', ':' and '.'")
            }
            for (field, value) in [("authors", entry.authors), ("title", entry.title), ("journal", entry.journal)]
            where value.trimmingCharacters(in: .whitespaces).isEmpty {
                throw ParameterError(path: "\(displayPath).\(key).\(field)", value: "\"\(value)\"", allowed: "non-empty text")
            }
            guard (1600...2100).contains(entry.year) else {
                throw ParameterError(path: "\(displayPath).\(key).year", value: "\(entry.year)", allowed: "1600…2100")
            }
        }
        self.init(entries: decoded)
    }

    /// Whether `key` may be cited as `[@key]`.
    static func isCitationKey(_ key: String) -> Bool {
        !key.isEmpty && key.allSatisfy { isCitationKeyCharacter($0) }
    }

    /// A character of a citation key.
    static func isCitationKeyCharacter(_ c: Character) -> Bool {
        (c.isASCII && (c.isLetter || c.isNumber)) || "-_:.".contains(c)
    }
}
