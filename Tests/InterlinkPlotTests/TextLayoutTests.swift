import Foundation
import Testing
@testable import InterlinkPlot

/// Pango text: markup, scripts, wrapping.
@Suite("Text layout")
struct TextLayoutTests {
    /// Runs `body` with a canvas on a small image surface.
    func withCanvas<R>(_ body: (Canvas) throws -> R) throws -> R {
        try RenderEnvironment.shared.withFonts { fonts in
            let surface = try CairoSurface.image(pixelWidth: 10, pixelHeight: 10)
            return try body(try Canvas(surface: surface, fonts: fonts))
        }
    }

    @Test("Long labels wrap within the given width and grow in height")
    func wrapping() throws {
        let label = "Secret-key rate per channel use with two-way classical post-processing (bits)"
        let (single, wrapped) = try withCanvas { canvas in
            (try canvas.measure(label, size: 8), try canvas.measure(label, size: 8, wrapWidth: 100))
        }
        #expect(single.width > 100)
        #expect(wrapped.width <= 100)
        #expect(wrapped.height > 1.9 * single.height)
    }

    @Test("Superscripts and subscripts are smaller and shifted, not larger")
    func scripts() throws {
        let (plain, sup, sub) = try withCanvas { canvas in
            (try canvas.measure("10", size: 8), try canvas.measure("10<sup>−3</sup>", size: 8),
             try canvas.measure("η<sub>t</sub>", size: 8))
        }
        // The 70 % superscript adds less than one digit's width per character and at most ~40 %
        // of a line of height.
        #expect(sup.width > plain.width && sup.width < plain.width * 2)
        #expect(sup.height < plain.height * 1.45)
        #expect(sub.height < plain.height * 1.45)
        #expect(Canvas.expandScripts("a<sup>2</sup>", size: 8) == #"a<span size="5734" rise="2949">2</span>"#)
    }

    @Test("Text size is resolution independent (hinting off)")
    func resolutionIndependence() throws {
        let label = "Fiber length <i>L</i> (km)"
        let widths = try RenderEnvironment.shared.withFonts { fonts -> [Double] in
            var result: [Double] = []
            for scale in [1.0, 300.0 / 72, 600.0 / 72] {
                let surface = try CairoSurface.image(pixelWidth: 10, pixelHeight: 10)
                let canvas = try Canvas(surface: surface, fonts: fonts)
                canvas.scale(scale, scale)
                result.append(try canvas.measure(label, size: 8).width)
            }
            return result
        }
        for width in widths { #expect(abs(width - widths[0]) < 1e-6) }
    }
}
