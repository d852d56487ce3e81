/// The number of significant decimal digits to which `actual` agrees with `expected`,
/// `−log10(|actual − expected| / |expected|)` (the "LRE" of McCullough, 1998, used for NIST StRD).
func agreeingDigits(_ actual: Double, _ expected: Double) -> Double {
    if actual == expected { return 16 }
    guard expected != 0 else { return -Double.infinity }
    return -((actual - expected).magnitude / expected.magnitude).log10Value
}

extension Double {
    var log10Value: Double { Foundation.log10(self) }
}

/// `|a − b| ≤ tolerance · max(|a|, |b|)`.
func relativelyClose(_ a: Double, _ b: Double, _ tolerance: Double) -> Bool {
    (a - b).magnitude <= tolerance * max(a.magnitude, b.magnitude)
}

import Foundation

/// `ln Γ(x)` (the C library's `lgamma`, pinned to the `(Double) -> Double` overload).
func logGamma(_ x: Double) -> Double {
    let f: (Double) -> Double = lgamma
    return f(x)
}
