import Foundation

extension RandomStream {
    /// Draws an exponential variate of rate `rate` (> 0) by inversion: −ln U / rate
    /// (Devroye 1986, §II.2). With `rate = 0` returns +∞ (an event that never happens).
    @inlinable
    public mutating func nextExponential(rate: Double) -> Double {
        -log(nextUniform()) / rate
    }

    /// Draws a uniform double in the open interval (`lower`, `upper`) for `lower` < `upper`.
    @inlinable
    public mutating func nextUniform(from lower: Double, to upper: Double) -> Double {
        lower + (upper - lower) * nextUniform()
    }

    /// Draws a uniform integer in 0..<`bound` (`bound` ≥ 1) by Lemire's multiply-shift method
    /// with rejection ("Fast random integer generation in an interval", ACM TOMACS 2019): unbiased.
    @inlinable
    public mutating func nextIndex(below bound: Int) -> Int {
        let b = UInt64(max(bound, 1))
        var m = next().multipliedFullWidth(by: b)
        if m.low < b {
            let threshold = (0 &- b) % b
            while m.low < threshold {
                m = next().multipliedFullWidth(by: b)
            }
        }
        return Int(truncatingIfNeeded: m.high)
    }

    /// Draws `true` with probability `p`.
    @inlinable
    public mutating func nextBernoulli(_ p: Double) -> Bool {
        nextUniform() < p
    }
}
