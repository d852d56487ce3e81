import Foundation
import InterlinkArchitecture
import InterlinkCore
import Testing
@testable import InterlinkEval
import InterlinkPhysics

/// The numeric ranges of `schema/eval.schema.json` are the ranges `interlink eval` enforces: for every
/// bounded number of every document kind, a value at the bound (or just inside an exclusive one) is
/// accepted by the Swift decoder and validation, and a value just outside is refused with an error
/// naming that field. Fields whose range depends on other fields (wavelengths that must match the
/// arriving photon or lie in the next stage's band, seeds) are listed with the reason.
@Suite("schema/eval.schema.json ranges are the Swift validation's")
struct EvaluationSchemaRangeTests {
    typealias Step = SchemaWalk.Step

    /// One object of a valid document whose numeric properties are probed.
    struct Probe {
        /// Definition name (for messages and the coverage check).
        let definition: String
        /// The properties whose bounds are probed (a definition's, or those of an `if`/`then` branch).
        let properties: [String: Any]
        /// A valid document.
        let document: Any
        /// Where the object sits in it.
        let path: [Step]
        /// Checks a document as `interlink eval` does (without running it).
        let check: @Sendable (Data) throws -> Void
        /// Only these properties (all when nil).
        var only: Set<String>? = nil
    }

    /// Fields not probed, with the reason.
    static let relations: [String: String] = [
        "photon.wavelengthNm": "its band is the next stage's (transducer input, converter input, or fiber and detector)",
        "transducer.inputWavelengthNm": "must match the arriving photon within 0.1 %",
        "conversion.inputWavelengthNm": "must match the arriving photon within 0.1 %",
        "absorbingMemory.acceptedWavelengthNm": "must match the arriving photon within 0.1 %",
        "execution.seed": "any UInt64; a JSON number above 2^53 reaches the decoder rounded to a double",
        "circuitGenerator.seed": "any UInt64; a JSON number above 2^53 reaches the decoder rounded to a double",
        "execution.placement": "module indices are checked against the machine when the circuit is placed",
    ]

    /// Link-kind documents: decoding and validation (`EvaluationDocument.decode`).
    static let linkCheck: @Sendable (Data) throws -> Void = { _ = try EvaluationDocument.decode(json: $0) }

    /// Architecture documents: decoding, execution options, the machine (its links' physics) and the circuit.
    static let architectureCheck: @Sendable (Data) throws -> Void = { data in
        let document = try ArchitectureDocument.decode(json: data)
        try (document.execution ?? ExecutionOptions()).validate(at: "execution")
        _ = try Machine(document.architecture, path: "architecture")
        _ = try document.circuit.circuit(path: "circuit")
    }

    /// An arm whose every stage is present and whose wavelengths leave the probed fields their own
    /// range: transducer → converter (no stated input) → filter → fiber with its own attenuation.
    static func probeArm() throws -> Any {
        var arm = try SchemaFixtures.fullArm()
        arm.conversion?.inputWavelengthNm = nil
        arm.transducer?.inputWavelengthNm = nil
        arm.node.memory = MemoryParameters()
        return try SchemaWalk.encoded(arm)
    }

