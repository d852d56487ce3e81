import InterlinkCore

extension ModalityPreset {
    /// Published spreads of a preset's values, keyed by the field path relative to the arm
    /// (`detector.efficiency`, `fiber.attenuationDBPerKm`). Only values for which the parameter
    /// reference gives a range are listed; every other value stays exact. Ranges without a stated
    /// distribution are read as uniform (log-uniform when they span more than a decade).
    ///
    /// - SNSPD: efficiency 0.90–0.98, dark counts 1–130 Hz, jitter 15–150 ps (Marsili et al. 2013;
    ///   NIST 98 %; arXiv 1611.02726).
    /// - Si APD: dark counts 25–150 Hz (vendor data sheets).
    /// - Fiber attenuation at 1550 nm 0.17–0.22 dB/km (Corning data; Krutyanskiy 2019), at 1310 nm
    ///   0.31–0.35 dB/km (Corning; G.652.D), at 780 nm 3–4 dB/km (secondary source).
    /// - Throws: `unknownPreset` at `path` for an unknown name.
    public static func uncertainties(named name: String, path: String = "preset") throws -> [String: ParameterUncertainty] {
        uncertainties(of: try arm(named: name, path: path))
    }

    /// The published spreads that apply to `arm`'s detector and fiber wavelength (see
    /// ``uncertainties(named:path:)``).
    public static func uncertainties(of arm: ArmConfiguration) -> [String: ParameterUncertainty] {
        var table: [String: ParameterUncertainty] = [:]
        let detector = arm.detector
        if detector.efficiency == DetectorStage.snspd.efficiency, detector.darkCountRateHz == DetectorStage.snspd.darkCountRateHz {
            let source = "SNSPD: 0.90-0.98 efficiency, 1-130 Hz dark counts, 15-150 ps jitter (Marsili 2013; NIST 98%; arXiv 1611.02726)"
            table["detector.efficiency"] = .range(0.90, 0.98, source: source)
            table["detector.darkCountRateHz"] = .logRange(1, 130, source: source)
            table["detector.jitterSeconds"] = .range(15e-12, 150e-12, source: source)
        } else if detector.darkCountRateHz == DetectorStage.siliconAPDVisible.darkCountRateHz {
            table["detector.darkCountRateHz"] = .range(25, 150, source: "Si APD: 25-150 Hz dark counts (vendor data sheets)")
        }
        if arm.fiber.attenuationDBPerKm == nil {
            switch arm.outputWavelengthNm {
            case 1550: table["fiber.attenuationDBPerKm"] = .range(0.17, 0.22, source: "1550 nm: 0.17 (ultra-low-loss) - 0.22 dB/km (Corning data; Krutyanskiy 2019)")
            case 1310: table["fiber.attenuationDBPerKm"] = .range(0.31, 0.35, source: "1310 nm: 0.31 - 0.35 dB/km (Corning; G.652.D)")
            case 780: table["fiber.attenuationDBPerKm"] = .range(3, 4, source: "780 nm: 3 - 4 dB/km (secondary source)")
            default: break
            }
        }
        return table
    }
}

extension ArmConfiguration {
    /// The field paths ``setting(_:to:)`` accepts.
    public static let uncertainFields = ["collection.efficiency", "conversion.efficiency", "transducer.efficiency",
                                         "detector.efficiency", "detector.darkCountRateHz", "detector.jitterSeconds",
                                         "fiber.attenuationDBPerKm"]

    /// Sets the field at `path` (relative to the arm) to `value`, for draws of an uncertain
    /// parameter. The arm is validated where it is evaluated.
    /// - Throws: ``ParameterError`` naming `path` when the field is not settable (or the arm has no
    ///   such stage).
    public mutating func set(_ path: String, to value: Double) throws {
        func missing(_ stage: String) -> ParameterError {
            ParameterError(invalid: path, reason: "the arm has no \(stage) stage")
        }
        switch path {
        case "collection.efficiency": collection.efficiency = value
        case "conversion.efficiency":
            guard conversion != nil else { throw missing("conversion") }
            conversion?.efficiency = value
        case "transducer.efficiency":
            guard transducer != nil else { throw missing("transducer") }
            transducer?.efficiency = value
        case "detector.efficiency": detector.efficiency = value
        case "detector.darkCountRateHz": detector.darkCountRateHz = value
        case "detector.jitterSeconds": detector.jitterSeconds = value
        case "fiber.attenuationDBPerKm": fiber.attenuationDBPerKm = value
        default:
            throw ParameterError(path: path, value: "(field)", allowed: Self.uncertainFields.joined(separator: ", "))
        }
    }
}
