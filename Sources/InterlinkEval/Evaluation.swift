import InterlinkCore
import InterlinkPhysics
import Foundation

/// Entry point of `interlink eval`: reads a configuration document (`EvaluationDocument`), evaluates
/// it in closed form and returns the results as pretty-printed JSON with sorted keys
/// (`EvaluationReport`). Any invalid input throws a `ParameterError` whose one-line description names
/// the field path; nothing is returned in that case (no partial output).
///
/// Input schema (see `EvaluationDocument`): `{"link": {...}}` or `{"repeater": {"linkA": {...},
/// "linkB": {...}, "cutoffSeconds": 0.1}}`; a link has `scheme`, `armA`, `armB`,
/// `residualVisibility`, optional `detuningMHz` and `purification`; an arm is a full
/// `ArmConfiguration` or `{"preset": name, "overrides": {...}}`.
///
/// Output: `{"kind": "link", "link": LinkReport}`, `{"kind": "repeater", "repeater": RepeaterReport}`,
/// `{"kind": "microwaveLink", "microwaveLink": MicrowaveLinkReport}` or
/// `{"kind": "nodePhotonLink", "nodePhotonLink": NodePhotonLinkReport}`.
///
/// A document whose top-level key is `architecture` describes a machine running a circuit
/// (`ArchitectureDocument`, see `Evaluation+Architecture.swift`); its output is
/// `{"kind": "architecture", "architecture": ExecutionSummary}`.
public enum Evaluation {
    /// Evaluates a JSON document and returns the report as JSON (pretty, sorted keys, trailing newline).
    public static func evaluate(json data: Data) throws -> Data {
        let report: any Encodable = isArchitectureDocument(data)
            ? try evaluateArchitecture(json: data) : try evaluateReport(json: data)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            var out = try encoder.encode(report)
            out.append(0x0A)
            return out
        } catch {
            throw ParameterError(kind: .invalidDocument, path: "", message: "result not representable as JSON (\(ConfigurationDecoder.describe(error)))")
        }
    }

    /// Evaluates a JSON document into a typed report.
    public static func evaluateReport(json data: Data) throws -> EvaluationReport {
        var decoder = ConfigurationDecoder()
        let doc = try decoder.decode(data)
        if let l = doc.link {
            let m = try mapPaths(decoder) { try LinkModel(configuration: l, path: "link") }
            return EvaluationReport(kind: "link", link: LinkReport(model: m, configuration: l), repeater: nil)
        }
        if let r = doc.repeater {
            let m = try mapPaths(decoder) { try TwoLinkRepeaterModel(configuration: r, path: "repeater") }
            return EvaluationReport(kind: "repeater", link: nil, repeater: RepeaterReport(model: m, configuration: r))
        }
        if let w = doc.microwaveLink {
            let m = try mapPaths(decoder) { try MicrowaveLinkModel(configuration: w, path: "microwaveLink") }
            return EvaluationReport(kind: "microwaveLink", microwaveLink: MicrowaveLinkReport(model: m, configuration: w))
        }
        if let n = doc.nodePhotonLink {
            let m = try mapPaths(decoder) { try NodePhotonLinkModel(configuration: n, path: "nodePhotonLink") }
            return EvaluationReport(kind: "nodePhotonLink", nodePhotonLink: NodePhotonLinkReport(model: m, configuration: n))
        }
        throw ParameterError(kind: .invalidDocument, path: "",
                             message: "the document must have a 'link', 'repeater', 'microwaveLink' or 'nodePhotonLink' key")
    }

    /// Runs a model; its errors are reported at the path the user wrote (inside a preset arm,
    /// under `overrides` when the field was overridden).
    private static func mapPaths<T>(_ decoder: ConfigurationDecoder, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let e as ParameterError {
            throw ParameterError(kind: e.kind, path: decoder.userPath(e.path), message: e.message)
        } catch {
            throw ParameterError(kind: .invalidDocument, path: "", message: ConfigurationDecoder.describe(error))
        }
    }

    /// A complete example document: a two-photon link between two Sr⁺ nodes 10 km apart (midpoint
    /// station), photons converted to 1550 nm and detected with SNSPDs, one DEJMPS round.
    public static var exampleJSON: Data {
        Data(exampleText.utf8)
    }

    /// A complete two-link repeater example (Ca⁺ cavity nodes, 1550 nm conversion, 50 km links,
    /// 1 s memory cutoff).
    public static var repeaterExampleJSON: Data {
        Data(repeaterExampleText.utf8)
    }

    /// Every example document by name (`interlink eval --example-of NAME`): `link`, `repeater`,
    /// `microwaveLink` (Kurpiers et al. 2018-like remote entanglement over a cryogenic line),
    /// `nodePhoton` (Sr⁺ 1092 nm photon to an analyser over 2.8 km, as Zalewski et al. 2025) and
    /// `senderReceiver` (a Ca⁺ node's photon, converted to 1550 nm, absorbed by a remote memory).
    public static var examples: [(name: String, json: Data)] {
        [("link", exampleJSON), ("repeater", repeaterExampleJSON), ("microwaveLink", Data(microwaveLinkExampleText.utf8)),
         ("nodePhoton", Data(nodePhotonExampleText.utf8)), ("senderReceiver", Data(senderReceiverExampleText.utf8)),
         ("architecture", architectureExampleJSON)]
    }

    static let microwaveLinkExampleText = """
    {
      "microwaveLink": {
        "operation": "remoteEntanglement",
        "frequencyGHz": 8.4,
        "lineLengthMeters": 0.9,
        "lineLossDBPerMeter": 0.1,
        "insertionLossDB": 1.2,
        "emissionAbsorptionEfficiency": 0.981,
        "protocolSeconds": 1.8e-7,
        "repetitionRateHz": 50000,
        "additionalInfidelity": 0.05,
        "velocityFraction": 0.7,
        "memoryA": { "t2Seconds": 1e-5 },
        "memoryB": { "t2Seconds": 1e-5 }
      }
    }

    """

    static let nodePhotonExampleText = """
    {
      "nodePhotonLink": {
        "receiver": "analyser",
        "arm": {
          "preset": "ion.sr88.422",
          "overrides": {
            "node": {
              "photon": { "wavelengthNm": 1092, "linewidthMHz": 1.5 },
              "spinPhoton": { "depolarizingProbability": 0.05 },
              "transferSteps": [
                { "name": "S1/2 to D5/2 shelving", "placement": "beforeEmission", "efficiency": 0.99, "fidelity": 0.995, "durationSeconds": 1e-6 }
              ]
            },
            "fiber": { "lengthKm": 2.8 },
            "detector": { "efficiency": 0.8, "darkCountRateHz": 20, "windowSeconds": 1e-6, "jitterSeconds": 5e-11, "kind": "threshold" }
          }
        }
      }
    }

    """

    static let senderReceiverExampleText = """
    {
      "nodePhotonLink": {
        "receiver": "absorbingMemory",
        "arm": {
          "preset": "ion.ca40.854.cavity",
          "overrides": {
            "conversion": { "efficiency": 0.3, "noiseRateHz": 60, "outputWavelengthNm": 1550, "inputWavelengthNm": 854 },
            "fiber": { "lengthKm": 10 },
            "node": {
              "transferSteps": [
                { "name": "communication to memory qubit", "placement": "afterHerald", "efficiency": 0.98, "fidelity": 0.99, "durationSeconds": 5e-5 }
              ]
            }
          }
        },
        "memory": {
          "absorptionEfficiency": 0.5,
          "storageFidelity": 0.97,
          "memory": { "t2Seconds": 0.5 },
          "acceptedWavelengthNm": 1550
        }
      }
    }

    """

    static let exampleText = """
    {
      "link": {
        "scheme": { "kind": "twoPhoton" },
        "residualVisibility": 0.88,
        "detuningMHz": 0,
        "armA": {
          "preset": "ion.sr88.422",
          "overrides": {
            "conversion": { "efficiency": 0.3, "noiseRateHz": 60, "outputWavelengthNm": 1550 },
            "fiber": { "lengthKm": 5 },
            "detector": { "efficiency": 0.9, "darkCountRateHz": 10, "windowSeconds": 1e-7, "jitterSeconds": 5e-11 }
          }
        },
        "armB": {
          "preset": "ion.sr88.422",
          "overrides": {
            "conversion": { "efficiency": 0.3, "noiseRateHz": 60, "outputWavelengthNm": 1550 },
            "fiber": { "lengthKm": 5 },
            "detector": { "efficiency": 0.9, "darkCountRateHz": 10, "windowSeconds": 1e-7, "jitterSeconds": 5e-11 }
          }
        },
        "purification": { "protocol": "dejmps", "rounds": 1 }
      }
    }

    """

    static let repeaterExampleText = """
    {
      "repeater": {
        "cutoffSeconds": 1.0,
        "linkA": {
          "scheme": { "kind": "twoPhoton" },
          "residualVisibility": 0.95,
          "armA": { "preset": "ion.ca40.854.cavity", "overrides": {
            "conversion": { "efficiency": 0.3, "noiseRateHz": 60, "outputWavelengthNm": 1550 },
            "fiber": { "lengthKm": 25 } } },
          "armB": { "preset": "ion.ca40.854.cavity", "overrides": {
            "conversion": { "efficiency": 0.3, "noiseRateHz": 60, "outputWavelengthNm": 1550 },
            "fiber": { "lengthKm": 25 } } }
        },
        "linkB": {
          "scheme": { "kind": "twoPhoton" },
          "residualVisibility": 0.95,
          "armA": { "preset": "ion.ca40.854.cavity", "overrides": {
            "conversion": { "efficiency": 0.3, "noiseRateHz": 60, "outputWavelengthNm": 1550 },
            "fiber": { "lengthKm": 25 } } },
          "armB": { "preset": "ion.ca40.854.cavity", "overrides": {
            "conversion": { "efficiency": 0.3, "noiseRateHz": 60, "outputWavelengthNm": 1550 },
            "fiber": { "lengthKm": 25 } } }
        }
      }
    }

    """
}
