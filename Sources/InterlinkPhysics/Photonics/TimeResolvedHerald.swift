import InterlinkCore
import Foundation

/// Two-photon (Barrett–Kok) herald with time-resolved detection: a herald is accepted only when the
/// two recorded detection times differ by at most the window τ_w (Legero et al., PRL 93, 070503 (2004);
/// Metz & Barrett, PRA 77, 042323 (2008)).
///
/// Model. Photon j has the real temporal amplitude ξ_j(t) (t ≥ 0, from its `SpectralMode`: the emitter's
/// exponential through its Lorentzian filters, ξ(t) = Σₖ Rₖ e^(−γₖt), Rₖ = γₖ ∏_{i≠k} γᵢ/(γᵢ − γₖ)).
/// Given true detection times t₁ (first click) and t₂ (second click), the heralded two-emitter state is
/// a|↑↓⟩ ± b|↓↑⟩ with a = ξ_A(t₁)ξ_B(t₂) (A's photon first) and b = ξ_B(t₁)ξ_A(t₂); its fidelity with
/// the target Bell state is ½(1 + 2ab/(a² + b²)). Each detector adds Gaussian timing jitter of rms σ, so
/// the recorded difference is τ + ε with τ = t₂ − t₁ and ε ~ N(0, 2σ²), and a true difference τ is
/// accepted with probability
///
///   A(τ) = Φ((τ_w − τ)/s) − Φ((−τ_w − τ)/s),   s = √2·σ   (A = 1[|τ| ≤ τ_w] at σ = 0).
///
/// Over the accepted heralds (the ensemble weighted by A):
///
///   acceptance P = ∬ A(t₂ − t₁) ξ_A(t₁)² ξ_B(t₂)² dt₁dt₂ / (‖ξ_A‖²‖ξ_B‖²),
///   visibility V = ∬ A(t₂ − t₁) ξ_A(t₁)ξ_B(t₁)ξ_A(t₂)ξ_B(t₂) dt₁dt₂ / (P‖ξ_A‖²‖ξ_B‖²),
///   fidelity F = (1 + V₀V)/2.
///
/// Each double integral is a sum of I(x, y) = ∬ e^(−xt₁ − yt₂) A(t₂ − t₁) = (L(x) + L(y))/(x + y) with
/// L(β) = ∫₀^∞ e^(−βτ) A(τ) dτ = G(τ_w) − G(−τ_w) and, by parts,
/// G(c) = [Φ(c/s) − e^(−βc + β²s²/2) Φ((c − βs²)/s)]/β (σ = 0: L = (1 − e^(−βτ_w))/β).
/// As τ_w → ∞, V → M (`SpectralMode.overlap`) and P → 1; at σ = 0 and τ_w → 0, V → 1 for any shapes.
///
/// Detuned photons (centres ω_A, ω_B, each photon's filters centred on it; Δ = ω_A − ω_B) carry the phase
/// e^(iΔτ) on ab, so the coherence term weights each τ by A(τ)cos(Δτ): the quantum beat of Legero et al. Without
/// jitter this stays closed form, with complex exponents x ± iΔ in I(x, y) and L(β) = (1 − e^(−βτ_w))/β; a
/// herald whose phase Δτ is corrected from the recorded times (`correctsPhase`, Metz & Barrett) then equals
/// the undetuned one. Detuned photons with jitter, and filters off their photon's centre, are rejected.
public struct TimeResolvedHerald: Codable, Sendable, Equatable {
    /// Fraction of the two-photon heralds accepted by the window, in [0, 1].
    public let acceptance: Double
    /// Two-photon visibility of the accepted heralds (before any residual visibility V₀), in [0, 1] for photons at
    /// one frequency and in [−1, 1] for detuned ones (a window on the beat's far side anti-correlates).
    public let visibility: Double

    /// Fidelity of the accepted heralds with the target Bell state, (1 + V₀·V)/2.
    public func fidelity(residualVisibility v0: Double = 1) -> Double { (1 + v0 * visibility) / 2 }

