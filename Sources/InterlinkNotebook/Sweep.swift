import Foundation

/// The set of parameter values a study visits, built from key paths of its parameter type.
///
/// A sweep is applied to the study's base parameters and yields points in a fixed order:
/// ```swift
/// Sweep.grid(
///     .values(\.wavelengthNm, [422, 1550]),                 // slowest
///     .linspace(\.lengthKm, from: 0, through: 50, count: 26) // fastest
/// )
/// .where { $0.lengthKm > 0 || $0.wavelengthNm == 422 }
/// .deriving { $0.delayS = $0.lengthKm / 2.0e5 }
/// ```
/// Value lists (`values`, `linspace`, `logspace`, `random`, `latinHypercube`, `zip`) are
/// *assignments*: lists of field settings that `zip` can pair. `grid`, `concat`, `where`,
/// `deriving` and `points` combine sweeps. Errors (unequal `zip` lengths, a bad range) are thrown
/// when the sweep is expanded, before anything is computed.
public struct Sweep<Parameters: Codable & Sendable>: Sendable {
    /// One field setting of an assignment list.
    typealias Assignment = @Sendable (inout Parameters) -> Void

    enum Body: Sendable {
        /// A list of assignments applied to the incoming parameter value.
        case assignments(@Sendable () throws -> [Assignment])
        /// Any map from the incoming value to a list of points.
        case expansion(@Sendable (Parameters) throws -> [Parameters])
    }

    let body: Body
    /// A deterministic, human-readable description (written to the manifest).
    public let description: String
    /// Dotted paths of the fields the sweep sets, in declaration order (the first table columns).
    public let fields: [String]

    init(body: Body, description: String, fields: [String]) {
        self.body = body
        self.description = description
        self.fields = fields
    }

    /// Expands the sweep against `base`, in sweep order. Throws `SweepError` describing the
    /// problem (the runner adds the study identifier).
    public func points(from base: Parameters) throws -> [Parameters] {
        switch body {
        case .assignments(let make):
            return try make().map { assign in
                var point = base
                assign(&point)
                return point
            }
        case .expansion(let expand):
            return try expand(base)
        }
    }

    /// The sweep of the base parameters alone (one point).
    public static var single: Sweep {
        Sweep(body: .assignments({ [{ _ in }] }), description: "single", fields: [])
    }

    // MARK: Value lists

    /// An explicit list of values for one field.
    public static func values<Value: Sendable>(
        _ keyPath: WritableKeyPath<Parameters, Value> & Sendable, _ values: [Value]
    ) -> Sweep {
        let field = FieldName.of(keyPath)
        let listed = values.map { String(describing: $0) }.joined(separator: ", ")
        return Sweep(
            body: .assignments({
                values.map { value in { (point: inout Parameters) in point[keyPath: keyPath] = value } }
            }),
            description: "values(\(field): [\(listed)])", fields: [field])
    }

    /// `count` evenly spaced values from `start` through `end` inclusive
    /// (x_i = start + i·(end − start)/(count − 1), the last one exactly `end`).
    public static func linspace(
        _ keyPath: WritableKeyPath<Parameters, Double> & Sendable,
        from start: Double, through end: Double, count: Int
    ) -> Sweep {
        spaced(keyPath, "linspace", from: start, through: end, count: count, grid: SweepSpacing.linear)
    }

    /// `count` geometrically spaced values from `start` through `end` inclusive (both > 0):
    /// x_i = start·(end/start)^(i/(count − 1)), computed as 10^(log10 start + i·Δ), the last
    /// one exactly `end`.
    public static func logspace(
        _ keyPath: WritableKeyPath<Parameters, Double> & Sendable,
        from start: Double, through end: Double, count: Int
    ) -> Sweep {
        spaced(keyPath, "logspace", from: start, through: end, count: count, grid: SweepSpacing.logarithmic)
    }

    /// One field set to each value of a grid computed (and validated) when the sweep expands.
    private static func spaced(
        _ keyPath: WritableKeyPath<Parameters, Double> & Sendable, _ name: String,
        from start: Double, through end: Double, count: Int,
        grid: @escaping @Sendable (String, Double, Double, Int) throws -> [Double]
    ) -> Sweep {
        let field = FieldName.of(keyPath)
        return Sweep(
            body: .assignments({
                try grid(field, start, end, count).map { value in
                    { (point: inout Parameters) in point[keyPath: keyPath] = value }
                }
            }),
            description: "\(name)(\(field): \(start) through \(end), count \(count))", fields: [field])
    }

    // MARK: Combinators

    /// Pairs value lists element by element (all must have the same length).
    public static func zip(_ parts: Sweep...) -> Sweep {
        zip(parts)
    }

