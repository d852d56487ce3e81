import InterlinkCore

/// First-order and total Sobol' sensitivity indices from Saltelli's sampling design, with Jansen's
/// estimators and bootstrap intervals.
///
/// Design (Saltelli et al., Comput. Phys. Commun. 181, 259 (2010), §3): two independent N × k
/// matrices A and B of input draws, and for each input i the matrix A_B^(i) — A with column i taken
/// from B. The model is evaluated on the N rows of A, of B and of every A_B^(i): N(k + 2) runs.
///
/// Estimators (Jansen, Comput. Phys. Commun. 117, 35 (1999); Saltelli et al. 2010, Table 2, (b) and
/// (f)), with V the variance of the 2N outputs f(A) ∪ f(B):
/// - first order S_i = [V − (1/2N)·Σ_j (f(B)_j − f(A_B^(i))_j)²] / V,
/// - total ST_i = (1/2N)·Σ_j (f(A)_j − f(A_B^(i))_j)² / V.
///
/// Intervals: nonparametric bootstrap (``Bootstrap``, percentile interval) over the N rows, each row
/// (its f(A), f(B) and f(A_B^(i))) being one independent unit; rows are grouped into at most
/// `blocks` contiguous blocks of equal size (±1) that are resampled as units (the rows are i.i.d., so
/// blocks are too), which keeps the bootstrap O(blocks) per replicate.
public struct SobolIndices: Sendable, Hashable, Codable {
    /// First-order indices S_i with their bootstrap intervals.
    public let firstOrder: [ConfidenceInterval]
    /// Total indices ST_i with their bootstrap intervals.
    public let total: [ConfidenceInterval]
    /// The output variance V.
    public let variance: Double
    /// Rows N of each matrix.
    public let rows: Int

    /// Sums of one block of rows, enough to evaluate every estimator.
    struct BlockSums {
        var count = 0.0
        var sum = 0.0
        var sumSquares = 0.0
        var firstOrder: [Double]
        var total: [Double]
    }

    /// Estimates the indices from the model outputs of Saltelli's design.
    ///
    /// - Parameters:
    ///   - a: f on the N rows of A.
    ///   - b: f on the N rows of B.
    ///   - ab: `ab[i]` is f on the N rows of A_B^(i), one array per input.
    ///   - resamples: bootstrap resamples (≥ 100).
    ///   - level: confidence level of the intervals, in (0, 1).
    ///   - blocks: the most bootstrap units (≥ 2).
    ///   - stream: the seeded stream the bootstrap draws from.
    /// - Throws: ``ParameterError`` for unequal lengths, fewer than 2 rows, non-finite outputs, no
    ///   inputs, or zero output variance (indices undefined).
    public init(a: [Double], b: [Double], ab: [[Double]], resamples: Int = 1000, level: Double = 0.95,
                blocks: Int = 200, using stream: inout RandomStream) throws {
        let n = a.count
        try Validate.count(n, atLeast: 2, at: "a.count")
        try Validate.count(ab.count, atLeast: 1, at: "ab.count")
        try Validate.count(blocks, atLeast: 2, at: "blocks")
        try Validate.finite(a, at: "a")
        try Validate.finite(b, at: "b")
        guard b.count == n else { throw ParameterError(path: "b.count", value: "\(b.count)", allowed: "\(n) (= a.count)") }
        for (i, column) in ab.enumerated() {
            guard column.count == n else {
                throw ParameterError(path: "ab[\(i)].count", value: "\(column.count)", allowed: "\(n) (= a.count)")
            }
            try Validate.finite(column, at: "ab[\(i)]")
        }
        let k = ab.count
        let groups = min(blocks, n)
        var sums = [BlockSums](repeating: BlockSums(firstOrder: Array(repeating: 0, count: k),
                                                    total: Array(repeating: 0, count: k)), count: groups)
        for j in 0..<n {
            let g = j * groups / n
            sums[g].count += 1
            sums[g].sum += a[j] + b[j]
            sums[g].sumSquares += a[j] * a[j] + b[j] * b[j]
            for i in 0..<k {
                let dFirst = b[j] - ab[i][j], dTotal = a[j] - ab[i][j]
                sums[g].firstOrder[i] += dFirst * dFirst
                sums[g].total[i] += dTotal * dTotal
            }
        }
        let all = Array(0..<groups)
        let full = Self.estimates(sums, all)
        guard full.variance > 0 else {
            throw ParameterError(path: "a, b", value: "output variance 0", allowed: "a model output that varies (indices are V_i/V)")
        }
        let units = all.map(Double.init)
        func interval(_ pick: @escaping ((variance: Double, first: [Double], total: [Double])) -> Double) throws -> ConfidenceInterval {
            let boot = try Bootstrap(units, resamples: resamples, using: &stream) { sample in
                pick(Self.estimates(sums, sample.map { Int($0) }))
            }
            return try boot.percentileInterval(level: level)
        }
        firstOrder = try (0..<k).map { i in try interval { $0.first[i] } }
        total = try (0..<k).map { i in try interval { $0.total[i] } }
        variance = full.variance
        rows = n
    }

    /// Every estimator over the chosen blocks (with repetition).
    static func estimates(_ sums: [BlockSums], _ chosen: [Int]) -> (variance: Double, first: [Double], total: [Double]) {
        let k = sums.first?.firstOrder.count ?? 0
        var count = 0.0, sum = 0.0, squares = 0.0
        var first = [Double](repeating: 0, count: k), total = [Double](repeating: 0, count: k)
        for g in chosen {
            let s = sums[g]
            count += s.count
            sum += s.sum
            squares += s.sumSquares
            for i in 0..<k {
                first[i] += s.firstOrder[i]
                total[i] += s.total[i]
            }
        }
        let outputs = 2 * count
        let mean = sum / outputs
        let variance = (squares - outputs * mean * mean) / (outputs - 1)
        guard variance > 0 else { return (0, first.map { _ in 0 }, total.map { _ in 0 }) }
        return (variance,
                first.map { (variance - $0 / (2 * count)) / variance },
                total.map { $0 / (2 * count) / variance })
    }
}
