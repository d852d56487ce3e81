import InterlinkCore
import Foundation
import Testing
@testable import InterlinkEval
import InterlinkPhysics

@Suite("interlink eval: preset status in the output")
struct PresetStatusReportTests {
    @Test("a preset arm reports its status (demonstrated with the experiment, or projected); a full arm reports none")
    func status() throws {
        let json = EvaluationTests.link(armA: #"{"preset": "ion.ca40.854.cavity"}"#,
                                        armB: #"{"preset": "ion.ca40.854.cavity.projected"}"#)
        let link = try #require(try Evaluation.evaluateReport(json: Data(json.utf8)).link)
        let a = try #require(link.arms["armA"]?.status)
        #expect(a == .demonstrated(experiment: "Krutyanskiy et al., PRL 130, 050803 (2023)",
                                   caveats: ModalityPreset.arm(.calcium854Cavity).provenance?.status.caveatsForTest ?? []))
        #expect(link.arms["armB"]?.status?.label == "projected")
        // The JSON output carries the status next to the preset name.
        let out = try Evaluation.evaluate(json: Data(json.utf8))
        let text = String(decoding: out, as: UTF8.self)
        #expect(text.contains("\"demonstrated\""))
        #expect(text.contains("Krutyanskiy et al., PRL 130, 050803 (2023)"))
        let full = EvaluationTests.link(armA: EvaluationTests.fullArm, armB: EvaluationTests.fullArm)
        #expect(try Evaluation.evaluateReport(json: Data(full.utf8)).link?.arms["armA"]?.status == nil)
    }
}

extension PresetStatus {
    /// The caveats of a demonstrated status (empty for a projected one).
    var caveatsForTest: [String] {
        if case let .demonstrated(_, caveats) = self { return caveats }
        return []
    }
}
