import InterlinkCore
import Foundation

extension KeyedDecodingContainer {
    /// Decodes an integer written as a JSON number, reporting a non-integral or out-of-range value as
    /// a type mismatch at the field's path (Foundation's own Int decoding loses the path).
    public func decodeInteger(forKey key: Key) throws -> Int {
        try Self.integer(Self.number { try decode(Double.self, forKey: key) }, minimum: -maximumIntegerMagnitude,
                         at: codingPath + [key])
    }

    /// ``decodeInteger(forKey:)`` for an optional field (absent or `null` gives nil).
    public func decodeIntegerIfPresent(forKey key: Key) throws -> Int? {
        guard let d = try Self.number({ try decodeIfPresent(Double.self, forKey: key) }) else { return nil }
        return try Self.integer(d, minimum: -maximumIntegerMagnitude, at: codingPath + [key])
    }

    /// A non-negative integer (a seed) from a JSON number, for an optional field.
    public func decodeSeedIfPresent(forKey key: Key) throws -> UInt64? {
        guard let d = try Self.number({ try decodeIfPresent(Double.self, forKey: key) }, minimum: 0) else { return nil }
        return UInt64(try Self.integer(d, minimum: 0, at: codingPath + [key]))
    }

    /// An array of integers from JSON numbers; a bad element is named by its index (`modules[2]`).
    public func decodeIntegers(forKey key: Key) throws -> [Int] {
        var items = try nestedUnkeyedContainer(forKey: key)
        var out: [Int] = []
        while !items.isAtEnd {
            let index = IndexKey(intValue: items.currentIndex)
            let d = try Self.number { try items.decode(Double.self) }
            out.append(try Self.integer(d, minimum: -maximumIntegerMagnitude, at: codingPath + [key, index]))
        }
        return out
    }

    /// ``decodeIntegers(forKey:)`` for an optional field (absent or `null` gives nil).
    public func decodeIntegersIfPresent(forKey key: Key) throws -> [Int]? {
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        return try decodeIntegers(forKey: key)
    }

    /// The number `read` returns; a string, boolean, object, array or `null` where a number belongs is
    /// reported as a type mismatch that states the accepted integers.
    private static func number<T>(_ read: () throws -> T, minimum: Int = -maximumIntegerMagnitude) throws -> T {
        do {
            return try read()
        } catch DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context) {
            throw DecodingError.typeMismatch(Int.self, DecodingError.Context(
                codingPath: context.codingPath,
                debugDescription: "expected an integer in [\(minimum), \(maximumIntegerMagnitude)], found \(Self.found(context))"))
        }
    }

    /// What Foundation found instead of a number ("a string", "null", …), from its description.
    private static func found(_ context: DecodingError.Context) -> String {
        let text = context.debugDescription
        guard let range = text.range(of: "found ") else { return "null" }
        let what = String(text[range.upperBound...]).replacingOccurrences(of: " instead", with: "")
            .trimmingCharacters(in: CharacterSet(charactersIn: "."))
        return ["null value": "null", "bool": "a boolean", "a dictionary": "an object"][what] ?? what
    }

    /// `d` as an integer in `minimum ... maximumIntegerMagnitude`, or a type mismatch naming the range.
    private static func integer(_ d: Double, minimum: Int, at path: [CodingKey]) throws -> Int {
        guard d.isFinite, d == d.rounded(), d >= Double(minimum), d <= Double(maximumIntegerMagnitude) else {
            throw DecodingError.typeMismatch(Int.self, DecodingError.Context(
                codingPath: path,
                debugDescription: "expected an integer in [\(minimum), \(maximumIntegerMagnitude)], found \(Validate.format(d))"))
        }
        return Int(d)
    }
}

/// Largest magnitude of an integer read from a JSON number (below 2⁵³, so every accepted value is
/// exact as a double).
private let maximumIntegerMagnitude = 999_999_999_999_999

/// The coding key of an array element (its index).
private struct IndexKey: CodingKey {
    let intValue: Int?
    var stringValue: String { "\(intValue ?? 0)" }
    init(intValue: Int) { self.intValue = intValue }
    init?(stringValue: String) { nil }
}
