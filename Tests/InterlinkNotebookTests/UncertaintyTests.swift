import InterlinkCluster
import InterlinkCore
import InterlinkPlot
import InterlinkStats
import InterlinkTestSupport
import Foundation
import Testing
@testable import InterlinkNotebook

/// Parameters of the uncertainty tests.
struct Inputs: Codable, Sendable {
    var x = 1.0
    var y = 2.0
    var z = 1.0
    var length = 0.0
}

/// A study whose engine propagates two uncertain inputs over 64 Latin-hypercube draws.
struct PropagationToyStudy: Study {
    typealias Parameters = Inputs
    var identifier = "propagation-toy"
    var title = "Propagation toy"
    var summary = "A linear model with uncertain inputs along a swept length."
    var version = 1
    var base = Inputs()
    var sweep: Sweep<Inputs> { .linspace(\.length, from: 0, through: 10, count: 9) }
    var plan: Propagation<Inputs> {
        Propagation([UncertainParameter(\.x, .published(1, plusMinus: 0.1, source: "test")),
                     UncertainParameter(\.y, .range(1, 3, source: "test"))], draws: 64, seed: 5)
    }
    var engine: Engine<Inputs> {
        .propagated(plan) { p in [Metric("signal", exp(-0.1 * p.length) * (2 * p.x + 3 * p.y), unit: "V")] }
    }
    var sourceFile: String? { #filePath }
}

@Suite("Uncertainty propagation")
struct PropagationTests {
    /// f = 2x + 3y with x ~ N(1, 0.1), y ~ N(2, 0.2): f ~ N(8, σ² = 4·0.01 + 9·0.04 = 0.4).
    /// Monte Carlo error with N = 4096 draws: SE of the sample variance σ²√(2/(N−1)) = 0.0088, SE of
    /// the 5 % quantile √(p(1−p)/N)/φ(z)·σ = 0.021; tolerances are 4 SE (Latin hypercube only shrinks them).
    @Test("A linear model reproduces the analytic variance and interval (within 4 Monte Carlo SE)")
    func linearModelVariance() throws {
        let plan = Propagation([UncertainParameter(\Inputs.x, .published(1, plusMinus: 0.1, source: "test")),
                                UncertainParameter(\Inputs.y, .published(2, plusMinus: 0.2, source: "test"))],
                               draws: 4096, seed: 3, level: 0.90)
        let f: (Inputs) -> Double = { 2 * $0.x + 3 * $0.y }
        let values = try plan.samples(around: Inputs()).map(f)
        let mean = values.reduce(0, +) / Double(values.count)
        let variance = values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(values.count - 1)
        #expect(abs(variance - 0.4) < 4 * 0.0088, "variance \(variance)")
        let summary = try plan.summarize(Inputs()) { [Metric("f", f($0))] }
        #expect(summary.map(\.name) == ["f", "f_median", "f_low", "f_high"])
        let sigma = 0.4.squareRoot(), z = 1.6448536269514722
        #expect(summary[0].value == 8)
        // SE of the median √(0.25/N)/φ(0)·σ = 0.0124
        #expect(abs(summary[1].value - 8) < 4 * 0.0124)
        #expect(abs(summary[2].value - (8 - z * sigma)) < 4 * 0.021)
        #expect(abs(summary[3].value - (8 + z * sigma)) < 4 * 0.021)
    }

