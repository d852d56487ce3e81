import InterlinkCore

/// How the unit-cube coordinates of a propagation or sensitivity analysis are drawn from a
/// ``RandomStream`` (reproducible: the same seed gives the same coordinates on every platform).
public enum UnitDesign: String, Sendable, Hashable, Codable {
    /// Independent uniform coordinates.
    case random
    /// A Latin hypercube (McKay, Beckman & Conover, Technometrics 21, 239 (1979)): per dimension
    /// u_i = (π(i) + v_i)/n with π a Fisher–Yates permutation and v_i uniform in [0, 1).
    case latinHypercube

    /// `count` points of `dimensions` coordinates each, `points[j][d]`, from `stream`.
    public func points(count: Int, dimensions: Int, stream: inout RandomStream) -> [[Double]] {
        switch self {
        case .random:
            return (0..<count).map { _ in (0..<dimensions).map { _ in stream.nextUniform() } }
        case .latinHypercube:
            let columns = (0..<dimensions).map { _ in Self.latinColumn(count: count, stream: &stream) }
            return (0..<count).map { j in columns.map { $0[j] } }
        }
    }

    /// One Latin-hypercube column: a random permutation of the strata, jittered within each.
    static func latinColumn(count: Int, stream: inout RandomStream) -> [Double] {
        var strata = Array(0..<count)
        for i in stride(from: count - 1, to: 0, by: -1) {
            strata.swapAt(i, stream.nextIndex(below: i + 1))
        }
        return strata.map { (Double($0) + stream.nextUniform()) / Double(count) }
    }
}
