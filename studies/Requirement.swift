import Foundation
import Interlink

/// Source files shared by the requirement studies (part of their code fingerprints).
enum RequirementSources {
    /// This file.
    static let requirement = #filePath
}

/// What one design parameter must reach for a metric (a distillable rate) to meet a target, found by
/// Brent's method on the model — or, when no value in the allowed range meets the target, the best the
/// metric gets there. A requirement is never a number outside its range: an unreachable target says so.
enum Requirement: Sendable, Equatable {
    /// The parameter value at which the metric equals the target.
    case value(Double)
    /// No value in the range meets the target; `best` is the metric at the range's most favourable end
    /// `at`.
    case unreachable(best: Double, at: Double)
    /// The target is met over the whole range, even at its least demanding end `at`.
    case alwaysMet(at: Double)

    /// Solves metric(x) = target for x in `range` (x > 0; searched in log10 x, relative bracket
    /// 10⁻¹⁰). The metric grows with x when `increasing` (x is a minimum requirement, e.g. an
    /// efficiency or a coherence time) and falls with x otherwise (a maximum, e.g. added noise). The
    /// metric must be monotone over the range; a zero metric (no distillable entanglement) counts as
    /// below any positive target.
    /// - Throws: ``ParameterError`` for a range that is not positive and finite or a target ≤ 0.
    static func solve(in range: ClosedRange<Double>, increasing: Bool, target: Double,
                      _ metric: (Double) throws -> Double) throws -> Requirement {
        try Validate.positive(range.lowerBound, at: "requirement.range.lower")
        try Validate.finite(range.upperBound, at: "requirement.range.upper")
        try Validate.positive(target, at: "requirement.target")
        let best = increasing ? range.upperBound : range.lowerBound
        let least = increasing ? range.lowerBound : range.upperBound
        let atBest = try metric(best)
        guard atBest >= target else { return .unreachable(best: atBest, at: best) }
        if try metric(least) >= target { return .alwaysMet(at: least) }
        let root = try RootFinder.brent(lower: log10(range.lowerBound), upper: log10(range.upperBound),
                                        relativeTolerance: 1e-10) { logX in
            log(max(try metric(pow(10, logX)), .leastNormalMagnitude)) - log(target)
        }
        return .value(pow(10, root.x))
    }

    /// The smallest count n in 1…`limit` with metric(n) ≥ target, for a metric that grows with n (e.g.
    /// multiplexed modes): doubling, then bisection on the integers. One that suffices is `.value(1)`;
    /// none up to `limit` is `.unreachable` at `limit`.
    static func smallestCount(upTo limit: Int, target: Double, _ metric: (Int) throws -> Double) throws -> Requirement {
        try Validate.count(limit, atLeast: 1, at: "requirement.limit")
        try Validate.positive(target, at: "requirement.target")
        let atLimit = try metric(limit)
        guard atLimit >= target else { return .unreachable(best: atLimit, at: Double(limit)) }
        if try metric(1) >= target { return .value(1) }
        var low = 1, high = min(limit, 2)
        while high < limit, try metric(high) < target {
            low = high
            high = min(limit, high * 2)
        }
        // metric(low) < target ≤ metric(high)
        while high - low > 1 {
            let middle = (low + high) / 2
            if try metric(middle) >= target { high = middle } else { low = middle }
        }
        return .value(Double(high))
    }

    /// The parameter value, or nil when the target is unreachable or met over the whole range.
    var value: Double? {
        if case let .value(v) = self { return v }
        return nil
    }

    /// Text for a table: `0.12`, `not reachable: 0.31 ebit/s at most (η_t = 1)`, `met over the whole
    /// range (≤ 1e-05)`; `parameter` names x in the unreachable case, `metricUnit` the metric's unit.
    func text(parameter: String, unit: String = "", metricUnit: String = "ebit/s") -> String {
        let u = unit.isEmpty ? "" : " \(unit)"
        switch self {
        case let .value(v): return Self.format(v) + u
        case let .unreachable(best, at) where best <= 0 && metricUnit == "ebit/s":
            return "not reachable: no distillable rate, even at \(parameter) = \(Self.format(at))\(u)"
        case let .unreachable(best, at):
            return "not reachable: at most \(Self.format(best)) \(metricUnit) (\(parameter) = \(Self.format(at))\(u))"
        case let .alwaysMet(at): return "met over the whole range (even at \(parameter) = \(Self.format(at))\(u))"
        }
    }

