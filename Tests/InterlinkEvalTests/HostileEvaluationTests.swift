import Foundation
import Testing
@testable import InterlinkEval
import InterlinkCore
import InterlinkPhysics

/// One hostile change to one leaf of an evaluation document.
enum LeafMutation: CaseIterable {
    case negative, zero, notANumber, hugePositive, hugeNegative, subnormal, wrongType, missing, duplicate, unknownSibling
}

/// Renders a parsed JSON tree (from `JSONSerialization`) as JSON text with one mutation applied
/// at `target`, writing keys in sorted order; tokens such as `NaN` and duplicate keys can be
/// produced, which no encoder would write.
struct MutatingRenderer {
    let target: [String]
    let mutation: LeafMutation

    func render(_ value: Any, path: [String] = []) -> String {
        if let object = value as? [String: Any] {
            var members: [String] = []
            for key in object.keys.sorted() {
                let child = object[key] ?? NSNull()
                let childPath = path + [key]
                guard childPath == target else {
                    members.append("\(quote(key)): \(render(child, path: childPath))")
                    continue
                }
                switch mutation {
                case .missing: break
                case .duplicate:
                    members.append("\(quote(key)): \(render(child, path: childPath))")
                    members.append("\(quote(key)): \(otherValue(child))")
                case .unknownSibling:
                    members.append("\(quote(key)): \(render(child, path: childPath))")
                    members.append("\"bogusField\": 1")
                default:
                    members.append("\(quote(key)): \(replacement(for: child))")
                }
            }
            return "{" + members.joined(separator: ", ") + "}"
        }
        if let array = value as? [Any] {
            var items: [String] = []
            for (index, item) in array.enumerated() {
                let itemPath = path + ["[\(index)]"]
                guard itemPath == target else {
                    items.append(render(item, path: itemPath))
                    continue
                }
                // An element has no key: `missing` writes null in its place (removing it would
                // renumber the elements after it); the key mutations are not defined for elements.
                items.append(mutation == .missing ? "null" : replacement(for: item))
            }
            return "[" + items.joined(separator: ", ") + "]"
        }
        return scalar(value)
    }

    private func quote(_ text: String) -> String {
        let escaped = text.unicodeScalars.map { scalar -> String in
            switch scalar {
            case "\"": return "\\\""
            case "\\": return "\\\\"
            default: return scalar.value < 0x20 ? String(format: "\\u%04x", scalar.value) : String(scalar)
            }
        }.joined()
        return "\"" + escaped + "\""
    }

    private func scalar(_ value: Any) -> String {
        if let text = value as? String { return quote(text) }
        if let number = value as? NSNumber {
            let x = number.doubleValue
            return x == x.rounded() && abs(x) < 1e15 ? "\(Int(x))" : "\(x)"
        }
        return "null"
    }

    private func replacement(for value: Any) -> String {
        let number = (value as? NSNumber)?.doubleValue
        switch mutation {
        case .negative: return number.map { $0 == 0 ? "-1" : scalar(NSNumber(value: -$0)) } ?? "-1"
        case .zero: return "0"
        case .notANumber: return "NaN"
        case .hugePositive: return "1e308"
        case .hugeNegative: return "-1e308"
        case .subnormal: return "1e-320"
        case .wrongType: return value is String ? "1" : "\"text\""
        default: return scalar(value)
        }
    }

    private func otherValue(_ value: Any) -> String {
        if let number = value as? NSNumber { return scalar(NSNumber(value: number.doubleValue * 0.5 + 1)) }
        return "\"other\""
    }
}

/// Every leaf path of a parsed JSON tree.
func leafPaths(_ value: Any, path: [String] = []) -> [[String]] {
    if let object = value as? [String: Any] {
        return object.keys.sorted().flatMap { leafPaths(object[$0] ?? NSNull(), path: path + [$0]) }
    }
    if let array = value as? [Any] {
        return array.enumerated().flatMap { leafPaths($1, path: path + ["[\($0)]"]) }
    }
    return [path]
}

func renderedPath(_ path: [String]) -> String {
    path.reduce("") { text, part in part.hasPrefix("[") ? text + part : (text.isEmpty ? part : text + "." + part) }
}

