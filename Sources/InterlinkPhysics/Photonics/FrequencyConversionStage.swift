import InterlinkCore
import Foundation

/// Quantum frequency conversion (QFC) of the photon to `outputWavelengthNm`.
///
/// `efficiency` is the end-to-end (external) conversion efficiency; `noiseRateHz` is the rate of
/// noise photons leaving the converter in the signal's output mode (e.g. anti-Stokes Raman light),
/// which reach the detector with the downstream transmission and count like dark clicks
/// (false heralds). Cited examples: Ca⁺ 854 → 1550 nm ≈ 30 % with ≈ 60 Hz noise (Krutyanskiy et
/// al., Appl. Phys. B 2017); 854 → 1310 nm 26.5 % with 11.4 s⁻¹ (Bock et al., Nat. Commun. 9, 1998,
/// 2018); Rb 780 → 1522 nm 57 % (van Leent et al., PRL 124, 010510, 2020). Input and output must lie in
/// 300 – 2500 nm (`WavelengthBand.frequencyConversion`).
public struct FrequencyConversionStage: Codable, Sendable, Equatable {
    /// External conversion efficiency in [0, 1].
    public var efficiency: Double
    /// Noise photons per second at the converter output, ≥ 0.
    public var noiseRateHz: Double
    /// Wavelength after conversion (nm), > 0.
    public var outputWavelengthNm: Double
    /// Bandwidth (MHz, > 0) in which `noiseRateHz` was measured; an arm filter narrower than this passes
    /// the fraction B_filter/B_noise of the (spectrally flat) noise. nil = the rate is already the one
    /// in the arm's detection bandwidth.
    public var noiseBandwidthMHz: Double?
    /// Input wavelength the converter is built for (nm, > 0); nil = whatever arrives. When given it
    /// must match the arriving photon (`WavelengthBand.checkMatch`).
    public var inputWavelengthNm: Double?

    /// Creates a conversion stage.
    public init(efficiency: Double, noiseRateHz: Double, outputWavelengthNm: Double, noiseBandwidthMHz: Double? = nil,
                inputWavelengthNm: Double? = nil) {
        self.efficiency = efficiency
        self.noiseRateHz = noiseRateHz
        self.outputWavelengthNm = outputWavelengthNm
        self.noiseBandwidthMHz = noiseBandwidthMHz
        self.inputWavelengthNm = inputWavelengthNm
    }

    /// Validates every field; errors name `path.<field>`.
    public func validate(at path: String) throws {
        try Validate.efficiency(efficiency, at: child(path, "efficiency"))
        try Validate.nonNegative(noiseRateHz, at: child(path, "noiseRateHz"), unit: "Hz")
        try Validate.positive(outputWavelengthNm, at: child(path, "outputWavelengthNm"), unit: "nm")
        if let b = noiseBandwidthMHz { try Validate.positive(b, at: child(path, "noiseBandwidthMHz"), unit: "MHz") }
        if let w = inputWavelengthNm { try Validate.positive(w, at: child(path, "inputWavelengthNm"), unit: "nm") }
    }
}
