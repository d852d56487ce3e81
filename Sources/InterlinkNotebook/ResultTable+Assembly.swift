import InterlinkCore

extension ResultTable {
    /// Builds the table from points (in sweep order) and their outcomes; throws if two points
    /// report the same metric with different units.
    static func assemble(
        study: String, points: [SweepPoint], outcomes: [PointOutcome], declaredFields: [String],
        parameterUnits: [String: String]
    ) throws -> ResultTable {
        let flattened = points.map { point in
            Dictionary(point.parameters.flattened().map { ($0.path, $0.value) }, uniquingKeysWith: { first, _ in first })
        }
        // Parameter columns: declared sweep fields (or their leaves) first, then varying leaves.
        var allPaths = Set<String>()
        for leaves in flattened { allPaths.formUnion(leaves.keys) }
        var chosen: [String] = []
        var taken = Set<String>()
        for field in declaredFields {
            let leaves = allPaths.filter { $0 == field || $0.hasPrefix(field + ".") }.sorted(by: JSONValue.byteOrder)
            for leaf in leaves where taken.insert(leaf).inserted { chosen.append(leaf) }
        }
        let varying = allPaths.subtracting(taken).filter { path in
            let first = flattened.first?[path]
            return flattened.contains { $0[path] != first }
        }
        chosen += varying.sorted(by: JSONValue.byteOrder)
        let parameterColumns = chosen.map { ParameterColumn(name: $0, unit: parameterUnits[$0] ?? "") }

        // Metric columns in order of first appearance; units must agree.
        var metricOrder: [String] = []
        var units: [String: String] = [:]
        var uncertain = Set<String>()
        var rows: [Row] = []
        for (index, point) in points.enumerated() {
            var metrics: [String: Metric] = [:]
            var failure: String?
            switch outcomes[index] {
            case .success(let list):
                for metric in list {
                    if let unit = units[metric.name] {
                        if unit != metric.unit {
                            throw NotebookError.pointFailed(
                                study: study, index: index, point: point.parameters.canonicalText,
                                reason: "metric \(metric.name) has unit \"\(metric.unit)\" here but \"\(unit)\" at an earlier point")
                        }
                    } else {
                        units[metric.name] = metric.unit
                        metricOrder.append(metric.name)
                    }
                    if metric.uncertainty != nil { uncertain.insert(metric.name) }
                    metrics[metric.name] = metric
                }
            case .failure(let message):
                failure = message
            }
            rows.append(Row(index: index, pointKey: point.key, parameters: flattened[index], metrics: metrics, failure: failure))
        }
        let metricColumns = metricOrder.map {
            MetricColumn(name: $0, unit: units[$0] ?? "", hasUncertainty: uncertain.contains($0))
        }
        if let clash = metricOrder.first(where: { name in chosen.contains(name) }) {
            throw NotebookError.invalidSweep(study: study, reason: "metric \(clash) has the same name as a parameter column")
        }
        return ResultTable(study: study, parameterColumns: parameterColumns, metricColumns: metricColumns, rows: rows)
    }
}

/// The outcome of one point: its metrics, or (keep-going) the error message.
package enum PointOutcome: Sendable, Hashable {
    case success([Metric])
    case failure(String)
}
