import Foundation

/// Reading `schema/eval.schema.json` in tests: its definitions, what a property schema points to
/// (`$ref`, through `anyOf`/`oneOf` and array `items`), numeric bounds, and editing a JSON document
/// (as `JSONSerialization` objects) at a path.
enum SchemaWalk {
    /// The repository root.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A file of `schema/` parsed by `JSONSerialization`.
    static func load(_ name: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(contentsOf: root.appendingPathComponent("schema/\(name)")))
    }

    /// The whole schema.
    static var schema: [String: Any] {
        get throws {
            guard let s = try load("eval.schema.json") as? [String: Any] else { throw SchemaWalkError("the schema is not an object") }
            return s
        }
    }

    /// `$defs` by name.
    static var definitions: [String: [String: Any]] {
        get throws {
            guard let d = try schema["$defs"] as? [String: [String: Any]] else { throw SchemaWalkError("the schema has no $defs") }
            return d
        }
    }

    /// The object schemas (those with `properties`) a property schema can stand for: itself, its
    /// `$ref` target, or the options of its `anyOf`/`oneOf`, followed through definitions that are only
    /// a choice of references (`armOrPreset`). Each comes with its definition name ("" when inline).
    static func objectSchemas(_ schema: Any?, definitions: [String: [String: Any]], name: String = "") -> [(name: String, schema: [String: Any])] {
        guard let object = schema as? [String: Any] else { return [] }
        if object["properties"] != nil { return [(name, object)] }
        if let ref = object["$ref"] as? String {
            let target = String(ref.split(separator: "/").last ?? "")
            return objectSchemas(definitions[target], definitions: definitions, name: target)
        }
        let options = (object["anyOf"] as? [Any] ?? []) + (object["oneOf"] as? [Any] ?? [])
        return options.flatMap { objectSchemas($0, definitions: definitions) }
    }

    /// The schema of the items of an array property (directly or inside `anyOf` with null).
    static func itemSchema(_ schema: Any?, definitions: [String: [String: Any]]) -> Any? {
        guard let object = schema as? [String: Any] else { return nil }
        if let items = object["items"] { return items }
        if let ref = object["$ref"] as? String {
            return itemSchema(definitions[String(ref.split(separator: "/").last ?? "")], definitions: definitions)
        }
        for option in object["anyOf"] as? [Any] ?? [] {
            if let items = itemSchema(option, definitions: definitions) { return items }
        }
        return nil
    }

    /// The non-null scalar schema of a property: itself, its `$ref` target, or the non-null option
    /// of an `anyOf`.
    static func scalarSchema(_ schema: Any?, definitions: [String: [String: Any]]) -> [String: Any]? {
        guard let object = schema as? [String: Any] else { return nil }
        if let ref = object["$ref"] as? String {
            return scalarSchema(definitions[String(ref.split(separator: "/").last ?? "")], definitions: definitions)
        }
        if let options = object["anyOf"] as? [Any] {
            return options.lazy.compactMap { scalarSchema($0, definitions: definitions) }.first { $0["type"] as? String != "null" }
        }
        return object
    }

    /// The enumeration of a property (through `$ref` and `anyOf`), sorted.
    static func enumeration(_ schema: Any?, definitions: [String: [String: Any]]) -> [String] {
        ((scalarSchema(schema, definitions: definitions)?["enum"] as? [String]) ?? []).sorted()
    }

    /// One step of a path into a JSON document.
    enum Step: CustomStringConvertible {
        case key(String)
        case index(Int)

        var description: String {
            switch self {
            case .key(let k): return ".\(k)"
            case .index(let i): return "[\(i)]"
            }
        }
    }

    /// The path as `interlink eval` names it (`link.armA.node.transferSteps[0]`).
    static func render(_ path: [Step]) -> String {
        let text = path.map(\.description).joined()
        return text.hasPrefix(".") ? String(text.dropFirst()) : text
    }

    /// The value at `path`.
    static func value(_ document: Any, at path: [Step]) -> Any? {
        guard let first = path.first else { return document }
        switch first {
        case .key(let k): return (document as? [String: Any])?[k].flatMap { value($0, at: Array(path.dropFirst())) }
        case .index(let i):
            guard let items = document as? [Any], items.indices.contains(i) else { return nil }
            return value(items[i], at: Array(path.dropFirst()))
        }
    }

    /// `document` with the value at `path` replaced (or added; `nil` removes a key).
    static func setting(_ document: Any, at path: [Step], to newValue: Any?) -> Any {
        guard let first = path.first else { return newValue ?? NSNull() }
        let rest = Array(path.dropFirst())
        switch first {
        case .key(let k):
            var object = document as? [String: Any] ?? [:]
            if rest.isEmpty, newValue == nil {
                object.removeValue(forKey: k)
            } else {
                object[k] = setting(object[k] ?? [String: Any](), at: rest, to: newValue)
            }
            return object
        case .index(let i):
            var items = document as? [Any] ?? []
            while items.count <= i { items.append([String: Any]()) }
            items[i] = setting(items[i], at: rest, to: newValue)
            return items
        }
    }

    /// JSON text of a document.
    static func data(_ document: Any) throws -> Data {
        try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys])
    }

    /// A Swift value as a `JSONSerialization` object (what its `Codable` conformance encodes).
    static func encoded<T: Encodable>(_ value: T) throws -> Any {
        try JSONSerialization.jsonObject(with: JSONEncoder().encode(value))
    }
}

/// A malformed schema file.
struct SchemaWalkError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
