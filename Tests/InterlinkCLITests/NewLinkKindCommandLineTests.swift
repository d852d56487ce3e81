import Foundation
import Testing

/// Issue 14 (second half) through the real binary: the new examples evaluate, the new fields refuse bad
/// input with status 2 and one stderr line naming the field.
@Suite("interlink eval: microwave and node–photon links on the command line")
struct NewLinkKindCommandLineTests {
    @Test("`eval --example-of NAME | eval -` evaluates every named example; an unknown name exits 2", arguments: [
        ("microwaveLink", "microwaveLink"), ("nodePhoton", "nodePhotonLink"), ("senderReceiver", "nodePhotonLink"),
    ])
    func examples(name: String, kind: String) throws {
        let example = try Tool.run(["eval", "--example-of", name])
        #expect(example.status == 0)
        let evaluated = try Tool.run(["eval", "-"], input: Data(example.stdout.utf8))
        #expect(evaluated.status == 0, "\(evaluated.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(evaluated.stdout.utf8)) as? [String: Any]
        #expect(json?["kind"] as? String == kind)
        let unknown = try Tool.run(["eval", "--example-of", "teleporter"])
        #expect(unknown.status == 2 && unknown.stderr.split(separator: "\n").count == 1)
    }

    @Test("bad new fields exit 2 with one line naming the field", arguments: [
        (#"{"microwaveLink": {"operation": "stateTransfer", "frequencyGHz": 193000, "lineLengthMeters": 1, "lineLossDBPerMeter": 0.1, "emissionAbsorptionEfficiency": 0.9, "protocolSeconds": 1e-7, "repetitionRateHz": 1000}}"#, "microwaveLink.frequencyGHz"),
        (#"{"nodePhotonLink": {"receiver": "absorbingMemory", "arm": {"preset": "ion.sr88.422"}, "memory": {"absorptionEfficiency": 0.5, "storageFidelity": 0.9, "memory": {}, "acceptedWavelengthNm": 780}}}"#, "nodePhotonLink.memory.acceptedWavelengthNm"),
        (#"{"link": {"scheme": {"kind": "twoPhoton"}, "residualVisibility": 0.9, "armA": {"preset": "transmon.transducer.eo", "overrides": {"transducer": null}}, "armB": {"preset": "transmon.transducer.eo"}}}"#, "link.armA.node.photon.wavelengthNm"),
        (#"{"link": {"scheme": {"kind": "twoPhoton"}, "residualVisibility": 0.9, "armA": {"preset": "ion.sr88.422", "overrides": {"node": {"transferSteps": [{"placement": "afterHerald", "efficiency": 1, "fidelity": 0.1, "durationSeconds": 0}]}}}, "armB": {"preset": "ion.sr88.422"}}}"#, "link.armA.overrides.node.transferSteps[0].fidelity"),
    ])
    func badInput(document: String, field: String) throws {
        let result = try Tool.run(["eval", "-"], input: Data(document.utf8))
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(result.stderr.contains(field), "\(result.stderr)")
    }
}
