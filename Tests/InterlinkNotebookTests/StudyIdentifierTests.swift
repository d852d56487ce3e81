import Testing
@testable import InterlinkNotebook

@Suite struct StudyIdentifierValidation {
    @Test(arguments: ["link-budget", "a", "qfc-vs-transducer-2", "x1", String(repeating: "a", count: 64)])
    func acceptsFileSafeNames(_ text: String) throws {
        #expect(try StudyIdentifier(text).rawValue == text)
    }

    @Test(arguments: [
        "", "../escape", "a/b", "..", ".", "Link", "link budget", "link_budget", "-lead", "trail-",
        "double--dash", "a.b", "ümlaut", "a\\b", "/abs", String(repeating: "a", count: 65), "a\u{0}b",
    ])
    func rejectsUnsafeNames(_ text: String) {
        #expect(throws: NotebookError.self) { try StudyIdentifier(text) }
    }

    @Test func messageExplainsTheRule() {
        do {
            _ = try StudyIdentifier("../etc")
            Issue.record("accepted ../etc")
        } catch {
            let message = "\(error)"
            #expect(message.contains("../etc"))
            #expect(message.contains("lowercase"))
        }
    }
}
