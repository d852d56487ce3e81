import Foundation
import Testing
@testable import InterlinkCore

/// Known answers from FIPS 180-4's examples (NIST "SHA256.pdf" example values, and the
/// one-million-'a' vector from FIPS 180-2 Appendix B.3).
@Suite struct SHA256KnownAnswers {
    @Test func emptyMessage() {
        #expect(SHA256.hex(of: "") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test func oneBlockMessageABC() {
        #expect(SHA256.hex(of: "abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func twoBlockMessage() {
        let message = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
        #expect(SHA256.hex(of: message) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test func oneMillionA() {
        var hasher = SHA256()
        let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 1000)
        for _ in 0..<1000 { hasher.update(bytes: chunk) }
        #expect(hasher.hexDigest() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func dataUpdatesInUnevenSlicesMatchTheKnownAnswer() {
        let data = Data(repeating: UInt8(ascii: "a"), count: 1_000_000)
        var hasher = SHA256()
        var offset = 0
        var size = 1
        while offset < data.count {
            let end = min(data.count, offset + size)
            hasher.update(data: data[offset..<end])
            offset = end
            size = size * 3 % 1000 + 1
        }
        #expect(hasher.hexDigest() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// Padding edge: a 55-byte message fits length in one block, 56 bytes needs a second one.
    /// Both must equal a one-shot hash fed in odd-sized pieces (update splitting is invisible).
    @Test func incrementalUpdatesMatchOneShot() {
        for length in [55, 56, 63, 64, 65, 119, 120, 200] {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
            var oneShot = SHA256()
            oneShot.update(bytes: bytes)
            var pieces = SHA256()
            var offset = 0
            var size = 1
            while offset < bytes.count {
                let end = min(bytes.count, offset + size)
                pieces.update(bytes: bytes[offset..<end])
                offset = end
                size += 3
            }
            #expect(pieces.finalize() == oneShot.finalize(), "length \(length)")
        }
    }
}
