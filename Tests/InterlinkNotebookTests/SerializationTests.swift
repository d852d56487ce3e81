import InterlinkCore
import Foundation
import Testing
@testable import InterlinkNotebook

@Suite struct CanonicalJSON {
    @Test func keysAreSortedAndNumbersRoundTrip() throws {
        struct Sample: Codable { var zeta = 0.1; var alpha = 3; var mid = "a\"b" }
        let value = try JSONValue(encoding: Sample())
        #expect(value.canonicalText == #"{"alpha":3,"mid":"a\"b","zeta":0.1}"#)
        let parsed = try JSONValue(parsing: Data(value.canonicalText.utf8))
        #expect(parsed == value)
    }

    /// The spelling of a number does not depend on how the encoder wrote it.
    @Test func integralNumbersAreCanonicallyIntegers() throws {
        for text in ["1", "1.0", "1e0", "10E-1"] {
            #expect(try JSONValue(parsing: Data("[\(text)]".utf8)).canonicalText == "[1]")
        }
        #expect(try JSONValue(parsing: Data("[0.5, -2.50, 1e300]".utf8)).canonicalText == "[0.5,-2.5,1e+300]")
    }

    @Test func flattenedPathsAreDotted() throws {
        let value = try JSONValue(encoding: Knobs())
        #expect(value.flattened().map(\.path) == ["a", "b", "inner.eta", "label"])
    }

    @Test func nonFiniteNumbersBecomeStrings() {
        #expect(JSONValue.array([.number(.nan), .number(-.infinity)]).canonicalText == #"["NaN","-Infinity"]"#)
    }

    @Test func encodingANaNNamesTheField() {
        var knobs = Knobs()
        knobs.inner.eta = .nan
        do {
            _ = try JSONValue(encoding: knobs)
            Issue.record("NaN encoded")
        } catch {
            #expect(StudyRunner.field(of: error) == "inner.eta")
        }
    }
}

@Suite struct RFC4180CSV {
    @Test func quotesOnlyWhenNeededAndEndsRecordsWithCRLF() {
        let text = CSVWriter.document([["name", "value"], ["plain", "a,b"], ["quote \"x\"", "line\nbreak"]])
        #expect(text == "name,value\r\nplain,\"a,b\"\r\n\"quote \"\"x\"\"\",\"line\nbreak\"\r\n")
    }

    @Test func dataTableHeaderCarriesUnitsAndUncertaintyColumns() throws {
        let table = try DataTable(
            columns: [DataTable.Column("L", unit: "km"), DataTable.Column("rate", unit: "Hz")],
            rows: [[.number(1, uncertainty: nil), .number(2.5, uncertainty: 0.1)], [.integer(3), .empty]])
        #expect(table.csv() == "L [km],rate [Hz],rate_uncertainty [Hz]\r\n1.0,2.5,0.1\r\n3,,\r\n")
    }
}
