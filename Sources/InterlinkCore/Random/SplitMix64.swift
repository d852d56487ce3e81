/// SplitMix64, the 64-bit generator of Steele, Lea & Flood ("Fast splittable pseudorandom number
/// generators", OOPSLA 2014) in the form of Vigna's reference `splitmix64.c`:
///
///     state += 0x9E3779B97F4A7C15
///     z = state
///     z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9
///     z = (z ^ (z >> 27)) * 0x94D049BB133111EB
///     return z ^ (z >> 31)
///
/// Used by the random circuit generator and the tests so that a seed gives the same draws on every
/// platform and Swift version (the standard library's generators make no such promise). Its output
/// function is ``StreamKeyDerivation/mix(_:)``.
public struct SplitMix64: RandomNumberGenerator, Sendable, Hashable {
    /// The internal 64-bit state.
    public private(set) var state: UInt64

    /// A generator whose state starts at `seed`.
    public init(seed: UInt64) { state = seed }

    /// The next 64-bit output.
    public mutating func next() -> UInt64 {
        defer { state &+= 0x9E37_79B9_7F4A_7C15 }
        return StreamKeyDerivation.mix(state)
    }

    /// A uniform integer in `0..<bound` by Lemire's nearly-divisionless rejection method, so the result
    /// depends only on this generator's outputs (not on the standard library's algorithm).
    ///
    /// - Precondition: `bound > 0`.
    public mutating func uniform(below bound: Int) -> Int {
        precondition(bound > 0, "SplitMix64.uniform(below:) needs a positive bound")
        let range = UInt64(bound)
        var product = next().multipliedFullWidth(by: range)
        if product.low < range {
            let threshold = (0 &- range) % range
            while product.low < threshold { product = next().multipliedFullWidth(by: range) }
        }
        return Int(product.high)
    }

    /// A uniform double in [0, 1) from the top 53 bits of the next output.
    public mutating func unitInterval() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }
}
