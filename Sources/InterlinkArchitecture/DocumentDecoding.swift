import Foundation
import InterlinkCore

/// Typed decoding of JSON values with every failure turned into a ``ParameterError`` naming the field
/// path (a prefix such as `architecture` plus the coding path), and unknown fields rejected.
public enum DocumentDecoding {
    /// Decodes `value` as `T`; errors name `path.<field>`.
    ///
    /// - Throws: ``ParameterError`` of kind `missingField`, `wrongType` or `unknownField`.
    public static func decode<T: Codable>(_ type: T.Type, from value: JSONValue, path: String) throws -> T {
        let decoded: T
        do {
            decoded = try JSONDecoder().decode(T.self, from: JSONEncoder().encode(value))
        } catch let error as DecodingError {
            throw mapped(error, prefix: path)
        }
        let echoed = try JSONValue(encoding: decoded)
        try checkUnknown(value, echoed: echoed, path: path)
        return decoded
    }

    /// Rejects a key of `input` that the decoded value does not carry (a misspelt or unknown field).
    static func checkUnknown(_ input: JSONValue, echoed: JSONValue, path: String) throws {
        switch (input, echoed) {
        case let (.object(fields), .object(known)):
            for key in fields.keys.sorted() {
                guard let value = fields[key] else { continue }
                if let k = known[key] {
                    try checkUnknown(value, echoed: k, path: join(path, key))
                } else if value != .null {
                    throw ParameterError(kind: .unknownField, path: join(path, key),
                                         message: "unknown field (not part of the schema)")
                }
            }
        case let (.array(items), .array(known)) where items.count == known.count:
            for (i, item) in items.enumerated() { try checkUnknown(item, echoed: known[i], path: "\(path)[\(i)]") }
        default:
            return
        }
    }

    private static func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    private static func render(_ prefix: String, _ keys: [CodingKey]) -> String {
        let rest = JSONPathComponent.render(JSONPathComponent.from(keys))
        if rest.isEmpty { return prefix }
        if prefix.isEmpty { return rest }
        return rest.hasPrefix("[") ? prefix + rest : "\(prefix).\(rest)"
    }

    /// The decoding error as a ``ParameterError`` at `prefix` + the coding path.
    static func mapped(_ error: DecodingError, prefix: String) -> ParameterError {
        switch error {
        case .keyNotFound(let key, let ctx):
            return ParameterError(kind: .missingField, path: render(prefix, ctx.codingPath + [key]),
                                  message: "required field is missing")
        case .typeMismatch(let type, let ctx):
            // The integer readers (`decodeInteger(forKey:)`, …) state the accepted range themselves.
            let message = ctx.debugDescription.hasPrefix("expected ") ? ctx.debugDescription : "expected a value of type \(type)"
            return ParameterError(kind: .wrongType, path: render(prefix, ctx.codingPath), message: message)
        case .valueNotFound(let type, let ctx):
            return ParameterError(kind: .wrongType, path: render(prefix, ctx.codingPath),
                                  message: "expected a value of type \(type), found null")
        case .dataCorrupted(let ctx):
            return ParameterError(kind: .wrongType, path: render(prefix, ctx.codingPath),
                                  message: "invalid value (\(ctx.debugDescription))")
        @unknown default:
            return ParameterError(kind: .invalidDocument, path: prefix, message: "\(error)")
        }
    }
}
