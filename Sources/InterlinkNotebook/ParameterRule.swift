import InterlinkCore
/// One validation rule on the parameter type, checked on every sweep point before any point is
/// computed. Field names come from the key path (`\.link.lengthKm` → `link.lengthKm`).
public struct ParameterRule<Parameters: Sendable>: Sendable {
    /// The field the rule is about.
    public let field: String
    private let check: @Sendable (Parameters) -> ParameterError?

    /// A rule from a field name and a check returning the error to report, or `nil` when valid.
    public init(field: String, check: @escaping @Sendable (Parameters) -> ParameterError?) {
        self.field = field
        self.check = check
    }

    /// Throws the rule's `ParameterError` when `parameters` break it.
    public func validate(_ parameters: Parameters) throws {
        if let error = check(parameters) { throw error }
    }

    /// The value must be finite and lie in the closed range `range`.
    public static func range(
        _ keyPath: KeyPath<Parameters, Double> & Sendable, _ range: ClosedRange<Double>
    ) -> ParameterRule {
        let field = FieldName.of(keyPath)
        return ParameterRule(field: field) { parameters in
            let value = parameters[keyPath: keyPath]
            guard value.isFinite, range.contains(value) else {
                return ParameterError(path: field, value: "\(value)", allowed: "in [\(range.lowerBound), \(range.upperBound)]")
            }
            return nil
        }
    }

    /// The value must be a probability or efficiency: finite and in [0, 1].
    public static func unitInterval(_ keyPath: KeyPath<Parameters, Double> & Sendable) -> ParameterRule {
        range(keyPath, 0...1)
    }

    /// The value must be finite and strictly positive.
    public static func positive(_ keyPath: KeyPath<Parameters, Double> & Sendable) -> ParameterRule {
        let field = FieldName.of(keyPath)
        return ParameterRule(field: field) { parameters in
            let value = parameters[keyPath: keyPath]
            return value.isFinite && value > 0 ? nil : ParameterError(path: field, value: "\(value)", allowed: "finite and > 0")
        }
    }

    /// The value must be finite and not negative.
    public static func nonNegative(_ keyPath: KeyPath<Parameters, Double> & Sendable) -> ParameterRule {
        let field = FieldName.of(keyPath)
        return ParameterRule(field: field) { parameters in
            let value = parameters[keyPath: keyPath]
            return value.isFinite && value >= 0 ? nil : ParameterError(path: field, value: "\(value)", allowed: "finite and ≥ 0")
        }
    }

    /// An integer field must lie in `range`.
    public static func range(
        _ keyPath: KeyPath<Parameters, Int> & Sendable, _ range: ClosedRange<Int>
    ) -> ParameterRule {
        let field = FieldName.of(keyPath)
        return ParameterRule(field: field) { parameters in
            let value = parameters[keyPath: keyPath]
            return range.contains(value) ? nil : ParameterError(path: field, value: "\(value)", allowed: "in \(range.lowerBound)...\(range.upperBound)")
        }
    }

    /// A free-form rule: `isValid` decides, `allowed` describes the accepted values and
    /// `value` renders the offending value for the message.
    public static func require<Value>(
        _ keyPath: KeyPath<Parameters, Value> & Sendable, allowed: String,
        _ isValid: @escaping @Sendable (Value) -> Bool
    ) -> ParameterRule {
        let field = FieldName.of(keyPath)
        return ParameterRule(field: field) { parameters in
            let value = parameters[keyPath: keyPath]
            return isValid(value) ? nil : ParameterError(path: field, value: "\(value)", allowed: allowed)
        }
    }
}