    /// Evaluates the herald of photons `a` and `b` for a window of `windowNs` (ns; `.infinity` accepts every
    /// herald) and a per-detector Gaussian rms jitter of `jitterNs` (ns). Throws at `path` for a
    /// non-positive window, a negative or non-finite jitter, detuned photons with jitter, or a filter off its
    /// photon's centre.
    ///
    /// `correctsPhase`: detuned photons only, without jitter — the phase Δτ of each kept herald is undone
    /// from the detection times (feed-forward), which removes the beat.
    public init(_ a: SpectralMode, _ b: SpectralMode, windowNs: Double, jitterNs: Double, correctsPhase: Bool = false,
                path: String = "timeResolved") throws {
        guard windowNs > 0, !windowNs.isNaN else {
            throw ParameterError(path: child(path, "windowNs"), value: windowNs, range: "(0, ∞] ns")
        }
        try Validate.nonNegative(jitterNs, at: child(path, "jitterNs"), unit: "ns")
        try Validate.finite(jitterNs, at: child(path, "jitterNs"))
        let variantsA = try Self.amplitudeTerms(a, path: child(path, "photonA"))
        let variantsB = try Self.amplitudeTerms(b, path: child(path, "photonB"))
        let centreA = try Self.centre(a, path: child(path, "photonA")), centreB = try Self.centre(b, path: child(path, "photonB"))
        let detuned = abs(centreA - centreB) > 1e-12 * max(1, abs(centreA))
        let detuning = detuned && !correctsPhase ? centreA - centreB : 0
        if detuned, jitterNs > 0 {
            throw ParameterError(invalid: child(path, "jitterNs"), reason: "detuned photons with detector jitter are not supported "
                                     + "by the closed form (jitter \(jitterNs) ns, detuning \(Validate.format((centreA - centreB) / (2 * .pi))) MHz)")
        }
        // Times in µs (the half-widths are in rad/µs).
        let kernel = WindowKernel(window: windowNs / 1000, spread: 2.squareRoot() * jitterNs / 1000)
        var acceptance = 0.0, visibility = 0.0
        for ta in variantsA {
            for tb in variantsB {
                let normA = Self.norm(ta), normB = Self.norm(tb)
                var p = 0.0, c = 0.0
                for k in ta { for k2 in ta { for l in tb { for l2 in tb {
                    p += k.r * k2.r * l.r * l2.r * kernel.double(k.g + k2.g, l.g + l2.g)
                    c += k.r * l.r * k2.r * l2.r * (detuning == 0 ? kernel.double(k.g + l.g, k2.g + l2.g)
                                                     : kernel.beat(k.g + l.g, k2.g + l2.g, detuning: detuning))
                } } } }
                acceptance += p / (normA * normB)
                visibility += p > 0 ? c / p : 0
            }
        }
        let n = Double(variantsA.count * variantsB.count)
        self.acceptance = min(1, max(0, acceptance / n))
        self.visibility = min(1, max(-1, visibility / n))
    }

    /// One exponential term R·e^(−g t) of a temporal amplitude (g in rad/µs).
    struct Term: Sendable {
        let r: Double
        let g: Double
    }

    /// The temporal amplitude's terms; a mode with coincident poles (a filter matching the photon) is
    /// split symmetrically by ±10⁻⁵ in the later half-width and the two variants are averaged (error
    /// O(10⁻¹⁰), as in `SpectralMode`).
    static func amplitudeTerms(_ mode: SpectralMode, path: String) throws -> [[Term]] {
        let widths = mode.factors.map(\.halfWidth)
        guard !widths.isEmpty, widths.allSatisfy({ $0.isFinite && $0 > 0 }) else {
            throw ParameterError(invalid: path, reason: "every half-width of the photon's spectral mode must be finite and positive")
        }
        func coincident(_ w: [Double]) -> Int? {
            for m in w.indices { for k in w.indices where k > m && abs(w[m] - w[k]) <= 1e-7 * max(w[m], w[k]) { return k } }
            return nil
        }
        if let k = coincident(widths) {
            var plus = widths, minus = widths
            plus[k] *= 1 + 1e-5
            minus[k] *= 1 - 1e-5
            guard coincident(plus) == nil, coincident(minus) == nil else {
                throw ParameterError(invalid: path, reason: "more than two coincident poles in one spectral mode are not supported")
            }
            return [terms(plus), terms(minus)]
        }
        return [terms(widths)]
    }

