/// Argument checks shared by every entry point. Each throws
/// ``StatsError/invalidArgument(parameter:value:requirement:)`` naming the argument, so that inputs
/// GSL would accept silently but that make no sense never reach it.
enum Validate {
    /// Every element of `values` must be finite.
    static func finite(_ values: [Double], _ name: String) throws {
        if let index = values.firstIndex(where: { !$0.isFinite }) {
            throw StatsError.invalidArgument(
                parameter: "\(name)[\(index)]", value: "\(values[index])", requirement: "finite")
        }
    }

    /// A scalar must be finite.
    static func finite(_ value: Double, _ name: String) throws {
        guard value.isFinite else {
            throw StatsError.invalidArgument(parameter: name, value: "\(value)", requirement: "finite")
        }
    }

    /// Every element of `values` must be finite and strictly positive.
    static func positive(_ values: [Double], _ name: String) throws {
        if let index = values.firstIndex(where: { !($0.isFinite && $0 > 0) }) {
            throw StatsError.invalidArgument(
                parameter: "\(name)[\(index)]", value: "\(values[index])",
                requirement: "finite and > 0")
        }
    }

    /// A scalar must be finite and strictly positive.
    static func positive(_ value: Double, _ name: String) throws {
        guard value.isFinite && value > 0 else {
            throw StatsError.invalidArgument(
                parameter: name, value: "\(value)", requirement: "finite and > 0")
        }
    }

    /// A count (named in full, e.g. `"x.count"`) must be at least `minimum`.
    static func count(_ count: Int, atLeast minimum: Int, _ parameter: String, reason: String = "") throws {
        guard count >= minimum else {
            let why = reason.isEmpty ? "" : " (\(reason))"
            throw StatsError.invalidArgument(
                parameter: parameter, value: "\(count)", requirement: ">= \(minimum)\(why)")
        }
    }

    /// Two collections must have the same length.
    static func sameCount(_ a: Int, _ aName: String, _ b: Int, _ bName: String) throws {
        guard a == b else {
            throw StatsError.invalidArgument(
                parameter: "\(bName).count", value: "\(b)",
                requirement: "equal to \(aName).count = \(a)")
        }
    }

    /// A probability-like level must lie strictly between 0 and 1.
    static func openUnit(_ value: Double, _ name: String) throws {
        guard value.isFinite && value > 0 && value < 1 else {
            throw StatsError.invalidArgument(
                parameter: name, value: "\(value)", requirement: "in the open interval (0, 1)")
        }
    }

    /// A value must lie in the closed interval [0, 1].
    static func closedUnit(_ value: Double, _ name: String) throws {
        guard value.isFinite && value >= 0 && value <= 1 else {
            throw StatsError.invalidArgument(
                parameter: name, value: "\(value)", requirement: "in the closed interval [0, 1]")
        }
    }
}
