import InterlinkCore
import Foundation

/// The evaluated photon budget of one arm: stage efficiencies, end-to-end efficiency η, the
/// photon's spectral mode at the detector, noise and timing.
///
/// η = node steps × collection × transducer × conversion × filter × fiber × insertion × detector, with
/// fiber = 10^(−α L/10) at the output wavelength and insertion = 10^(−Σ dB/10). The filter factor
/// (and the transducer's bandwidth factor) is the Lorentzian filter transmission
/// (`ModeOverlap.lorentzianFilterTransmission`, evaluated on the full spectral mode).
/// Noise photons per detection window reaching the detector (`NoiseModes`):
/// n = η_t·N_add·m·(downstream of transducer) + R_QFC·τ_window·f_B·(downstream of converter), where
/// m = max(1, B·τ_window) is the number of temporal modes the window admits in the noise bandwidth B
/// (the narrower of transducer bandwidth and filter bandwidth) and f_B = min(1, B_filter/B_noise) the
/// fraction of a QFC noise rate measured in bandwidth B_noise that passes the arm's filter. Downstream
/// factors for noise use the filter's peak transmission (broadband noise is not shaped like the
/// photon). Noise clicks count like dark clicks (physics reference).
public struct ArmBudget: Codable, Sendable, Equatable {
    /// Product of the node's `beforeEmission` transfer-step efficiencies (`NodeTransferStep`); 1 without.
    public let nodeSteps: Double
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
    /// Temporal modes per detection window that carry transducer noise, m = max(1, B·τ) (1 without a
    /// transducer).
    public let noiseTemporalModes: Double
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
        nodeSteps = arm.node.steps.emissionEfficiency
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
        endToEndEfficiency = nodeSteps * collection * transducer * conversion * filter * fiber * insertion * detector
        oneWayDelaySeconds = arm.fiber.delaySeconds
        heraldRoundTripSeconds = 2 * oneWayDelaySeconds
        let noiseDownstream = (arm.filter?.peakTransmission ?? 1) * fiber * insertion * detector
        let window = arm.detector.windowSeconds
        var noise = 0.0
        var modes = 1.0
        if let t = arm.transducer {
            modes = NoiseModes.temporalModes(bandwidthMHz: min(t.bandwidthMHz, arm.filter?.bandwidthMHz ?? .infinity),
                                             windowSeconds: window)
            noise += t.efficiency * t.addedNoisePhotons * modes * conversion * noiseDownstream
        }
        if let c = arm.conversion {
            let fraction = NoiseModes.bandwidthFraction(filterMHz: arm.filter?.bandwidthMHz, noiseMHz: c.noiseBandwidthMHz)
            noise += c.noiseRateHz * window * fraction * noiseDownstream
        }
        noiseTemporalModes = modes
        noisePhotonsPerWindow = noise
        darkClickProbability = arm.detector.darkClickProbability
        repetitionLimitHz = min(arm.node.maxRepetitionRateHz, arm.transducer?.maxRepetitionRateHz ?? .infinity)
    }
}