    /// Partial fractions of ∏ γₖ/(γₖ − iω): ξ(t) = Σₖ Rₖ e^(−γₖt), Rₖ = γₖ ∏_{i≠k} γᵢ/(γᵢ − γₖ).
    static func terms(_ widths: [Double]) -> [Term] {
        widths.indices.map { k in
            var r = widths[k]
            for i in widths.indices where i != k { r *= widths[i] / (widths[i] - widths[k]) }
            return Term(r: r, g: widths[k])
        }
    }

    /// The common centre (rad/µs) of a mode's factors: each filter must sit on its photon's centre.
    static func centre(_ mode: SpectralMode, path: String) throws -> Double {
        let c = mode.factors.first?.center ?? 0
        guard mode.factors.allSatisfy({ abs($0.center - c) <= 1e-9 * max(1, $0.halfWidth) }) else {
            throw ParameterError(invalid: path, reason: "the time-resolved closed form needs every filter centred on its photon "
                                     + "(a filter off the photon's centre is not supported)")
        }
        return c
    }

    /// ‖ξ‖² = Σ Rₖ Rₗ /(γₖ + γₗ).
    static func norm(_ terms: [Term]) -> Double {
        terms.reduce(0) { s, k in terms.reduce(s) { $0 + k.r * $1.r / (k.g + $1.g) } }
    }
}

/// The acceptance window smeared by jitter and its exponential integrals (times in µs, rates in 1/µs).
struct WindowKernel: Sendable {
    /// Half-width τ_w of the accepted time difference (may be infinite).
    let window: Double
    /// rms s of the recorded time difference's jitter (√2 σ).
    let spread: Double

    /// I(x, y) = ∬_{t₁,t₂ ≥ 0} e^(−x t₁ − y t₂) A(t₂ − t₁) = (L(x) + L(y))/(x + y) (A is even).
    func double(_ x: Double, _ y: Double) -> Double { (laplace(x) + laplace(y)) / (x + y) }

    /// Re ∬ e^(−(x + iΔ)t₁ − (y − iΔ)t₂) A(t₂ − t₁) = Re (L(x + iΔ) + L(y − iΔ))/(x + y), without jitter
    /// (`spread` 0): the beat term of detuned photons, L(β) = (1 − e^(−βτ_w))/β for complex β.
    func beat(_ x: Double, _ y: Double, detuning d: Double) -> Double {
        func laplace(_ b: Complex) -> Complex {
            if window.isInfinite { return Complex(1) / b }
            let decay = exp(-b.re * window)
            let e = Complex(decay * cos(b.im * window), -decay * sin(b.im * window))
            return (Complex(1) - e) / b
        }
        return (laplace(Complex(x, d)) + laplace(Complex(y, -d))).re / (x + y)
    }

    /// L(β) = ∫₀^∞ e^(−βτ) A(τ) dτ.
    func laplace(_ beta: Double) -> Double {
        if window.isInfinite { return 1 / beta }
        if spread == 0 { return -expm1(-beta * window) / beta }
        let s = spread
        // Φ(w/s) − Φ(−w/s) = erf(w/(s√2)), without cancellation at small w/s.
        let central = erf(window / (s * 2.squareRoot()))
        return (central - shifted(beta, window) + shifted(beta, -window)) / beta
    }

    /// e^(−βc + β²s²/2) Φ((c − βs²)/s), without overflow: for a very negative argument z, the product
    /// equals e^(−c²/(2s²))·erfcx(−z/√2)/2.
    func shifted(_ beta: Double, _ c: Double) -> Double {
        let s = spread
        let z = (c - beta * s * s) / s
        if z > -5 { return exp(-beta * c + beta * beta * s * s / 2) * Self.phi(z) }
        return exp(-c * c / (2 * s * s)) * Self.erfcx(-z / 2.squareRoot()) / 2
    }

    /// Standard normal CDF.
    static func phi(_ z: Double) -> Double { erfc(-z / 2.squareRoot()) / 2 }

    /// Scaled complementary error function e^(u²) erfc(u) for u ≥ 3 (asymptotic series beyond 25).
    static func erfcx(_ u: Double) -> Double {
        if u < 25 { return exp(u * u) * erfc(u) }
        let v = 1 / (2 * u * u)
        return (1 - v + 3 * v * v - 15 * v * v * v) / (u * Double.pi.squareRoot())
    }
}
