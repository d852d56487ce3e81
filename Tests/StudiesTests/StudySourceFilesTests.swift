import Foundation
import Interlink
import Studies
import Testing

/// Issue 17: a study spread over several files lists every one of them for the code fingerprint.
@Suite struct StudySourceFilesTests {
    static let studies = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("studies")

    @Test("every `<Main>+<Part>.swift` file in studies/ is among the sourceFiles of the study in `<Main>.swift`")
    func extensionFilesAreListed() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.studies.path).filter { $0.hasSuffix(".swift") }
        for study in try Catalogue.studies().studies {
            let files = study.sourceFiles.map { URL(fileURLWithPath: $0).lastPathComponent }
            let main = try #require(files.first, "\(study.identifier) names no source file")
            let stem = String(main.dropLast(".swift".count))
            let parts = names.filter { $0.hasPrefix(stem + "+") }
            #expect(Set(parts).isSubset(of: Set(files)), "\(study.identifier): \(parts) vs \(files)")
            for file in study.sourceFiles {
                #expect(StudiesBuildSources.files.keys.contains { file.hasSuffix("/" + $0) }, "\(file) is not in the build table")
            }
        }
    }
}
