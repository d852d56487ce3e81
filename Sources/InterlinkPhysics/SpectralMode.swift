import Foundation

/// The spectral amplitude of a photon after its chain, as a product of Lorentzian factors:
///
///   A(ω) = ∏ₖ γₖ / (γₖ − i(ω − cₖ)),
///
/// where the first factor is the emitter (exponential wave packet, intensity decay rate Γ, so
/// γ = Γ/2 = π·linewidth in angular units) and each further factor is a single-pole Lorentzian
/// filter (a `SpectralFilterStage` or a transducer's bandwidth) of half-width γ = π·FWHM centred at
/// cₖ. Angular frequencies are in rad/µs (= 2π·MHz).
///
/// Overlaps ∫ A*(ω) B(ω) dω are evaluated in closed form by residues: A* has its poles at
/// cₖ + iγₖ in the upper half plane and B has all poles in the lower half plane, so closing the
/// contour above gives 2πi Σ Res over A*'s poles. Coincident poles within one mode (a filter
/// exactly matching the photon) are handled by averaging over a symmetric ±1e-5 split (error
/// O(1e-10)).
public struct SpectralMode: Codable, Sendable, Equatable {
    /// One Lorentzian factor: centre (rad/µs) and half-width (rad/µs).
    public struct Factor: Codable, Sendable, Equatable {
        /// Centre angular frequency relative to the reference (rad/µs).
        public let center: Double
        /// Amplitude half-width γ (rad/µs), > 0.
        public let halfWidth: Double
    }

    /// The factors (emitter first).
    public private(set) var factors: [Factor]

    /// An emitter of FWHM `linewidthMHz` centred at `detuningMHz` from the reference.
    public init(linewidthMHz: Double, detuningMHz: Double = 0) {
        factors = [Factor(center: 2 * .pi * detuningMHz, halfWidth: .pi * linewidthMHz)]
    }

    /// Returns this mode after a Lorentzian filter of intensity FWHM `bandwidthMHz` centred
    /// `offsetMHz` from the emitter's centre.
    public func filtered(bandwidthMHz: Double, offsetMHz: Double = 0) -> SpectralMode {
        var m = self
        let c0 = factors.first?.center ?? 0
        m.factors.append(Factor(center: c0 + 2 * .pi * offsetMHz, halfWidth: .pi * bandwidthMHz))
        return m
    }

    /// Returns this mode shifted by `detuningMHz`.
    public func shifted(detuningMHz: Double) -> SpectralMode {
        var m = self
        m.factors = factors.map { Factor(center: $0.center + 2 * .pi * detuningMHz, halfWidth: $0.halfWidth) }
        return m
    }

    /// ∫ A*(ω) B(ω) dω for A = self, B = other (unnormalised), by residues.
    func overlapIntegral(_ other: SpectralMode) -> Complex {
        // Coincident poles of A* (a filter exactly matching the photon) make the residues singular:
        // average the integrals with that half-width moved by ±1e-5 relative (error O(1e-10)).
        for m in factors.indices {
            for k in factors.indices where k > m {
                let a = factors[m], b = factors[k]
                let scale = max(a.halfWidth, b.halfWidth)
                if abs(a.center - b.center) <= 1e-7 * scale && abs(a.halfWidth - b.halfWidth) <= 1e-7 * scale {
                    var plus = self, minus = self
                    plus.factors[k] = Factor(center: b.center, halfWidth: b.halfWidth * (1 + 1e-5))
                    minus.factors[k] = Factor(center: b.center, halfWidth: b.halfWidth * (1 - 1e-5))
                    let sum = plus.overlapIntegral(other) + minus.overlapIntegral(other)
                    return 0.5 * sum
                }
            }
        }
        let u = factors.map { Complex($0.center, $0.halfWidth) }       // poles of A*, upper half plane
        let v = other.factors.map { Complex($0.center, -$0.halfWidth) } // poles of B, lower half plane
        var sum = Complex(0)
        for m in factors.indices {
            // A*(ω) = ∏ γₖ/(i(ω − uₖ)); residue at u_m drops the m-th denominator factor.
            var term = Complex(factors[m].halfWidth) / Complex.i
            for k in factors.indices where k != m {
                term = term * (Complex(factors[k].halfWidth) / (Complex.i * (u[m] - u[k])))
            }
            // B(ω) = ∏ gⱼ/(−i(ω − vⱼ)) evaluated at u_m.
            for j in other.factors.indices {
                term = term * (Complex(other.factors[j].halfWidth) / (Complex(0, -1) * (u[m] - v[j])))
            }
            sum = sum + term
        }
        return Complex(0, 2 * .pi) * sum
    }

    /// ∫ |A(ω)|² dω (the mode's norm; π·γ for a single factor).
    public var norm: Double { overlapIntegral(self).re }

    /// Phase arg⟨A|B⟩ (radians) of the amplitude overlap with `other`: the fixed phase a detuning puts on
    /// first-order (single-click) interference. 0 for identical centre frequencies.
    public func overlapPhase(with other: SpectralMode) -> Double {
        let z = overlapIntegral(other)
        return z.magnitudeSquared > 0 ? atan2(z.im, z.re) : 0
    }

    /// Mode overlap M = |⟨A|B⟩|² / (⟨A|A⟩⟨B|B⟩) in [0, 1].
    public func overlap(with other: SpectralMode) -> Double {
        let n = norm * other.norm
        guard n > 0 else { return 0 }
        return min(1, max(0, overlapIntegral(other).magnitudeSquared / n))
    }
}