    /// `digits` significant digits (default two): `0.4`, `0.00056`, `1000`, `1.1 × 10⁵`, `10⁻⁹`
    /// (never `1e+03`).
    static func format(_ v: Double, digits: Int = 2) -> String {
        guard v.isFinite, v != 0 else { return String(format: "%.\(digits)g", v) }
        let e = Int(floor(log10(abs(v))))
        let step = pow(10, Double(e - digits + 1))
        let rounded = (v / step).rounded() * step
        switch e {
        case -4...(digits - 1): return String(format: "%.\(digits)g", v)
        case digits...5: return String(format: "%.0f", rounded)
        default:
            let exponent = Int(floor(log10(abs(rounded))))
            let mantissa = rounded / pow(10, Double(exponent))
            let m = String(format: "%.\(digits)g", mantissa)
            let power = Superscript.of(exponent)
            return m == "1" ? "10\(power)" : (m == "-1" ? "−10\(power)" : "\(m) × 10\(power)")
        }
    }
}

/// A requirement with its spread over parameter draws: the nominal requirement and the 5 % and 95 %
/// points of the requirement over the draws. A draw in which the target is unreachable counts as +∞
/// for a minimum requirement and as 0 for a maximum, so an interval end says "not reachable" rather
/// than a number when more than 5 % of the draws cannot meet the target.
struct RequirementInterval: Sendable, Equatable {
    /// The requirement at the nominal parameters.
    var nominal: Requirement
    /// The 5 % and 95 % points over the draws (nil: that end is not reachable).
    var low: Double?, high: Double?
    /// Fraction of draws in which the target is unreachable.
    var unreachableFraction: Double
    /// Number of draws.
    var draws: Int

    /// An interval from its parts.
    init(nominal: Requirement, low: Double?, high: Double?, unreachableFraction: Double, draws: Int) {
        self.nominal = nominal
        self.low = low
        self.high = high
        self.unreachableFraction = unreachableFraction
        self.draws = draws
    }

    /// Solves `solve` at `base` and at every draw of `propagation`. `increasing` as in
    /// ``Requirement/solve(in:increasing:target:_:)`` (it decides on which side unreachable draws fall).
    init<P>(_ propagation: Propagation<P>, base: P, increasing: Bool, _ solve: (P) throws -> Requirement) throws {
        nominal = try solve(base)
        var values: [Double] = []
        var unreachable = 0
        for point in try propagation.samples(around: base) {
            switch try solve(point) {
            case let .value(v): values.append(v)
            case let .alwaysMet(at): values.append(at)
            case .unreachable:
                unreachable += 1
                values.append(increasing ? .infinity : 0)
            }
        }
        draws = values.count
        unreachableFraction = Double(unreachable) / Double(max(1, values.count))
        let sorted = values.sorted()
        func quantile(_ p: Double) -> Double? {
            // Type 7 (linear between order statistics); an unreachable neighbour makes the end unreachable.
            guard !sorted.isEmpty else { return nil }
            let h = Double(sorted.count - 1) * p
            let i = Int(h.rounded(.down)), j = min(i + 1, sorted.count - 1)
            let a = sorted[i], b = sorted[j]
            guard a.isFinite, b.isFinite, a > 0 || !increasing, b > 0 || !increasing else { return nil }
            let v = a + (h - Double(i)) * (b - a)
            return (!increasing && v <= 0) ? nil : v
        }
        low = quantile(0.05)
        high = quantile(0.95)
    }

    /// `value (low–high)` with digits matched to the interval (``IntervalFormatter``), or the nominal
    /// text with the unreachable end named.
    func text(parameter: String, unit: String = "") throws -> String {
        let u = unit.isEmpty ? "" : " \(unit)"
        guard let v = nominal.value else { return nominal.text(parameter: parameter, unit: unit) }
        if let low, let high {
            return try IntervalFormatter.format(v, low: min(low, v), high: max(high, v)) + u
        }
        let percent = String(format: "%.0f", unreachableFraction * 100)
        let end = (low ?? high).map { "from \(Requirement.format($0))\(u); " } ?? ""
        return Requirement.format(v) + u + " (\(end)not reachable in \(percent) % of the draws)"
    }
}

extension RequirementInterval {
    /// The nominal value and the interval ends rounded to the interval's digits — the decimal place of
    /// the smaller half-width's leading digit, one further when that digit is 1 (the rule of
    /// ``IntervalFormatter``) — as metrics `name`, `name_low`, `name_high`; nothing when the nominal
    /// requirement is not a value, only the nominal when an interval end is not reachable.
    func metrics(_ name: String, unit: String = "") -> [Metric] {
        guard let v = nominal.value else { return [] }
        guard let low, let high else { return [Metric(name, v, unit: unit)] }
        let spread = [v - low, high - v].filter { $0 > 0 }.min() ?? 0
        guard spread > 0 else { return [Metric(name, v, unit: unit)] }
        var e = floor(log10(spread))
        if spread / pow(10, e) < 2 { e -= 1 }
        let step = pow(10, e)
        func round(_ x: Double) -> Double { (x / step).rounded() * step }
        return [Metric(name, round(v), unit: unit), Metric(name + "_low", round(min(low, v)), unit: unit),
                Metric(name + "_high", round(max(high, v)), unit: unit)]
    }
}
