import Testing
@testable import InterlinkReport

@Suite("Inline Markdown to Pango markup")
struct InlineMarkupTests {
    @Test("bold, italic, code and links")
    func emphasis() {
        #expect(InlineMarkup.pango("**F** is *high* in `eval`") == "<b>F</b> is <i>high</i> in <tt>eval</tt>")
        #expect(InlineMarkup.pango("see [the paper](https://x.org/a)") == "see the paper")
    }

    @Test("markup characters are escaped and identifiers keep underscores")
    func literal() {
        #expect(InlineMarkup.pango("a < b & c > d") == "a &lt; b &amp; c &gt; d")
        #expect(InlineMarkup.pango("rate_per_s and 2 * 3") == "rate_per_s and 2 * 3")
        #expect(InlineMarkup.pango("_italic_ text") == "<i>italic</i> text")
    }

    @Test("unclosed emphasis is closed at the end")
    func unclosed() {
        #expect(InlineMarkup.pango("**bold") == "<b>bold</b>")
    }
}
