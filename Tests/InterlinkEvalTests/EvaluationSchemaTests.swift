import Foundation
import InterlinkCore
import Testing
@testable import InterlinkEval
import InterlinkPhysics

/// `schema/eval.schema.json` against the Swift types it describes: every field the types encode is
/// in the schema and every field the schema lists is one the decoder knows; required fields are the
/// ones whose absence the decoder refuses; enumerations list exactly the Swift cases and presets.
/// `schema/bad-inputs.json` is the bad-input corpus of ``EvaluationTests/badInputs`` (the Python
/// package's tests check that the schema rejects it).
@Suite("schema/eval.schema.json follows the Swift types")
struct EvaluationSchemaTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func load(_ name: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(contentsOf: root.appendingPathComponent("schema/\(name)")))
    }

    static var definitions: [String: [String: Any]] {
        get throws { try #require((try load("eval.schema.json") as? [String: Any])?["$defs"] as? [String: [String: Any]]) }
    }

    /// The definition a property schema points to (`$ref`, possibly inside `anyOf` with null).
    static func reference(_ property: Any?) -> String? {
        guard let object = property as? [String: Any] else { return nil }
        if let ref = object["$ref"] as? String { return String(ref.split(separator: "/").last ?? "") }
        for option in object["anyOf"] as? [[String: Any]] ?? [] {
            if let ref = option["$ref"] as? String { return String(ref.split(separator: "/").last ?? "") }
        }
        return nil
    }

    /// Walks an encoded value alongside definition `name`: every key must be a schema property, and
    /// nested objects follow their property's reference.
    static func checkKeys(_ value: Any, definition name: String, path: String, definitions: [String: [String: Any]]) {
        guard let object = value as? [String: Any], let definition = definitions[name],
              let properties = definition["properties"] as? [String: Any] else { return }
        for (key, nested) in object {
            #expect(properties[key] != nil, "\(path).\(key) is encoded by the Swift types but missing from $defs/\(name)")
            if let target = reference(properties[key]), definitions[target]?["properties"] != nil {
                checkKeys(nested, definition: target, path: "\(path).\(key)", definitions: definitions)
            }
        }
    }

    @Test("every preset arm, encoded by the Swift types, uses only schema fields")
    func presetsUseSchemaFields() throws {
        let definitions = try Self.definitions
        for name in ModalityPreset.names {
            let arm = try JSONSerialization.jsonObject(with: JSONEncoder().encode(try ModalityPreset.arm(named: name)))
            Self.checkKeys(arm, definition: "arm", path: name, definitions: definitions)
        }
    }

    @Test("every required field of a full arm and of its node is refused by the decoder when missing; optional ones are not")
    func requiredFieldsMatchTheDecoder() throws {
        let definitions = try Self.definitions
        let preset = try #require(try JSONSerialization.jsonObject(
            with: JSONEncoder().encode(try ModalityPreset.arm(named: "ion.sr88.422"))) as? [String: Any])
        for (definition, container) in [("arm", [String]()), ("node", ["node"])] {
            let properties = try #require(definitions[definition]?["properties"] as? [String: Any])
            let required = Set(definitions[definition]?["required"] as? [String] ?? [])
            for key in properties.keys.sorted() {
                var arm = preset
                if container.isEmpty {
                    arm.removeValue(forKey: key)
                } else {
                    var node = try #require(arm["node"] as? [String: Any])
                    node.removeValue(forKey: key)
                    arm["node"] = node
                }
                let link: [String: Any] = ["scheme": ["kind": "twoPhoton"], "armA": arm, "armB": ["preset": "ion.sr88.422"], "residualVisibility": 0.9]
                let data = try JSONSerialization.data(withJSONObject: ["link": link])
                let field = (["link", "armA"] + container + [key]).joined(separator: ".")
                do {
                    _ = try EvaluationDocument.decode(json: data)
                    #expect(!required.contains(key), "\(field): the schema requires it, the decoder accepts its absence")
                } catch let error as ParameterError where error.kind == .missingField && error.path == field {
                    #expect(required.contains(key), "\(field): the decoder requires it, the schema does not")
                }
            }
        }
    }

    @Test("enumerations list exactly the Swift cases and presets")
    func enumerations() throws {
        let definitions = try Self.definitions
        func values(_ definition: String, _ property: String) -> [String] {
            let schema = (definitions[definition]?["properties"] as? [String: Any])?[property] as? [String: Any]
            let direct = schema?["enum"] as? [String]
            let nested = (schema?["anyOf"] as? [[String: Any]])?.compactMap { $0["enum"] as? [String] }.first
            return (direct ?? nested ?? []).sorted()
        }
        #expect(values("presetArm", "preset") == ModalityPreset.names.sorted())
        #expect(values("node", "modality") == Modality.allCases.map(\.rawValue).sorted())
        #expect(values("detector", "kind") == DetectorKind.allCases.map(\.rawValue).sorted())
        #expect(values("purification", "protocol") == PurificationProtocol.allCases.map(\.rawValue).sorted())
        #expect(values("memory", "gaussianDephasingConvention") == GaussianDephasingConvention.allCases.map(\.rawValue).sorted())
        for kind in values("scheme", "kind") { #expect(HeraldingScheme.Kind(rawValue: kind) != nil, "\(kind)") }
    }

    @Test("schema/bad-inputs.json is the bad-input corpus of the evaluator's tests")
    func corpusFileMatches() throws {
        let corpus = EvaluationTests.badInputs.map { ["name": $0.name, "document": $0.json, "path": $0.path] }
        let url = Self.root.appendingPathComponent("schema/bad-inputs.json")
        if ProcessInfo.processInfo.environment["INTERLINK_WRITE_CORPUS"] == "1" {
            let data = try JSONSerialization.data(withJSONObject: corpus, options: [.prettyPrinted, .sortedKeys])
            try (data + Data("\n".utf8)).write(to: url)
        }
        let stored = try #require(try Self.load("bad-inputs.json") as? [[String: String]])
        #expect(stored == corpus)
    }
}

/// Issue 17: one spelling of non-finite numbers in every JSON output.
@Suite("non-finite numbers in eval output")
struct NonFiniteNumberTests {
    @Test("±∞ and NaN encode as the strings of JSONValue, and decode back")
    func spelling() throws {
        let values = [FiniteNumber(.infinity), FiniteNumber(-.infinity), FiniteNumber(.nan), FiniteNumber(2.5)]
        let text = String(decoding: try JSONEncoder().encode(values), as: UTF8.self)
        #expect(text == #"["Infinity","-Infinity","NaN",2.5]"#)
        #expect(try JSONDecoder().decode([FiniteNumber].self, from: Data(text.utf8)) == values)
        #expect(JSONValue.array([.number(.infinity), .number(-.infinity), .number(.nan)]).canonicalText == #"["Infinity","-Infinity","NaN"]"#)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(FiniteNumber.self, from: Data(#""inf""#.utf8)) }
    }
}
