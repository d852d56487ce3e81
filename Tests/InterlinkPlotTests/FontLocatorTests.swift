import Foundation
import Testing
@testable import InterlinkPlot

/// Issue 17: figure fonts are found through fontconfig and the standard font folders.
@Suite struct FontLocatorTests {
    @Test("every font file of the private configuration is found, and is that file")
    func everyFontFound() throws {
        let files = try FontLibrary.fontFiles()
        #expect(files.count == FontLibrary.fontFileNames.count)
        for (path, name) in zip(files, FontLibrary.fontFileNames) {
            #expect((path as NSString).lastPathComponent == name)
            #expect(FileManager.default.isReadableFile(atPath: path))
        }
    }

    @Test("the machine's fontconfig and the folder walk each find Liberation Sans independently")
    func bothSearchesFindTheFont() {
        let name = "LiberationSans-Regular.ttf"
        #expect(FontLocator.fontconfigFiles().contains { ($0 as NSString).lastPathComponent == name })
        #expect(FontLocator.walkedFiles().contains { ($0 as NSString).lastPathComponent == name })
        #expect(FontLocator.found[name] != nil)
    }

    @Test("a font file that is nowhere is reported by name")
    func missingFont() {
        #expect(FontLocator.path(of: "NoSuchFont-Regular.ttf") == nil)
    }
}
