import Foundation

/// Independent numerical integration for the spectral tests: ∫_{−∞}^{∞} f(ω) dω by the substitution
/// ω = s·tan θ and composite Simpson on θ ∈ (−π/2, π/2).
func integrateRealLine(scale s: Double, intervals n: Int = 40_000, _ f: (Double) -> (re: Double, im: Double)) -> (re: Double, im: Double) {
    let a = -Double.pi / 2, b = Double.pi / 2
    let h = (b - a) / Double(n)
    var re = 0.0, im = 0.0
    for k in 1..<n {     // endpoints contribute 0 for integrands decaying at least like 1/ω²
        let th = a + Double(k) * h
        let w = (k % 2 == 0) ? 2.0 : 4.0
        let c = cos(th)
        let jac = s / (c * c)
        let v = f(s * tan(th))
        re += w * v.re * jac
        im += w * v.im * jac
    }
    return (re * h / 3, im * h / 3)
}

/// Lorentzian amplitude γ/(γ − i(ω − c)) as (re, im): multiply numerator and denominator by the
/// conjugate, γ(γ + i(ω − c))/(γ² + (ω − c)²).
func lorentzAmplitude(_ w: Double, center c: Double, halfWidth g: Double) -> (re: Double, im: Double) {
    let d = g * g + (w - c) * (w - c)
    return (g * g / d, g * (w - c) / d)
}

func cmul(_ a: (re: Double, im: Double), _ b: (re: Double, im: Double)) -> (re: Double, im: Double) {
    (a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re)
}

func cconj(_ a: (re: Double, im: Double)) -> (re: Double, im: Double) { (a.re, -a.im) }
