import Foundation
import Testing
import InterlinkPlot
import InterlinkGallery

/// Runs a command-line tool and returns its exit status and standard output.
func runTool(_ path: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// The gallery written to disk: every PDF embeds only TrueType subsets, every SVG is valid XML.
@Suite("Gallery output", .serialized)
struct GalleryOutputTests {
    static let directory = FileManager.default.temporaryDirectory.appendingPathComponent("interlink-plot-gallery")

    @Test("Gallery writes PDF, SVG and PNG for every example, and an index with every caption")
    func writesAllFormats() throws {
        let files = try Gallery.write(to: Self.directory, dpi: 200)
        let examples = try Gallery.examples()
        #expect(files.count == 3 * examples.count + 1)
        let index = try String(contentsOf: Self.directory.appendingPathComponent("index.md"), encoding: .utf8)
        for example in examples {
            #expect(!example.caption.isEmpty, "\(example.name) has no caption")
            #expect(index.contains("## \(example.name)\n") && index.contains(example.caption) && index.contains("(\(example.name).png)"))
        }
        for file in files {
            let size = (try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
            #expect(size > 500, "\(file.lastPathComponent) is suspiciously small")
        }
    }

    @Test("pdffonts lists only embedded TrueType fonts, never Type 3")
    func pdfFontsAreTrueType() throws {
        try Gallery.write(to: Self.directory, dpi: 72)
        for example in try Gallery.examples() {
            let path = Self.directory.appendingPathComponent("\(example.name).pdf").path
            let (status, output) = try runTool("/usr/bin/pdffonts", [path])
            #expect(status == 0)
            let rows = output.split(separator: "\n").dropFirst(2)
            #expect(!rows.isEmpty, "\(example.name).pdf has no fonts")
            for row in rows {
                #expect(!row.contains("Type 3"), "\(example.name): \(row)")
                #expect(row.contains("TrueType"), "\(example.name): \(row)")
                // Columns "emb sub uni": the font is embedded and subset.
                #expect(row.contains("yes yes"), "\(example.name): \(row)")
            }
        }
    }

    @Test("Glyphs missing from Liberation Sans come from the embedded DejaVu Sans fallback")
    func fallbackFontIsEmbedded() throws {
        var panel = Panel(x: Axis(label: "|Φ<sup>+</sup>⟩ ⊗ |0⟩"), y: Axis(label: "ℏ<i>ω</i>"))
        panel.add(.line(x: [0, 1], y: [0, 1]))
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("interlink-plot-fallback.pdf")
        try Figure(panels: [panel]).write(to: url)
        let (status, output) = try runTool("/usr/bin/pdffonts", [url.path])
        #expect(status == 0)
        #expect(output.contains("DejaVuSans"))
        #expect(output.contains("LiberationSans"))
        #expect(!output.contains("Type 3"))
    }

    @Test("xmllint --noout accepts every SVG")
    func svgIsValidXML() throws {
        try Gallery.write(to: Self.directory, dpi: 72)
        for example in try Gallery.examples() {
            let path = Self.directory.appendingPathComponent("\(example.name).svg").path
            let (status, output) = try runTool("/usr/bin/xmllint", ["--noout", path])
            #expect(status == 0, "\(example.name).svg: \(output)")
        }
    }
}
