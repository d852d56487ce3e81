import InterlinkCore
/// InterlinkCore's SplitMix64 (Steele, Lea & Flood, OOPSLA 2014), the seedable generator of the
/// reproducible test simulations, named for every file of this test module.
typealias SplitMix64 = InterlinkCore.SplitMix64

/// The draws the tests use.
extension InterlinkCore.SplitMix64 {
    /// A uniform double in [0, 1) (``SplitMix64/unitInterval()``).
    mutating func uniform() -> Double { unitInterval() }
    /// A standard normal deviate (Box–Muller).
    mutating func normal() -> Double {
        let u1 = 1 - uniform()
        let u2 = uniform()
        return (-2 * Foundation.log(u1)).squareRoot() * Foundation.cos(2 * Double.pi * u2)
    }
}

import Foundation
