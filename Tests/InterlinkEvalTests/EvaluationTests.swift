import InterlinkCore
import Foundation
import Testing
@testable import InterlinkEval
import InterlinkPhysics

@Suite("interlink eval: documents, presets and errors")
struct EvaluationTests {
    @Test("A repeater document survives a JSON round trip unchanged")
    func documentRoundTrip() throws {
        let link = LinkConfiguration(scheme: .twoPhoton, armA: try ModalityPreset.arm(named: "ion.sr88.422"),
                                     armB: try ModalityPreset.arm(named: "transmon.transducer.eo"), residualVisibility: 0.9)
        let doc = EvaluationDocument(repeater: RepeaterConfiguration(linkA: link, linkB: link, cutoffSeconds: 0.5))
        let back = try EvaluationDocument.decode(json: JSONEncoder().encode(doc))
        #expect(back == doc)
    }

    /// A minimal valid link around two preset arms; `armA`/`armB`/extra fields spliced in.
    static func link(armA: String = #"{"preset": "ion.sr88.422", "overrides": {"fiber": {"lengthKm": 1}}}"#,
                     armB: String = #"{"preset": "ion.sr88.422", "overrides": {"fiber": {"lengthKm": 1}}}"#,
                     scheme: String = #"{"kind": "twoPhoton"}"#,
                     extra: String = "") -> String {
        #"{"link": {"scheme": \#(scheme), "residualVisibility": 0.9, "armA": \#(armA), "armB": \#(armB)\#(extra)}}"#
    }

