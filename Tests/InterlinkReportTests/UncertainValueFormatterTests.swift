import Testing
@testable import InterlinkReport

/// Expected strings are written by hand from the rounding rule (one significant digit of
/// uncertainty, two when it starts with 1).
@Suite("Formatting values with uncertainties")
struct UncertainValueFormatterTests {
    let f = UncertainValueFormatter()

    @Test("one significant digit of uncertainty")
    func oneDigit() {
        #expect(f.string(0.91234, uncertainty: 0.0041) == "0.912 ± 0.004")
        #expect(f.string(182.4, uncertainty: 6.1) == "182 ± 6")
    }

    @Test("two significant digits when the uncertainty starts with 1")
    func twoDigits() {
        #expect(f.string(0.91234, uncertainty: 0.0012) == "0.9123 ± 0.0012")
        #expect(f.string(182.4, uncertainty: 12.3) == "182 ± 12")
    }

    @Test("small and large numbers share a power of ten")
    func scientific() {
        #expect(f.string(3.1e-4, uncertainty: 0.2e-4) == "(3.1 ± 0.2) × 10⁻⁴")
        #expect(f.string(-3.14e5, uncertainty: 0.5e5) == "(\u{2212}3.1 ± 0.5) × 10⁵")
    }

    @Test("rounding the uncertainty up to the next decade keeps one digit")
    func carry() {
        // 0.096 -> one digit -> 0.1; the value is rounded to the tenths.
        #expect(f.string(1.2345, uncertainty: 0.096) == "1.2 ± 0.1")
    }

    @Test("values without uncertainty use four significant digits")
    func plain() {
        #expect(f.string(0.123456) == "0.1235")
        #expect(f.string(1234.6) == "1235")
        #expect(f.string(2.5e-7) == "2.500 × 10⁻⁷")
        #expect(f.string(9.99996e-7) == "1.000 × 10⁻⁶")
        #expect(f.string(-0.5) == "\u{2212}0.5000")
        #expect(f.string(0) == "0")
        #expect(f.string(201) == "201")
        #expect(f.string(2e6) == "2.000 × 10⁶")
        #expect(f.string(.nan) == "NaN")
    }

    @Test("report numbers without uncertainty: three significant digits, counts exact")
    func reportDigits() {
        // Issue 16, item 8. Hand-rounded: 0.5675 -> 0.568 (half away from zero in %f is not relied
        // on: 0.56751), 8439.2 -> 8440, 744.04 -> 744, 21.59 -> 21.6; 4000 is a count and stays whole.
        let r = UncertainValueFormatter(significantDigits: ReportContext.plainDigits)
        #expect(ReportContext.plainDigits == 3)
        #expect(r.string(0.56751) == "0.568")
        #expect(r.string(8439.2) == "8440")
        #expect(r.string(1234.6) == "1230")
        #expect(r.string(744.04) == "744")
        #expect(r.string(21.59) == "21.6")
        #expect(r.string(0.04334) == "0.0433")
        #expect(r.string(4000) == "4000")
        #expect(r.string(2.5e-7) == "2.50 × 10⁻⁷")
        // Rounding that carries into the next decade keeps three digits: 9.99999 is 10.0 (not "10.00"),
        // 0.99996 is 1.00.
        #expect(r.string(9.999_999_9) == "10.0")
        #expect(r.string(-9.999_999_9) == "\u{2212}10.0")
        #expect(r.string(0.99996) == "1.00")
        // With an uncertainty the digits follow it, not the count of significant digits.
        #expect(r.string(0.4375, uncertainty: 0.0004) == "0.4375 ± 0.0004")
    }
}
