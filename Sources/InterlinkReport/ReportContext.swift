import InterlinkCore
import InterlinkNotebook

/// Builds the template context of one study's report from its run.
///
/// Keys (all text is Markdown-ready):
/// - `identifier`, `title`, `summary`, `version`
/// - `parameters`: `[{name, label, value, unit}]` — parameters that are the same at every point (`label`:
///   the field in words, ``ParameterWords``)
/// - `axes`: `[{name, unit, label, from, to, count, where}]` — parameters the sweep varies (`where`: " (set at K of N points)" for a field only some points set, else empty)
/// - `sweep`, `engine`, `pointCount`, `failedCount`, `hasFailures`
/// - `derived`: `[{derivation, label, metrics: [{name, unit, value}]}]`, values formatted with their
///   uncertainty (``UncertainValueFormatter``; ``plainDigits`` significant digits without one); `label` (`derived-1`, …) names its table for
///   ``ReportCrossReferences``
/// - `values`: every derived metric by name (`values.attenuation_dB_per_km`), formatted, with unit
/// - `numbers`: the same values without the unit
/// - `intervals`: `value (low–high) unit` with digits matched to the interval (``IntervalFormatter``)
///   for every derived metric `m` that comes with `m_low` and `m_high`
/// - `figures`: `[{name, file, pdf, caption}]` (SVG for Markdown hosts, PDF alongside)
/// - `tables`: `[{name, caption, csv, markdown}]` (a pipe table, numeric columns right-aligned)
/// - `results`: `{csv, json}`
/// - `hasParameters`, `hasAxes`, `hasDerived`, `hasFigures`, `hasTables`: flags for headings
/// - `provenance`: `{commit, dirty, fingerprint, rootSeed, versions: [{name, version}]}`
/// - `presets`: `[{name, status, summary}]` — the device presets the study uses (`Study.presets`),
///   each demonstrated or projected; `hasPresets`
public enum ReportContext {
    /// Significant digits of a report number given without an uncertainty (values with one are
    /// rounded to what it justifies; headlines with an interval to the interval's digits): three, so
    /// that no bare model output claims more precision than a reader can use.
    public static let plainDigits = 3

    /// The context for `run`.
    public static func make(for run: StudyRun) throws -> TemplateValue {
        let formatter = UncertainValueFormatter(significantDigits: plainDigits)
        var fields: [String: TemplateValue] = [
            "identifier": .text(run.identifier.rawValue),
            "title": .text(run.title),
            "summary": .text(run.summary),
            "version": .text("\(run.version)"),
            "sweep": .text(run.provenance.sweep),
            "engine": .text(run.provenance.engine),
            "pointCount": .text("\(run.provenance.pointCount)"),
            "failedCount": .text("\(run.table.failures.count)"),
            "hasFailures": .bool(!run.table.failures.isEmpty),
        ]
        let (constants, axes) = parameterSummary(run, formatter: formatter)
        fields["parameters"] = .list(constants)
        fields["axes"] = .list(axes)
        fields["hasParameters"] = .bool(!constants.isEmpty)
        fields["hasAxes"] = .bool(!axes.isEmpty)
        fields["hasDerived"] = .bool(!run.derived.isEmpty)
        fields["hasFigures"] = .bool(!run.figures.isEmpty)
        fields["hasTables"] = .bool(!run.tables.isEmpty)
        var values: [String: TemplateValue] = [:]
        var numbers: [String: TemplateValue] = [:]
        fields["derived"] = .list(run.derived.enumerated().map { index, result in
            .object([
                "derivation": .text(result.derivation),
                "label": .text("derived-\(index + 1)"),
                "metrics": .list(result.metrics.map { metric in
                    let text = formatter.string(metric.value, uncertainty: metric.uncertainty)
                    let withUnit = metric.unit.isEmpty ? text : Self.withUnit(text, metric.unit)
                    values[metric.name] = .text(withUnit)
                    numbers[metric.name] = .text(text)
                    return .object(["name": .text(metric.name), "unit": .text(metric.unit), "value": .text(text)])
                }),
            ])
        })
        fields["values"] = .object(values)
        fields["numbers"] = .object(numbers)
        fields["intervals"] = .object(try intervals(run.derived.flatMap(\.metrics)))
        fields["figures"] = .list(run.figures.map { figure in
            .object([
                "name": .text(figure.fileName),
                "file": .text("figures/\(figure.fileName).svg"),
                "pdf": .text("figures/\(figure.fileName).pdf"),
                "caption": .text(figure.caption),
            ])
        })
        fields["tables"] = .list(run.tables.map { table in
            .object([
                "name": .text(table.fileName),
                "caption": .text(table.caption),
                "csv": .text("data/\(table.fileName).csv"),
                "markdown": .text(markdownTable(table.table, formatter: formatter)),
            ])
        })
        fields["results"] = .object(["csv": "data/results.csv", "json": "data/results.json"])
        fields["presets"] = .list(run.presets.map { preset in
            .object(["name": .text(preset.name), "status": .text(preset.status),
                     "summary": .text(preset.summary.replacingOccurrences(of: "|", with: "\\|"))])
        })
        fields["hasPresets"] = .bool(!run.presets.isEmpty)
        let dirty: String
        switch run.provenance.git.dirty {
        case .some(true): dirty = "yes"
        case .some(false): dirty = "no"
        case .none: dirty = "unknown"
        }
        fields["provenance"] = .object([
            "commit": .text(run.provenance.git.commit),
            "dirty": .text(dirty),
            "fingerprint": .text(run.provenance.codeFingerprint),
            "rootSeed": .text("\(run.provenance.rootSeed)"),
            "versions": .list(run.provenance.versions.sorted(by: { $0.key < $1.key }).map {
                .object(["name": .text($0.key), "version": .text($0.value)])
            }),
        ])
        return .object(fields)
    }

