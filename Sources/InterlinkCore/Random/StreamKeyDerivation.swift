/// Stable derivation of Philox keys from (root seed, sweep-point key) and of child keys.
///
/// The point key's bytes are hashed with 64-bit FNV-1a (Fowler–Noll–Vo; offset basis
/// 0xcbf29ce484222325, prime 0x100000001b3), then combined with the root seed through the
/// SplitMix64 finaliser (Steele, Lea & Flood, "Fast splittable pseudorandom number generators",
/// OOPSLA 2014). Both are fixed, platform-independent functions of the bytes, so keys are stable
/// across machines, runs and Swift versions (unlike `Hasher`, which is seeded per process).
public enum StreamKeyDerivation: Sendable {
    /// The SplitMix64 output function (Steele et al. 2014): a bijective 64-bit mixer.
    @inlinable
    public static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// 64-bit FNV-1a hash of a byte sequence.
    @inlinable
    public static func fnv1a(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in bytes {
            h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3
        }
        return h
    }

    /// The Philox key of sweep point `pointKeyBytes` under `rootSeed`.
    @inlinable
    public static func key(rootSeed: UInt64, pointKeyBytes: some Sequence<UInt8>) -> UInt64 {
        mix(mix(rootSeed) ^ fnv1a(pointKeyBytes))
    }

    /// The key of child `index` of a stream keyed `parent`.
    @inlinable
    public static func childKey(parent: UInt64, index: UInt64) -> UInt64 {
        mix(mix(parent ^ 0x6A09_E667_F3BC_C909) &+ index)
    }
}
