import Foundation
import Testing
@testable import InterlinkPlot

/// The same figure value gives the same bytes, whatever was rendered before in the process.
@Suite("Determinism")
struct DeterminismTests {
    @Test("PDF renders are byte-identical and carry the fixed metadata")
    func pdfIsDeterministic() throws {
        let figure = Fixtures.rateFigure()
        let first = try figure.render(.pdf)
        _ = try Fixtures.scatterFigure().render(.pdf)
        let second = try figure.render(.pdf)
        #expect(first == second)
        let text = String(decoding: first, as: UTF8.self)
        #expect(text.hasPrefix("%PDF-"))
        #expect(text.contains("/Creator (Interlink)"))
        // cairo 1.16 writes the date without the "D:" prefix.
        #expect(text.contains("/CreationDate (20000101000000Z)"))
        #expect(text.contains("/ModDate (20000101000000Z)"))
        try? Data(first).write(to: URL(fileURLWithPath: "/tmp/interlink-plot-rate.pdf"))
    }

    @Test("SVG renders are byte-identical even with another figure rendered in between")
    func svgIsDeterministic() throws {
        let figure = Fixtures.rateFigure()
        let first = try figure.render(.svg)
        let second = try figure.render(.svg)
        _ = try Fixtures.scatterFigure().render(.svg)
        let third = try figure.render(.svg)
        #expect(first == second)
        #expect(first == third)
        try? Data(first).write(to: URL(fileURLWithPath: "/tmp/interlink-plot-rate.svg"))
    }

    @Test("PNG renders are byte-identical and have the requested pixel size")
    func pngIsDeterministic() throws {
        let figure = Fixtures.rateFigure()
        let first = try figure.render(.png(dpi: 300))
        let second = try figure.render(.png(dpi: 300))
        #expect(first == second)
        #expect(Array(first.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        // IHDR width and height (big-endian) at bytes 16..<24: 243 pt at 300 dpi = 1012.5 -> 1013 px.
        let width = first[16..<20].reduce(0) { $0 << 8 | Int($1) }
        let height = first[20..<24].reduce(0) { $0 << 8 | Int($1) }
        #expect(width == 1013)
        #expect(height == 750)  // 180 pt × 300/72 = 750
        try? Data(first).write(to: URL(fileURLWithPath: "/tmp/interlink-plot-rate.png"))
    }
}