    static let fullArm = #"""
    {"node": {"modality": "trappedIon", "photon": {"wavelengthNm": 854, "linewidthMHz": 0.03},
              "attemptTimeSeconds": 1e-4, "maxRepetitionRateHz": 1e4,
              "memory": {"t2Seconds": 1},
              "operations": {"singleQubitGateFidelity": 0.999, "singleQubitGateSeconds": 1e-5,
                             "twoQubitGateFidelity": 0.99, "twoQubitGateSeconds": 1e-4,
                             "readoutFidelity": 0.999, "readoutSeconds": 1e-3},
              "communicationQubits": 1},
     "collection": {"efficiency": 0.5},
     "fiber": {"lengthKm": 2},
     "insertionLossesDB": [1.0],
     "detector": {"efficiency": 0.9, "darkCountRateHz": 10, "windowSeconds": 1e-6, "jitterSeconds": 1e-10}}
    """#

    /// Each bad input and the path its error must name.
    static let badInputs: [(name: String, json: String, path: String, kind: ParameterError.Kind)] = [
        ("truncated JSON", "{", "", .invalidDocument),
        ("empty input", "", "", .invalidDocument),
        ("top-level array", "[]", "", .invalidDocument),
        ("empty object", "{}", "", .invalidDocument),
        ("unknown top-level key", #"{"lnk": {}}"#, "lnk", .unknownField),
        ("both link and repeater", #"{"link": \#(link().dropFirst(9).dropLast()), "repeater": {}}"#, "repeater.linkA", .missingField),
        ("missing residualVisibility",
         #"{"link": {"scheme": {"kind": "twoPhoton"}, "armA": \#(fullArm), "armB": \#(fullArm)}}"#,
         "link.residualVisibility", .missingField),
        ("string where number expected",
         link(extra: "").replacingOccurrences(of: #""residualVisibility": 0.9"#, with: #""residualVisibility": "high""#),
         "link.residualVisibility", .wrongType),
        ("null for a required number",
         link().replacingOccurrences(of: #""residualVisibility": 0.9"#, with: #""residualVisibility": null"#),
         "link.residualVisibility", .wrongType),
        ("unknown preset", link(armA: #"{"preset": "ion.unobtainium"}"#), "link.armA.preset", .unknownPreset),
        ("preset not a string", link(armA: #"{"preset": 42}"#), "link.armA.preset", .wrongType),
        ("overrides not an object", link(armA: #"{"preset": "ion.sr88.422", "overrides": [1]}"#), "link.armA.overrides", .wrongType),
        ("extra key next to preset", link(armB: #"{"preset": "ion.sr88.422", "fiber": {"lengthKm": 1}}"#), "link.armB.fiber", .unknownField),
        ("efficiency 1.2 in overrides",
         link(armA: #"{"preset": "ion.sr88.422", "overrides": {"collection": {"efficiency": 1.2}}}"#),
         "link.armA.overrides.collection.efficiency", .outOfRange),
        ("negative fiber length",
         link(armB: #"{"preset": "ion.sr88.422", "overrides": {"fiber": {"lengthKm": -5}}}"#),
         "link.armB.overrides.fiber.lengthKm", .outOfRange),
        ("NaN as a string", link(armA: #"{"preset": "ion.sr88.422", "overrides": {"fiber": {"lengthKm": "NaN"}}}"#),
         "link.armA.overrides.fiber.lengthKm", .wrongType),
        ("misspelt field in a full arm", link(armA: fullArm.replacingOccurrences(of: #""collection""#, with: #""colection""#)),
         "link.armA.collection", .missingField),
        ("misspelt field inside overrides",
         link(armA: #"{"preset": "ion.sr88.422", "overrides": {"detector": {"eficiency": 0.9}}}"#),
         "link.armA.overrides.detector.eficiency", .unknownField),
        ("unknown scheme kind", link(scheme: #"{"kind": "threePhoton"}"#), "link.scheme.kind", .wrongType),
        ("single-click without alpha", link(scheme: #"{"kind": "singleClick"}"#), "link.scheme.brightStatePopulation", .missingField),
        ("alpha above 1", link(scheme: #"{"kind": "singleClick", "brightStatePopulation": 1.5}"#),
         "link.scheme.brightStatePopulation", .outOfRange),
        ("T2 > 2 T1", link(armA: #"{"preset": "ion.sr88.422", "overrides": {"node": {"memory": {"t1Seconds": 0.01, "t2Seconds": 0.05}}}}"#),
         "link.armA.overrides.node.memory.t2Seconds", .inconsistent),
        ("zero communication qubits", link(armB: #"{"preset": "ion.sr88.422", "overrides": {"node": {"communicationQubits": 0}}}"#),
         "link.armB.overrides.node.communicationQubits", .outOfRange),
        ("fractional communication qubits", link(armB: #"{"preset": "ion.sr88.422", "overrides": {"node": {"communicationQubits": 2.5}}}"#),
         "link.armB.overrides.node.communicationQubits", .wrongType),
        ("negative insertion loss", link(armA: fullArm.replacingOccurrences(of: "[1.0]", with: "[1.0, -2]")),
         "link.armA.insertionLossesDB[1]", .outOfRange),
        ("invalid modality", link(armA: fullArm.replacingOccurrences(of: "trappedIon", with: "quantumDot")),
         "link.armA.node.modality", .wrongType),
        ("zero detector window", link(armA: fullArm.replacingOccurrences(of: #""windowSeconds": 1e-6"#, with: #""windowSeconds": 0"#)),
         "link.armA.detector.windowSeconds", .outOfRange),
        ("wavelength without tabulated attenuation",
         link(armA: #"{"preset": "ion.sr88.422", "overrides": {"conversion": {"efficiency": 0.3, "noiseRateHz": 1, "outputWavelengthNm": 1200}}}"#),
         "link.armA.overrides.conversion.outputWavelengthNm", .outOfRange),
        ("purification rounds 11", link(extra: #", "purification": {"protocol": "dejmps", "rounds": 11}"#),
         "link.purification.rounds", .outOfRange),
        ("unknown purification protocol", link(extra: #", "purification": {"protocol": "hashing", "rounds": 1}"#),
         "link.purification.protocol", .wrongType),
        ("repeater without linkB", #"{"repeater": {"linkA": \#(link().dropFirst(9).dropLast())}}"#, "repeater.linkB", .missingField),
        ("negative cutoff",
         #"{"repeater": {"cutoffSeconds": -1, "linkA": \#(link().dropFirst(9).dropLast()), "linkB": \#(link().dropFirst(9).dropLast())}}"#,
         "repeater.cutoffSeconds", .outOfRange),
        ("number too large for a double", link(armA: #"{"preset": "ion.sr88.422", "overrides": {"fiber": {"lengthKm": 1e999}}}"#),
         "link.armA.overrides.fiber.lengthKm", .invalidDocument),
    ]

    @Test("At least 20 kinds of bad input give one-line errors naming the field, and no output")
    func badInputsAreRejected() {
        #expect(Self.badInputs.count >= 20)
        for bad in Self.badInputs {
            do {
                let out = try Evaluation.evaluate(json: Data(bad.json.utf8))
                Issue.record("\(bad.name): accepted, produced \(out.count) bytes")
            } catch let e as ParameterError {
                #expect(e.path == bad.path, "\(bad.name): path '\(e.path)' (\(e.description))")
                #expect(e.kind == bad.kind, "\(bad.name): kind \(e.kind) (\(e.description))")
                #expect(!e.description.contains("\n"), "\(bad.name): multi-line message")
                if !bad.path.isEmpty { #expect(e.description.hasPrefix(bad.path + ":"), "\(bad.name)") }
            } catch {
                Issue.record("\(bad.name): non-ParameterError \(error)")
            }
        }
    }

    @Test("The example evaluates, deterministically, to a report with every promised field")
    func example() throws {
        let out = try Evaluation.evaluate(json: Evaluation.exampleJSON)
        #expect(try Evaluation.evaluate(json: Evaluation.exampleJSON) == out)
        let obj = try #require(try JSONSerialization.jsonObject(with: out) as? [String: Any])
        #expect(obj["kind"] as? String == "link")
        let link = try #require(obj["link"] as? [String: Any])
        for key in ["successProbabilityPerAttempt", "attemptPeriod", "rateHz", "fidelity", "state", "bounds", "arms", "purification"] {
            #expect(link[key] != nil, "missing \(key)")
        }
        let arms = try #require(link["arms"] as? [String: Any])
        let armA = try #require(arms["armA"] as? [String: Any])
        #expect(armA["endToEndEfficiency"] is Double)
        #expect(armA["visibility"] is Double)
        let state = try #require(link["state"] as? [String: Double])
        #expect(abs(state.values.reduce(0, +) - 1) <= 1e-12)
        // The output of a document built from the evaluated configuration is parseable again.
        let text = try #require(String(data: out, encoding: .utf8))
        #expect(text.hasSuffix("}\n"))
    }

    @Test("The repeater example evaluates")
    func repeaterExample() throws {
        let out = try Evaluation.evaluateReport(json: Evaluation.repeaterExampleJSON)
        let r = try #require(out.repeater)
        #expect(r.cutoffRounds != nil)
        #expect(r.fidelity > 0.25 && r.fidelity <= 1)
        #expect(r.rateHz > 0)
        _ = try Evaluation.evaluate(json: Evaluation.repeaterExampleJSON)
    }

    @Test("Overrides replace exactly the named fields of a preset")
    func overrides() throws {
        let json = Self.link(armA: #"{"preset": "ion.ca40.854.cavity", "overrides": {"collection": {"efficiency": 0.5}, "fiber": {"lengthKm": 3}}}"#)
        let doc = try EvaluationDocument.decode(json: Data(json.utf8))
        let arm = try #require(doc.link?.armA)
        var expected = try ModalityPreset.arm(named: "ion.ca40.854.cavity")
        expected.collection.efficiency = 0.5
        expected.fiber.lengthKm = 3
        #expect(arm == expected)
    }

    @Test("A null override removes an optional stage")
    func nullRemovesStage() throws {
        let json = Self.link(armA: #"{"preset": "diamond.siv.1350", "overrides": {"conversion": null, "fiber": {"lengthKm": 0, "attenuationDBPerKm": 5}}}"#)
        let doc = try EvaluationDocument.decode(json: Data(json.utf8))
        #expect(doc.link?.armA.conversion == nil)
    }

    @Test("Full arms without presets decode and evaluate")
    func fullArms() throws {
        let json = Self.link(armA: Self.fullArm, armB: Self.fullArm)
        let r = try Evaluation.evaluateReport(json: Data(json.utf8))
        let l = try #require(r.link)
        // η = 0.5 × 10^(−3·2/10) × 10^(−0.1) × 0.9
        let eta = 0.5 * pow(10, -0.6) * pow(10, -0.1) * 0.9
        #expect(abs(try #require(l.arms["armA"]).endToEndEfficiency - eta) <= 1e-12)
    }
}
