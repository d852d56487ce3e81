import InterlinkCore
import Foundation

/// How much broadband noise a detection window admits.
///
/// Model: noise that is spectrally flat over a bandwidth B (FWHM, Hz) and stationary in time occupies
/// about B·τ orthogonal temporal modes in a window of length τ (the time–bandwidth product; e.g.
/// prolate-spheroidal or time-bin modes). A transducer's added noise N_add is quoted per mode, so a
/// window holds η_t·N_add·max(1, B·τ) noise photons; the floor of 1 is the single mode a window
/// shorter than 1/B still admits. A noise rate R measured in bandwidth B_noise passes an arm filter of
/// bandwidth B_f with the fraction min(1, B_f/B_noise).
///
/// Limits: the count of modes treats filters as rectangular of width FWHM (a Lorentzian's noise-
/// equivalent bandwidth is π/2 larger), ignores the detector's own bandwidth and jitter, and assumes
/// flat noise; it is an order-of-magnitude-correct estimate (within a factor ≈ 2), not an exact
/// multimode calculation.
public enum NoiseModes {
    /// Temporal modes in a window: max(1, B·τ) with B in MHz converted to Hz.
    public static func temporalModes(bandwidthMHz b: Double, windowSeconds tau: Double) -> Double {
        max(1, b * 1e6 * tau)
    }

    /// Fraction of a noise rate measured in `noiseMHz` that passes a filter of `filterMHz`:
    /// min(1, B_f/B_noise); 1 when either is absent.
    public static func bandwidthFraction(filterMHz: Double?, noiseMHz: Double?) -> Double {
        guard let f = filterMHz, let n = noiseMHz, n > 0 else { return 1 }
        return min(1, f / n)
    }
}
