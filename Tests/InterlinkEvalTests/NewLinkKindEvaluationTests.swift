import Foundation
import Testing
@testable import InterlinkEval
import InterlinkCore
import InterlinkPhysics

/// Issue 14 (second half): the new link kinds and fields through `interlink eval`.
@Suite struct NewLinkKindEvaluationTests {
    private func evaluate(_ text: String) throws -> [String: Any] {
        let out = try Evaluation.evaluate(json: Data(text.utf8))
        return try #require(try JSONSerialization.jsonObject(with: out) as? [String: Any])
    }

    private func errorPath(_ text: String) -> String? {
        do { _ = try Evaluation.evaluate(json: Data(text.utf8)); return nil } catch let e as ParameterError {
            #expect(!e.description.contains("\n"))
            return e.path
        } catch { return "(other)" }
    }

    @Test("every example evaluates, with its kind")
    func examples() throws {
        for (name, data) in Evaluation.examples {
            let r = try #require(try JSONSerialization.jsonObject(with: Evaluation.evaluate(json: data)) as? [String: Any])
            let kind = r["kind"] as? String
            let expected = ["nodePhoton": "nodePhotonLink", "senderReceiver": "nodePhotonLink"][name] ?? name
            #expect(kind == expected, "\(name)")
            #expect(illegalNumbers(r).isEmpty, "\(name): \(illegalNumbers(r))")
        }
    }

    @Test("microwave example: deterministic, F = (1 + √η)²/4 − stated infidelity and memory (hand, without memory)")
    func microwave() throws {
        let text = String(decoding: Evaluation.examples[2].json, as: UTF8.self)
            .replacingOccurrences(of: "\"memoryA\": { \"t2Seconds\": 1e-5 },", with: "")
            .replacingOccurrences(of: ",\n    \"memoryB\": { \"t2Seconds\": 1e-5 }", with: "")
            .replacingOccurrences(of: "\"memoryB\": { \"t2Seconds\": 1e-5 }", with: "\"memoryB\": null")
        let r = try evaluate(text)
        let m = try #require(r["microwaveLink"] as? [String: Any])
        let eta = 0.981 * pow(10, -(0.1 * 0.9 + 1.2) / 10)
        let lossOnly = (1 + eta.squareRoot()) * (1 + eta.squareRoot()) / 4
        // depolarising ε on top: λ_I → λ_I(1 − ε) + (1 − λ_I)·ε/3 for a Bell-diagonal state whose
        // error weights sum to 1 − λ_I (each error Pauli maps to I with probability ε/3).
        let eps = 0.05
        #expect(abs((m["fidelity"] as? Double ?? 0) - (lossOnly * (1 - eps) + (1 - lossOnly) * eps / 3)) < 1e-12)
        #expect(m["successProbabilityPerAttempt"] as? Double == 1)
        #expect(m["rateHz"] as? Double == 50_000)
    }

