import Foundation

/// SHA-256 message digest, implemented directly from FIPS 180-4 ("Secure Hash Standard",
/// NIST, 2015), section 6.2. Written here because CryptoKit is not available on Linux and the
/// package takes no cryptography dependency. Used for point keys, code fingerprints, cache keys
/// and the output-file hashes in `manifest.json`; it is not used for any security purpose.
public struct SHA256: Sendable {
    /// The round constants K0…K63 (FIPS 180-4 §4.2.2): the first 32 bits of the fractional parts
    /// of the cube roots of the first 64 primes.
    private static let roundConstants: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]

    /// The initial hash value H(0) (FIPS 180-4 §5.3.3): the first 32 bits of the fractional parts
    /// of the square roots of the first 8 primes.
    private var state: [UInt32] = [
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
    ]
    /// Bytes received but not yet compressed (always fewer than 64).
    private var buffer: [UInt8] = []
    /// Total message length in bytes so far.
    private var byteCount: UInt64 = 0

    /// Creates an empty hasher.
    public init() {
        buffer.reserveCapacity(64)
    }

    /// Feeds bytes into the hash.
    public mutating func update<Bytes: Sequence>(bytes: Bytes) where Bytes.Element == UInt8 {
        for byte in bytes {
            buffer.append(byte)
            byteCount &+= 1
            if buffer.count == 64 {
                compress(buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
    }

    /// Feeds the bytes of `data` into the hash; whole 64-byte blocks are compressed straight
    /// from the input.
    public mutating func update(data: Data) {
        var offset = data.startIndex
        while offset < data.endIndex, !buffer.isEmpty {
            update(bytes: CollectionOfOne(data[offset]))
            offset += 1
        }
        while data.endIndex - offset >= 64 {
            compress(Array(data[offset..<offset + 64]))
            byteCount &+= 64
            offset += 64
        }
        update(bytes: data[offset...])
    }

    /// Feeds the UTF-8 bytes of `string` into the hash.
    public mutating func update(string: String) {
        update(bytes: string.utf8)
    }

    /// Pads the message (FIPS 180-4 §5.1.1) and returns the 32-byte digest.
    public func finalize() -> [UInt8] {
        var copy = self
        let bitLength = byteCount &* 8
        var tail = copy.buffer
        tail.append(0x80)
        while tail.count % 64 != 56 { tail.append(0) }
        for shift in stride(from: 56, through: 0, by: -8) {
            tail.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift)))
        }
        var offset = 0
        while offset < tail.count {
            copy.compress(Array(tail[offset..<offset + 64]))
            offset += 64
        }
        var digest: [UInt8] = []
        digest.reserveCapacity(32)
        for word in copy.state {
            digest.append(UInt8(truncatingIfNeeded: word >> 24))
            digest.append(UInt8(truncatingIfNeeded: word >> 16))
            digest.append(UInt8(truncatingIfNeeded: word >> 8))
            digest.append(UInt8(truncatingIfNeeded: word))
        }
        return digest
    }

    /// The digest as 64 lowercase hexadecimal characters.
    public func hexDigest() -> String {
        SHA256.hex(finalize())
    }

    /// One-shot digest of `data`, as lowercase hexadecimal.
    public static func hex(of data: Data) -> String {
        var hasher = SHA256()
        hasher.update(data: data)
        return hasher.hexDigest()
    }

    /// One-shot digest of the UTF-8 bytes of `string`, as lowercase hexadecimal.
    public static func hex(of string: String) -> String {
        var hasher = SHA256()
        hasher.update(string: string)
        return hasher.hexDigest()
    }

    /// Lowercase hexadecimal spelling of `bytes`.
    public static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The compression function on one 512-bit block (FIPS 180-4 §6.2.2).
    private mutating func compress(_ block: [UInt8]) {
        var w = [UInt32](repeating: 0, count: 64)
        for t in 0..<16 {
            w[t] = UInt32(block[4 * t]) << 24 | UInt32(block[4 * t + 1]) << 16
                | UInt32(block[4 * t + 2]) << 8 | UInt32(block[4 * t + 3])
        }
        for t in 16..<64 {
            let s0 = rotr(w[t - 15], 7) ^ rotr(w[t - 15], 18) ^ (w[t - 15] >> 3)
            let s1 = rotr(w[t - 2], 17) ^ rotr(w[t - 2], 19) ^ (w[t - 2] >> 10)
            w[t] = w[t - 16] &+ s0 &+ w[t - 7] &+ s1
        }
        var a = state[0], b = state[1], c = state[2], d = state[3]
        var e = state[4], f = state[5], g = state[6], h = state[7]
        for t in 0..<64 {
            let bigSigma1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)
            let choose = (e & f) ^ (~e & g)
            let t1 = h &+ bigSigma1 &+ choose &+ SHA256.roundConstants[t] &+ w[t]
            let bigSigma0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)
            let majority = (a & b) ^ (a & c) ^ (b & c)
            let t2 = bigSigma0 &+ majority
            h = g
            g = f
            f = e
            e = d &+ t1
            d = c
            c = b
            b = a
            a = t1 &+ t2
        }
        state[0] &+= a
        state[1] &+= b
        state[2] &+= c
        state[3] &+= d
        state[4] &+= e
        state[5] &+= f
        state[6] &+= g
        state[7] &+= h
    }

    private func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 {
        (x >> n) | (x << (32 - n))
    }
}
