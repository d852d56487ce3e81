import InterlinkCore

/// Range checks shared by the circuit model and the generators.
enum CircuitValidation {
    /// Throws unless `value` lies in `range`; `parameter` names the field in the error.
    static func count(_ value: Int, _ parameter: String, in range: ClosedRange<Int>) throws {
        guard range.contains(value) else {
            let upper = range.upperBound == Int.max ? "∞" : String(range.upperBound)
            throw ParameterError(outOfRange: parameter, value: Double(value), allowed: "[\(range.lowerBound), \(upper)]")
        }
    }

    /// Throws unless `index` lies in `0..<bound`; `kind` says what is indexed ("qubit", "clbit").
    static func index(_ index: Int, _ parameter: String, below bound: Int, kind: String) throws {
        guard index >= 0, index < bound else {
            throw ParameterError(invalid: parameter,
                reason: "\(kind) index \(index) is outside 0..<\(bound)")
        }
    }
}
