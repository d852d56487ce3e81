import Testing
@testable import InterlinkReport

/// Issue 15, item 6: sub/superscripts and inline HTML render instead of printing literally.
@Suite("Script shorthands and inline HTML")
struct ScriptShorthandTests {
    @Test("shorthands become <sub>/<sup>", arguments: [
        ("N_add = 0.16", "N<sub>add</sub> = 0.16"),
        ("(η_t)", "(η<sub>t</sub>)"),
        ("R_n = 2R_{n−1}/p_n", "R<sub>n</sub> = 2R<sub>n−1</sub>/p<sub>n</sub>"),
        ("10^{-4} Hz", "10<sup>-4</sup> Hz"),
        ("ln(r_single-click/r_two-photon)", "ln(r<sub>single-click</sub>/r<sub>two-photon</sub>)"),
        ("**N_add ≤ 0.07**", "**N<sub>add</sub> ≤ 0.07**"),
    ])
    func shorthands(input: String, expected: String) {
        #expect(ScriptShorthand.html(input) == expected)
    }

    @Test("identifiers, paths, code and link targets stay literal", arguments: [
        "fitPoints_422 and rate_per_s",
        "node.a_b and \\x_y",
        "`N_add` in code",
        "[data](data/a_b.csv)",
        "_italic_ and a _b_",
        "N_add_x",
        "x_{} and ^ alone",
    ])
    func literal(input: String) {
        #expect(ScriptShorthand.html(input) == input)
    }

    @Test("inline HTML tags become Pango tags; others stay escaped")
    func htmlTags() {
        #expect(InlineMarkup.pango("K<sub>1</sub>, Sr<sup>+</sup>") == "K<sub>1</sub>, Sr<sup>+</sup>")
        #expect(InlineMarkup.pango("<i>t</i><sub>cut</sub>") == "<i>t</i><sub>cut</sub>")
        #expect(InlineMarkup.pango("<em>a</em> <strong>b</strong>") == "<i>a</i> <b>b</b>")
        #expect(InlineMarkup.pango("<code>a<b</code> c") == "<tt>a&lt;b</tt> c")
        #expect(InlineMarkup.pango("<span>x</span> a < b") == "&lt;span&gt;x&lt;/span&gt; a &lt; b")
        #expect(InlineMarkup.pango("N_add") == "N<sub>add</sub>")
        #expect(InlineMarkup.pango("stray </sub> close") == "stray  close")
    }

    @Test("crossed HTML and Markdown emphasis still give well-formed markup")
    func crossed() {
        let markup = InlineMarkup.pango("<sub>a **b</sub> c** `d`")
        #expect(isWellFormed(markup))
        #expect(markup == "<sub>a <b>b</b></sub><b> c</b> <tt>d</tt>")
    }
}
