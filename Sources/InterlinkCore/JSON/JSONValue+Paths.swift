import Foundation

/// Paths into a JSON document, type names for messages, and the merge of overrides into a base.
extension JSONValue {
    /// JSON type name for messages.
    public var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "boolean"
        case .integer, .number: return "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }

    /// Recursive merge: objects merge key by key; any other override value replaces the base.
    public func merged(with override: JSONValue) -> JSONValue {
        guard case .object(var base) = self, case .object(let over) = override else { return override }
        for (k, v) in over {
            base[k] = base[k].map { $0.merged(with: v) } ?? v
        }
        return .object(base)
    }

    /// The value at a path of keys/indices, if present.
    public func value(at path: [JSONPathComponent]) -> JSONValue? {
        var cur = self
        for p in path {
            switch (p, cur) {
            case (.key(let k), .object(let o)):
                guard let n = o[k] else { return nil }
                cur = n
            case (.index(let i), .array(let a)):
                guard a.indices.contains(i) else { return nil }
                cur = a[i]
            default:
                return nil
            }
        }
        return cur
    }
}

/// One step of a parameter path.
public enum JSONPathComponent: Equatable, Sendable {
    case key(String)
    case index(Int)

    /// Renders `a.b[2].c`.
    public static func render(_ path: [JSONPathComponent]) -> String {
        var s = ""
        for p in path {
            switch p {
            case .key(let k): s += s.isEmpty ? k : ".\(k)"
            case .index(let i): s += "[\(i)]"
            }
        }
        return s
    }

    /// Converts Codable coding keys.
    public static func from(_ keys: [CodingKey]) -> [JSONPathComponent] {
        keys.map { k in k.intValue.map { .index($0) } ?? .key(k.stringValue) }
    }

    /// Parses a rendered path back (keys contain no dots or brackets in this schema).
    public static func parse(_ s: String) -> [JSONPathComponent] {
        var out: [JSONPathComponent] = []
        for part in s.split(separator: ".", omittingEmptySubsequences: true) {
            var name = Substring(part)
            var indices: [Int] = []
            while let open = name.lastIndex(of: "["), name.hasSuffix("]"),
                  let i = Int(name[name.index(after: open)..<name.index(before: name.endIndex)]) {
                indices.insert(i, at: 0)
                name = name[..<open]
            }
            if !name.isEmpty { out.append(.key(String(name))) }
            out += indices.map { .index($0) }
        }
        return out
    }
}
