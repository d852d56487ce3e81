import InterlinkCore
import Foundation

/// The evaluated photon budget of one arm: stage efficiencies, end-to-end efficiency η, the
/// photon's spectral mode at the detector, noise and timing.
///
/// η = collection × transducer × conversion × filter × fiber × insertion × detector, with
/// fiber = 10^(−α L/10) at the output wavelength and insertion = 10^(−Σ dB/10). The filter factor
/// (and the transducer's bandwidth factor) is the Lorentzian filter transmission
/// (`ModeOverlap.lorentzianFilterTransmission`, evaluated on the full spectral mode).
/// Noise photons per detection window reaching the detector:
/// n = η_t·N_add·(downstream of transducer) + R_QFC·τ_window·(downstream of converter)
/// (physics reference: "treat a noise click like a dark click").
public struct ArmBudget: Codable, Sendable, Equatable {
    /// Collection efficiency.
    public let collection: Double
    /// Transducer efficiency times its bandwidth (Lorentzian) factor; 1 without a transducer.
    public let transducer: Double
    /// Conversion efficiency; 1 without conversion.
    public let conversion: Double
    /// Filter transmission of this photon; 1 without a filter.
    public let filter: Double
    /// Fiber transmission.
    public let fiber: Double
    /// Combined insertion-loss transmission.
    public let insertion: Double
    /// Detector efficiency.
    public let detector: Double
    /// Product of all stages, η.
    public let endToEndEfficiency: Double
    /// Wavelength in the fiber (nm).
    public let outputWavelengthNm: Double
    /// Fiber attenuation used (dB/km).
    public let fiberAttenuationDBPerKm: Double
    /// One-way fiber delay to the station (s).
    public let oneWayDelaySeconds: Double
    /// Time from emission until the herald is back at the node: 2 × one-way delay (s).
    public let heraldRoundTripSeconds: Double
    /// Mean noise photons detected per window (QFC + transducer).
    public let noisePhotonsPerWindow: Double
    /// Dark-click probability per window of this arm's detector.
    public let darkClickProbability: Double
    /// Repetition limit of node and transducer (Hz).
    public let repetitionLimitHz: Double
    /// Spectral mode at the detector (centred on the arm's own photon; the link applies detuning).
    public let spectrum: SpectralMode

    /// Evaluates an arm; throws at `path` (e.g. `link.armA`) if a parameter is invalid or no
    /// attenuation is tabulated at the output wavelength.
    public init(arm: ArmConfiguration, path: String) throws {
        try arm.validate(at: path)
        collection = arm.collection.efficiency
        var mode = SpectralMode(linewidthMHz: arm.node.photon.linewidthMHz)
        var transducerFactor = 1.0
        if let t = arm.transducer {
            let before = mode.norm
            mode = mode.filtered(bandwidthMHz: t.bandwidthMHz)
            transducerFactor = t.efficiency * (before > 0 ? mode.norm / before : 0)
        }
        transducer = transducerFactor
        conversion = arm.conversion?.efficiency ?? 1
        var filterFactor = 1.0
        if let f = arm.filter {
            let before = mode.norm
            mode = mode.filtered(bandwidthMHz: f.bandwidthMHz, offsetMHz: f.centerOffsetMHz ?? 0)
            filterFactor = f.peakTransmission * (before > 0 ? mode.norm / before : 0)
        }
        filter = filterFactor
        spectrum = mode
        outputWavelengthNm = arm.outputWavelengthNm
        do {
            fiberAttenuationDBPerKm = try arm.fiber.attenuation(wavelengthNm: outputWavelengthNm, path: child(path, "fiber"))
        } catch let error as ParameterError {
            // The input at fault is the wavelength that reaches the fiber: name that field.
            throw ParameterError(kind: error.kind, path: child(path, arm.outputWavelengthField),
                               message: error.message.replacingOccurrences(
                                   of: "give attenuationDBPerKm explicitly",
                                   with: "choose a wavelength in a band or give fiber.attenuationDBPerKm explicitly"))
        }
        fiber = arm.fiber.transmission(attenuationDBPerKm: fiberAttenuationDBPerKm)
        insertion = Decibels.transmission(lossDB: arm.insertionLossesDB.reduce(0, +))
        detector = arm.detector.efficiency
        endToEndEfficiency = collection * transducer * conversion * filter * fiber * insertion * detector
        oneWayDelaySeconds = arm.fiber.delaySeconds
        heraldRoundTripSeconds = 2 * oneWayDelaySeconds
        let downstreamOfConverter = filter * fiber * insertion * detector
        var noise = 0.0
        if let t = arm.transducer {
            noise += t.efficiency * t.addedNoisePhotons * conversion * downstreamOfConverter
        }
        if let c = arm.conversion {
            noise += c.noiseRateHz * arm.detector.windowSeconds * downstreamOfConverter
        }
        noisePhotonsPerWindow = noise
        darkClickProbability = arm.detector.darkClickProbability
        repetitionLimitHz = min(arm.node.maxRepetitionRateHz, arm.transducer?.maxRepetitionRateHz ?? .infinity)
    }
}
