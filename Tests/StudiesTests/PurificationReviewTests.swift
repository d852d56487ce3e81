import Foundation
import Interlink
import Testing
@testable import Studies

/// The referee's points on the purification report (review 3-B, items 8, 11, 12, 13, 30, 31, 32).
@Suite("purification study: report wording and numbers as printed")
struct PurificationReviewTests {
    func derived(_ name: String) async throws -> Metric {
        let run = try await PurificationFixture.run.value
        return try #require(run.derived.flatMap(\.metrics).first { $0.name == name })
    }

    /// `value (low–high)` of a headline, from its derived value and interval ends.
    func interval(_ name: String) async throws -> String {
        try IntervalFormatter.format(try await derived(name).value, low: try await derived(name + "_low").value,
                                     high: try await derived(name + "_high").value)
    }

    @Test("the preset Sr⁺ T₂ is quoted in ms: 85 ms (Avis et al., npj QI 9, 100 (2023))")
    func presetT2() async throws {
        let m = try await derived("presetT2_ionIon")
        #expect(m.unit == "ms")
        #expect(abs(m.value - 85) < 1e-9)
    }

    @Test("headlines are quoted in interval form, never as a symmetric ±; citations resolve; no internal fragments")
    func report() async throws {
        let run = try await PurificationFixture.run.value
        let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("templates")
        let report = StudyReport(templates: try ReportTemplates(directory: templates))
        let text = try report.markdown(for: run)
        let rawF = try await interval("rawFidelity_ionAtom")
        let ionIon = try await interval("bestAwareDistillable_ionIon")
        let t2 = try await interval("requiredT2_ionIon")
        #expect(text.contains("F = \(rawF) at"))
        #expect(text.contains("\(ionIon) ebit/s"))
        #expect(text.contains("T₂ ≥ \(t2) s"))
        #expect(!text.contains("ebit/s) ±") && !text.contains("± 0.12) ebit/s"))
        let finding = try report.finding(for: run, context: try ReportContext.make(for: run))
        #expect(finding.contains("\(ionIon) ebit/s") && finding.contains("T₂ ≥ \(t2) s"))
        // Item 11, 12, 30, 31, 32.
        for fragment in ["negligible here", "derived data)", "largest gain over the grid", "frontier table", "PRA 54,",
                         "SC–SC 0 lengths", "Avis et al., npj QI", "0.0850 s", "{{"] {
            #expect(!text.contains(fragment), "\(fragment)")
        }
        // A bibliography entry is written only for a cited key.
        for reference in ["G. Avis et al.", "T. van Leent et al.", "M. J. Weaver et al.", "C. H. Bennett"] {
            #expect(text.contains(reference), "\(reference)")
        }
        #expect(text.contains("| ideal raw pairs per output |"))
    }
}