/// Checks that every number in an evaluation report is physically legal: probabilities,
/// fidelities, efficiencies, visibilities and overlaps in [0, 1]; rates and times non-negative.
func illegalNumbers(_ value: Any, key: String = "", path: String = "") -> [String] {
    if let object = value as? [String: Any] {
        return object.keys.sorted().flatMap { illegalNumbers(object[$0] ?? NSNull(), key: $0, path: path + "." + $0) }
    }
    if let array = value as? [Any] {
        return array.enumerated().flatMap { illegalNumbers($1, key: key, path: path + "[\($0)]") }
    }
    guard let number = value as? NSNumber, !(value is Bool) else { return [] }
    let x = number.doubleValue
    let lower = key.lowercased()
    if !x.isFinite { return ["\(path) = \(x)"] }
    let unitInterval = ["probabilit", "fidelity", "efficienc", "visibility", "overlap"].contains { lower.contains($0) }
    if unitInterval, !(x >= 0 && x <= 1 + 1e-12) { return ["\(path) = \(x)"] }
    if key.hasSuffix("Hz") || key.hasSuffix("Seconds"), x < 0 { return ["\(path) = \(x)"] }
    return []
}

/// The fuzz acceptance of issue 18: every leaf of every `eval --example-of` document (link, repeater,
/// microwave, node–photon, sender–receiver and architecture)
/// through negative, zero, NaN, ±1e308, 1e-320, wrong type, missing, duplicate and unknown
/// keys — every case evaluates to physically legal output or throws one `ParameterError` line
/// naming that input field; none takes over 5 s.
@Suite struct EvaluationFuzz {
    /// The example documents, built on each use (a lazily initialised static would outlive the run and
    /// show up in LeakSanitizer reports).
    static var documents: [(String, Data)] { Evaluation.examples.map { ($0.name, $0.json) } }

    @Test("every leaf of every example under every mutation: legal output or an error naming the field",
          arguments: 0..<Evaluation.examples.count)
    func everyLeaf(document: Int) throws {
        let (name, data) = Self.documents[document]
        let tree = try JSONSerialization.jsonObject(with: data)
        var failures: [String] = []
        var cases = 0
        for leaf in leafPaths(tree) {
            let leafText = renderedPath(leaf)
            let parentText = renderedPath(Array(leaf.dropLast()))
            for mutation in LeafMutation.allCases {
                // Duplicate and unknown-sibling keys need a key: an array element has none.
                if leaf.last?.hasPrefix("[") == true, mutation == .duplicate || mutation == .unknownSibling { continue }
                cases += 1
                let text = MutatingRenderer(target: leaf, mutation: mutation).render(tree)
                let started = Date()
                let label = "\(name) \(leafText) \(mutation)"
                do {
                    let output = try Evaluation.evaluate(json: Data(text.utf8))
                    let report = try JSONSerialization.jsonObject(with: output)
                    let illegal = illegalNumbers(report)
                    if !illegal.isEmpty { failures.append("\(label): accepted, but \(illegal.prefix(3))") }
                    if mutation == .notANumber || mutation == .duplicate || mutation == .unknownSibling || mutation == .wrongType {
                        failures.append("\(label): accepted")
                    }
                } catch let error as ParameterError {
                    let line = error.description
                    if line.contains("\n") { failures.append("\(label): multi-line error") }
                    let named: Bool
                    switch mutation {
                    case .missing: named = error.path == leafText || error.path.hasPrefix(parentText)
                    case .unknownSibling: named = error.path == renderedPath(Array(leaf.dropLast()) + ["bogusField"])
                    default: named = error.path == leafText
                    }
                    if !named { failures.append("\(label): error names \"\(error.path)\": \(line)") }
                } catch {
                    failures.append("\(label): not a ParameterError: \(error)")
                }
                let seconds = Date().timeIntervalSince(started)
                if seconds > 5 { failures.append("\(label): took \(seconds) s") }
            }
        }
        #expect(cases > 100)
        #expect(failures.isEmpty, "\(failures.count) of \(cases) cases:\n\(failures.prefix(40).joined(separator: "\n"))")
    }
}