    /// `0.18 ± 0.01 dB/km`, or `(3.1 ± 0.2) × 10⁻⁴ s` with the unit after the bracket.
    /// `value (low–high) unit` (``IntervalFormatter``, digits matched to the interval) for every
    /// derived metric `m` that has companions `m_low` and `m_high`.
    static func intervals(_ metrics: [Metric]) throws -> [String: TemplateValue] {
        let byName = Dictionary(metrics.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var out: [String: TemplateValue] = [:]
        for metric in metrics {
            guard let low = byName[metric.name + "_low"], let high = byName[metric.name + "_high"] else { continue }
            let text = try IntervalFormatter.format(metric.value, low: min(low.value, metric.value), high: max(high.value, metric.value))
            out[metric.name] = .text(metric.unit.isEmpty ? text : "\(text) \(metric.unit)")
        }
        return out
    }

    static func withUnit(_ text: String, _ unit: String) -> String {
        text.contains("±") && !text.hasPrefix("(") ? "(\(text)) \(unit)" : "\(text) \(unit)"
    }

    /// Parameters constant over the sweep, and the axes it varies.
    static func parameterSummary(_ run: StudyRun, formatter: UncertainValueFormatter)
        -> (constants: [TemplateValue], axes: [TemplateValue])
    {
        let table = run.table
        var constants: [TemplateValue] = []
        var axes: [TemplateValue] = []
        // Base parameters the sweep does not vary (nested fields by dotted path).
        let swept = Set(table.parameterColumns.map(\.name))
        for (path, value) in run.baseParameters.flattened() where !swept.contains(path) {
            let unit = run.parameterUnits[path] ?? ""
            constants.append(.object([
                "name": .text(path), "label": .text(ParameterWords.of(path, unit: unit)),
                "value": .text(cell(value, formatter: formatter)), "unit": .text(unit),
            ]))
        }
        for column in table.parameterColumns {
            let values = table.rows.compactMap { $0.parameters[column.name] }
            var distinct: [JSONValue] = []
            for v in values where !distinct.contains(v) { distinct.append(v) }
            let unit = column.unit
            // A field that only some points set (an optional part of the parameters) is not "the same at
            // every point": it is listed with the sweep, saying where it is set.
            let setAt = values.count < table.rows.count ? " (set at \(values.count) of \(table.rows.count) points)" : ""
            if distinct.count <= 1 && setAt.isEmpty {
                let text = distinct.first.map { cell($0, formatter: formatter) } ?? ""
                constants.append(.object(["name": .text(column.name), "label": .text(ParameterWords.of(column.name, unit: unit)),
                                          "value": .text(text), "unit": .text(unit)]))
            } else {
                let numbers = distinct.compactMap(\.doubleValue)
                let from: String, to: String
                if numbers.count == distinct.count, let lo = numbers.min(), let hi = numbers.max() {
                    from = formatter.plain(lo)
                    to = formatter.plain(hi)
                } else {
                    from = cell(distinct[0], formatter: formatter)
                    to = cell(distinct[distinct.count - 1], formatter: formatter)
                }
                axes.append(.object([
                    "name": .text(column.name), "unit": .text(unit),
                    "label": .text(unit.isEmpty ? ParameterWords.of(column.name) : "\(ParameterWords.of(column.name, unit: unit)) (\(unit))"),
                    "from": .text(from), "to": .text(to),
                    "count": .text("\(distinct.count)"), "where": .text(setAt),
                ]))
            }
        }
        return (constants, axes)
    }

    /// A parameter value exactly as given (shortest round-trip form): inputs are not rounded.
    static func cell(_ value: JSONValue, formatter: UncertainValueFormatter) -> String {
        value.cellText
    }

    /// A Markdown pipe table; columns whose cells are all numbers align right.
    public static func markdownTable(_ table: DataTable,
                                     formatter: UncertainValueFormatter = UncertainValueFormatter(significantDigits: plainDigits))
        -> String
    {
        func text(_ cell: DataTable.Cell) -> String {
            switch cell {
            case .empty: return "—"
            case .text(let s): return s.replacingOccurrences(of: "|", with: "\\|")
            case .integer(let i): return "\(i)"
            case let .number(x, u): return formatter.string(x, uncertainty: u)
            }
        }
        let numeric = table.columns.indices.map { c in
            table.rows.allSatisfy { row in
                switch row[c] {
                case .text: return false
                default: return true
                }
            }
        }
        var lines = ["| " + table.columns.map { $0.unit.isEmpty ? $0.name : "\($0.name) (\($0.unit))" }
            .joined(separator: " | ") + " |"]
        lines.append("|" + numeric.map { $0 ? "--:|" : ":--|" }.joined())
        for row in table.rows {
            lines.append("| " + row.map(text).joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n")
    }
}

extension JSONValue {
    /// The value as a number, when it is one.
    var doubleValue: Double? {
        switch self {
        case .integer(let i): return Double(i)
        case .number(let x): return x
        default: return nil
        }
    }
}
