import InterlinkCore
import Foundation

/// The photon a node emits (before any conversion): centre wavelength and linewidth.
///
/// The photon is modelled as an exponential wave packet with intensity decay rate
/// Γ = 2π·`linewidthMHz` (its power spectrum is a Lorentzian of FWHM `linewidthMHz`).
public struct PhotonSource: Codable, Sendable, Equatable {
    /// Emitted wavelength (nm), > 0. A transmon's microwave photon is given as its vacuum wavelength.
    public var wavelengthNm: Double
    /// Spectral FWHM (MHz), > 0; Γ = 2π·linewidth.
    public var linewidthMHz: Double

    /// Creates a photon description.
    public init(wavelengthNm: Double, linewidthMHz: Double) {
        self.wavelengthNm = wavelengthNm
        self.linewidthMHz = linewidthMHz
    }

    /// Validates every field; errors name `path.<field>`.
    public func validate(at path: String) throws {
        try Validate.positive(wavelengthNm, at: child(path, "wavelengthNm"), unit: "nm")
        try Validate.positive(linewidthMHz, at: child(path, "linewidthMHz"), unit: "MHz")
    }
}
