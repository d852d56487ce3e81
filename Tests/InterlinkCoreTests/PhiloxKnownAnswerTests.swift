import Testing
@testable import InterlinkCore

/// Known-answer tests against the Random123 reference vectors (`tests/kat_vectors`, the three
/// "philox4x32 10" lines; Salmon et al., SC'11). Column layout: counter (4 words), key (2 words),
/// expected output (4 words).
@Suite("Philox4x32-10 known answers")
struct PhiloxKnownAnswerTests {
    @Test("all-zero counter and key")
    func zeros() {
        let out = Philox4x32.block(counter: (0, 0, 0, 0), key: (0, 0))
        #expect(out.0 == 0x6627_E8D5 && out.1 == 0xE169_C58D && out.2 == 0xBC57_AC4C && out.3 == 0x9B00_DBD8)
    }

    @Test("all-ones counter and key")
    func ones() {
        let m = UInt32.max
        let out = Philox4x32.block(counter: (m, m, m, m), key: (m, m))
        #expect(out.0 == 0x408F_276D && out.1 == 0x41C8_3B0E && out.2 == 0xA20B_C7C6 && out.3 == 0x6D54_51FD)
    }

    @Test("pi-digit counter and key")
    func piDigits() {
        let out = Philox4x32.block(
            counter: (0x243F_6A88, 0x85A3_08D3, 0x1319_8A2E, 0x0370_7344), key: (0xA409_3822, 0x299F_31D0))
        #expect(out.0 == 0xD16C_FE09 && out.1 == 0x94FD_CCEB && out.2 == 0x5001_E420 && out.3 == 0x2412_6EA1)
    }

    @Test("a stream with key 0, replicate 0 starts with the all-zero block, low words first")
    func streamUsesCounterMode() {
        var s = RandomStream(key: 0, replicate: 0)
        #expect(s.next() == 0xE169_C58D_6627_E8D5)
        #expect(s.next() == 0x9B00_DBD8_BC57_AC4C)
    }

    @Test("the replicate index is the upper half of the counter")
    func replicateIsUpperCounter() {
        // Key words (0xa4093822, 0x299f31d0), counter (0x243f6a88, 0x85a308d3 | 0x13198a2e, 0x03707344):
        // block index 0x85a308d3_243f6a88 of replicate 0x03707344_13198a2e gives the pi vector.
        var s = RandomStream(key: 0x299F_31D0_A409_3822, replicate: 0x0370_7344_1319_8A2E)
        s.blockIndex = 0x85A3_08D3_243F_6A88
        #expect(s.next() == 0x94FD_CCEB_D16C_FE09)
        #expect(s.next() == 0x2412_6EA1_5001_E420)
    }
}
