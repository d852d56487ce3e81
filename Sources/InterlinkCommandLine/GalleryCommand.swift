import InterlinkGallery
import ArgumentParser
import Foundation
import Interlink

/// `interlink gallery`: one example of every mark and theme, as living documentation.
struct GalleryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gallery",
        abstract: "Draw one example of every mark and theme into output/gallery/ (PDF, SVG, PNG).")

    @Option(name: .long, help: "Folder to write into.")
    var output: String = "output/gallery"

    @Option(name: .long, help: "Resolution of the PNG previews in dots per inch.")
    var dpi: Double = 200

    /// Accepted PNG resolutions.
    static let dpiRange: ClosedRange<Double> = 10...2400

    func validate() throws {
        guard GalleryCommand.dpiRange.contains(dpi) else {
            throw ValidationError("--dpi must be in [10, 2400], not \(dpi)")
        }
        if output.isEmpty { throw ValidationError("--output must not be empty") }
    }

    func run() throws {
        let files = try Gallery.write(to: URL(fileURLWithPath: output, isDirectory: true), dpi: dpi)
        print("gallery: wrote \(files.count) files to \(output)")
    }
}
