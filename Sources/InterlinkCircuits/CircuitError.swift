/// Errors thrown when a circuit, an operation or a generator is given invalid input.
///
/// Every case names the parameter path (for example `operations[3].qubits[1]` or `ghz.qubits`), the
/// offending value and what is allowed.
public enum CircuitError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A numeric parameter lies outside its allowed range.
    case outOfRange(parameter: String, value: Double, allowed: String)
    /// A structural parameter (index, count, name, shape) is invalid.
    case invalid(parameter: String, reason: String)

    /// A human-readable description naming the parameter, its value and what is allowed.
    public var description: String {
        switch self {
        case let .outOfRange(parameter, value, allowed):
            return "\(parameter) = \(value) is outside the allowed range \(allowed)"
        case let .invalid(parameter, reason):
            return "\(parameter): \(reason)"
        }
    }
}

/// Range checks shared by the circuit model and the generators.
enum CircuitValidation {
    /// Throws unless `value` lies in `range`; `parameter` names the field in the error.
    static func count(_ value: Int, _ parameter: String, in range: ClosedRange<Int>) throws {
        guard range.contains(value) else {
            let upper = range.upperBound == Int.max ? "∞" : String(range.upperBound)
            throw CircuitError.outOfRange(
                parameter: parameter, value: Double(value), allowed: "[\(range.lowerBound), \(upper)]")
        }
    }

    /// Throws unless `index` lies in `0..<bound`; `kind` says what is indexed ("qubit", "clbit").
    static func index(_ index: Int, _ parameter: String, below bound: Int, kind: String) throws {
        guard index >= 0, index < bound else {
            throw CircuitError.invalid(
                parameter: parameter,
                reason: "\(kind) index \(index) is outside 0..<\(bound)")
        }
    }
}
