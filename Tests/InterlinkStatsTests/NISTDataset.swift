import Foundation

/// A NIST StRD dataset parsed from its `.dat` file exactly as NIST distributes it.
///
/// The header states where each block lives (`Starting Values (lines 41 to 44)`,
/// `Certified Values (lines 41 to 49)`, `Data (lines 61 to 71)`); this parser reads those line
/// ranges rather than guessing.
struct NISTDataset {
    /// A certified parameter: its name, the two NIST starting values (empty for linear problems),
    /// the certified estimate and its certified standard deviation.
    struct Parameter {
        var name: String
        var starts: [Double]
        var value: Double
        var standardDeviation: Double
    }

    var name: String
    var parameters: [Parameter]
    var residualSumOfSquares: Double?
    var residualStandardDeviation: Double?
    var x: [Double]
    var y: [Double]

    enum ParseError: Error, CustomStringConvertible {
        case missing(String)
        var description: String { "NIST .dat parse error: \(self)" }
    }

    /// Loads `name.dat` from the test bundle's `Resources` folder.
    static func load(_ name: String) throws -> NISTDataset {
        guard let url = Bundle.module.url(forResource: name, withExtension: "dat", subdirectory: "Resources")
        else { throw ParseError.missing("resource \(name).dat") }
        return try parse(name: name, text: String(contentsOf: url, encoding: .ascii))
    }

    /// The line range named in the header, e.g. `Data (lines 61 to 71)` → 61...71 (1-based).
    private static func range(of block: String, in lines: [String]) -> ClosedRange<Int>? {
        for line in lines.prefix(12) where line.contains(block) && line.contains("lines") {
            let numbers = line.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
            if numbers.count >= 2 { return numbers[numbers.count - 2]...numbers[numbers.count - 1] }
        }
        return nil
    }

    private static func numbers(in line: String) -> [Double] {
        line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }).compactMap {
            Double($0.replacingOccurrences(of: "E", with: "e"))
        }
    }

    static func parse(name: String, text: String) throws -> NISTDataset {
        let lines = text.components(separatedBy: "\n")
        func line(_ number: Int) -> String { number - 1 < lines.count ? lines[number - 1] : "" }

        guard let dataRange = range(of: "Data", in: lines),
              let certifiedRange = range(of: "Certified Values", in: lines)
        else { throw ParseError.missing("header line ranges in \(name)") }
        let isNonlinear = range(of: "Starting Values", in: lines) != nil

        var parameters: [Parameter] = []
        var rss: Double?
        var rsd: Double?
        for number in certifiedRange {
            let text = line(number)
            let fields = text.split(separator: " ").map(String.init)
            if isNonlinear, fields.count >= 2, fields[1] == "=" {
                // "  b1 =   25   0.25   1.9280693458E-01  1.1435312227E-02"
                let values = numbers(in: text)
                guard values.count == 4 else { throw ParseError.missing("4 numbers on line \(number)") }
                parameters.append(Parameter(
                    name: fields[0], starts: Array(values[0..<2]), value: values[2],
                    standardDeviation: values[3]))
            } else if !isNonlinear, let first = fields.first, first.hasPrefix("B"), fields.count == 3 {
                // "        B0        -0.262323073774029     0.232818234301152"
                let values = numbers(in: text)
                parameters.append(Parameter(
                    name: first, starts: [], value: values[0], standardDeviation: values[1]))
            } else if text.contains("Residual Sum of Squares:") {
                rss = numbers(in: text).last
            } else if text.contains("Residual Standard Deviation") {
                rsd = numbers(in: text).last
            }
        }
        // Linear files give the residual sum of squares in the ANOVA table ("Residual  34  26.61...").
        if rss == nil {
            for text in lines where text.hasPrefix("Residual ") {
                let values = numbers(in: text)
                if values.count == 3 { rss = values[1] }
            }
        }
        var x: [Double] = []
        var y: [Double] = []
        for number in dataRange {
            let values = numbers(in: line(number))
            guard values.count == 2 else { throw ParseError.missing("y x pair on line \(number)") }
            y.append(values[0])
            x.append(values[1])
        }
        return NISTDataset(
            name: name, parameters: parameters, residualSumOfSquares: rss,
            residualStandardDeviation: rsd, x: x, y: y)
    }
}