    static func probes() throws -> [Probe] {
        let definitions = try SchemaWalk.definitions
        func properties(_ name: String) -> [String: Any] { definitions[name]?["properties"] as? [String: Any] ?? [:] }
        let arm = try probeArm()
        let link: [String: Any] = ["scheme": ["kind": "twoPhoton"], "armA": arm, "armB": arm, "residualVisibility": 0.9,
                                   "detuningMHz": 0, "purification": ["protocol": "dejmps", "rounds": 1]]
        let linkDocument: [String: Any] = ["link": link]
        let singleClick = SchemaWalk.setting(linkDocument, at: [.key("link"), .key("scheme")],
                                             to: ["kind": "singleClick", "brightStatePopulation": 0.1, "brightStatePopulationB": 0.1, "phaseStability": 0.9])
        let singleClickThen = (definitions["scheme"]?["then"] as? [String: Any])?["properties"] as? [String: Any] ?? [:]
        let microwave = try #require(try SchemaWalk.encoded(SchemaFixtures.linkKindDocuments()[2].document) as? [String: Any])
        let microwaveDocument = SchemaWalk.setting(microwave, at: [.key("microwaveLink"), .key("memoryA")], to: [String: Any]())
        let nodePhoton: [String: Any] = ["nodePhotonLink": ["receiver": "absorbingMemory", "arm": arm,
                                                            "memory": ["absorptionEfficiency": 0.5, "storageFidelity": 0.9, "memory": [String: Any]()]]]
        let a: [Step] = [.key("link"), .key("armA")]
        var probes: [Probe] = [
            Probe(definition: "link", properties: properties("link"), document: linkDocument, path: [.key("link")], check: linkCheck),
            Probe(definition: "scheme", properties: properties("scheme"), document: linkDocument, path: [.key("link"), .key("scheme")], check: linkCheck),
            Probe(definition: "scheme", properties: singleClickThen, document: singleClick, path: [.key("link"), .key("scheme")], check: linkCheck),
            Probe(definition: "purification", properties: properties("purification"), document: linkDocument,
                  path: [.key("link"), .key("purification")], check: linkCheck),
            Probe(definition: "repeater", properties: properties("repeater"), document: ["repeater": ["linkA": link, "linkB": link, "cutoffSeconds": 1]],
                  path: [.key("repeater")], check: linkCheck),
            Probe(definition: "microwaveLink", properties: properties("microwaveLink"), document: microwaveDocument,
                  path: [.key("microwaveLink")], check: linkCheck),
            Probe(definition: "memory", properties: properties("memory"), document: microwaveDocument,
                  path: [.key("microwaveLink"), .key("memoryA")], check: linkCheck),
            Probe(definition: "absorbingMemory", properties: properties("absorbingMemory"), document: nodePhoton,
                  path: [.key("nodePhotonLink"), .key("memory")], check: linkCheck),
        ]
        for (name, path) in [("arm", a), ("node", a + [.key("node")]), ("photon", a + [.key("node"), .key("photon")]),
                             ("operations", a + [.key("node"), .key("operations")]), ("spinPhoton", a + [.key("node"), .key("spinPhoton")]),
                             ("transferStep", a + [.key("node"), .key("transferSteps"), .index(0)]), ("collection", a + [.key("collection")]),
                             ("transducer", a + [.key("transducer")]), ("conversion", a + [.key("conversion")]), ("filter", a + [.key("filter")]),
                             ("fiber", a + [.key("fiber")]), ("detector", a + [.key("detector")])] as [(String, [Step])] {
            probes.append(Probe(definition: name, properties: properties(name), document: linkDocument, path: path, check: linkCheck))
        }

        // Architecture: the example, with a transmon module 4 joined by an abstract link only (so that its
        // transducer efficiency may be 0) and given T1 ≫ T2 (so that either can be probed alone), a
        // photonic link, and a buffered pair supply.
        var architecture = try #require(try JSONSerialization.jsonObject(with: Evaluation.architectureExampleJSON) as? [String: Any])
        let modules: [Step] = [.key("architecture"), .key("modules")]
        architecture = try #require(SchemaWalk.setting(architecture, at: modules + [.index(4)],
                                                       to: ["name": "sc-probe", "preset": "transmon.transducer.eo", "dataQubits": 1,
                                                            "transducerEfficiency": 0.5, "t1Seconds": 1e12, "t2Seconds": 1e-12]) as? [String: Any])
        let links: [[String: Any]] = [
            ["modules": [0, 4], "kind": "abstract", "successProbability": 0.5, "attemptSeconds": 1e-6, "pairFidelity": 0.9,
             "analysers": 1, "classicalLatencySeconds": 0],
            ["modules": [0, 2], "kind": "photonic", "lengthKm": 0.01, "residualVisibility": 0.95],
        ]
        architecture = try #require(SchemaWalk.setting(architecture, at: [.key("architecture"), .key("links")], to: links) as? [String: Any])
        architecture = try #require(SchemaWalk.setting(architecture, at: [.key("execution"), .key("pairs")],
                                                       to: ["policy": "buffered", "depth": 1, "cutoffSeconds": 0.01]) as? [String: Any])
        let generator: [Step] = [.key("circuit"), .key("generator")]
        func withGenerator(_ g: [String: Any]) -> Any { SchemaWalk.setting(architecture, at: generator, to: g) }
        let branches = (definitions["circuitGenerator"]?["allOf"] as? [[String: Any]] ?? []).map { branch in
            (name: ((branch["if"] as? [String: Any])?["properties"] as? [String: [String: Any]])?["name"]?["const"] as? String ?? "",
             properties: (branch["then"] as? [String: Any])?["properties"] as? [String: Any] ?? [:])
        }
        let generatorBases: [String: [String: Any]] = ["grover": ["name": "grover", "qubits": 4, "marked": 0],
                                                       "qft": ["name": "qft", "qubits": 4], "random": ["name": "random", "qubits": 4, "layers": 1]]
        probes += [
            Probe(definition: "module", properties: properties("module"), document: architecture,
                  path: modules + [.index(4)], check: architectureCheck),
            Probe(definition: "machineLink", properties: properties("machineLink"), document: architecture,
                  path: [.key("architecture"), .key("links"), .index(0)], check: architectureCheck,
                  only: ["modules", "successProbability", "attemptSeconds", "pairFidelity", "analysers", "classicalLatencySeconds"]),
            Probe(definition: "machineLink", properties: properties("machineLink"), document: architecture,
                  path: [.key("architecture"), .key("links"), .index(1)], check: architectureCheck, only: ["lengthKm", "residualVisibility"]),
            Probe(definition: "switch", properties: properties("switch"), document: architecture,
                  path: [.key("architecture"), .key("switches"), .index(0)], check: architectureCheck),
            Probe(definition: "execution", properties: properties("execution"), document: architecture, path: [.key("execution")], check: architectureCheck),
            Probe(definition: "pairSupply", properties: properties("pairSupply"), document: architecture,
                  path: [.key("execution"), .key("pairs")], check: architectureCheck),
            Probe(definition: "circuitGenerator", properties: properties("circuitGenerator"), document: withGenerator(["name": "ghz", "qubits": 4]),
                  path: generator, check: architectureCheck),
        ]
        for branch in branches {
            let base = try #require(generatorBases[branch.name], "a probe base for the \(branch.name) branch")
            probes.append(Probe(definition: "circuitGenerator", properties: branch.properties, document: withGenerator(base),
                                path: generator, check: architectureCheck))
        }
        return probes
    }

    /// A bound of a numeric schema: the value, whether it is a maximum, whether it is inclusive.
    struct Bound {
        let value: Double
        let isMaximum: Bool
        let inclusive: Bool
    }

    /// The numeric schema of a property (or of its items) and its bounds.
    static func bounds(_ property: Any?, definitions: [String: [String: Any]]) -> (bounds: [Bound], integer: Bool, array: Bool) {
        var scalar = SchemaWalk.scalarSchema(property, definitions: definitions)
        var array = false
        if scalar?["type"] as? String == "array" {
            scalar = SchemaWalk.scalarSchema(SchemaWalk.itemSchema(property, definitions: definitions), definitions: definitions)
            array = true
        }
        guard let s = scalar else { return ([], false, array) }
        func number(_ key: String) -> Double? { (s[key] as? NSNumber)?.doubleValue }
        var out: [Bound] = []
        if let v = number("minimum") { out.append(Bound(value: v, isMaximum: false, inclusive: true)) }
        if let v = number("exclusiveMinimum") { out.append(Bound(value: v, isMaximum: false, inclusive: false)) }
        if let v = number("maximum") { out.append(Bound(value: v, isMaximum: true, inclusive: true)) }
        if let v = number("exclusiveMaximum") { out.append(Bound(value: v, isMaximum: true, inclusive: false)) }
        return (out, s["type"] as? String == "integer", array)
    }

    /// Runs `check`; nil when it accepts, else the `ParameterError` it throws.
    static func outcome(_ check: (Data) throws -> Void, _ document: Any) throws -> ParameterError? {
        do {
            try check(try SchemaWalk.data(document))
            return nil
        } catch let error as ParameterError {
            return error
        }
    }

    @Test("every bounded number is accepted at its bound and refused just outside it, naming the field")
    func boundsMatchTheValidation() throws {
        let definitions = try SchemaWalk.definitions
        let probes = try Self.probes()
        for probe in probes {
            #expect(try Self.outcome(probe.check, probe.document) == nil, "the \(probe.definition) probe's base document is refused")
        }
        for probe in probes {
            for key in probe.properties.keys.sorted() where probe.only?.contains(key) ?? true {
                guard Self.relations["\(probe.definition).\(key)"] == nil else { continue }
                let (bounds, integer, array) = Self.bounds(probe.properties[key], definitions: definitions)
                let field = probe.path + [.key(key)] + (array ? [.index(0)] : [])
                let name = SchemaWalk.render(field)
                for bound in bounds {
                    let step = integer ? 1 : max(abs(bound.value) * 1e-6, 1e-9)
                    let outward = bound.isMaximum ? step : -step
                    let inside = bound.inclusive ? bound.value : bound.value - outward
                    let outside = bound.inclusive ? bound.value + outward : bound.value
                    func value(_ x: Double) -> Any { integer ? Int(x.rounded()) as Any : x as Any }
                    let accepted = try Self.outcome(probe.check, SchemaWalk.setting(probe.document, at: field, to: value(inside)))
                    #expect(accepted == nil, "\(name) = \(value(inside)) is inside the schema's range but refused: \(accepted.map { "\($0)" } ?? "")")
                    let refused = try Self.outcome(probe.check, SchemaWalk.setting(probe.document, at: field, to: value(outside)))
                    #expect(refused?.path == name, "\(name) = \(value(outside)) is outside the schema's range: expected an error naming it, got \(refused.map { "\($0)" } ?? "acceptance")")
                }
            }
        }
    }

    @Test("an integral literal beyond 1e12 is refused like a decimal one, naming the field")
    func integralLiteralsAreBounded() throws {
        for literal in ["2000000000000", "-2000000000000", "2e12", "9223372036854775807"] {
            let json = #"{"microwaveLink": {"operation": "stateTransfer", "frequencyGHz": 8, "lineLengthMeters": \#(literal), "lineLossDBPerMeter": 0, "emissionAbsorptionEfficiency": 1, "protocolSeconds": 1e-7, "repetitionRateHz": 1000}}"#
            let error = try #require(throws: ParameterError.self) { try EvaluationDocument.decode(json: Data(json.utf8)) }
            #expect(error.path == "microwaveLink.lineLengthMeters" && error.kind == .outOfRange, "\(literal): \(error)")
        }
        let within = #"{"microwaveLink": {"operation": "stateTransfer", "frequencyGHz": 8, "lineLengthMeters": 1000000000000, "lineLossDBPerMeter": 0, "emissionAbsorptionEfficiency": 1, "protocolSeconds": 1e-7, "repetitionRateHz": 1000}}"#
        #expect(try EvaluationDocument.decode(json: Data(within.utf8)).microwaveLink?.lineLengthMeters == 1e12)
    }

    @Test("every bounded number of the schema is probed, or its range depends on other fields (listed)")
    func everyBoundIsProbed() throws {
        let definitions = try SchemaWalk.definitions
        let probed = Set(try Self.probes().flatMap { probe in
            probe.properties.keys.filter { probe.only?.contains($0) ?? true }.map { "\(probe.definition).\($0)" }
        })
        var bounded = Set<String>()
        for (name, definition) in definitions where !name.hasSuffix("Override") {
            for (key, property) in (definition["properties"] as? [String: Any]) ?? [:]
            where !Self.bounds(property, definitions: definitions).bounds.isEmpty {
                bounded.insert("\(name).\(key)")
            }
        }
        for field in bounded.sorted() {
            #expect(probed.contains(field) || Self.relations[field] != nil, "\(field): probe it, or list why its range depends on other fields")
        }
        #expect(Set(Self.relations.keys).isSubset(of: bounded), "listed fields that are not bounded numbers of the schema")
    }
}
