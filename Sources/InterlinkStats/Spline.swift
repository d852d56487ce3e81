import InterlinkCore
import CGSL

/// An interpolating spline through points `(x[i], y[i])`, over GSL's `gsl_interp`.
///
/// The GSL interpolation object is created, used and freed inside each call, so the value type holds
/// only the data and stays `Sendable`; batch evaluation with ``values(at:)`` initialises it once.
public struct Spline: Sendable, Hashable, Codable {
    /// The interpolation scheme.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// Natural cubic spline, continuous second derivative, zero curvature at the ends
        /// (`gsl_interp_cspline`).
        case cubic
        /// Steffen's monotonicity-preserving cubic (`gsl_interp_steffen`; Steffen, Astron. Astrophys.
        /// 239, 443, 1990): no overshoot between knots, so monotone data give a monotone curve.
        case steffen
        /// Piecewise linear (`gsl_interp_linear`).
        case linear

        var gslType: UnsafePointer<gsl_interp_type> {
            switch self {
            case .cubic: return cgsl_interp_cspline()
            case .steffen: return cgsl_interp_steffen()
            case .linear: return cgsl_interp_linear()
            }
        }

        /// The fewest points the scheme accepts (`gsl_interp_type_min_size`).
        var minimumPoints: Int { GSL.call { Int(gsl_interp_type_min_size(gslType)) } }
    }

    /// The knots, strictly increasing.
    public let x: [Double]
    /// The values at the knots.
    public let y: [Double]
    /// The scheme.
    public let kind: Kind

    /// A spline through the points.
    /// - Throws: ``ParameterError`` for mismatched lengths,
    ///   too few points (2 for linear, 3 for cubic and Steffen), non-finite values or `x` not strictly
    ///   increasing; ``StatsError/gsl(function:status:reason:)`` if GSL rejects the data.
    public init(x: [Double], y: [Double], kind: Kind = .cubic) throws {
        try Validate.sameCount(x.count, "x.count", y.count, at: "y.count")
        try Validate.count(x.count, atLeast: kind.minimumPoints, at: "x.count", reason: "\(kind) interpolation")
        try Validate.finite(x, at: "x")
        try Validate.finite(y, at: "y")
        for i in 1..<x.count where !(x[i] > x[i - 1]) {
            throw ParameterError(path: "x[\(i)]", value: "\(x[i])", allowed: "> x[\(i - 1)] = \(x[i - 1]) (strictly increasing)")
        }
        self.x = x
        self.y = y
        self.kind = kind
        try withInterpolator { _, _ in }
    }

    /// The spline's domain `[x.first, x.last]`.
    public var domain: ClosedRange<Double> { x[0]...x[x.count - 1] }

    /// The interpolated value at `point` (`gsl_interp_eval_e`).
    /// - Throws: ``ParameterError`` outside ``domain``.
    public func value(at point: Double) throws -> Double {
        try values(at: [point])[0]
    }

    /// The interpolated values at every point, initialising GSL once.
    /// - Throws: as ``value(at:)``.
    public func values(at points: [Double]) throws -> [Double] {
        try checkDomain(points)
        return try withInterpolator { interp, accel in
            try points.map { point in
                var result = 0.0
                try GSL.check("gsl_interp_eval_e") { gsl_interp_eval_e(interp, x, y, point, accel, &result) }
                return result
            }
        }
    }

    /// The first derivative at `point` (`gsl_interp_eval_deriv_e`).
    /// - Throws: as ``value(at:)``.
    public func derivative(at point: Double) throws -> Double {
        try checkDomain([point])
        return try withInterpolator { interp, accel in
            var result = 0.0
            try GSL.check("gsl_interp_eval_deriv_e") { gsl_interp_eval_deriv_e(interp, x, y, point, accel, &result) }
            return result
        }
    }

    /// Every `x` in the domain where the spline equals `level` (a contour crossing), ascending.
    ///
    /// Each knot interval is split into `subdivisions` equal parts; every part whose end values straddle
    /// `level` is refined with Brent's method (``RootFinder/brent(lower:upper:absoluteTolerance:relativeTolerance:maxIterations:_:)``).
    /// Crossings that touch `level` without changing sign inside a part can be missed; increase
    /// `subdivisions` for wiggly curves.
    /// - Throws: ``ParameterError`` for a non-finite level or
    ///   `subdivisions < 1`.
    public func crossings(of level: Double, subdivisions: Int = 8) throws -> [Double] {
        try Validate.finite(level, at: "level")
        try Validate.count(subdivisions, atLeast: 1, at: "subdivisions")
        var grid: [Double] = []
        for i in 0..<(x.count - 1) {
            for j in 0..<subdivisions {
                grid.append(x[i] + (x[i + 1] - x[i]) * Double(j) / Double(subdivisions))
            }
        }
        grid.append(x[x.count - 1])
        let values = try self.values(at: grid).map { $0 - level }
        var roots: [Double] = []
        for k in grid.indices {
            if values[k] == 0 {
                roots.append(grid[k])
            } else if k + 1 < grid.count, values[k + 1] != 0, (values[k] < 0) != (values[k + 1] < 0) {
                let root = try RootFinder.brent(lower: grid[k], upper: grid[k + 1], absoluteTolerance: 1e-300) {
                    try self.value(at: $0) - level
                }
                roots.append(root.x)
            }
        }
        return roots
    }

    private func checkDomain(_ points: [Double]) throws {
        let domain = self.domain
        if let i = points.firstIndex(where: { !domain.contains($0) }) {
            throw ParameterError(path: "x[\(i)]", value: "\(points[i])",
                allowed: "inside the spline's domain [\(domain.lowerBound), \(domain.upperBound)]")
        }
    }

    /// Allocates and initialises the GSL interpolation object and accelerator
    /// (`gsl_interp_alloc`, `gsl_interp_init`, `gsl_interp_accel_alloc`), runs `body`, frees both.
    private func withInterpolator<Result>(
        _ body: (UnsafeMutablePointer<gsl_interp>, UnsafeMutablePointer<gsl_interp_accel>) throws -> Result
    ) throws -> Result {
        let interp = try GSL.allocate("gsl_interp_alloc") { gsl_interp_alloc(kind.gslType, x.count) }
        defer { GSL.call { gsl_interp_free(interp) } }
        try GSL.check("gsl_interp_init") { gsl_interp_init(interp, x, y, x.count) }
        let accel = try GSL.allocate("gsl_interp_accel_alloc") { gsl_interp_accel_alloc() }
        defer { GSL.call { gsl_interp_accel_free(accel) } }
        return try body(interp, accel)
    }
}