    @Test("Draws are reproducible, independent of the point, and bad plans name the setting")
    func reproducibleAndValidated() throws {
        let plan = PropagationToyStudy().plan
        #expect(plan.coordinates() == plan.coordinates())
        var other = Inputs()
        other.length = 7
        #expect(try plan.samples(around: Inputs()).map(\.x) == plan.samples(around: other).map(\.x))
        let bad = Propagation([UncertainParameter(\Inputs.x, .range(1, 3, source: "t"))], draws: 1)
        do {
            _ = try bad.samples(around: Inputs())
            Issue.record("accepted 1 draw")
        } catch let error as ParameterError { #expect(error.path == "propagation.draws") }
        // A metric no draw changes: low = median = high exactly (no ulp from the quantile interpolation).
        let constant = try plan.summarize(Inputs()) { _ in [Metric("c", 1.4968697564176457e-28)] }
        #expect(constant[1].value == constant[0].value && constant[2].value == constant[0].value && constant[3].value == constant[0].value)
        let nonFinite = Propagation([UncertainParameter(\Inputs.x, .range(-1, 1, source: "t"))], draws: 8)
        #expect(throws: ParameterError.self) { try nonFinite.summarize(Inputs()) { [Metric("r", 1 / max(0, $0.x) - 1e300)] } }
    }

    @Test("--jobs 1, --jobs 2 and merged shards give identical bytes for a propagating study (acceptance)")
    func jobsAndShardsAreByteIdentical() async throws {
        let one = try writtenFiles(try await StudyRunner(options: testOptions(jobs: 1)).run(PropagationToyStudy()))
        let two = try writtenFiles(try await StudyRunner(options: testOptions(jobs: 2)).run(PropagationToyStudy()))
        let folder = try temporaryFolder()
        var files: [URL] = []
        for k in [2, 3, 1] {
            let shard = try Shard(index: k, count: 3)
            let url = folder.appendingPathComponent(shard.fileName(study: try StudyIdentifier("propagation-toy")))
            try await StudyRunner(options: testOptions(jobs: 2)).runShard(PropagationToyStudy(), shard: shard, to: url)
            files.append(url)
        }
        let merged = try writtenFiles(try await StudyRunner(options: testOptions()).merge(PropagationToyStudy(), shardFiles: files))
        #expect(one == two)
        #expect(one == merged)
        let data = try #require(one["data/results.csv"])
        let csv = try #require(String(data: data, encoding: .utf8))
        let header = try #require(csv.split(separator: "\n").first)
        #expect(header.contains("signal_median") && header.contains("signal_low") && header.contains("signal_high"))
    }

    @Test("Propagated series read back from the table draw as a band and format with matched digits")
    func seriesFromTable() async throws {
        let run = try await StudyRunner(options: testOptions()).run(PropagationToyStudy())
        let series = try PropagatedSeries(run.table, x: "length", metric: "signal")
        #expect(series.x.count == 9)
        for i in series.x.indices { #expect(series.low[i] < series.median[i] && series.median[i] < series.high[i]) }
        let marks = series.marks(label: "signal")
        #expect(marks.count == 2)
        _ = try Figure(panels: [Panel(marks: marks)]).render(.svg)
        #expect(try series.formatted(at: 0).contains(" ("))
    }
}

@Suite("Interval formatting")
struct IntervalFormatterTests {
    @Test("Digits follow the interval (hand-rounded examples)")
    func examples() throws {
        // ±10 % on 82.83: half-widths 8.28 → units.
        #expect(try IntervalFormatter.format(82.83, low: 74.55, high: 91.11) == "83 (75–91)")
        // half-width 0.14 (leading digit 1) → two digits: hundredths.
        #expect(try IntervalFormatter.format(0.9312, low: 0.7912, high: 1.0712) == "0.93 (0.79–1.07)")
        // asymmetric: smaller half 0.03 → hundredths
        #expect(try IntervalFormatter.format(5.4321, low: 5.4021, high: 6.1) == "5.43 (5.40–6.10)")
        // large numbers: half-width 3 000 → thousands
        #expect(try IntervalFormatter.format(123_456, low: 120_400, high: 127_000) == "123000 (120000–127000)")
        // tiny numbers share a power of ten: 4.03e-8 with half-widths 0.83e-8, 0.97e-8 → tenths of 1e-8
        #expect(try IntervalFormatter.format(4.03e-8, low: 3.2e-8, high: 5.0e-8) == "4.0 (3.2–5.0) × 10⁻⁸")
        #expect(try IntervalFormatter.format(2.5e7, low: 2.0e7, high: 3.1e7) == "2.5 (2.0–3.1) × 10⁷")
        #expect(try IntervalFormatter.format(2, low: 2, high: 2) == "2")
        #expect(throws: ParameterError.self) { try IntervalFormatter.format(1, low: 2, high: 0) }
    }
}

@Suite("Sensitivity")
struct SensitivityTests {
    /// f = x^3 · y^1 · z^0.5 with x, y, z uniform on x0(1 ± r): for small r the swing at the 5/95 %
    /// points is ≈ 2·0.9·f0·(exponent × r), so bars rank by exponent × relative uncertainty:
    /// x: 3 × 0.02 = 0.06, y: 1 × 0.10 = 0.10, z: 0.5 × 0.05 = 0.025 → y, x, z.
    @Test("Tornado of a product of powers ranks by exponent × relative uncertainty (acceptance)")
    func tornadoRanksByExponentTimesUncertainty() throws {
        let parameters = [UncertainParameter(\Inputs.x, .range(0.98, 1.02, source: "t")),
                          UncertainParameter(\Inputs.y, .range(1.8, 2.2, source: "t")),
                          UncertainParameter(\Inputs.z, .range(0.95, 1.05, source: "t"))]
        let tornado = try Tornado(parameters, base: Inputs()) { pow($0.x, 3) * $0.y * pow($0.z, 0.5) }
        #expect(tornado.bars.map(\.field) == ["y", "x", "z"])
        #expect(tornado.baseline == 2)
        let f0 = 2.0
        for (bar, er) in zip(tornado.bars, [0.10, 0.06, 0.025]) {
            #expect(abs(bar.swing - 2 * 0.9 * f0 * er) < 0.02 * 2 * 0.9 * f0 * er + 0.003, "\(bar.field)")
        }
        // The plot mark keeps the order and labels the rows.
        let bars = try TornadoBars(labels: tornado.bars.map(\.field), low: tornado.bars.map(\.lowOutput),
                                   high: tornado.bars.map(\.highOutput), baseline: tornado.baseline)
        #expect(bars.labels == ["y", "x", "z"])
    }

    /// Ishigami f = sin x1 + a sin² x2 + b x3⁴ sin x1, x_i ~ U(−π, π), a = 7, b = 0.1 (Ishigami &
    /// Homma 1990). Analytic (Sobol' & Levitan 1999; Saltelli et al. 2010): V = a²/8 + bπ⁴/5 +
    /// b²π⁸/18 + 1/2, V1 = (1 + bπ⁴/5)²/2, V2 = a²/8, V3 = 0, V13 = b²π⁸(1/18 − 1/50); S = (0.3139,
    /// 0.4424, 0), ST = (0.5576, 0.4424, 0.2437).
    @Test("Sobol' indices of the Ishigami function lie in their bootstrap intervals (acceptance)")
    func ishigami() throws {
        let a = 7.0, b = 0.1, pi = Double.pi
        let v = a * a / 8 + b * pow(pi, 4) / 5 + b * b * pow(pi, 8) / 18 + 0.5
        let v1 = 0.5 * pow(1 + b * pow(pi, 4) / 5, 2), v2 = a * a / 8, v13 = b * b * pow(pi, 8) * (1.0 / 18 - 1.0 / 50)
        let first = [v1 / v, v2 / v, 0], total = [(v1 + v13) / v, v2 / v, v13 / v]
        #expect(abs(first[0] - 0.3139) < 1e-4 && abs(total[2] - 0.2437) < 1e-4)
        let range = ParameterUncertainty.range(-pi, pi, source: "Ishigami test function")
        let parameters = [UncertainParameter(\Inputs.x, range), UncertainParameter(\Inputs.y, range),
                          UncertainParameter(\Inputs.z, range)]
        let analysis = try SobolAnalysis(parameters, base: Inputs(), rows: 8192, seed: 2, resamples: 1000, level: 0.99) { p in
            sin(p.x) + a * sin(p.y) * sin(p.y) + b * pow(p.z, 4) * sin(p.x)
        }
        for i in 0..<3 {
            let entry = analysis.entries[i]
            #expect(entry.firstOrder.contains(first[i]), "S\(i + 1) = \(entry.firstOrder) vs \(first[i])")
            #expect(entry.total.contains(total[i]), "ST\(i + 1) = \(entry.total) vs \(total[i])")
            #expect(entry.firstOrder.width < 0.1 && entry.total.width < 0.1)
        }
        #expect(abs(analysis.indices.variance - v) < 0.05 * v)
    }
}

@Suite("Findings")
struct CrossingTests {
    @Test("Crossings interpolate inside the range and say so outside it")
    func crossings() throws {
        let x = [0.0, 10, 20, 30]
        // linear: y from 1 to 0.4 between x = 10 and 20 crosses 0.7 at 15
        #expect(try Crossing.first(x: x, y: [1.2, 1, 0.4, 0.1], level: 0.7) == .at(15))
        // log-y: 100 → 1 over 10 km crosses 10 at the midpoint
        #expect(try Crossing.first(x: x, y: [1000, 100, 1, 0.1], level: 10, interpolation: .logY) == .at(15))
        let beyond = try Crossing.first(x: x, y: [5, 4, 3, 2], level: 1)
        #expect(beyond == .beyondSweptRange(lastSwept: 30))
        #expect(beyond.value == nil)
        #expect(beyond.text(unit: "km") == "> 30 km (beyond the swept range)")
        let rising = try #require(try Crossing.first(x: x, y: [0.5, 0.6, 0.8, 0.9], level: 0.7, falling: false).value)
        #expect(abs(rising - 15) < 1e-12)
        #expect(try Crossing.first(x: x, y: [0.5, 0.4, 0.3, 0.2], level: 0.7) == .beforeSweptRange(firstSwept: 0))
        #expect(throws: ParameterError.self) { try Crossing.first(x: [0, 0, 1], y: [1, 1, 1], level: 0.5) }
        #expect(throws: ParameterError.self) { try Crossing.first(x: [0, 1], y: [1, 0], level: 0.5, interpolation: .logY) }
    }
}
