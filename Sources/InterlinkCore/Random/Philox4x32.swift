/// The Philox4x32-10 counter-based bijection of Salmon, Moraes, Dror & Shaw,
/// "Parallel random numbers: as easy as 1, 2, 3", SC'11 (doi:10.1145/2063384.2063405).
///
/// Philox maps a 128-bit counter and a 64-bit key to 128 pseudo-random bits through ten rounds of
/// two 32×32→64-bit multiplications; the key is bumped by the Weyl constants between rounds. Being
/// counter-based, any block of any stream is computable in O(1) without the blocks before it, which
/// makes streams independent of thread count and scheduling by construction.
public enum Philox4x32: Sendable {
    /// First round multiplier (Salmon et al. 2011, Table 2).
    @inlinable static var multiplier0: UInt32 { 0xD251_1F53 }
    /// Second round multiplier (Salmon et al. 2011, Table 2).
    @inlinable static var multiplier1: UInt32 { 0xCD9E_8D57 }
    /// Key schedule increment: golden ratio (Weyl sequence).
    @inlinable static var weyl0: UInt32 { 0x9E37_79B9 }
    /// Key schedule increment: √3 − 1.
    @inlinable static var weyl1: UInt32 { 0xBB67_AE85 }

    /// Computes one Philox4x32-10 block.
    ///
    /// - Parameters:
    ///   - counter: the four 32-bit counter words (c0, c1, c2, c3), in the order of the Random123
    ///     reference `kat_vectors` file.
    ///   - key: the two 32-bit key words (k0, k1).
    /// - Returns: the four 32-bit output words.
    @inlinable
    public static func block(
        counter: (UInt32, UInt32, UInt32, UInt32),
        key: (UInt32, UInt32)
    ) -> (UInt32, UInt32, UInt32, UInt32) {
        var c0 = counter.0, c1 = counter.1, c2 = counter.2, c3 = counter.3
        var k0 = key.0, k1 = key.1
        // Ten rounds, the key bumped between rounds (nine bumps), written out so the optimiser
        // keeps everything in registers.
        round(&c0, &c1, &c2, &c3, k0, k1)
        for _ in 0..<9 {
            k0 &+= weyl0
            k1 &+= weyl1
            round(&c0, &c1, &c2, &c3, k0, k1)
        }
        return (c0, c1, c2, c3)
    }

    /// One Philox round: (hi1 ^ c1 ^ k0, lo1, hi0 ^ c3 ^ k1, lo0) with (hi0, lo0) = M0·c0 and
    /// (hi1, lo1) = M1·c2 as 64-bit products (Salmon et al. 2011, §4.2).
    @inlinable @inline(__always)
    static func round(
        _ c0: inout UInt32, _ c1: inout UInt32, _ c2: inout UInt32, _ c3: inout UInt32, _ k0: UInt32, _ k1: UInt32
    ) {
        let p0 = UInt64(multiplier0) &* UInt64(c0)
        let p1 = UInt64(multiplier1) &* UInt64(c2)
        let n0 = UInt32(truncatingIfNeeded: p1 &>> 32) ^ c1 ^ k0
        let n2 = UInt32(truncatingIfNeeded: p0 &>> 32) ^ c3 ^ k1
        c1 = UInt32(truncatingIfNeeded: p1)
        c3 = UInt32(truncatingIfNeeded: p0)
        c0 = n0
        c2 = n2
    }
}
