import InterlinkCore
import Foundation

extension KeyedDecodingContainer {
    /// Decodes an integer written as a JSON number, reporting a non-integral or out-of-range value as
    /// a type mismatch at the field's path (Foundation's own Int decoding loses the path).
    func decodeInteger(forKey key: Key) throws -> Int {
        let d = try decode(Double.self, forKey: key)
        guard d.isFinite, d == d.rounded(), abs(d) < 1e15 else {
            throw DecodingError.typeMismatch(Int.self, DecodingError.Context(
                codingPath: codingPath + [key], debugDescription: "expected an integer, found \(d)"))
        }
        return Int(d)
    }
}
