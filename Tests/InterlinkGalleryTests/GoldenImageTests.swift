import Foundation
import Testing
@testable import InterlinkPlot
@testable import InterlinkGallery

/// Gallery PNGs compared with committed reference images.
///
/// Set `INTERLINK_RECORD_GOLDEN=1` to re-record the references in `Golden/` after an intended change.
@Suite("Golden images")
struct GoldenImageTests {
    /// Resolution of the golden renders (small files, still every line and label visible).
    static let dpi = 100.0
    /// A pixel differs when any channel differs by more than this (anti-aliasing noise across
    /// FreeType/pixman versions stays below it).
    static let channelTolerance = 40
    /// At most this fraction of pixels may differ.
    static let maximumDifferingFraction = 0.003

    static var goldenDirectory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    }

    static var recording: Bool { ProcessInfo.processInfo.environment["INTERLINK_RECORD_GOLDEN"] == "1" }

    static func names() throws -> [String] { try Gallery.examples().map(\.name) }

    @Test("Gallery PNG matches its reference", arguments: try names())
    func matchesReference(name: String) throws {
        let examples = try Gallery.examples()
        let example = try #require(examples.first { $0.name == name })
        let rendered = try example.figure.render(.png(dpi: Self.dpi))
        let url = Self.goldenDirectory.appendingPathComponent("\(name).png")
        if Self.recording {
            try FileManager.default.createDirectory(at: Self.goldenDirectory, withIntermediateDirectories: true)
            try Data(rendered).write(to: url)
            return
        }
        let referenceData = try #require(
            FileManager.default.contents(atPath: url.path),
            "missing golden image \(url.path); run with INTERLINK_RECORD_GOLDEN=1 to record it")
        let reference = try RasterImage(png: Array(referenceData))
        let image = try RasterImage(png: rendered)
        #expect(image.width == reference.width && image.height == reference.height)
        let fraction = image.differingFraction(from: reference, channelTolerance: Self.channelTolerance)
        #expect(fraction <= Self.maximumDifferingFraction, "\(name): \(fraction * 100)% of pixels differ")
    }

    @Test("The comparison detects a changed figure")
    func comparisonDetectsChanges() throws {
        var changed = Gallery.ratePanelFigure(theme: .apsSingleColumn)
        changed.panels[0].add(.line(x: [0, 100], y: [1, 1e6], label: "extra", style: .solid))
        let a = try RasterImage(png: try Gallery.ratePanelFigure(theme: .apsSingleColumn).render(.png(dpi: Self.dpi)))
        let b = try RasterImage(png: try changed.render(.png(dpi: Self.dpi)))
        #expect(a.differingFraction(from: b, channelTolerance: Self.channelTolerance) > Self.maximumDifferingFraction)
        #expect(a.differingFraction(from: a, channelTolerance: 0) == 0)
    }
}
