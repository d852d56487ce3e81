import Foundation
import Testing
import InterlinkCore
import InterlinkPlot

/// `Figure.write(to:)` picks the format from the file extension.
@Suite("Writing files")
struct FigureWriteTests {
    @Test("Extension selects the format and the bytes equal render(_:)")
    func extensionSelectsFormat() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("interlink-plot-write")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let figure = Fixtures.scatterFigure()
        for (name, format) in [("f.pdf", OutputFormat.pdf), ("f.svg", .svg), ("f.png", .png(dpi: 300))] {
            let url = directory.appendingPathComponent(name)
            try figure.write(to: url)
            #expect(try Data(contentsOf: url) == Data(try figure.render(format)))
        }
        #expect(throws: ParameterError.self) { try figure.write(to: directory.appendingPathComponent("f.jpg")) }
    }
}
