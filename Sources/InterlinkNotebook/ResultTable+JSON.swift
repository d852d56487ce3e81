import InterlinkCore

extension ResultTable {
    /// The table as a JSON value (written as `data/results.json`, keys sorted):
    /// `{"study", "columns": [{"kind", "name", "unit"}], "rows": [{"index", "pointKey",
    /// "parameters": {path: value}, "metrics": {name: {"value", "uncertainty"}}, "error"?}]}`.
    /// Numbers keep their shortest round-trip spelling; non-finite numbers are strings.
    public func json() -> JSONValue {
        let columns: [JSONValue] =
            parameterColumns.map { .object(["kind": .string("parameter"), "name": .string($0.name), "unit": .string($0.unit)]) }
            + metricColumns.map { .object(["kind": .string("metric"), "name": .string($0.name), "unit": .string($0.unit)]) }
        let rowValues: [JSONValue] = rows.map { row in
            var metrics: [String: JSONValue] = [:]
            for (name, metric) in row.metrics {
                var entry: [String: JSONValue] = ["value": .number(metric.value)]
                if let uncertainty = metric.uncertainty { entry["uncertainty"] = .number(uncertainty) }
                metrics[name] = .object(entry)
            }
            var object: [String: JSONValue] = [
                "index": .integer(Int64(row.index)),
                "pointKey": .string(row.pointKey),
                "parameters": .object(row.parameters),
                "metrics": .object(metrics),
            ]
            if let failure = row.failure { object["error"] = .string(failure) }
            return .object(object)
        }
        return .object(["study": .string(study), "columns": .array(columns), "rows": .array(rowValues)])
    }

    /// RFC 4180 CSV of every column (`data/results.csv`).
    public func csv() throws -> String {
        try dataTable().csv()
    }
}
