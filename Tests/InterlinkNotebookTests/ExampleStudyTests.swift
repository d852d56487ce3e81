import InterlinkTestSupport
import Foundation
import Testing
@testable import InterlinkNotebook

/// The README example end to end: analytic engine, GSL fit, Cairo figure, output folder.
@Suite struct ExampleStudyEndToEnd {
    @Test func fitRecoversTheAttenuationAndFiguresAreWritten() async throws {
        let run = try await StudyRunner(options: testOptions()).run(FiberLoss())
        // T(50 km) = 10^(−0.2·50/10) = 10^−1 by hand.
        #expect(abs(try run.table.values("transmission")[10] - 0.1) < 1e-15)
        let attenuation = try #require(run.derived.first?.metrics.first)
        #expect(abs(attenuation.value - 0.2) < 1e-12)
        #expect(attenuation.unit == "dB/km")

        let files = try writtenFiles(run)
        #expect(Set(files.keys) == [
            "data/results.csv", "data/results.json", "data/derived.csv",
            "figures/transmission.pdf", "figures/transmission.svg", "manifest.json",
        ])
        #expect(files["figures/transmission.pdf"]?.prefix(5) == Data("%PDF-".utf8))
        #expect(String(decoding: files["figures/transmission.svg"] ?? Data(), as: UTF8.self).contains("<svg"))
        let csv = String(decoding: files["data/results.csv"] ?? Data(), as: UTF8.self)
        #expect(csv.hasPrefix("lengthKm [km],transmission\r\n0,1.0\r\n5,"))
        #expect(try writtenFiles(try await StudyRunner(options: testOptions(jobs: 1)).run(FiberLoss())) == files)
    }

    @Test func exampleIsShorterThanFortyLines() throws {
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("ExampleStudy.swift")
        let lines = try String(contentsOf: source, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count < 40)
    }
}
