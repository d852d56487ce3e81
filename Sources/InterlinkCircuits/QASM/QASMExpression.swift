import Foundation

/// A parsed real-valued parameter expression: numbers, `pi`, gate parameters, `+ - * /`, powers,
/// unary minus and the functions `sin cos tan exp ln sqrt`.
indirect enum QASMExpression: Sendable {
    case number(Double)
    /// A gate parameter by name (only inside gate definitions).
    case parameter(String, SourceLocation)
    case negate(QASMExpression)
    case binary(Operator, QASMExpression, QASMExpression, SourceLocation)
    case function(Function, QASMExpression, SourceLocation)

    enum Operator: String, Sendable {
        case add = "+", subtract = "-", multiply = "*", divide = "/", power = "^"
    }

    enum Function: String, Sendable, CaseIterable {
        case sin, cos, tan, exp, ln, sqrt
    }

    /// The named constants: `pi`/`π`, and in OpenQASM 3 also `tau`/`τ` and `euler`/`ℇ`.
    static func constant(_ name: String, version: Int) -> Double? {
        switch name {
        case "pi", "π": return Double.pi
        case "tau", "τ": return version >= 3 ? 2 * Double.pi : nil
        case "euler", "ℇ": return version >= 3 ? M_E : nil
        default: return nil
        }
    }

    /// The value with the gate parameters bound to `bindings`.
    ///
    /// - Throws: ``QASMError`` at the operator or function for a division by zero or a result that is
    ///   not a finite real number, or at a parameter without a binding.
    func evaluate(_ bindings: [String: Double] = [:]) throws -> Double {
        switch self {
        case let .number(value):
            return value
        case let .parameter(name, location):
            guard let value = bindings[name] else { throw location.error("unknown identifier '\(name)'") }
            return value
        case let .negate(operand):
            return try -operand.evaluate(bindings)
        case let .binary(op, lhs, rhs, location):
            let (a, b) = (try lhs.evaluate(bindings), try rhs.evaluate(bindings))
            let value: Double
            switch op {
            case .add: value = a + b
            case .subtract: value = a - b
            case .multiply: value = a * b
            case .divide:
                guard b != 0 else { throw location.error("division by zero") }
                value = a / b
            case .power: value = pow(a, b)
            }
            guard value.isFinite else {
                throw location.error("'\(a) \(op.rawValue) \(b)' is not a finite real number")
            }
            return value
        case let .function(function, argument, location):
            let x = try argument.evaluate(bindings)
            let value: Double
            switch function {
            case .sin: value = sin(x)
            case .cos: value = cos(x)
            case .tan: value = tan(x)
            case .exp: value = exp(x)
            case .ln: value = log(x)
            case .sqrt: value = x >= 0 ? x.squareRoot() : .nan
            }
            guard value.isFinite, (function != .ln || x > 0) else {
                throw location.error("\(function.rawValue)(\(x)) is not a finite real number")
            }
            return value
        }
    }

    /// The gate-parameter names the expression uses, with where each use is.
    var parameterUses: [(String, SourceLocation)] {
        switch self {
        case .number: return []
        case let .parameter(name, location): return [(name, location)]
        case let .negate(operand): return operand.parameterUses
        case let .binary(_, lhs, rhs, _): return lhs.parameterUses + rhs.parameterUses
        case let .function(_, argument, _): return argument.parameterUses
        }
    }
}
