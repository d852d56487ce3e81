import InterlinkCore
import InterlinkCore
import Foundation

/// One sampled dimension of a random or Latin-hypercube sweep: a field and how a unit-interval
/// coordinate u ∈ [0, 1) maps onto it.
public struct SampledDimension<Parameters: Codable & Sendable>: Sendable {
    let field: String
    let label: String
    let validate: @Sendable () throws -> Void
    let assign: @Sendable (inout Parameters, Double) -> Void

    /// Uniform on [lower, upper]: x = lower + u·(upper − lower).
    public static func uniform(
        _ keyPath: WritableKeyPath<Parameters, Double> & Sendable, _ range: ClosedRange<Double>
    ) -> SampledDimension {
        let field = FieldName.of(keyPath)
        return SampledDimension(
            field: field, label: "uniform(\(field): \(range.lowerBound) through \(range.upperBound))",
            validate: {
                guard range.lowerBound.isFinite, range.upperBound.isFinite else {
                    throw SweepError("uniform(\(field)): bounds must be finite")
                }
            },
            assign: { point, u in
                point[keyPath: keyPath] = range.lowerBound + u * (range.upperBound - range.lowerBound)
            })
    }

    /// Log-uniform on [lower, upper] (both > 0): x = 10^(log10 lower + u·(log10 upper − log10 lower)).
    public static func logUniform(
        _ keyPath: WritableKeyPath<Parameters, Double> & Sendable, _ range: ClosedRange<Double>
    ) -> SampledDimension {
        let field = FieldName.of(keyPath)
        return SampledDimension(
            field: field, label: "logUniform(\(field): \(range.lowerBound) through \(range.upperBound))",
            validate: {
                guard range.lowerBound > 0, range.upperBound.isFinite else {
                    throw SweepError("logUniform(\(field)): bounds must be finite and > 0")
                }
            },
            assign: { point, u in
                let low = log10(range.lowerBound), high = log10(range.upperBound)
                point[keyPath: keyPath] = pow(10, low + u * (high - low))
            })
    }
}

extension Sweep {
    /// `count` independent uniform samples of the dimensions, drawn from a `RandomStream`
    /// seeded with `seed` (coordinates drawn point by point, dimension by dimension).
    public static func random(count: Int, seed: UInt64, _ dimensions: SampledDimension<Parameters>...) -> Sweep {
        let description = "random(count \(count), seed \(seed): " + dimensions.map(\.label).joined(separator: ", ") + ")"
        return Sweep(
            body: .assignments({
                guard count >= 1 else { throw SweepError("random: count must be ≥ 1, got \(count)") }
                for dimension in dimensions { try dimension.validate() }
                var stream = RandomStream(key: seed, replicate: 0)
                return (0..<count).map { _ in
                    let coordinates = dimensions.map { _ in stream.nextUniform() }
                    return { (point: inout Parameters) in
                        for (dimension, u) in Swift.zip(dimensions, coordinates) { dimension.assign(&point, u) }
                    }
                }
            }),
            description: description, fields: dimensions.map(\.field))
    }

    /// A Latin-hypercube sample of `count` points (McKay, Beckman & Conover, Technometrics 21,
    /// 239 (1979)): each dimension's [0, 1) is cut into `count` equal strata and every stratum is
    /// used exactly once; per dimension u_i = (π(i) + v_i)/count with π a random permutation
    /// (Fisher–Yates) and v_i uniform in [0, 1), all drawn from a `RandomStream` seeded with `seed`.
    public static func latinHypercube(count: Int, seed: UInt64, _ dimensions: SampledDimension<Parameters>...) -> Sweep {
        let description = "latinHypercube(count \(count), seed \(seed): " + dimensions.map(\.label).joined(separator: ", ") + ")"
        return Sweep(
            body: .assignments({
                guard count >= 1 else { throw SweepError("latinHypercube: count must be ≥ 1, got \(count)") }
                for dimension in dimensions { try dimension.validate() }
                var stream = RandomStream(key: seed, replicate: 0)
                let columns: [[Double]] = dimensions.map { _ in UnitDesign.latinColumn(count: count, stream: &stream) }
                return (0..<count).map { index in
                    let coordinates = columns.map { $0[index] }
                    return { (point: inout Parameters) in
                        for (dimension, u) in Swift.zip(dimensions, coordinates) { dimension.assign(&point, u) }
                    }
                }
            }),
            description: description, fields: dimensions.map(\.field))
    }
}
