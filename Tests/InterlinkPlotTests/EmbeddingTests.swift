import CCairo
import Foundation
import Testing
@testable import InterlinkPlot

/// Drawing a figure onto someone else's Cairo context (e.g. a report page).
@Suite("Embedding in a Cairo context")
struct EmbeddingTests {
    @Test("A figure drawn on a page at an offset looks like the standalone render")
    func drawOnContext() throws {
        let figure = Fixtures.scatterFigure()
        let standalone = try RasterImage(png: try figure.render(.png(dpi: 72)))
        // A page twice the figure size with the figure at (40, 30), rendered inside the re-entrant lock.
        let page = try CairoSurface.image(pixelWidth: standalone.width + 80, pixelHeight: standalone.height + 60)
        let context = try #require(cairo_create(page.pointer))
        defer { cairo_destroy(context) }
        cairo_set_source_rgb(context, 1, 1, 1)
        cairo_paint(context)
        try RenderLock.withLock {
            try figure.draw(onCairoContext: context, x: 40, y: 30)
        }
        let bytes = try page.finish()
        let embedded = try RasterImage(png: bytes)
        // Compare the figure's region pixel by pixel.
        var differing = 0
        for row in 0..<standalone.height {
            for column in 0..<standalone.width {
                let a = standalone.pixels[row * standalone.width + column]
                let b = embedded.pixels[(row + 30) * embedded.width + column + 40]
                if a != b { differing += 1 }
            }
        }
        #expect(Double(differing) / Double(standalone.pixels.count) < 0.001)
        // The margin outside the figure stays white.
        #expect(embedded.pixels[0] == 0xFFFF_FFFF)
    }
}
