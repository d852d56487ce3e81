/// Checks of arrays and counts: arguments of statistics and fits, figure data, sampled designs.
extension Validate {
    /// Every element of `values` must be finite; the error names `path[i]`.
    public static func finite(_ values: [Double], at path: String) throws {
        if let index = values.firstIndex(where: { !$0.isFinite }) {
            try finite(values[index], at: "\(path)[\(index)]")
        }
    }

    /// Every element of `values` must be finite and strictly positive; the error names `path[i]`.
    public static func positive(_ values: [Double], at path: String) throws {
        if let index = values.firstIndex(where: { !($0.isFinite && $0 > 0) }) {
            try positive(values[index], at: "\(path)[\(index)]")
        }
    }

    /// A number strictly between 0 and 1 (a confidence level, a quantile probability).
    public static func openUnit(_ value: Double, at path: String) throws {
        guard value.isFinite, value > 0, value < 1 else {
            throw ParameterError(path: path, value: value, range: "(0, 1)")
        }
    }

    /// A count of at least `minimum`; `reason` (when given) says why in the message.
    public static func count(_ value: Int, atLeast minimum: Int, at path: String, reason: String) throws {
        guard value >= minimum else {
            throw ParameterError(path: path, value: "\(value)", allowed: "≥ \(minimum) (\(reason))")
        }
    }

    /// Two collections that must have the same length: the error names `path` (the second one's count).
    public static func sameCount(_ expected: Int, _ expectedName: String, _ actual: Int, at path: String) throws {
        guard expected == actual else {
            throw ParameterError(path: path, value: "\(actual)", allowed: "equal to \(expectedName) = \(expected)")
        }
    }
}
