import InterlinkCore
import Foundation

/// Microwave-to-optical transducer between a superconducting qubit and the optical fiber.
///
/// - `efficiency`: conversion efficiency η_t in [0, 1].
/// - `addedNoisePhotons`: input-referred added noise N_add per mode; the output carries
///   ≈ η_t·N_add noise photons per temporal mode, and a detection window of length τ behind a noise
///   bandwidth B admits max(1, B·τ) modes (`NoiseModes`), counted like dark clicks (false heralds).
/// - `bandwidthMHz`: transduction bandwidth (FWHM). It is modelled as a Lorentzian filter acting on
///   the photon spectrum (same model as `SpectralFilterStage`, peak transmission 1 since the quoted
///   efficiency is on resonance).
/// - `maxRepetitionRateHz`: maximum attempt rate the device sustains (pump heating).
/// - `outputWavelengthNm`: optical output wavelength.
///
/// Cited examples: Sahu et al., Nat. Commun. 2022 (η = 8.7 % at N_add = 0.16); Weaver et al. 2024
/// (bandwidth 14.8 MHz, up to 100 kHz repetition). Its input must be a microwave photon (10⁶ – 10⁹ nm,
/// `WavelengthBand.microwave`), its output optical (300 – 2500 nm, `WavelengthBand.transducerOutput`).
public struct TransducerStage: Codable, Sendable, Equatable {
    /// Conversion efficiency η_t in [0, 1].
    public var efficiency: Double
    /// Input-referred added noise photons per mode, ≥ 0.
    public var addedNoisePhotons: Double
    /// Transduction bandwidth (FWHM, MHz), > 0.
    public var bandwidthMHz: Double
    /// Maximum repetition rate (Hz), > 0.
    public var maxRepetitionRateHz: Double
    /// Optical output wavelength (nm), > 0.
    public var outputWavelengthNm: Double
    /// Microwave input wavelength the transducer is built for (nm, > 0); nil = whatever arrives. When
    /// given it must match the node's photon (`WavelengthBand.checkMatch`).
    public var inputWavelengthNm: Double?

    /// Creates a transducer stage.
    public init(efficiency: Double, addedNoisePhotons: Double, bandwidthMHz: Double,
                maxRepetitionRateHz: Double, outputWavelengthNm: Double, inputWavelengthNm: Double? = nil) {
        self.inputWavelengthNm = inputWavelengthNm
        self.efficiency = efficiency
        self.addedNoisePhotons = addedNoisePhotons
        self.bandwidthMHz = bandwidthMHz
        self.maxRepetitionRateHz = maxRepetitionRateHz
        self.outputWavelengthNm = outputWavelengthNm
    }

    /// Validates every field; errors name `path.<field>`.
    public func validate(at path: String) throws {
        try Validate.efficiency(efficiency, at: child(path, "efficiency"))
        try Validate.nonNegative(addedNoisePhotons, at: child(path, "addedNoisePhotons"), unit: "photons")
        try Validate.positive(bandwidthMHz, at: child(path, "bandwidthMHz"), unit: "MHz")
        try Validate.positive(maxRepetitionRateHz, at: child(path, "maxRepetitionRateHz"), unit: "Hz")
        try Validate.positive(outputWavelengthNm, at: child(path, "outputWavelengthNm"), unit: "nm")
        if let w = inputWavelengthNm { try Validate.positive(w, at: child(path, "inputWavelengthNm"), unit: "nm") }
    }
}
