import Foundation

/// A bounded structural pass over a JSON text before any Foundation parser sees it: rejects a
/// document larger than a size limit, nested deeper than a depth limit, or with a key repeated
/// within one object (Foundation silently keeps one value; Python and jq keep the last), naming
/// the key path. The pass is a linear tokenizer with an explicit stack (no recursion), so it
/// cannot exhaust the call stack on input like `{"link":{"link":…`.
public enum JSONInputCheck {
    /// Largest accepted document, in bytes (1 MiB).
    public static let defaultMaximumBytes = 1 << 20
    /// Deepest accepted nesting of arrays and objects.
    public static let defaultMaximumDepth = 64

    /// A rejected document: the path of the offending key or value (`""` for the document) and why.
    public struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
        /// Path of the offending key (`link.armA.efficiency`, `points[3].value`), or `""`.
        public let path: String
        /// What is wrong.
        public let message: String
        /// `path: message`, or just the message for the document itself.
        public var description: String { path.isEmpty ? message : "\(path): \(message)" }
    }

    private enum Container {
        case object(keys: Set<String>, currentKey: String?)
        case array(index: Int)
    }

    /// Checks size, nesting depth and duplicate keys; syntax errors other than these are left to
    /// the real parser (the pass only tracks strings, brackets, colons and commas).
    public static func check(_ data: Data, maximumBytes: Int = defaultMaximumBytes,
                             maximumDepth: Int = defaultMaximumDepth) throws {
        guard data.count <= maximumBytes else {
            throw Problem(path: "", message: "document is \(data.count) bytes; the limit is \(maximumBytes) bytes (\(maximumBytes >> 20) MiB)")
        }
        let bytes = [UInt8](data)
        var stack: [Container] = []
        var expectingKey = false
        var i = 0
        func path() -> String {
            var text = ""
            for container in stack {
                switch container {
                case .object(_, let key?): text += text.isEmpty ? key : ".\(key)"
                case .object(_, nil): break
                case .array(let index): text += "[\(index)]"
                }
            }
            return text
        }
        while i < bytes.count {
            let byte = bytes[i]
            switch byte {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                guard stack.count < maximumDepth else {
                    throw Problem(path: CommandEcho.truncated(path()), message: "nested deeper than \(maximumDepth) levels")
                }
                stack.append(byte == UInt8(ascii: "{") ? .object(keys: [], currentKey: nil) : .array(index: 0))
                expectingKey = byte == UInt8(ascii: "{")
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if !stack.isEmpty { stack.removeLast() }
                expectingKey = false
            case UInt8(ascii: ","):
                if case .array(let index)? = stack.last {
                    stack[stack.count - 1] = .array(index: index + 1)
                } else if case .object? = stack.last {
                    expectingKey = true
                }
            case UInt8(ascii: "\""):
                var j = i + 1
                var raw: [UInt8] = []
                while j < bytes.count, bytes[j] != UInt8(ascii: "\"") {
                    if bytes[j] == UInt8(ascii: "\\"), j + 1 < bytes.count {
                        raw.append(bytes[j]); j += 1
                    }
                    raw.append(bytes[j]); j += 1
                }
                if expectingKey, case .object(var keys, _)? = stack.last {
                    let key = decodeKey(raw)
                    guard keys.insert(key).inserted else {
                        stack[stack.count - 1] = .object(keys: keys, currentKey: key)
                        throw Problem(path: CommandEcho.truncated(path()), message: "duplicate key \(CommandEcho.quoted(key)) (each key may appear once per object)")
                    }
                    stack[stack.count - 1] = .object(keys: keys, currentKey: key)
                    expectingKey = false
                }
                i = j
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: ":"):
                break
            default:
                var j = i
                while j < bytes.count, !delimiters.contains(bytes[j]) { j += 1 }
                let token = String(decoding: bytes[i..<j], as: UTF8.self)
                if let problem = literalProblem(token) {
                    throw Problem(path: CommandEcho.truncated(path()), message: problem)
                }
                i = j - 1
            }
            i += 1
        }
    }

    private static let delimiters: Set<UInt8> = Set(" \t\n\r,:[]{}\"".utf8)

    /// Why a bare token is not an acceptable JSON literal, or nil: `true`, `false`, `null`, or a
    /// number in JSON syntax that is finite as a Double (`1e999` and `NaN` are refused).
    static func literalProblem(_ token: String) -> String? {
        if ["true", "false", "null"].contains(token) { return nil }
        let quoted = CommandEcho.quoted(token, limit: 24)
        guard token.range(of: #"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$"#, options: .regularExpression) != nil else {
            return "\(quoted) is not a JSON value (numbers are finite decimals; NaN and Infinity are not JSON)"
        }
        guard let value = Double(token), value.isFinite else {
            return "\(quoted) is outside the range of a double-precision number (magnitude ≤ 1.8e308)"
        }
        return nil
    }

    /// The key's text with JSON escapes resolved (so `"a"` and `"\u0061"` are the same key).
    private static func decodeKey(_ raw: [UInt8]) -> String {
        let quoted = Data([UInt8(ascii: "\"")] + raw + [UInt8(ascii: "\"")])
        if let text = try? JSONDecoder().decode(String.self, from: quoted) { return text }
        return String(decoding: raw, as: UTF8.self)
    }
}
