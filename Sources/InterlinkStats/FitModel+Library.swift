import InterlinkCore
import Foundation

extension FitModel {
    /// Exponential decay to an offset, `y = A · exp(−x/τ) + C` (parameters `amplitude` A, `decayTime`
    /// τ, `offset` C), e.g. a memory's fidelity decaying to its mixed-state floor. Analytic gradient:
    /// `∂y/∂A = e`, `∂y/∂τ = A · e · x/τ²`, `∂y/∂C = 1` with `e = exp(−x/τ)`.
    public static let exponentialDecay = FitModel(
        name: "exponential decay to offset", parameterNames: ["amplitude", "decayTime", "offset"],
        value: { x, p in p[0] * exp(-x / p[1]) + p[2] },
        gradient: { x, p in
            let e = exp(-x / p[1])
            return [e, p[0] * e * x / (p[1] * p[1]), 1]
        })

    /// The attenuation law of optical fibre, `η(L) = η₀ · 10^(−α·L/10)` with α in dB per unit length
    /// (parameters `transmissionAtZero` η₀, `attenuationDB` α). Analytic gradient:
    /// `∂η/∂η₀ = 10^(−αL/10)`, `∂η/∂α = −η₀ · 10^(−αL/10) · ln(10) · L/10`.
    public static let attenuation = FitModel(
        name: "attenuation law", parameterNames: ["transmissionAtZero", "attenuationDB"],
        value: { length, p in p[0] * pow(10, -p[1] * length / 10) },
        gradient: { length, p in
            let t = pow(10, -p[1] * length / 10)
            return [t, -p[0] * t * log(10) * length / 10]
        })

    /// A power law, `y = a · x^b` for `x > 0` (parameters `prefactor` a, `exponent` b). Analytic
    /// gradient: `∂y/∂a = x^b`, `∂y/∂b = a · x^b · ln x`.
    public static let powerLaw = FitModel(
        name: "power law", parameterNames: ["prefactor", "exponent"],
        value: { x, p in p[0] * pow(x, p[1]) },
        gradient: { x, p in
            let t = pow(x, p[1])
            return [t, p[0] * t * log(x)]
        })

    /// A Lorentzian line on an offset, `y = A · (Γ/2)² / ((x − x₀)² + (Γ/2)²) + C` (parameters
    /// `amplitude` A (peak height above the offset), `center` x₀, `fullWidth` Γ (FWHM), `offset` C).
    /// Analytic gradient with `h = Γ/2`, `D = (x − x₀)² + h²`: `∂y/∂A = h²/D`,
    /// `∂y/∂x₀ = 2A h² (x − x₀)/D²`, `∂y/∂Γ = A h (x − x₀)²/D²`, `∂y/∂C = 1`.
    public static let lorentzian = FitModel(
        name: "Lorentzian", parameterNames: ["amplitude", "center", "fullWidth", "offset"],
        value: { x, p in
            let h = p[2] / 2, u = x - p[1]
            return p[0] * h * h / (u * u + h * h) + p[3]
        },
        gradient: { x, p in
            let h = p[2] / 2, u = x - p[1], d = u * u + h * h
            return [h * h / d, 2 * p[0] * h * h * u / (d * d), p[0] * h * u * u / (d * d), 1]
        })
}
