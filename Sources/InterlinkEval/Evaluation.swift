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
/// Output: `{"kind": "link", "link": LinkReport}` or `{"kind": "repeater", "repeater": RepeaterReport}`.
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
        throw ParameterError(kind: .invalidDocument, path: "", message: "the document must have a 'link' or 'repeater' key")
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