    @Test("bad input in every new field: one line naming the field", arguments: [
        (#"{"microwaveLink": {"operation": "teleport", "frequencyGHz": 8, "lineLengthMeters": 1, "lineLossDBPerMeter": 0.1, "emissionAbsorptionEfficiency": 0.9, "protocolSeconds": 1e-7, "repetitionRateHz": 1000}}"#, "microwaveLink.operation"),
        (#"{"microwaveLink": {"operation": "stateTransfer", "frequencyGHz": 200000, "lineLengthMeters": 1, "lineLossDBPerMeter": 0.1, "emissionAbsorptionEfficiency": 0.9, "protocolSeconds": 1e-7, "repetitionRateHz": 1000}}"#, "microwaveLink.frequencyGHz"),
        (#"{"microwaveLink": {"operation": "stateTransfer", "frequencyGHz": 8, "lineLengthMeters": -1, "lineLossDBPerMeter": 0.1, "emissionAbsorptionEfficiency": 0.9, "protocolSeconds": 1e-7, "repetitionRateHz": 1000}}"#, "microwaveLink.lineLengthMeters"),
        (#"{"microwaveLink": {"operation": "stateTransfer", "frequencyGHz": 8, "lineLengthMeters": 1, "lineLossDBPerMeter": 0.1, "emissionAbsorptionEfficiency": 0.9, "protocolSeconds": 0, "repetitionRateHz": 1000}}"#, "microwaveLink.protocolSeconds"),
        (#"{"microwaveLink": {"operation": "stateTransfer", "frequencyGHz": 8, "lineLengthMeters": 1, "lineLossDBPerMeter": 0.1, "emissionAbsorptionEfficiency": 0.9, "protocolSeconds": 1e-7, "repetitionRateHz": 1000, "insertionLossDB": -2}}"#, "microwaveLink.insertionLossDB"),
        (#"{"microwaveLink": {"operation": "stateTransfer", "frequencyGHz": 8, "lineLengthMeters": 1, "lineLossDBPerMeter": 0.1, "emissionAbsorptionEfficiency": 0.9, "protocolSeconds": 1e-7, "repetitionRateHz": 0}}"#, "microwaveLink.repetitionRateHz"),
        (#"{"microwaveLink": {"operation": "stateTransfer", "frequencyGHz": 8, "lineLengthMeters": 1, "lineLossDBPerMeter": 0.1, "emissionAbsorptionEfficiency": 0.9, "protocolSeconds": 1e-7, "repetitionRateHz": 10, "memoryB": {"t2Seconds": -1}}}"#, "microwaveLink.memoryB.t2Seconds"),
        (#"{"nodePhotonLink": {"receiver": "eye", "arm": {"preset": "ion.sr88.422"}}}"#, "nodePhotonLink.receiver"),
        (#"{"nodePhotonLink": {"receiver": "absorbingMemory", "arm": {"preset": "ion.sr88.422"}}}"#, "nodePhotonLink.memory"),
        (#"{"nodePhotonLink": {"receiver": "absorbingMemory", "arm": {"preset": "ion.sr88.422"}, "memory": {"absorptionEfficiency": 1.5, "storageFidelity": 0.9, "memory": {}}}}"#, "nodePhotonLink.memory.absorptionEfficiency"),
        (#"{"nodePhotonLink": {"receiver": "absorbingMemory", "arm": {"preset": "ion.sr88.422"}, "memory": {"absorptionEfficiency": 0.5, "storageFidelity": 0.1, "memory": {}}}}"#, "nodePhotonLink.memory.storageFidelity"),
        (#"{"nodePhotonLink": {"receiver": "absorbingMemory", "arm": {"preset": "ion.sr88.422"}, "memory": {"absorptionEfficiency": 0.5, "storageFidelity": 0.9, "memory": {}, "acceptedWavelengthNm": 780}}}"#, "nodePhotonLink.memory.acceptedWavelengthNm"),
        (#"{"nodePhotonLink": {"receiver": "analyser", "arm": {"preset": "ion.sr88.422", "overrides": {"node": {"photon": {"wavelengthNm": 6e7}}}}}}"#, "nodePhotonLink.arm.overrides.node.photon.wavelengthNm"),
        (#"{"nodePhotonLink": {"receiver": "analyser", "arm": {"preset": "ion.sr88.422", "overrides": {"node": {"transferSteps": [{"placement": "later", "efficiency": 1, "fidelity": 1, "durationSeconds": 0}]}}}}}"#, "nodePhotonLink.arm.overrides.node.transferSteps[0].placement"),
        (#"{"nodePhotonLink": {"receiver": "analyser", "arm": {"preset": "ion.sr88.422", "overrides": {"node": {"transferSteps": [{"placement": "afterHerald", "efficiency": 1, "fidelity": 1, "durationSeconds": -1}]}}}}}"#, "nodePhotonLink.arm.overrides.node.transferSteps[0].durationSeconds"),
        (#"{"nodePhotonLink": {"receiver": "analyser", "arm": {"preset": "ion.sr88.422", "overrides": {"node": {"transferSteps": [{"placement": "afterHerald", "efficiency": 2, "fidelity": 1, "durationSeconds": 0}]}}}}}"#, "nodePhotonLink.arm.overrides.node.transferSteps[0].efficiency"),
        (#"{"link": {"scheme": {"kind": "twoPhoton"}, "residualVisibility": 0.9, "armA": {"preset": "ion.ca40.854.cavity", "overrides": {"conversion": {"efficiency": 0.3, "noiseRateHz": 1, "outputWavelengthNm": 1550, "inputWavelengthNm": 780}}}, "armB": {"preset": "ion.ca40.854.cavity"}}}"#, "link.armA.overrides.conversion.inputWavelengthNm"),
        (#"{"link": {"scheme": {"kind": "twoPhoton"}, "residualVisibility": 0.9, "armA": {"preset": "transmon.transducer.eo", "overrides": {"transducer": {"inputWavelengthNm": 1e7}}}, "armB": {"preset": "transmon.transducer.eo"}}}"#, "link.armA.overrides.transducer.inputWavelengthNm"),
        (#"{"link": {"scheme": {"kind": "twoPhoton"}, "residualVisibility": 0.9, "armA": {"preset": "transmon.transducer.eo", "overrides": {"transducer": null}}, "armB": {"preset": "transmon.transducer.eo"}}}"#, "link.armA.node.photon.wavelengthNm"),
        (#"{"opticalLink": {}}"#, "opticalLink"),
    ])
    func badInput(document: String, path: String) {
        #expect(errorPath(document) == path)
    }

    @Test("the link report's remote CNOT includes the feed-forward latency: below its zero-delay value")
    func remoteCNOTLatency() throws {
        let r = try evaluate(String(decoding: Evaluation.exampleJSON, as: UTF8.self))
        let link = try #require(r["link"] as? [String: Any])
        let gate = try #require(link["remoteCNOT"] as? [String: Any])
        let state = try #require(link["state"] as? [String: Double])
        let fpro = try #require(gate["processFidelity"] as? Double)
        #expect(fpro < state["lambdaI"]!)
        // 10 km via the station: 10 km × 1.47/c one-way; the control waits for the target node's gate,
        // rotation, readout and the message.
        let delay = 10 * 1.47 / 299_792.458
        let wait = try #require(gate["controlWaitSeconds"] as? Double)
        #expect(abs(wait - (26.6e-6 + 1.5e-3 + delay)) < 1e-12)
    }
}
