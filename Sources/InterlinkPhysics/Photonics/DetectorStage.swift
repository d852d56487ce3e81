import InterlinkCore
import Foundation

/// Single-photon detector at the heralding station.
///
/// Dark-click probability per window p_d = 1 − exp(−R_dark·τ_window); for a time-bin scheme the
/// window is one time bin (each detector has one window per bin). `jitterSeconds` enters the
/// time-resolved-detection criterion (jitter ≪ 1/Δ, Vittorini et al., arXiv 1409.0907), reported as
/// a diagnostic. Typical SNSPD: 0.90 – 0.98 efficiency, ≈ 1 – 130 Hz dark counts, 15 – 150 ps jitter
/// (Marsili et al. 2013; arXiv 1611.02726). Band of validity 250 – 2500 nm
/// (`WavelengthBand.singlePhotonDetector`): a photon outside it is rejected.
public struct DetectorStage: Codable, Sendable, Equatable {
    /// Detection efficiency in [0, 1].
    public var efficiency: Double
    /// Dark-count rate (Hz), ≥ 0.
    public var darkCountRateHz: Double
    /// Detection window per attempt (seconds), > 0.
    public var windowSeconds: Double
    /// Timing jitter (seconds), ≥ 0.
    public var jitterSeconds: Double
    /// Number-resolving or threshold detection (`DetectorKind`); nil = `numberResolving`. Both
    /// detectors of a station must be of the same kind.
    public var kind: DetectorKind?

    /// Creates a detector stage.
    public init(efficiency: Double, darkCountRateHz: Double, windowSeconds: Double, jitterSeconds: Double,
                kind: DetectorKind? = nil) {
        self.efficiency = efficiency
        self.darkCountRateHz = darkCountRateHz
        self.windowSeconds = windowSeconds
        self.jitterSeconds = jitterSeconds
        self.kind = kind
    }

    /// The detector kind, `numberResolving` when not given.
    public var resolvedKind: DetectorKind { kind ?? .numberResolving }

    /// Validates every field; errors name `path.<field>`.
    public func validate(at path: String) throws {
        try Validate.efficiency(efficiency, at: child(path, "efficiency"))
        try Validate.nonNegative(darkCountRateHz, at: child(path, "darkCountRateHz"), unit: "Hz")
        try Validate.positive(windowSeconds, at: child(path, "windowSeconds"), unit: "s")
        try Validate.nonNegative(jitterSeconds, at: child(path, "jitterSeconds"), unit: "s")
    }

    /// Dark-click probability per window, 1 − exp(−R_dark·τ_window).
    public var darkClickProbability: Double {
        -expm1(-darkCountRateHz * windowSeconds)
    }
}
