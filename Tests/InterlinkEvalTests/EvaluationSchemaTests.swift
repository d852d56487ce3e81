import Foundation
import InterlinkArchitecture
import InterlinkCore
import Testing
@testable import InterlinkEval
import InterlinkPhysics

/// `schema/eval.schema.json` against the Swift types it describes: its top-level alternatives are
/// exactly the document kinds `interlink eval` accepts; every field the types encode is in the schema
/// and every field the schema lists is one the types encode; required fields are the ones whose
/// absence the decoder refuses; enumerations list exactly the Swift cases and presets (numeric
/// ranges: ``EvaluationSchemaRangeTests``). `schema/bad-inputs.json` is the bad-input corpus of
/// ``EvaluationTests/badInputs`` (the Python package's tests check that the schema rejects it).
@Suite("schema/eval.schema.json follows the Swift types")
struct EvaluationSchemaTests {
    typealias Step = SchemaWalk.Step

    /// Walks an encoded value alongside `schema` (a property schema, resolved through `$ref`,
    /// `anyOf`/`oneOf` and array items): every key must be a property of the object schema that fits
    /// it best. Returns the (definition, key) pairs seen.
    @discardableResult
    static func checkKeys(_ value: Any, schema: Any?, path: String, definitions: [String: [String: Any]]) -> Set<String> {
        if let items = value as? [Any] {
            let itemSchema = SchemaWalk.itemSchema(schema, definitions: definitions)
            return items.enumerated().reduce(into: Set<String>()) {
                $0.formUnion(checkKeys($1.element, schema: itemSchema, path: "\(path)[\($1.offset)]", definitions: definitions))
            }
        }
        guard let object = value as? [String: Any] else { return [] }
        let candidates = SchemaWalk.objectSchemas(schema, definitions: definitions)
        func fit(_ c: (name: String, schema: [String: Any])) -> Int {
            object.keys.filter { ((c.schema["properties"] as? [String: Any]) ?? [:])[$0] != nil }.count
        }
        guard let best = candidates.max(by: { fit($0) < fit($1) }),
              let properties = best.schema["properties"] as? [String: Any] else {
            Issue.record("\(path): an object the Swift types encode, but the schema describes no object there")
            return []
        }
        var seen = Set<String>()
        for (key, nested) in object {
            let definition: String = best.name
            #expect(properties[key] != nil, "\(path).\(key) is encoded by the Swift types but missing from $defs/\(definition)")
            seen.insert("\(best.name.isEmpty ? "#" : best.name).\(key)")
            seen.formUnion(checkKeys(nested, schema: properties[key], path: "\(path).\(key)", definitions: definitions))
        }
        return seen
    }

    @Test("every preset arm, encoded by the Swift types, uses only schema fields")
    func presetsUseSchemaFields() throws {
        let definitions = try SchemaWalk.definitions
        for name in ModalityPreset.names {
            let arm = try SchemaWalk.encoded(try ModalityPreset.arm(named: name))
            Self.checkKeys(arm, schema: ["$ref": "#/$defs/arm"], path: name, definitions: definitions)
        }
    }

    @Test("the schema's top-level alternatives are exactly the document kinds interlink eval accepts")
    func topLevelAlternatives() throws {
        let schema = try SchemaWalk.schema
        let alternatives = try #require(schema["oneOf"] as? [[String: Any]])
        let required = alternatives.map { Set($0["required"] as? [String] ?? []) }
        // The architecture document's required keys: those whose removal the decoder refuses.
        let architecture = try #require(try SchemaWalk.encoded(try SchemaFixtures.fullArchitecture()) as? [String: Any])
        var architectureRequired = Set<String>()
        for key in architecture.keys where try Self.refused(ArchitectureDocument.self, architecture, missing: [.key(key)]) {
            architectureRequired.insert(key)
        }
        let kinds = EvaluationDocument.topLevelKeys.map { Set([$0]) } + [architectureRequired]
        #expect(Set(required) == Set(kinds) && required.count == kinds.count, "alternatives \(required), document kinds \(kinds)")
        let properties = try #require(schema["properties"] as? [String: Any])
        #expect(Set(properties.keys) == Set(EvaluationDocument.topLevelKeys).union(architecture.keys))
        #expect(schema["additionalProperties"] as? Bool == false)

        // Every example of `interlink eval --example-of` is accepted by the tool and falls in exactly
        // one alternative (its required keys present, none of its excluded keys); each alternative has one.
        func forbidden(_ alternative: [String: Any]) -> Set<String> {
            Set(((alternative["not"] as? [String: Any])?["anyOf"] as? [[String: Any]] ?? []).flatMap { $0["required"] as? [String] ?? [] })
        }
        var hit = Set<Int>()
        for (name, json) in Evaluation.examples {
            if Evaluation.isArchitectureDocument(json) {
                _ = try ArchitectureDocument.decode(json: json)
            } else {
                _ = try EvaluationDocument.decode(json: json)
            }
            let keys = Set(try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any]).keys)
            let matching = alternatives.indices.filter { required[$0].isSubset(of: keys) && forbidden(alternatives[$0]).isDisjoint(with: keys) }
            #expect(matching.count == 1, "example \(name) matches alternatives \(matching)")
            hit.formUnion(matching)
        }
        #expect(hit == Set(alternatives.indices), "alternatives without an example: \(Set(alternatives.indices).subtracting(hit))")
        // The alternatives exclude each other: every top-level key that is not part of one is excluded by it.
        for (n, alternative) in alternatives.enumerated() {
            let allowed = required[n] == architectureRequired ? required[n].union(architecture.keys) : required[n]
            #expect(forbidden(alternative) == Set(properties.keys).subtracting(allowed), "alternative \(required[n].sorted())")
        }
    }

    @Test("every field the Swift types encode, for every document kind, is in the schema, and every schema field is encoded")
    func everyEncodedFieldIsInTheSchema() throws {
        let schema = try SchemaWalk.schema
        let definitions = try SchemaWalk.definitions
        var payloads: [(String, Any)] = try SchemaFixtures.linkKindDocuments().map { ($0.kind, $0.payload) }
        let architecture = try SchemaFixtures.fullArchitecture()
        payloads.append(("architecture", architecture))
        for (kind, payload) in payloads {
            #expect(SchemaFixtures.unsetOptionals(payload, path: kind).isEmpty,
                    "the fixture leaves optionals unset, so their fields are not checked: \(SchemaFixtures.unsetOptionals(payload, path: kind))")
        }
        var seen = Set<String>()
        for (kind, document, _) in try SchemaFixtures.linkKindDocuments() {
            seen.formUnion(Self.checkKeys(try SchemaWalk.encoded(document), schema: schema, path: kind, definitions: definitions))
        }
        seen.formUnion(Self.checkKeys(try SchemaWalk.encoded(architecture), schema: schema, path: "architecture", definitions: definitions))
        // The other direction: every property of every definition the documents reach is encoded.
        let reached = Set(seen.map { String($0.split(separator: ".")[0]) })
        for name in reached.sorted() where !name.isEmpty {
            for key in ((definitions[name]?["properties"] as? [String: Any]) ?? [:]).keys.sorted() {
                #expect(seen.contains("\(name).\(key)"), "$defs/\(name).\(key) is in the schema but no Swift type encodes it")
            }
        }
        // Definitions not reached by a full document: the preset forms, whose fields mirror the full ones.
        for (name, definition) in definitions where name.hasSuffix("Override") {
            let full = String(name.dropLast("Override".count))
            let fields = Set(((definition["properties"] as? [String: Any]) ?? [:]).keys)
            #expect(fields == Set(((definitions[full]?["properties"] as? [String: Any]) ?? [:]).keys), "$defs/\(name) vs $defs/\(full)")
            #expect((definition["required"] as? [String] ?? []).isEmpty, "$defs/\(name) requires nothing: overrides are partial")
        }
        #expect(reached.isSuperset(of: Set(definitions.keys).filter { definitions[$0]?["properties"] != nil && !$0.hasSuffix("Override") && $0 != "presetArm" }),
                "object definitions no document reaches: \(Set(definitions.keys).subtracting(reached).sorted())")
    }

    /// Whether decoding `document` (Codable only, no validation) as `T` fails because the key at
    /// `path` is missing; false when it decodes. Any other failure is an error.
    static func refused<T: Decodable>(_ type: T.Type, _ document: Any, missing path: [Step]) throws -> Bool {
        let data = try SchemaWalk.data(SchemaWalk.setting(document, at: path, to: nil))
        do {
            _ = try JSONDecoder().decode(T.self, from: data)
            return false
        } catch DecodingError.keyNotFound(let key, let context) {
            let steps = (context.codingPath + [key]).map { $0.intValue.map(Step.index) ?? .key($0.stringValue) }
            guard SchemaWalk.render(steps) == SchemaWalk.render(path) else {
                throw SchemaWalkError("removing \(SchemaWalk.render(path)) made \(SchemaWalk.render(steps)) missing")
            }
            return true
        }
    }

    @Test("every required field of a full arm and of its node is refused by the decoder when missing; optional ones are not")
    func requiredFieldsMatchTheDecoder() throws {
        let definitions = try SchemaWalk.definitions
        let preset = try #require(try SchemaWalk.encoded(try ModalityPreset.arm(named: "ion.sr88.422")) as? [String: Any])
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

    @Test("in every object of every document kind, the schema requires exactly the fields the Swift decoder refuses to miss")
    func requiredFieldsOfEveryKind() throws {
        let definitions = try SchemaWalk.definitions
        let documents = try SchemaFixtures.linkKindDocuments()
        let link = try SchemaWalk.encoded(documents[0].document), repeater = try SchemaWalk.encoded(documents[1].document)
        let microwave = try SchemaWalk.encoded(documents[2].document), nodePhoton = try SchemaWalk.encoded(documents[3].document)
        let architecture = try SchemaWalk.encoded(try SchemaFixtures.fullArchitecture())
        let arm: [Step] = [.key("link"), .key("armA")]
        let cases: [(definition: String, document: Any, path: [Step], architecture: Bool)] = [
            ("link", link, [.key("link")], false), ("scheme", link, [.key("link"), .key("scheme")], false),
            ("purification", link, [.key("link"), .key("purification")], false),
            ("repeater", repeater, [.key("repeater")], false),
            ("arm", link, arm, false), ("node", link, arm + [.key("node")], false),
            ("photon", link, arm + [.key("node"), .key("photon")], false), ("memory", link, arm + [.key("node"), .key("memory")], false),
            ("operations", link, arm + [.key("node"), .key("operations")], false),
            ("spinPhoton", link, arm + [.key("node"), .key("spinPhoton")], false),
            ("transferStep", link, arm + [.key("node"), .key("transferSteps"), .index(0)], false),
            ("collection", link, arm + [.key("collection")], false), ("transducer", link, arm + [.key("transducer")], false),
            ("conversion", link, arm + [.key("conversion")], false), ("filter", link, arm + [.key("filter")], false),
            ("fiber", link, arm + [.key("fiber")], false), ("detector", link, arm + [.key("detector")], false),
            ("provenance", link, arm + [.key("provenance")], false),
            ("microwaveLink", microwave, [.key("microwaveLink")], false),
            ("nodePhotonLink", nodePhoton, [.key("nodePhotonLink")], false),
            ("absorbingMemory", nodePhoton, [.key("nodePhotonLink"), .key("memory")], false),
            ("machine", architecture, [.key("architecture")], true),
            ("module", architecture, [.key("architecture"), .key("modules"), .index(0)], true),
            ("machineLink", architecture, [.key("architecture"), .key("links"), .index(0)], true),
            ("switch", architecture, [.key("architecture"), .key("switches"), .index(0)], true),
            ("circuit", architecture, [.key("circuit")], true),
            ("circuitGenerator", architecture, [.key("circuit"), .key("generator")], true),
            ("execution", architecture, [.key("execution")], true),
            ("pairSupply", architecture, [.key("execution"), .key("pairs")], true),
        ]
        let objectDefinitions = Set(definitions.keys.filter { definitions[$0]?["properties"] != nil && !$0.hasSuffix("Override") && $0 != "presetArm" })
        #expect(Set(cases.map(\.definition)) == objectDefinitions, "definitions without a required-field check")
        for c in cases {
            let properties = try #require(definitions[c.definition]?["properties"] as? [String: Any], "\(c.definition)")
            let required = Set(definitions[c.definition]?["required"] as? [String] ?? [])
            for key in properties.keys.sorted() {
                let refused = c.architecture ? try Self.refused(ArchitectureDocument.self, c.document, missing: c.path + [.key(key)])
                                             : try Self.refused(EvaluationDocument.self, c.document, missing: c.path + [.key(key)])
                #expect(refused == required.contains(key),
                        "\(SchemaWalk.render(c.path + [.key(key)])): decoder \(refused ? "requires" : "accepts its absence"), $defs/\(c.definition) \(required.contains(key) ? "requires" : "does not require")")
            }
        }
    }

    @Test("enumerations list exactly the Swift cases and presets")
    func enumerations() throws {
        let definitions = try SchemaWalk.definitions
        func values(_ definition: String, _ property: String) -> [String] {
            SchemaWalk.enumeration((definitions[definition]?["properties"] as? [String: Any])?[property], definitions: definitions)
        }
        func cases<T: CaseIterable & RawRepresentable>(_ type: T.Type) -> [String] where T.RawValue == String {
            T.allCases.map(\.rawValue).sorted()
        }
        #expect(values("presetArm", "preset") == ModalityPreset.names.sorted())
        #expect(values("module", "preset") == ModalityPreset.names.sorted())
        #expect(values("node", "modality") == cases(Modality.self))
        #expect(values("detector", "kind") == cases(DetectorKind.self))
        #expect(values("purification", "protocol") == cases(PurificationProtocol.self))
        #expect(values("memory", "gaussianDephasingConvention") == cases(GaussianDephasingConvention.self))
        #expect(values("transferStep", "placement") == cases(NodeTransferStep.Placement.self))
        #expect(values("microwaveLink", "operation") == cases(MicrowaveLinkConfiguration.Operation.self))
        #expect(values("nodePhotonLink", "receiver") == cases(NodePhotonLinkConfiguration.Receiver.self))
        #expect(values("machineLink", "kind") == cases(LinkDescription.Kind.self))
        #expect(values("circuitGenerator", "name") == cases(CircuitGenerator.Name.self))
        #expect(values("execution", "strategy") == cases(RemoteStrategy.self))
        #expect(values("pairSupply", "policy") == cases(PairSupply.Policy.self))
        // A module's transducerEfficiency is refused (`then`: null) for exactly the presets without a transducer.
        let module = try #require(definitions["module"])
        let withoutTransducer = SchemaWalk.enumeration(((module["if"] as? [String: Any])?["properties"] as? [String: Any])?["preset"],
                                                       definitions: definitions)
        #expect(withoutTransducer == (try ModalityPreset.names.filter { try ModalityPreset.arm(named: $0).transducer == nil }).sorted())
        #expect(SchemaWalk.scalarSchema(((module["then"] as? [String: Any])?["properties"] as? [String: Any])?["transducerEfficiency"],
                                        definitions: definitions)?["type"] as? String == "null")
        for preset in withoutTransducer {
            var description = ModuleDescription(preset: preset, dataQubits: 1)
            description.transducerEfficiency = 0.5
            let error = try #require(throws: ParameterError.self, "\(preset) with a transducer efficiency") {
                try MachineModule(description, path: "architecture.modules[0]")
            }
            #expect(error.path == "architecture.modules[0].transducerEfficiency")
        }
        // HeraldingScheme.Kind is not CaseIterable: the exhaustive switch stops compiling when a case is added.
        func schemeName(_ kind: HeraldingScheme.Kind) -> String {
            switch kind {
            case .twoPhoton: return kind.rawValue
            case .singleClick: return kind.rawValue
            }
        }
        #expect(values("scheme", "kind") == [schemeName(.twoPhoton), schemeName(.singleClick)].sorted())
    }

    @Test("schema/bad-inputs.json is the bad-input corpus of the evaluator's tests")
    func corpusFileMatches() throws {
        let corpus = EvaluationTests.badInputs.map { ["name": $0.name, "document": $0.json, "path": $0.path] }
        let url = SchemaWalk.root.appendingPathComponent("schema/bad-inputs.json")
        if ProcessInfo.processInfo.environment["INTERLINK_WRITE_CORPUS"] == "1" {
            let data = try JSONSerialization.data(withJSONObject: corpus, options: [.prettyPrinted, .sortedKeys])
            try (data + Data("\n".utf8)).write(to: url)
        }
        let stored = try #require(try SchemaWalk.load("bad-inputs.json") as? [[String: String]])
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
