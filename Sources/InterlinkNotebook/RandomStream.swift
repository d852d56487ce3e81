/// A small, fast, reproducible pseudo-random stream: xoshiro256** (Blackman & Vigna,
/// "Scrambled linear pseudorandom number generators", ACM TOMS 47(4), 2021), seeded through
/// SplitMix64 (Steele, Lea & Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014)
/// as its authors recommend.
///
/// Every sweep point gets its own stream derived from (root seed, point key), so a point's random
/// numbers never depend on thread count, shard count or completion order.
public struct RandomStream: RandomNumberGenerator, Sendable, Hashable {
    /// The four 64-bit words of xoshiro256** state (never all zero).
    public private(set) var state: (UInt64, UInt64, UInt64, UInt64)

    /// Creates a stream from a raw xoshiro256** state. An all-zero state is a fixed point of the
    /// generator; it is replaced by the SplitMix64 expansion of 0.
    public init(state: (UInt64, UInt64, UInt64, UInt64)) {
        if state == (0, 0, 0, 0) {
            var mixer = SplitMix64(seed: 0)
            self.state = (mixer.next(), mixer.next(), mixer.next(), mixer.next())
        } else {
            self.state = state
        }
    }

    /// Creates a stream whose state is the first four outputs of SplitMix64 started at `seed`.
    public init(seed: UInt64) {
        var mixer = SplitMix64(seed: seed)
        state = (mixer.next(), mixer.next(), mixer.next(), mixer.next())
    }

    /// The stream of one sweep point: seeded from SHA-256(root seed as 8 big-endian bytes ‖ the
    /// point key's UTF-8 bytes); the first 8 digest bytes (big-endian) seed SplitMix64.
    public init(rootSeed: UInt64, pointKey: String) {
        var hasher = SHA256()
        hasher.update(bytes: (0..<8).map { UInt8(truncatingIfNeeded: rootSeed >> UInt64(56 - 8 * $0)) })
        hasher.update(string: pointKey)
        let digest = hasher.finalize()
        var seed: UInt64 = 0
        for byte in digest.prefix(8) { seed = seed << 8 | UInt64(byte) }
        self.init(seed: seed)
    }

    /// The next 64 random bits (xoshiro256** reference algorithm).
    public mutating func next() -> UInt64 {
        let result = rotateLeft(state.1 &* 5, 7) &* 9
        let t = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= t
        state.3 = rotateLeft(state.3, 45)
        return result
    }

    /// A uniform double in [0, 1): the top 53 bits of `next()` times 2⁻⁵³ (Vigna's recommended
    /// conversion; every value is a multiple of 2⁻⁵³).
    public mutating func nextUniform() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A uniform integer in 0..<bound (bound ≥ 1), unbiased by rejection: draws above the
    /// largest multiple of `bound` representable in 64 bits are discarded. Returns 0 for bound ≤ 1.
    public mutating func next(below bound: UInt64) -> UInt64 {
        guard bound > 1 else { return 0 }
        let rejectFrom = UInt64.max - (UInt64.max % bound + 1) % bound
        while true {
            let draw = next()
            if draw <= rejectFrom { return draw % bound }
        }
    }

    /// A Bernoulli draw: `true` with probability `probability` (values outside [0, 1] clamp).
    public mutating func bernoulli(_ probability: Double) -> Bool {
        nextUniform() < probability
    }

    /// Hashable conformance over the four state words.
    public static func == (lhs: RandomStream, rhs: RandomStream) -> Bool {
        lhs.state == rhs.state
    }

    /// Hashes the four state words.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(state.0)
        hasher.combine(state.1)
        hasher.combine(state.2)
        hasher.combine(state.3)
    }

    private func rotateLeft(_ x: UInt64, _ k: UInt64) -> UInt64 {
        (x << k) | (x >> (64 - k))
    }
}

/// SplitMix64 (Steele, Lea & Flood 2014; reference code by Vigna): a 64-bit generator used to
/// expand one seed word into a full xoshiro256** state.
public struct SplitMix64: RandomNumberGenerator, Sendable, Hashable {
    /// The current counter value.
    public private(set) var state: UInt64

    /// Creates the generator at `seed`.
    public init(seed: UInt64) {
        state = seed
    }

    /// The next output: the counter advanced by the golden-ratio increment 0x9e3779b97f4a7c15 and
    /// passed through the Stafford "Mix13" finaliser.
    public mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}
