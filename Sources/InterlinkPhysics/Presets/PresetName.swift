import InterlinkCore

/// Typed handle of a modality preset: code writes `ModalityPreset.arm(.strontium422)`; the raw value
/// (`ion.sr88.422`) is the name JSON documents (`interlink eval`, architecture documents) use.
///
/// A name ending in `.projected` is the optimistic device a study may want on purpose; its status
/// (`PresetStatus.projected`) lists what it assumes beyond any demonstration.
public enum PresetName: String, CaseIterable, Codable, Sendable, Comparable {
    /// Sr⁺ at 422 nm, free-space collection (Oxford; demonstrated, Stephenson et al. 2020).
    case strontium422 = "ion.sr88.422"
    /// Ba⁺ at 493 nm (projected).
    case barium493 = "ion.ba138.493"
    /// Ca⁺ in an optical cavity at 854 nm as deployed (demonstrated, Krutyanskiy et al. 2023).
    case calcium854Cavity = "ion.ca40.854.cavity"
    /// Ca⁺ cavity node with the best single-node interface and a borrowed 10 s memory (projected).
    case calcium854CavityProjected = "ion.ca40.854.cavity.projected"
    /// Single Rb-87 atom at 780 nm as deployed (demonstrated, van Leent et al. 2022).
    case rubidium780 = "atom.rb87.780"
    /// Single Rb-87 atom with 0.10 collection (projected).
    case rubidium780Projected = "atom.rb87.780.projected"
    /// Yb-171 tweezer array at 1389 nm, 10 emitters (projected).
    case ytterbiumArrayTelecom = "atom.yb171.array.telecom"
    /// Transmon behind an electro-optic transducer (projected).
    case transmonElectroOptic = "transmon.transducer.eo"
    /// SiV memory node with conversion to 1350 nm (projected).
    case siliconVacancy1350 = "diamond.siv.1350"

    /// Orders by name.
    public static func < (lhs: PresetName, rhs: PresetName) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The handle of `name`; throws `unknownPreset` at `path` listing the known names.
    public init(validating name: String, path: String = "preset") throws {
        guard let handle = PresetName(rawValue: name) else {
            throw ParameterError(kind: .unknownPreset, path: path,
                                 message: "unknown preset '\(CommandEcho.truncated(name))'; known presets: \(ModalityPreset.names.joined(separator: ", "))")
        }
        self = handle
    }

    /// The preset's arm configuration.
    public var arm: ArmConfiguration { ModalityPreset.arm(self) }

    /// The preset's status (from its provenance).
    public var status: PresetStatus {
        // Every preset sets its provenance; `ModalityPresetTests` checks it.
        arm.provenance?.status ?? .projected(assumes: ["no provenance recorded"])
    }

    /// The experiment the preset is calibrated to, for a demonstrated preset.
    public var calibration: CalibrationExperiment? {
        CalibrationExperiment.allCases.first { $0.preset == self }
    }
}
