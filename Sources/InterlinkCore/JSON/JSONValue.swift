import Foundation

/// A JSON document as a value, with one canonical spelling: object keys sorted by their UTF-8
/// bytes, no insignificant whitespace unless pretty-printed, integral numbers within ±2⁵³ as
/// integers (`1`, never `1.0`), other numbers in Swift's shortest round-trip form (`"\(x)"`), non-finite numbers as the strings `"NaN"`, `"Infinity"`,
/// `"-Infinity"`. Point keys hash this spelling and every JSON output file uses it, so the same
/// value always gives the same bytes.
public enum JSONValue: Sendable, Hashable, Codable {
    /// `null`.
    case null
    /// `true` / `false`.
    case bool(Bool)
    /// An integer that fits in 64 bits.
    case integer(Int64)
    /// Any other number.
    case number(Double)
    /// A string.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object (keys are sorted when written).
    case object([String: JSONValue])

    /// Encodes `value` with `JSONEncoder` and reads the result back as a `JSONValue`.
    /// A non-finite `Double` inside `value` throws `EncodingError` naming its coding path.
    public init<Value: Encodable>(encoding value: Value) throws {
        let data = try JSONEncoder().encode(value)
        self = try JSONDecoder().decode(JSONValue.self, from: data)
    }

    /// Decodes any JSON value.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let bool = try? container.decode(Bool.self) {
            self = .bool(bool)
        } else if let integer = try? container.decode(Int64.self) {
            self = .integer(integer)
        } else if let number = try? container.decode(Double.self) {
            // Integral values within ±2⁵³ are integers whichever way the encoder spelled them
            // (`1`, `1.0`, `1e0`), so the canonical text does not depend on Foundation's choice.
            if number.rounded() == number, abs(number) <= 0x1p53 {
                self = .integer(Int64(number))
            } else {
                self = .number(number)
            }
        } else if let string = try? container.decode(String.self) {
            self = .string(string)
        } else if let array = try? container.decode([JSONValue].self) {
            self = .array(array)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    /// Encodes the value (used when a `JSONValue` sits inside another `Codable` type).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }

    /// Decodes a canonical (or any) JSON text.
    public init(parsing data: Data) throws {
        self = try JSONDecoder().decode(JSONValue.self, from: data)
    }

    /// The canonical compact spelling.
    public var canonicalText: String {
        var out = ""
        write(into: &out, indent: nil, level: 0)
        return out
    }

    /// The canonical spelling indented by two spaces per level, ending in a newline; used for
    /// output files people read (`manifest.json`, `results.json`).
    public var prettyText: String {
        var out = ""
        write(into: &out, indent: "  ", level: 0)
        out += "\n"
        return out
    }

    /// Leaf values keyed by their dotted path (`link.armA.efficiency`, arrays as `list.0`),
    /// in sorted path order. Scalars at the top level have the empty path.
    public func flattened(prefix: String = "") -> [(path: String, value: JSONValue)] {
        switch self {
        case .object(let members):
            if members.isEmpty { return [(prefix, self)] }
            return members.keys.sorted(by: JSONValue.byteOrder).flatMap { key in
                members[key, default: .null].flattened(prefix: prefix.isEmpty ? key : prefix + "." + key)
            }
        case .array(let elements):
            if elements.isEmpty { return [(prefix, self)] }
            return elements.enumerated().flatMap { index, element in
                element.flattened(prefix: prefix.isEmpty ? "\(index)" : prefix + ".\(index)")
            }
        default:
            return [(prefix, self)]
        }
    }

    /// The value as plain text for a table cell: numbers in shortest round-trip form, strings
    /// unquoted, compound values in canonical JSON.
    public var cellText: String {
        switch self {
        case .null: return ""
        case .bool(let value): return value ? "true" : "false"
        case .integer(let value): return "\(value)"
        case .number(let value): return JSONValue.numberText(value)
        case .string(let value): return value
        case .array, .object: return canonicalText
        }
    }

    /// The value as a `Double` when it is a number (or an integer).
    public var doubleValue: Double? {
        switch self {
        case .integer(let value): return Double(value)
        case .number(let value): return value
        default: return nil
        }
    }

    /// Shortest round-trip decimal spelling of a double (`"\(x)"`), with `NaN`, `Infinity`,
    /// `-Infinity` for the non-finite values.
    public static func numberText(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Infinity" : "Infinity" }
        return "\(value)"
    }

    /// Sort order for object keys: by UTF-8 bytes, independent of locale.
    public static func byteOrder(_ lhs: String, _ rhs: String) -> Bool {
        lhs.utf8.lexicographicallyPrecedes(rhs.utf8)
    }

    private func write(into out: inout String, indent: String?, level: Int) {
        switch self {
        case .null: out += "null"
        case .bool(let value): out += value ? "true" : "false"
        case .integer(let value): out += "\(value)"
        case .number(let value):
            if value.isFinite { out += "\(value)" } else { JSONValue.writeString(JSONValue.numberText(value), into: &out) }
        case .string(let value): JSONValue.writeString(value, into: &out)
        case .array(let elements):
            if elements.isEmpty { out += "[]"; return }
            out += "["
            for (index, element) in elements.enumerated() {
                if index > 0 { out += "," }
                newline(into: &out, indent: indent, level: level + 1)
                element.write(into: &out, indent: indent, level: level + 1)
            }
            newline(into: &out, indent: indent, level: level)
            out += "]"
        case .object(let members):
            if members.isEmpty { out += "{}"; return }
            out += "{"
            for (index, key) in members.keys.sorted(by: JSONValue.byteOrder).enumerated() {
                if index > 0 { out += "," }
                newline(into: &out, indent: indent, level: level + 1)
                JSONValue.writeString(key, into: &out)
                out += indent == nil ? ":" : ": "
                members[key, default: .null].write(into: &out, indent: indent, level: level + 1)
            }
            newline(into: &out, indent: indent, level: level)
            out += "}"
        }
    }

    private func newline(into out: inout String, indent: String?, level: Int) {
        guard let indent else { return }
        out += "\n"
        out += String(repeating: indent, count: level)
    }

    private static func writeString(_ string: String, into out: inout String) {
        out += "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
