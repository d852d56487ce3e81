import Foundation
import Interlink

/// The headline numbers of a study with their uncertainty from the presets' published ranges (and
/// labelled assumptions): a 90 % central interval from Latin-hypercube draws (`Propagation`) and a
/// one-at-a-time tornado per headline (`Tornado`), turned into derived metrics, a table with digits
/// matched to the interval (`IntervalFormatter`), a sensitivity table and a tornado figure. Shared by
/// the photon-loss, mode-matching and purification studies; every headline is recomputed from the
/// model at every draw, never read off a grid.
struct HeadlineUncertainty<Parameters: Sendable>: Sendable {
    /// One headline number.
    struct Headline: Sendable {
        /// Metric name (`crossoverLossPreset`).
        var name: String
        /// Words for tables and figures (`crossover loss, preset split`).
        var label: String
        /// Unit ("" for none).
        var unit: String
    }

    /// One headline's nominal value and interval.
    struct Entry: Sendable {
        /// The headline.
        var headline: Headline
        /// The value at the nominal parameters.
        var nominal: Double
        /// The 5 % and 95 % points over the draws.
        var low: Double, high: Double
    }

    /// The uncertain parameters, labelled in words.
    var parameters: [UncertainParameter<Parameters>]
    /// The headlines, in the order `compute` returns them.
    var headlines: [Headline]
    /// Number of draws.
    var draws: Int
    /// Seed of the draws.
    var seed: UInt64
    /// Every headline at a parameter point (finite at every draw: a headline that can leave the swept
    /// range must throw there, so it is never quoted from a draw outside it).
    var compute: @Sendable (Parameters) throws -> [Double]

    /// Central interval level of the intervals and the tornado coverage.
    static var level: Double { 0.9 }

    /// The Latin-hypercube draws of the headlines (also used for the bands of a study's figures, so a band
    /// and the headline intervals come from the same draws).
    var propagation: Propagation<Parameters> {
        Propagation(parameters, draws: draws, seed: seed, design: .latinHypercube, level: Self.level)
    }

    /// Nominal values and 90 % intervals of every headline.
    func entries(around base: Parameters) throws -> [Entry] {
        let metrics = try propagation.summarize(base) { p in
            let values = try compute(p)
            return zip(headlines, values).map { Metric($0.name, $1, unit: $0.unit) }
        }
        func value(_ name: String) throws -> Double {
            guard let m = metrics.first(where: { $0.name == name }) else {
                throw ParameterError(invalid: "headline", reason: "metric \(name) missing from the propagation")
            }
            return m.value
        }
        let names = PropagatedColumns.suffixes
        return try headlines.map { h in
            Entry(headline: h, nominal: try value(h.name), low: try value(h.name + names[1]), high: try value(h.name + names[2]))
        }
    }

    /// Derived metrics: each headline with half its 90 % interval as its ± (so a report quotes digits
    /// matched to the interval) and the interval's ends.
    func derivation(_ title: String, base: Parameters) -> Derivation {
        Derivation(title) { _ in
            try entries(around: base).flatMap { e -> [Metric] in
                let n = e.headline.name, u = e.headline.unit
                let half = (e.high - e.low) / 2
                return [Metric(n, e.nominal, unit: u, uncertainty: half > 0 ? half : nil),
                        Metric(n + "_low", e.low, unit: u), Metric(n + "_high", e.high, unit: u)]
            }
        }
    }

    /// One tornado per headline. The model is evaluated once per one-at-a-time point: the first
    /// tornado records every headline at each point it visits, and the others replay those values
    /// (`Tornado` visits the base, then each parameter's low and high point, in a fixed order).
    func tornadoes(around base: Parameters) throws -> [Tornado] {
        var recorded: [[Double]] = []
        let first = try Tornado(parameters, base: base, coverage: Self.level) { p in
            let values = try compute(p)
            recorded.append(values)
            return values[0]
        }
        var all = [first]
        for i in headlines.indices.dropFirst() {
            var call = 0
            all.append(try Tornado(parameters, base: base, coverage: Self.level) { _ in
                defer { call += 1 }
                guard call < recorded.count else {
                    throw ParameterError(invalid: "tornado", reason: "more evaluations than the recorded tornado made")
                }
                return recorded[call][i]
            })
        }
        return all
    }

    /// The headline table and the sensitivity table, with captions naming the drawn `inputs`.
    func tables(inputs: String, base: Parameters) -> [TableSpec] {
        [table("headline-uncertainty", caption: "Headline numbers with the 90 % central interval over \(draws) Latin-hypercube "
                   + "draws of \(inputs); every other value exact; digits matched to the interval. The value is the one at the nominal "
                   + "inputs, which need not be the centre of the drawn ranges, so it can sit at or just beyond an end of its "
                   + "interval.", base: base),
         sensitivityTable("sensitivity", caption: "One at a time: each headline with one input at its 5 % and 95 % point, all "
                              + "others nominal (the tornado's data).", base: base)]
    }

    /// The headline table: value with its 90 % interval, digits matched.
    /// It reads the derived metrics of ``derivation(_:base:)`` (the draws are evaluated once).
    func table(_ name: String, caption: String, base: Parameters) -> TableSpec {
        TableSpec(name, caption: caption, results: { results in try headlineData(results) })
    }

