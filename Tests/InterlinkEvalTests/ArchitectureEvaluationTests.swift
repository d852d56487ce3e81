import Foundation
import Testing
@testable import InterlinkEval
import InterlinkCore

/// Architecture documents through `interlink eval`: the link documents' magnitude bound (10¹²) holds
/// for every number, arm overrides included, and the output's fidelities lie in [0, 1].
@Suite struct ArchitectureEvaluationTests {
    private static let twoModules = """
        {"architecture": {"modules": [{"preset": "ion.ca40.854.cavity", "dataQubits": 2},
                                      {"preset": "ion.ca40.854.cavity", "dataQubits": 2, "readoutSeconds": READOUT}],
                          "links": [{"modules": [0, 1], "armA": {"fiber": {"lengthKm": LENGTH}}}]},
         "circuit": {"generator": {"name": "ghz", "qubits": 2}}, "execution": {"shots": 2}}
        """

    private func error(readout: String = "1e-4", length: String = "0.01") -> ParameterError? {
        let text = Self.twoModules.replacingOccurrences(of: "READOUT", with: readout).replacingOccurrences(of: "LENGTH", with: length)
        do { _ = try Evaluation.evaluate(json: Data(text.utf8)); return nil } catch { return error as? ParameterError }
    }

    @Test("a huge override or time is named at its field, with the supported magnitude range", arguments: [
        ("1e-4", "1e308", "architecture.links[0].armA.fiber.lengthKm"),
        ("1e308", "0.01", "architecture.modules[1].readoutSeconds"),
        // 10¹³ is integral: parsed as an integer, it is held to the bound as well.
        ("1e13", "0.01", "architecture.modules[1].readoutSeconds"),
    ])
    func magnitudes(readout: String, length: String, path: String) throws {
        let e = try #require(error(readout: readout, length: length))
        #expect(e.path == path, "\(e)")
        #expect(e.message.contains("[-1e12, 1e12]"), "\(e)")
    }

    @Test("the bound is 10¹²: a readout of 10¹² s is accepted and the makespan covers it")
    func atTheBound() throws {
        let text = Self.twoModules.replacingOccurrences(of: "READOUT", with: "1e12").replacingOccurrences(of: "LENGTH", with: "0.01")
            .replacingOccurrences(of: #""qubits": 2}"#, with: #""qubits": 2, "measured": true}"#)
        let report = try #require(try JSONSerialization.jsonObject(with: Evaluation.evaluate(json: Data(text.utf8))) as? [String: Any])
        let summary = try #require(report["architecture"] as? [String: Any])
        let makespan = try #require(summary["makespan"] as? [String: Any])
        // Every qubit is measured and one of them sits on module 1, whose readout takes 10¹² s.
        #expect((makespan["minimum"] as? Double ?? 0) >= 1e12)
        let g = try #require(summary["geometricMeanFidelity"] as? Double)
        #expect(g >= 0 && g <= 1)
    }
}