/// The fuzz renderer itself: a mutation reaches array elements too (elements of a switch's module list).
@Suite struct MutatingRendererTests {
    @Test("an array element is mutated in place; missing writes null", arguments: [
        (LeafMutation.negative, #"{"a": [0, -2]}"#), (.notANumber, #"{"a": [0, NaN]}"#), (.wrongType, #"{"a": [0, "text"]}"#),
        (.missing, #"{"a": [0, null]}"#), (.hugePositive, #"{"a": [0, 1e308]}"#),
    ])
    func arrayElement(mutation: LeafMutation, expected: String) {
        #expect(MutatingRenderer(target: ["a", "[1]"], mutation: mutation).render(["a": [0, 2]]) == expected)
    }
}

/// Issue 18, items 2, 5 and 7 in isolation.
@Suite struct HostileEvaluationInputs {
    /// A link document whose arm A overrides `overrides` (JSON object text).
    private func link(overrides: String) -> Data {
        Data("""
            {"link": {"scheme": {"kind": "twoPhoton"}, "residualVisibility": 0.9,
             "armA": {"preset": "ion.sr88.422", "overrides": \(overrides)},
             "armB": {"preset": "ion.sr88.422"}}}
            """.utf8)
    }

    private func errorPath(_ data: Data) -> String? {
        do { _ = try Evaluation.evaluate(json: data); return nil } catch let error as ParameterError { return error.path } catch { return "(other)" }
    }

    @Test("a photon linewidth, filter or transducer bandwidth of 1e308 is an error naming the field", arguments: [
        (#"{"node": {"photon": {"linewidthMHz": 1e308}}}"#, "link.armA.overrides.node.photon.linewidthMHz"),
        (#"{"filter": {"bandwidthMHz": 1e308, "peakTransmission": 0.9}}"#, "link.armA.overrides.filter.bandwidthMHz"),
        (#"{"detector": {"jitterSeconds": 1e308}}"#, "link.armA.overrides.detector.jitterSeconds"),
    ])
    func hugeWidths(overrides: String, path: String) {
        #expect(errorPath(link(overrides: overrides)) == path)
    }

    @Test("detuningMHz: 1e308 names link.detuningMHz, not an internal output field")
    func hugeDetuning() {
        let doc = Data(#"{"link": {"scheme": {"kind": "twoPhoton"}, "residualVisibility": 0.9, "detuningMHz": 1e308, "armA": {"preset": "ion.sr88.422"}, "armB": {"preset": "ion.sr88.422"}}}"#.utf8)
        #expect(errorPath(doc) == "link.detuningMHz")
    }

    @Test("the mode overlap of huge or infinite widths returns a value in [0, 1] without recursing")
    func overlapOfHugeWidths() {
        let infinite = SpectralMode(linewidthMHz: 1e308).filtered(bandwidthMHz: 1e308)
        let m = infinite.overlap(with: SpectralMode(linewidthMHz: 1))
        #expect(m >= 0 && m <= 1)
        // Overlap is dimensionless: scaling every width by 1e290 must not change it.
        let a = SpectralMode(linewidthMHz: 3).filtered(bandwidthMHz: 3).filtered(bandwidthMHz: 3)
        let b = SpectralMode(linewidthMHz: 5, detuningMHz: 1)
        let s = 1e290
        let big = SpectralMode(linewidthMHz: 3 * s).filtered(bandwidthMHz: 3 * s).filtered(bandwidthMHz: 3 * s)
        let bigB = SpectralMode(linewidthMHz: 5 * s, detuningMHz: s)
        #expect(abs(a.overlap(with: b) - big.overlap(with: bigB)) < 1e-9)
    }

    @Test("duplicate keys are refused naming the key path, at any depth")
    func duplicateKeys() {
        #expect(errorPath(link(overrides: #"{"conversion": {"efficiency": 0.3, "efficiency": -5}}"#))
                == "link.armA.overrides.conversion.efficiency")
        #expect(errorPath(Data(#"{"link": {}, "link": {}}"#.utf8)) == "link")
        // An escaped spelling of the same key is the same key.
        #expect(errorPath(link(overrides: #"{"fiber": {"lengthKm": 1, "length\u004bm": 2}}"#)) == "link.armA.overrides.fiber.lengthKm")
    }

    @Test("documents over 1 MiB and nesting over 64 levels are refused before parsing")
    func sizeAndDepth() throws {
        let deep = Data((String(repeating: "{\"link\":", count: 5_000)).utf8)
        #expect(throws: JSONInputCheck.Problem.self) { try JSONInputCheck.check(deep) }
        let big = Data(("{\"link\": \"" + String(repeating: "x", count: 2 << 20) + "\"}").utf8)
        #expect(throws: JSONInputCheck.Problem.self) { try JSONInputCheck.check(big) }
        #expect(errorPath(deep)?.hasPrefix("link.link.link") == true)
        #expect(throws: Never.self) { try JSONInputCheck.check(Evaluation.exampleJSON) }
    }

    @Test("a 50 MB preset name is echoed truncated to 80 characters")
    func longPresetName() {
        let name = String(repeating: "p", count: 5_000_000)
        do {
            _ = try ModalityPreset.arm(named: name, path: "link.armA.preset")
            Issue.record("accepted")
        } catch {
            #expect("\(error)".count < 2_000)
            #expect("\(error)".contains("…"))
        }
    }
}

/// Issue 18, item 7: the two-link waiting time keeps its precision for tiny success probabilities.
@Suite struct TinyProbabilityWaitingTimes {
    /// T₀ from the original renewal formula, evaluated in 38-digit decimal arithmetic:
    /// [1 + p₁q₂(1 − q₂ⁿ)/p₂ + q₁p₂(1 − q₁ⁿ)/p₁] / [1 − q₁q₂ − p₁q₂q₂ⁿ − q₁p₂q₁ⁿ].
    static func decimalMeanRounds(_ p: Double, cutoff n: Int) -> Double {
        let pd = Decimal(string: "\(p)")!
        let q = 1 - pd
        let qn = pow(q, n)
        let num = 1 + q * (1 - qn) + q * (1 - qn)
        let den = 1 - q * q - pd * q * qn - q * pd * qn
        return NSDecimalNumber(decimal: num / den).doubleValue
    }

    @Test("p = 9.6e-12 per round with a cutoff: ~1.3e19 rounds, as the 38-digit decimal evaluation", arguments: [1, 417, 100_000])
    func smallProbability(n: Int) {
        let p = 9.6e-12
        let exact = Self.decimalMeanRounds(p, cutoff: n)
        let computed = WaitingTime.meanRoundsWithCutoff(p, p, cutoffRounds: n)
        #expect(computed.isFinite)
        #expect(abs(computed - exact) / exact < 1e-9, "\(computed) vs \(exact)")
        if n == 417 { #expect(abs(computed - 1.3e19) / 1.3e19 < 0.01) }
    }

    @Test("p = 1e-300: P(simultaneous) = 1/(1 + 2n) to leading order, probabilities sum to 1")
    func extremelySmallProbability() {
        let p = 1e-300
        for n in [1, 10, 1000] {
            let ages = WaitingTime.AgeDistribution(p1: p, p2: p, cutoffRounds: n)
            let simultaneous = ages.probabilitySimultaneous
            #expect(abs(simultaneous - 1 / Double(1 + 2 * n)) < 1e-12)
            let total = simultaneous + ages.linkOneEarlier(factorPerRound: 1) + ages.linkTwoEarlier(factorPerRound: 1)
            #expect(abs(total - 1) < 1e-12)
        }
        let none = WaitingTime.AgeDistribution(p1: p, p2: p, cutoffRounds: nil)
        #expect(none.probabilitySimultaneous.isFinite && none.probabilitySimultaneous >= 0)
        // E[max(K₁, K₂)] = (3 − 2p)/(p(2 − p)) ≈ 1.5/p for p = p₁ = p₂.
        #expect(abs(WaitingTime.meanMaxRounds(p, p) / 1.5e300 - 1) < 1e-12)
    }

    @Test("the partial geometric sum matches direct summation and its series")
    func partialSum() {
        var direct = 0.0, term = 1.0
        for _ in 0..<50 { direct += term; term *= 0.75 }
        #expect(abs(WaitingTime.partialGeometricSum(oneMinusRatio: 0.25, terms: 50) - direct) < 1e-12)
        #expect(WaitingTime.partialGeometricSum(oneMinusRatio: .leastNormalMagnitude / 1e4, terms: 7) == 7)
        #expect(WaitingTime.partialGeometricSum(oneMinusRatio: 0.5, terms: .infinity) == 2)
    }
}