    /// Pairs value lists element by element (all must have the same length).
    public static func zip(_ parts: [Sweep]) -> Sweep {
        let description = "zip(" + parts.map(\.description).joined(separator: ", ") + ")"
        return Sweep(
            body: .assignments({
                var lists: [[Assignment]] = []
                for part in parts {
                    guard case .assignments(let make) = part.body else {
                        throw SweepError("zip pairs value lists only; \(part.description) is not one")
                    }
                    lists.append(try make())
                }
                guard let first = lists.first else { return [] }
                if let mismatch = lists.firstIndex(where: { $0.count != first.count }) {
                    let lengths = zipLengths(parts, lists)
                    throw SweepError("zip needs lists of equal length, got \(lengths) (part \(mismatch + 1) differs)")
                }
                return (0..<first.count).map { index in
                    let row = lists.map { $0[index] }
                    return { (point: inout Parameters) in for assign in row { assign(&point) } }
                }
            }),
            description: description, fields: uniqueFields(parts))
    }

    private static func zipLengths(_ parts: [Sweep], _ lists: [[Assignment]]) -> String {
        Swift.zip(parts, lists).map { "\($0.fields.joined(separator: "+")): \($1.count)" }.joined(separator: ", ")
    }

    /// The Cartesian product; the first part varies slowest, the last fastest (row-major).
    public static func grid(_ parts: Sweep...) -> Sweep {
        grid(parts)
    }

    /// The Cartesian product; the first part varies slowest, the last fastest (row-major).
    public static func grid(_ parts: [Sweep]) -> Sweep {
        Sweep(
            body: .expansion({ base in
                var current = [base]
                for part in parts {
                    current = try current.flatMap { try part.points(from: $0) }
                }
                return current
            }),
            description: "grid(" + parts.map(\.description).joined(separator: ", ") + ")",
            fields: uniqueFields(parts))
    }

    /// The points of each part in turn.
    public static func concat(_ parts: Sweep...) -> Sweep {
        Sweep(
            body: .expansion({ base in try parts.flatMap { try $0.points(from: base) } }),
            description: "concat(" + parts.map(\.description).joined(separator: ", ") + ")",
            fields: uniqueFields(parts))
    }

    /// An explicit list of complete parameter values (the base is ignored). `label` describes
    /// the list in the manifest.
    public static func points(_ points: [Parameters], label: String = "explicit") -> Sweep {
        Sweep(body: .expansion({ _ in points }), description: "points(\(label), count \(points.count))", fields: [])
    }

    /// Keeps the points for which `isIncluded` is true. `label` describes the filter in the
    /// manifest (closures cannot describe themselves).
    public func `where`(_ label: String = "filter", _ isIncluded: @escaping @Sendable (Parameters) -> Bool) -> Sweep {
        let inner = self
        return Sweep(
            body: .expansion({ base in try inner.points(from: base).filter(isIncluded) }),
            description: "\(description).where(\(label))", fields: fields)
    }

    /// Sets derived parameters on every point (after the sweep assigned its fields, before
    /// validation and filtering that follows). `label` describes the derivation in the manifest.
    public func deriving(_ label: String = "derived", _ derive: @escaping @Sendable (inout Parameters) -> Void) -> Sweep {
        let inner = self
        return Sweep(
            body: .expansion({ base in
                try inner.points(from: base).map { point in
                    var point = point
                    derive(&point)
                    return point
                }
            }),
            description: "\(description).deriving(\(label))", fields: fields)
    }

    static func uniqueFields(_ parts: [Sweep]) -> [String] {
        var seen = Set<String>()
        var out: [String] = []
        for field in parts.flatMap(\.fields) where seen.insert(field).inserted {
            out.append(field)
        }
        return out
    }
}

/// A sweep that cannot be expanded; the runner reports it as `NotebookError.invalidSweep`.
public struct SweepError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong.
    public var description: String

    /// Creates the error.
    public init(_ description: String) {
        self.description = description
    }
}

/// Grids of evenly spaced values.
enum SweepSpacing {
    static func linear(field: String, from start: Double, through end: Double, count: Int) throws -> [Double] {
        guard start.isFinite, end.isFinite else {
            throw SweepError("linspace(\(field)): bounds must be finite, got \(start) and \(end)")
        }
        guard count >= 1 else { throw SweepError("linspace(\(field)): count must be ≥ 1, got \(count)") }
        if count == 1 { return [start] }
        let step = (end - start) / Double(count - 1)
        return (0..<count).map { $0 == count - 1 ? end : start + Double($0) * step }
    }

    static func logarithmic(field: String, from start: Double, through end: Double, count: Int) throws -> [Double] {
        guard start.isFinite, end.isFinite, start > 0, end > 0 else {
            throw SweepError("logspace(\(field)): bounds must be finite and > 0, got \(start) and \(end)")
        }
        guard count >= 1 else { throw SweepError("logspace(\(field)): count must be ≥ 1, got \(count)") }
        if count == 1 { return [start] }
        let low = log10(start), high = log10(end)
        let step = (high - low) / Double(count - 1)
        return (0..<count).map { index in
            if index == 0 { return start }
            if index == count - 1 { return end }
            return pow(10, low + Double(index) * step)
        }
    }
}
