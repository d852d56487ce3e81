import InterlinkCore
import Foundation

/// An optional spectral filter in an arm (e.g. an etalon or filter cavity), modelled as a
/// single-pole Lorentzian: amplitude response h(ω) = t·b/(b − i(ω − ω_F)) with intensity FWHM
/// `bandwidthMHz` (b = π·bandwidth in angular units) and peak intensity transmission t² =
/// `peakTransmission`, centred `centerOffsetMHz` from the photon's centre frequency.
///
/// A narrow filter narrows the broader photon (better two-photon overlap) at the cost of
/// transmission; see `ModeOverlap` for the closed forms.
public struct SpectralFilterStage: Codable, Sendable, Equatable {
    /// Intensity-transmission FWHM (MHz), > 0.
    public var bandwidthMHz: Double
    /// Transmission at the filter's centre, in [0, 1].
    public var peakTransmission: Double
    /// Filter centre minus photon centre (MHz); nil means 0.
    public var centerOffsetMHz: Double?

    /// Creates a filter stage.
    public init(bandwidthMHz: Double, peakTransmission: Double, centerOffsetMHz: Double? = nil) {
        self.bandwidthMHz = bandwidthMHz
        self.peakTransmission = peakTransmission
        self.centerOffsetMHz = centerOffsetMHz
    }

    /// Validates every field; errors name `path.<field>`.
    public func validate(at path: String) throws {
        try Validate.positive(bandwidthMHz, at: child(path, "bandwidthMHz"), unit: "MHz")
        try Validate.efficiency(peakTransmission, at: child(path, "peakTransmission"))
        if let o = centerOffsetMHz { try Validate.finite(o, at: child(path, "centerOffsetMHz")) }
    }
}
