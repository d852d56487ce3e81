import Foundation
import Testing
@testable import InterlinkPlot

/// The pointers Cairo keeps after a call (a stream surface's write closure) stay valid for as long
/// as Cairo can use them.
@Suite("Cairo callback lifetimes")
struct CairoCallbackLifetimeTests {
    @Test("A PDF surface keeps its byte sink alive after the Swift wrapper is gone, until its last write")
    func pdfSinkOutlivesWrapper() throws {
        try RenderEnvironment.shared.withFonts { fonts in
            weak var weakSink: ByteSink?
            var canvas: Canvas?
            do {
                let surface = try CairoSurface.pdf(width: 100, height: 100)
                weakSink = surface.sink
                canvas = try Canvas(surface: surface, fonts: fonts)
            }
            // The wrapper is released; the cairo_t still references the surface, whose final
            // destruction writes the rest of the PDF through the write callback into the sink.
            #expect(weakSink != nil)
            try canvas?.text("lifetime", size: 12, at: 50, 50, anchor: .center)
            canvas = nil
            // Cairo destroyed the surface and released the sink after its last write.
            #expect(weakSink == nil)
        }
    }

    @Test("An unfinished PDF surface writes its trailer into the sink when Cairo destroys it")
    func trailerWrittenOnDestroy() throws {
        let sink: ByteSink = try RenderEnvironment.shared.withFonts { fonts in
            let surface = try CairoSurface.pdf(width: 100, height: 100)
            let canvas = try Canvas(surface: surface, fonts: fonts)
            try canvas.text("trailer", size: 12, at: 50, 50, anchor: .center)
            return surface.sink
        }
        // Written by Cairo at destruction, never by `finish()`: the document ends with %%EOF.
        let tail = String(decoding: sink.bytes.suffix(16), as: UTF8.self)
        #expect(sink.bytes.starts(with: Array("%PDF-".utf8)))
        #expect(tail.contains("%%EOF"))
    }

    @Test("SVG surfaces hold their sink the same way")
    func svgSink() throws {
        weak var weakSink: ByteSink?
        var surface: CairoSurface? = try CairoSurface.svg(width: 10, height: 10)
        weakSink = surface?.sink
        #expect(weakSink != nil)
        surface = nil
        #expect(weakSink == nil)
    }

    @Test("A PNG round trip through the read and write callbacks gives back the painted pixel")
    func pngRoundTrip() throws {
        let surface = try CairoSurface.image(pixelWidth: 2, pixelHeight: 1)
        try RenderEnvironment.shared.withFonts { fonts in
            let canvas = try Canvas(surface: surface, fonts: fonts)
            canvas.setColor(Color(red: 1, green: 0, blue: 0))
            canvas.paint()
            try canvas.checkStatus()
        }
        let image = try RasterImage(png: try surface.finish())
        #expect(image.width == 2 && image.height == 1)
        #expect(image.pixels == [0xFFFF_0000, 0xFFFF_0000])
    }
}