    /// The data of ``table(_:caption:base:)``, from the derived metrics in `results`.
    func headlineData(_ results: StudyResults) throws -> DataTable {
        let rows: [[DataTable.Cell]] = try headlines.map { h in
            guard let value = results.derivedIfPresent(h.name)?.value, let low = results.derivedIfPresent(h.name + "_low")?.value,
                  let high = results.derivedIfPresent(h.name + "_high")?.value else {
                throw ParameterError(invalid: "headline", reason: "\(h.name) and its interval are missing from the derived results")
            }
            return [.text(h.label), .text(try IntervalFormatter.format(value, low: low, high: high)), .text(h.unit)]
        }
        return try DataTable(columns: [DataTable.Column("quantity"), DataTable.Column("value (90 % interval)"),
                                       DataTable.Column("unit")], rows: rows)
    }

    /// The sensitivity table: per parameter, each headline at the parameter's 5 % and 95 % points (all
    /// else nominal), and the parameter's range and source.
    func sensitivityTable(_ name: String, caption: String, base: Parameters) -> TableSpec {
        TableSpec(name, caption: caption) { (_: ResultTable) in try sensitivityData(base: base) }
    }

    /// The data of ``sensitivityTable(_:caption:base:)``.
    func sensitivityData(base: Parameters) throws -> DataTable {
        let all = try tornadoes(around: base)
        var rows: [[DataTable.Cell]] = []
        for parameter in parameters {
            var row: [DataTable.Cell] = [.text(parameter.field), .text(Self.words(parameter.uncertainty.distribution)
                                                                         + (parameter.uncertainty.isAssumption ? " (assumption)" : ""))]
            for tornado in all {
                guard let bar = tornado.bars.first(where: { $0.field == parameter.field }) else { row.append(.empty); continue }
                row.append(.text(Self.swing(bar)))
            }
            rows.append(row)
        }
        return try DataTable(columns: [DataTable.Column("parameter"), DataTable.Column("range")]
                             + headlines.map { DataTable.Column("\($0.label) at 5 % / 95 %", unit: $0.unit) }, rows: rows)
    }

    /// A drawn range in words: `uniform 0.9 to 0.98`, `log-uniform 1 to 130`, `normal 0.95 ± 0.02`
    /// (three significant digits, powers of ten as `× 10⁻⁵`).
    static func words(_ d: ParameterDistribution) -> String {
        func f(_ x: Double) -> String { Requirement.format(x, digits: 3) }
        switch d {
        case let .normal(m, s): return "normal \(f(m)) ± \(f(s))"
        case let .logNormal(m, g): return "log-normal, median \(f(m)), ×/÷ \(f(g))"
        case let .uniform(l, u): return "uniform \(f(l)) to \(f(u))"
        case let .logUniform(l, u): return "log-uniform \(f(l)) to \(f(u))"
        }
    }

    /// `a / b` at three significant digits, powers of ten as `× 10⁻⁵`.
    static func swing(_ bar: Tornado.Bar) -> String {
        "\(Requirement.format(bar.lowOutput, digits: 3)) / \(Requirement.format(bar.highOutput, digits: 3))"
    }

    /// Tornado figure of headline `index`.
    func tornadoFigure(_ name: String, caption: String, index: Int, xLabel: String, base: Parameters) -> FigureSpec {
        FigureSpec(name, caption: caption) { (_: ResultTable) in try tornadoPlot(index: index, xLabel: xLabel, base: base) }
    }

    /// The figure of ``tornadoFigure(_:caption:index:xLabel:base:)``.
    func tornadoPlot(index: Int, xLabel: String, base: Parameters) throws -> Figure {
        let tornado = try tornadoes(around: base)[index]
        let bars = try TornadoBars(labels: tornado.bars.map(\.field), low: tornado.bars.map(\.lowOutput),
                                   high: tornado.bars.map(\.highOutput), baseline: tornado.baseline,
                                   lowLabel: "at the 5 % point", highLabel: "at the 95 % point")
        return Figure(theme: .apsSingleColumn, panels: [Panel.tornado(bars, xLabel: xLabel)])
    }
}

/// Headline numbers whose uncertainty set-up depends on the sweep's results (which compositions or
/// machines lead it): the derivation, the headline and sensitivity tables and a tornado figure, each
/// building its ``HeadlineUncertainty`` from the result table it is given. Shared by the architecture
/// studies (modality-mix, heterogeneous-machines).
struct SweepHeadlines<Parameters: Sendable>: Sendable {
    /// The nominal parameters.
    var base: Parameters
    /// The headline uncertainty for a sweep's results.
    var make: @Sendable (ResultTable) throws -> HeadlineUncertainty<Parameters>

    /// The headlines with their intervals as derived metrics (`name`, `name_low`, `name_high`).
    func derivation(_ title: String) -> Derivation {
        let base = self.base, make = self.make
        return Derivation(title) { table in try make(table).derivation(title, base: base).compute(table) }
    }

    /// Table `headline-uncertainty` (values with intervals) and `headline-sensitivity` (one at a time).
    func tables(headlineCaption: String, sensitivityCaption: String) -> [TableSpec] {
        let base = self.base, make = self.make
        return [TableSpec("headline-uncertainty", caption: headlineCaption, results: { results in
                    try make(results.table).headlineData(results)
                }),
                TableSpec("headline-sensitivity", caption: sensitivityCaption) { table in
                    try make(table).sensitivityData(base: base)
                }]
    }

    /// The tornado of headline `index`.
    func tornado(_ name: String, caption: String, index: Int, xLabel: String) -> FigureSpec {
        let base = self.base, make = self.make
        return FigureSpec(name, caption: caption) { table in try make(table).tornadoPlot(index: index, xLabel: xLabel, base: base) }
    }
}

/// Source files shared by the link studies (part of their code fingerprints).
enum SharedStudySources {
    /// `HeadlineUncertainty.swift`.
    static let headlineUncertainty = #filePath
}
