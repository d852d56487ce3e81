import Testing
import InterlinkPlot

/// Renumbering of cairo's process-global SVG ids.
@Suite("SVG normaliser")
struct SVGNormalizerTests {
    @Test("Ids and their references are renumbered per prefix in order of first appearance")
    func renumbers() {
        let input = """
            <svg><defs><g id="glyph3-7"/><g id="glyph3-2"/><clipPath id="clip12"/></defs>\
            <use xlink:href="#glyph3-2"/><use xlink:href="#glyph3-7"/><g clip-path="url(#clip12)"/>\
            <image id="surface99"/><use xlink:href="#surface99"/></svg>
            """
        let output = String(decoding: SVGNormalizer.normalize(Array(input.utf8)), as: UTF8.self)
        let expected = """
            <svg><defs><g id="glyph1"/><g id="glyph2"/><clipPath id="clip1"/></defs>\
            <use xlink:href="#glyph2"/><use xlink:href="#glyph1"/><g clip-path="url(#clip1)"/>\
            <image id="surface1"/><use xlink:href="#surface1"/></svg>
            """
        #expect(output == expected)
    }

    @Test("Documents that differ only in counter values normalise to the same bytes")
    func counterInvariance() {
        let a = ##"<g id="surface5"><use xlink:href="#glyph0-1"/></g><g id="glyph0-1"/>"##
        let b = ##"<g id="surface41"><use xlink:href="#glyph2-9"/></g><g id="glyph2-9"/>"##
        #expect(SVGNormalizer.normalize(Array(a.utf8)) == SVGNormalizer.normalize(Array(b.utf8)))
    }
}
