import Foundation

/// A parsed JSON value, used to merge presets with overrides before typed decoding (internal).
enum JSONValue: Codable, Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() {
            self = .null
        } else if let b = try? c.decode(Bool.self) {
            self = .bool(b)
        } else if let d = try? c.decode(Double.self) {
            self = .number(d)
        } else if let s = try? c.decode(String.self) {
            self = .string(s)
        } else if let a = try? c.decode([JSONValue].self) {
            self = .array(a)
        } else if let o = try? c.decode([String: JSONValue].self) {
            self = .object(o)
        } else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "unsupported JSON value")
        }
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .null: try c.encodeNil()
        case .bool(let b): try c.encode(b)
        case .number(let d): try c.encode(d)
        case .string(let s): try c.encode(s)
        case .array(let a): try c.encode(a)
        case .object(let o): try c.encode(o)
        }
    }

    /// JSON type name for messages.
    var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "boolean"
        case .number: return "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }

    /// Recursive merge: objects merge key by key; any other override value replaces the base.
    func merged(with override: JSONValue) -> JSONValue {
        guard case .object(var base) = self, case .object(let over) = override else { return override }
        for (k, v) in over {
            base[k] = base[k].map { $0.merged(with: v) } ?? v
        }
        return .object(base)
    }

    /// The value at a path of keys/indices, if present.
    func value(at path: [PathComponent]) -> JSONValue? {
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
enum PathComponent: Equatable, Sendable {
    case key(String)
    case index(Int)

    /// Renders `a.b[2].c`.
    static func render(_ path: [PathComponent]) -> String {
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
    static func from(_ keys: [CodingKey]) -> [PathComponent] {
        keys.map { k in k.intValue.map { .index($0) } ?? .key(k.stringValue) }
    }

    /// Parses a rendered path back (keys contain no dots or brackets in this schema).
    static func parse(_ s: String) -> [PathComponent] {
        var out: [PathComponent] = []
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
