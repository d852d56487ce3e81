import Testing
@testable import InterlinkNotebook

@Suite struct RandomStreamReferenceVectors {
    /// xoshiro256** from state {1, 2, 3, 4}: the reference outputs published with the Rust
    /// `rand_xoshiro` crate's test of Vigna's C code. The first two by hand:
    /// rotl(2·5, 7)·9 = 1280·9 = 11520; after one step s1 = 2 ^ (3 ^ 1) = 0, so the second is 0.
    @Test func xoshiro256StarStarFromOneTwoThreeFour() {
        var stream = RandomStream(state: (1, 2, 3, 4))
        let expected: [UInt64] = [
            11520, 0, 1509978240, 1215971899390074240, 1216172134540287360,
            607988272756665600, 16172922978634559625, 8476171486693032832,
            10595114339597558777, 2904607092377533576,
        ]
        for value in expected { #expect(stream.next() == value) }
    }

    /// SplitMix64 from seed 1234567: the reference outputs of Vigna's splitmix64.c as published in
    /// the `rand_xoshiro` crate's tests.
    @Test func splitMix64FromSeed1234567() {
        var mixer = SplitMix64(seed: 1234567)
        let expected: [UInt64] = [
            6457827717110365317, 3203168211198807973, 9817491932198370423,
            4593380528125082431, 16408922859458223821,
        ]
        for value in expected { #expect(mixer.next() == value) }
    }

    @Test func zeroStateIsReplaced() {
        var stream = RandomStream(state: (0, 0, 0, 0))
        #expect(stream.next() != 0 || stream.next() != 0)
    }
}

@Suite struct RandomStreamBehaviour {
    @Test func uniformsLieInUnitIntervalWithMeanOneHalf() {
        var stream = RandomStream(seed: 42)
        var sum = 0.0
        let n = 100_000
        for _ in 0..<n {
            let u = stream.nextUniform()
            #expect(u >= 0 && u < 1)
            sum += u
        }
        // Mean of U(0,1) is 1/2 with standard error √(1/12/n) ≈ 9.1e-4; allow 5σ.
        #expect(abs(sum / Double(n) - 0.5) < 5 * (1.0 / 12.0 / Double(n)).squareRoot())
    }

    @Test func boundedIntegersCoverRangeEvenly() {
        var stream = RandomStream(seed: 7)
        var counts = [Int](repeating: 0, count: 6)
        let n = 60_000
        for _ in 0..<n { counts[Int(stream.next(below: 6))] += 1 }
        // Each face expects n/6 = 10000 with σ = √(n·(1/6)(5/6)) ≈ 91; allow 5σ.
        for count in counts { #expect(abs(count - 10_000) < 460) }
        #expect(stream.next(below: 1) == 0)
    }

    @Test func pointStreamsDependOnRootSeedAndKeyOnly() {
        var a = RandomStream(rootSeed: 9, pointKey: "abc")
        var b = RandomStream(rootSeed: 9, pointKey: "abc")
        var c = RandomStream(rootSeed: 9, pointKey: "abd")
        var d = RandomStream(rootSeed: 10, pointKey: "abc")
        let first = a.next()
        #expect(first == b.next())
        #expect(first != c.next())
        #expect(first != d.next())
    }
}
