import InterlinkCore
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
    ///
    /// Coincident poles of A* (a filter exactly matching the photon) make the residues singular:
    /// the integral is averaged over that half-width moved by ±1e-5 relative (error O(1e-10)).
    /// This is done iteratively on a work list (at most `maximumVariants` variants), never by
    /// unbounded recursion; a mode with a non-finite or non-positive half-width, or poles that the
    /// split cannot separate, gives NaN, which `overlap(with:)` reports as 0.
    func overlapIntegral(_ other: SpectralMode) -> Complex {
        let nan = Complex(.nan, .nan)
        let usable = { (f: Factor) in f.halfWidth.isFinite && f.halfWidth > 0 && f.center.isFinite }
        guard factors.allSatisfy(usable), other.factors.allSatisfy(usable) else { return nan }
        var work: [(mode: SpectralMode, weight: Double)] = [(self, 1)]
        var sum = Complex(0)
        var variants = 0
        while let (mode, weight) = work.popLast() {
            variants += 1
            guard variants <= SpectralMode.maximumVariants else { return nan }
            if let k = mode.coincidentFactor() {
                let b = mode.factors[k]
                var plus = mode, minus = mode
                plus.factors[k] = Factor(center: b.center, halfWidth: b.halfWidth * (1 + 1e-5))
                minus.factors[k] = Factor(center: b.center, halfWidth: b.halfWidth * (1 - 1e-5))
                guard plus.factors[k].halfWidth.isFinite else { return nan }
                work.append((plus, weight / 2))
                work.append((minus, weight / 2))
                continue
            }
            sum = sum + Complex(weight) * mode.residueSum(other)
        }
        return sum
    }

    /// Most mode variants `overlapIntegral` evaluates (2^k for k coincident pairs).
    static let maximumVariants = 1024

    /// Index of the later factor of the first pair of coincident poles (within 1e-7 relative), if any.
    private func coincidentFactor() -> Int? {
        for m in factors.indices {
            for k in factors.indices where k > m {
                let a = factors[m], b = factors[k]
                let scale = max(a.halfWidth, b.halfWidth)
                if abs(a.center - b.center) <= 1e-7 * scale && abs(a.halfWidth - b.halfWidth) <= 1e-7 * scale {
                    return k
                }
            }
        }
        return nil
    }

    /// 2πi Σ residues of A*(ω)B(ω) at A*'s poles (all poles of A* distinct).
    private func residueSum(_ other: SpectralMode) -> Complex {
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
        let ratio = overlapIntegral(other).magnitudeSquared / n
        guard n > 0, n.isFinite, ratio.isFinite else { return 0 }
        return min(1, max(0, ratio))
    }
}
