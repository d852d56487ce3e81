import Foundation
import Testing
@testable import InterlinkReport

@Suite("Comparing regenerated output with committed output")
struct OutputComparisonTests {
    func folder(_ files: [String: String]) throws -> URL {
        let root = FileManager.default.temporaryDirectory
            .appendingPathComponent("interlink-compare-\(UUID().uuidString)")
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return root
    }

    @Test("identical folders compare equal")
    func identical() throws {
        let files = ["a/data/x.csv": "x,y\n1,2\n", "a/report.md": "# Hi\n"]
        let c = try OutputComparison(expected: folder(files), actual: folder(files))
        #expect(c.isIdentical)
    }

    @Test("a changed CSV number is named with its line, column and relative difference")
    func csvNumber() throws {
        let a = try folder(["s/data/rate.csv": "length_km,rate_per_s\n0,100\n10,50\n"])
        let b = try folder(["s/data/rate.csv": "length_km,rate_per_s\n0,100\n10,40\n"])
        let c = try OutputComparison(expected: a, actual: b)
        #expect(!c.isIdentical)
        let d = try #require(c.differences.first)
        #expect(d.path == "s/data/rate.csv")
        #expect(d.detail == "line 3, column \"rate_per_s\": committed 50, regenerated 40")
        // |50 − 40| / 50 = 0.2
        #expect(abs((d.largestRelativeDifference ?? 0) - 0.2) < 1e-15)
    }

    @Test("a changed JSON value is named by its path")
    func jsonValue() throws {
        let a = try folder(["m.json": #"{"a": {"b": [1, 2.5]}, "c": "x"}"#])
        let b = try folder(["m.json": #"{"a": {"b": [1, 2.0]}, "c": "x"}"#])
        let d = try #require(try OutputComparison(expected: a, actual: b).differences.first)
        #expect(d.detail == "$.a.b[1]: committed 2.5, regenerated 2.0")
        #expect(abs((d.largestRelativeDifference ?? 0) - 0.2) < 1e-15)
    }

    @Test("missing and unexpected files are listed")
    func missingFiles() throws {
        let c = try OutputComparison(expected: folder(["a.md": "1", "b.md": "2"]), actual: folder(["b.md": "2", "c.md": "3"]))
        #expect(c.missing == ["a.md"])
        #expect(c.unexpected == ["c.md"])
    }

    @Test("quoted CSV cells keep commas, quotes and line breaks")
    func csvQuoting() {
        let rows = CSVCells.parse("a,\"b,\"\"c\"\"\nd\"\n1,2\n")
        #expect(rows == [["a", "b,\"c\"\nd"], ["1", "2"]])
    }
}
