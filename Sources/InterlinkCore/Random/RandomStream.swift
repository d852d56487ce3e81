/// A reproducible stream of random numbers: the project-wide generator.
///
/// The stream is Philox4x32-10 (``Philox4x32``) run in counter mode. Its 64-bit key is derived from
/// a root seed and a sweep-point key (``StreamKeyDerivation``); the upper half of the 128-bit
/// counter holds the replicate index and the lower half counts blocks. So the numbers a sweep point
/// sees depend only on (root seed, point key, replicate) — never on thread count, scheduling or
/// sharding. Each block yields two `UInt64` values.
///
/// The stream is a small value type (40 bytes): copy it to fork, pass it `inout` to draw.
public struct RandomStream: RandomNumberGenerator, Sendable, Hashable {
    /// Lower key word.
    @usableFromInline var key0: UInt32
    /// Upper key word.
    @usableFromInline var key1: UInt32
    /// Replicate index (upper 64 bits of the counter).
    @usableFromInline var replicate: UInt64
    /// Index of the next block to compute (lower 64 bits of the counter).
    @usableFromInline var blockIndex: UInt64
    /// Second word of the current block, not yet returned.
    @usableFromInline var pending: UInt64
    /// Whether ``pending`` holds an unreturned word.
    @usableFromInline var hasPending: Bool

    /// Creates the stream of replicate `replicate` at sweep point `pointKey` under `rootSeed`.
    ///
    /// - Parameters:
    ///   - rootSeed: the study's root seed.
    ///   - pointKey: a stable textual key of the sweep point (its UTF-8 bytes are hashed).
    ///   - replicate: the replicate (or chunk) index within the point.
    @inlinable
    public init(rootSeed: UInt64, pointKey: String, replicate: UInt64) {
        self.init(
            key: StreamKeyDerivation.key(rootSeed: rootSeed, pointKeyBytes: pointKey.utf8),
            replicate: replicate)
    }

    /// Creates the stream of replicate `replicate` at the sweep point whose stable key is the byte
    /// sequence `pointKeyBytes`, under `rootSeed`.
    @inlinable
    public init(rootSeed: UInt64, pointKeyBytes: some Sequence<UInt8>, replicate: UInt64) {
        self.init(
            key: StreamKeyDerivation.key(rootSeed: rootSeed, pointKeyBytes: pointKeyBytes),
            replicate: replicate)
    }

    /// Creates a stream directly from a 64-bit Philox key and a replicate index.
    @inlinable
    public init(key: UInt64, replicate: UInt64) {
        key0 = UInt32(truncatingIfNeeded: key)
        key1 = UInt32(truncatingIfNeeded: key >> 32)
        self.replicate = replicate
        blockIndex = 0
        pending = 0
        hasPending = false
    }

    /// The 64-bit Philox key of this stream.
    @inlinable
    public var key: UInt64 { UInt64(key0) | (UInt64(key1) << 32) }

    /// An independent child stream (for example one per work chunk of a run), keyed by mixing this
    /// stream's key with `index`; its replicate index is this stream's. Children of equal index are
    /// equal; the parent's position does not matter.
    @inlinable
    public func child(_ index: UInt64) -> RandomStream {
        RandomStream(key: StreamKeyDerivation.childKey(parent: key, index: index), replicate: replicate)
    }

    /// Returns the next 64 random bits.
    @inlinable
    public mutating func next() -> UInt64 {
        if hasPending {
            hasPending = false
            return pending
        }
        let out = Philox4x32.block(
            counter: (
                UInt32(truncatingIfNeeded: blockIndex), UInt32(truncatingIfNeeded: blockIndex >> 32),
                UInt32(truncatingIfNeeded: replicate), UInt32(truncatingIfNeeded: replicate >> 32)
            ),
            key: (key0, key1))
        blockIndex &+= 1
        pending = UInt64(out.2) | (UInt64(out.3) << 32)
        hasPending = true
        return UInt64(out.0) | (UInt64(out.1) << 32)
    }

    /// Returns a uniform double in the open interval (0, 1): never 0 (safe for `log`) and never 1.
    ///
    /// Uses the top 52 bits: U = (⌊x / 2¹²⌋ + ½) · 2⁻⁵², every value exactly representable, so the
    /// range is [2⁻⁵³, 1 − 2⁻⁵³].
    @inlinable
    public mutating func nextUniform() -> Double {
        (Double(next() &>> 12) + 0.5) * 0x1p-52
    }
}
