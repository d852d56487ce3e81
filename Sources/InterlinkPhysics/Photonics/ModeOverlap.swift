import InterlinkCore
import Foundation

/// Closed forms for two-photon interference of unlike photons and for Lorentzian filtering.
///
/// Model: each photon is an exponential wave packet with intensity decay rate Γ = 2π·linewidth,
/// so its amplitude spectrum is a Lorentzian of half-width Γ/2; a filter is a single-pole
/// Lorentzian of intensity FWHM B and peak transmission T₀ (see `SpectralFilterStage`).
public enum ModeOverlap {
    /// Mode overlap of two exponential photons, M = 4Γ₁Γ₂/((Γ₁ + Γ₂)² + 4Δ²), Γ = 2π·linewidth,
    /// Δ = 2π·detuning (the 2π factors cancel). HOM visibility of ideal single photons is V = M.
    /// Reference: Legero et al., Adv. At. Mol. Opt. Phys. 53, 253 (2006); physics reference.
    public static func exponentialPhotons(linewidth1MHz g1: Double, linewidth2MHz g2: Double, detuningMHz d: Double) -> Double {
        let s = g1 + g2
        let den = s * s + 4 * d * d
        return den > 0 ? 4 * g1 * g2 / den : 0
    }

    /// Transmission of an exponential photon (FWHM ν) through a Lorentzian filter (FWHM B, peak
    /// T₀, centre offset δ from the photon), derived by integrating the product of the photon's
    /// Lorentzian power spectrum and the filter's Lorentzian transmission (their convolution is a
    /// Lorentzian of summed half-widths):
    ///
    ///   T = T₀ · B(ν + B) / ((ν + B)² + 4δ²),   which is T₀·B/(ν + B) on resonance.
    public static func lorentzianFilterTransmission(photonLinewidthMHz nu: Double, filterBandwidthMHz B: Double,
                                                    filterOffsetMHz delta: Double = 0, peakTransmission t0: Double = 1) -> Double {
        let s = nu + B
        return t0 * B * s / (s * s + 4 * delta * delta)
    }

    /// Mode overlap when photon 1 (FWHM ν₁) passes a resonant Lorentzian filter (FWHM B) and photon 2
    /// (FWHM ν₂, detuned by Δ from photon 1 and from the filter) does not. Evaluated with
    /// `SpectralMode` residues; equals `exponentialPhotons` as B → ∞.
    public static func filteredPhotons(linewidth1MHz g1: Double, filterBandwidthMHz B: Double,
                                       linewidth2MHz g2: Double, detuningMHz d: Double) -> Double {
        let a = SpectralMode(linewidthMHz: g1).filtered(bandwidthMHz: B)
        let b = SpectralMode(linewidthMHz: g2, detuningMHz: d)
        return a.overlap(with: b)
    }
}
