import InterlinkCore
import Foundation

/// The band of wavelengths over which a stage of the photonic chain is physically valid; a photon
/// outside it is rejected with a `ParameterError` naming the wavelength field and the band.
///
/// | stage | band (nm) | basis |
/// |---|---|---|
/// | single-photon detector (SNSPD, APD) | 250 – 2500 | UV SNSPDs 250 – 370 nm (Wollman et al., Opt. Express 25, 26792, 2017); Si APDs 400 – 1000 nm and InGaAs APDs 900 – 1700 nm (vendor data); SNSPDs at 1550 nm (Marsili et al., Nat. Photon. 7, 210, 2013) and to ≈ 2 µm. Microwave photons (mm–cm) are not detected by any of them. |
/// | silica fiber | 350 – 2000 | low-loss window of silica fiber: Rayleigh scattering rises as λ⁻⁴ below, multiphonon absorption beyond ≈ 1.7 – 2 µm (Miya et al., Electron. Lett. 15, 106, 1979). A given `attenuationDBPerKm` does not lift this. |
/// | QFC input and output | 300 – 2500 | χ⁽²⁾ difference-frequency converters (PPLN, PPKTP) work between optical/near-IR wavelengths (e.g. 854 → 1550 nm, Krutyanskiy et al. 2017; 780 → 1522 nm, van Leent et al. 2020). |
/// | transducer input | 1 × 10⁶ – 1 × 10⁹ (1 mm – 1 m, 0.3 – 300 GHz) | microwave photons of superconducting circuits (4 – 8 GHz ≈ 37 – 75 mm). |
/// | transducer output | 300 – 2500 | optical side of electro-/piezo-optomechanical transducers (1550 nm in Sahu et al. 2022, Weaver et al. 2024). |
/// | microwave line | 1 × 10⁶ – 1 × 10⁹ | cryogenic coaxial or waveguide lines carry microwave photons (Kurpiers et al., EPJ Quantum Technol. 4, 8, 2017). |
///
/// A converter's optional `inputWavelengthNm` must match the wavelength arriving at it within
/// `matchTolerance` (relative, 10⁻³ ≈ 1 nm at 1 µm: a converter is phase-matched to one input line).
public struct WavelengthBand: Sendable, Equatable {
    /// Lowest valid wavelength (nm, inclusive).
    public let lowerNm: Double
    /// Highest valid wavelength (nm, inclusive).
    public let upperNm: Double
    /// What the band is for, as it appears in error messages.
    public let name: String

    /// Single-photon detectors (SNSPD, APD).
    public static let singlePhotonDetector = WavelengthBand(lowerNm: 250, upperNm: 2500, name: "single-photon detectors (SNSPD, APD)")
    /// Silica optical fiber.
    public static let silicaFiber = WavelengthBand(lowerNm: 350, upperNm: 2000, name: "silica optical fiber")
    /// Optical frequency-conversion input and output.
    public static let frequencyConversion = WavelengthBand(lowerNm: 300, upperNm: 2500, name: "optical frequency conversion")
    /// Microwave photons (transducer input, cryogenic microwave lines).
    public static let microwave = WavelengthBand(lowerNm: 1e6, upperNm: 1e9, name: "microwave photons (0.3-300 GHz)")
    /// Optical output of a microwave-to-optical transducer.
    public static let transducerOutput = WavelengthBand(lowerNm: 300, upperNm: 2500, name: "transducer optical output")

    /// Relative tolerance for a converter's input wavelength to match the arriving photon.
    public static let matchTolerance = 1e-3

    /// Whether `wavelengthNm` lies in the band.
    public func contains(_ wavelengthNm: Double) -> Bool {
        lowerNm <= wavelengthNm && wavelengthNm <= upperNm
    }

    /// Throws at `path` unless `wavelengthNm` lies in the band; `stage` names what receives the photon.
    public func check(_ wavelengthNm: Double, at path: String, stage: String) throws {
        guard contains(wavelengthNm) else {
            throw ParameterError(kind: .outOfRange, path: path,
                                 message: "value \(Validate.format(wavelengthNm)) nm reaches \(stage), which handles \(name) only: allowed \(Validate.format(lowerNm))-\(Validate.format(upperNm)) nm")
        }
    }

    /// Throws at `path` unless a converter's stated input wavelength matches the arriving one.
    public static func checkMatch(input: Double, arriving: Double, arrivingField: String, at path: String) throws {
        guard abs(input - arriving) <= matchTolerance * arriving else {
            throw ParameterError(kind: .inconsistent, path: path,
                                 message: "value \(Validate.format(input)) nm does not match the \(Validate.format(arriving)) nm photon arriving from \(arrivingField) (allowed within 0.1 %)")
        }
    }
}

extension ArmConfiguration {
    /// Checks that every stage of the chain can handle the wavelength that reaches it
    /// (`WavelengthBand`); errors name the wavelength field at fault, relative to `path`.
    public func validateWavelengths(at path: String) throws {
        var wavelength = node.photon.wavelengthNm
        var field = "node.photon.wavelengthNm"
        /// One converting stage: its stated input must match, the arriving photon must be in its input
        /// band and its output in its output band; the photon then has the output wavelength.
        func convert(_ stage: String, input: Double?, inputBand: WavelengthBand, output: Double, outputBand: WavelengthBand,
                     name: String) throws {
            if let input {
                try WavelengthBand.checkMatch(input: input, arriving: wavelength, arrivingField: field,
                                              at: child(path, "\(stage).inputWavelengthNm"))
            }
            try inputBand.check(wavelength, at: child(path, field), stage: "the \(name) input")
            try outputBand.check(output, at: child(path, "\(stage).outputWavelengthNm"), stage: "the \(name) output")
            wavelength = output
            field = "\(stage).outputWavelengthNm"
        }
        if let t = transducer {
            try convert("transducer", input: t.inputWavelengthNm, inputBand: .microwave, output: t.outputWavelengthNm,
                        outputBand: .transducerOutput, name: "transducer")
        }
        if let c = conversion {
            try convert("conversion", input: c.inputWavelengthNm, inputBand: .frequencyConversion, output: c.outputWavelengthNm,
                        outputBand: .frequencyConversion, name: "frequency converter")
        }
        try WavelengthBand.singlePhotonDetector.check(wavelength, at: child(path, field), stage: "the detector")
        try WavelengthBand.silicaFiber.check(wavelength, at: child(path, field), stage: "the fiber")
    }
}
