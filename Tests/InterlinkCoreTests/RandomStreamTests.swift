import Testing
@testable import InterlinkCore

@Suite("Random streams: derivation and reproducibility")
struct RandomStreamTests {
    @Test("same (root seed, point key, replicate) gives the same numbers")
    func reproducible() {
        var a = RandomStream(rootSeed: 42, pointKey: "L=10km", replicate: 3)
        var b = RandomStream(rootSeed: 42, pointKey: "L=10km", replicate: 3)
        for _ in 0..<100 { #expect(a.next() == b.next()) }
    }

    @Test("string and byte keys derive the same stream")
    func bytesEqualString() {
        let a = RandomStream(rootSeed: 7, pointKey: "η=0.5", replicate: 0)
        let b = RandomStream(rootSeed: 7, pointKeyBytes: Array("η=0.5".utf8), replicate: 0)
        #expect(a == b)
    }

    @Test("changing any of root seed, point key or replicate changes the stream")
    func distinct() {
        var base = RandomStream(rootSeed: 1, pointKey: "p", replicate: 0)
        var seed = RandomStream(rootSeed: 2, pointKey: "p", replicate: 0)
        var point = RandomStream(rootSeed: 1, pointKey: "q", replicate: 0)
        var rep = RandomStream(rootSeed: 1, pointKey: "p", replicate: 1)
        let x = base.next()
        #expect(x != seed.next())
        #expect(x != point.next())
        #expect(x != rep.next())
        #expect(base.child(0).key != base.child(1).key)
    }

    @Test("FNV-1a and SplitMix64 match their published reference values")
    func hashReferenceValues() {
        // FNV-1a 64 of the empty string is the offset basis; of "a" it is 0xaf63dc4c8601ec8c
        // (reference table of Fowler–Noll–Vo test vectors).
        #expect(StreamKeyDerivation.fnv1a([UInt8]()) == 0xCBF2_9CE4_8422_2325)
        #expect(StreamKeyDerivation.fnv1a(Array("a".utf8)) == 0xAF63_DC4C_8601_EC8C)
        // SplitMix64 seeded with 0: the first output is 0xe220a8397b1dcdaf (Vigna's splitmix64.c).
        #expect(StreamKeyDerivation.mix(0) == 0xE220_A839_7B1D_CDAF)
    }

    @Test("uniforms lie strictly inside (0, 1) and average 1/2")
    func uniformRange() {
        var s = RandomStream(rootSeed: 9, pointKey: "u", replicate: 0)
        var sum = 0.0
        let n = 100_000
        for _ in 0..<n {
            let u = s.nextUniform()
            #expect(u > 0 && u < 1)
            sum += u
        }
        // Standard error of the mean is sqrt(1/12/n) ≈ 9.1e-4; allow 5 of them.
        #expect(abs(sum / Double(n) - 0.5) < 5 * 9.2e-4)
    }

    @Test("the extreme words map inside (0, 1)")
    func uniformExtremes() {
        // x = 0 → (0 + ½)·2⁻⁵² = 2⁻⁵³; x = 2⁶⁴−1 → (2⁵² − 1 + ½)·2⁻⁵² = 1 − 2⁻⁵³ (exact in binary64).
        var low = RandomStream(key: 0, replicate: 0)
        low.pending = 0
        low.hasPending = true
        #expect(low.nextUniform() == 0x1p-53)
        var high = RandomStream(key: 0, replicate: 0)
        high.pending = UInt64.max
        high.hasPending = true
        #expect(high.nextUniform() == 1 - 0x1p-53)
    }

    @Test("bounded integers are uniform over 0..<bound")
    func boundedIndex() {
        var s = RandomStream(rootSeed: 5, pointKey: "i", replicate: 0)
        var counts = [Int](repeating: 0, count: 7)
        let n = 70_000
        for _ in 0..<n { counts[s.nextIndex(below: 7)] += 1 }
        // Chi-square with 6 degrees of freedom; 0.1% critical value 22.46.
        let expected = Double(n) / 7
        let chi2 = counts.reduce(0.0) { $0 + (Double($1) - expected) * (Double($1) - expected) / expected }
        #expect(chi2 < 22.46)
    }
}
