import Foundation
import Interlink
@testable import InterlinkPlot
import Testing
@testable import Studies

/// The referee's points on the validation report (review 3-B, items 7, 15, 27, 32), each against a hand
/// calculation from the published numbers.
@Suite("validation study: bands, ratios and scores as printed")
struct ValidationReviewTests {
    /// The experiments table as Markdown text of its cells, row by row.
    func experimentRows() async throws -> [[String]] {
        let run = try await ValidationFixture.run.value
        let table = try #require(run.tables.first { $0.fileName == "experiments" }).table
        return table.rows.map { row in
            row.map { cell -> String in
                if case let .text(t) = cell { return t.replacingOccurrences(of: "\u{00A0}", with: " ") }
                return ""
            }
        }
    }

    @Test("the band column prints the band the check uses: Krutyanskiy F ±2σ = +0.046 −0.12, Kurpiers ±2σ")
    func bands() async throws {
        let rows = try await experimentRows()
        // Krutyanskiy et al. 2023: F = 0.882 +0.023 −0.060, accepted within 2σ: +0.046 −0.12 (hand: 2 × 0.023, 2 × 0.060).
        let k = try #require(rows.first { $0[0] == "Krutyanskiy et al. 2023" && $0[1] == "fidelity" })
        #expect(k[3] == "+0.046 −0.12")
        // Its ratio 0.820/0.882 = 0.930 with 0.930 × 0.023/0.882 = 0.024 and 0.930 × 0.060/0.882 = 0.063.
        #expect(k[5] == "0.93 +0.02 −0.06")
        // Kurpiers et al. 2018: 0.789(1) within 2σ: ±0.002; ratio 0.885/0.789 = 1.121, σ 1.121 × 0.001/0.789 = 0.0014.
        let e = try #require(rows.first { $0[1] == "remote Bell-state fidelity" })
        #expect(e[3] == "±0.002")
        #expect(e[5] == "1.121 ± 0.001")
    }

    @Test("ratios carry one-digit uncertainties and scores two decimals (hand-rounded)")
    func digits() {
        #expect(ValidationStudy.ratioText(1.12134, plus: 0.00142, minus: 0.00142) == "1.121 ± 0.001")
        // 0.0097 rounds to 0.01: two decimals.
        #expect(ValidationStudy.ratioText(1.1108, plus: 0.0097, minus: 0.0097) == "1.11 ± 0.01")
        #expect(ValidationStudy.ratioText(0.9297, plus: 0.0243, minus: 0.0633) == "0.93 +0.02 −0.06")
        #expect(ValidationStudy.scoreText(-1.89e-3) == "0.00")
        #expect(ValidationStudy.scoreText(-0.0309) == "−0.03")
        #expect(ValidationStudy.scoreText(-1.0398) == "−1.04")
        #expect(ValidationStudy.scoreText(127.44) == "127")
        #expect(ValidationStudy.scoreText(-10.23) == "−10.2")
    }

    @Test("the presets table calls Stephenson et al.'s bands rounding bands, and van Leent et al.'s F σ not")
    func roundingBands() {
        // Stephenson p: ±4.8 % of 2.18 × 10⁻⁴ = 1.05 × 10⁻⁵ (hand), from the preset's two-digit inputs.
        let s = PresetName.strontium422.statusSummary
        #expect(s.contains("against 0.000218 (rounding band ± 1.05 × 10⁻⁵)"))
        #expect(s.contains("against 0.94 (rounding band ± 0.005)"))
        // van Leent F 0.622(15) is a (secondary-source) standard deviation; the one-digit rate is rounding.
        let v = PresetName.rubidium780.statusSummary
        #expect(v.contains("against 0.622 (± 0.015)"))
        #expect(v.contains("against 0.01 (rounding band ± 0.005)"))
    }

    @Test("the Craddock figure stays at F ≤ 1: the 1.0 ± 0.05 bar is cut at 1")
    func craddockCapped() async throws {
        let run = try await ValidationFixture.run.value
        let figure = try #require(run.figures.first { $0.fileName == "craddock" }).figure
        let panel = figure.panels[0]
        #expect((panel.y.limits?.upperBound ?? 2) <= 1.02)
        var tops: [Double] = []
        for mark in panel.marks {
            switch mark.kind {
            case let .errorBars(_, y, yError, _, _): tops += zip(y, yError).map { $0 + $1 }
            case let .line(x, y, _, _) where x.count == 2 && x[0] == x[1]: tops += y
            case let .scatter(_, y, _, _): tops += y
            default: break
            }
        }
        // Three published points: 1.0 (cut), 0.93 + 0.005, 0.72 + 0.005.
        #expect(tops.contains(1.0) && tops.contains(0.935) && tops.contains(0.725))
        #expect(tops.allSatisfy { $0 <= 1 })
    }
}
