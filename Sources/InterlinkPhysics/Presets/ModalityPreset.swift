import InterlinkCore
import Foundation

/// Named arm presets: a node of one modality with its native photonic interface (collection,
/// detector, and where needed a transducer or frequency converter), ready to be given a fiber
/// length and overridden field by field.
///
/// Every preset carries a `PresetProvenance` (as data, in `ArmConfiguration.provenance`) listing its
/// sources and, separately, every field whose value is an assumption. Values marked "derived" are
/// computed from cited numbers. The preset's fiber has length 0 km; set it (or use
/// `LinkConfiguration.midpoint`).
///
/// Every preset is either *demonstrated* — calibrated to a cited experiment that
/// `CalibrationExperiment` rebuilds from the preset — or *projected*, with what it assumes beyond any
/// demonstration (`PresetProvenance.status`). Code names presets by their typed handle
/// (`ModalityPreset.arm(.strontium422)`); the string form (`arm(named:)`) serves JSON documents.
///
/// | name | modality | photon | status |
/// |------|----------|--------|--------|
/// | `ion.sr88.422` | Sr⁺, free-space collection (Oxford) | 422 nm | demonstrated (Stephenson 2020; circular) |
/// | `ion.ba138.493` | Ba⁺ | 493 nm | projected |
/// | `ion.ca40.854.cavity` | Ca⁺ in an optical cavity, deployed link (Innsbruck) | 854 nm | demonstrated (Krutyanskiy 2023) |
/// | `ion.ca40.854.cavity.projected` | Ca⁺ cavity, best single-node interface, 10 s memory | 854 nm | projected |
/// | `atom.rb87.780` | single Rb atom, deployed link (Munich) | 780 nm | demonstrated (van Leent 2022; circular) |
/// | `atom.rb87.780.projected` | single Rb atom, collection 0.10 | 780 nm | projected |
/// | `atom.yb171.array.telecom` | Yb-171 tweezer array, many emitters | 1389 nm telecom | projected |
/// | `transmon.transducer.eo` | transmon behind an electro-optic transducer | 1550 nm after transduction | projected |
/// | `diamond.siv.1350` | SiV memory node with QFC | 737 → 1350 nm | projected |
public enum ModalityPreset {
    /// All preset names, sorted.
    public static var names: [String] { PresetName.allCases.map(\.rawValue).sorted() }

    /// The arm configuration of preset `preset`.
    public static func arm(_ preset: PresetName) -> ArmConfiguration {
        switch preset {
        case .strontium422: strontium422
        case .barium493: barium493
        case .calcium854Cavity: calcium854Cavity
        case .calcium854CavityProjected: calcium854CavityProjected
        case .rubidium780: rubidium780
        case .rubidium780Projected: rubidium780Projected
        case .ytterbiumArrayTelecom: ytterbiumArrayTelecom
        case .transmonElectroOptic: transmonElectroOptic
        case .siliconVacancy1350: siliconVacancy1350
        }
    }

    /// The arm configuration of the preset named `name` (the string form, for JSON documents);
    /// throws `unknownPreset` at `path`.
    public static func arm(named name: String, path: String = "preset") throws -> ArmConfiguration {
        arm(try PresetName(validating: name, path: path))
    }
}

extension DetectorStage {
    /// Superconducting nanowire detector: efficiency 0.90 (lower end of 0.90–0.98, Marsili et al.
    /// 2013; NIST), dark rate 10 Hz (within the cited 1–130 Hz), window 100 ns (assumption),
    /// jitter 50 ps (within 15–150 ps, arXiv 1611.02726).
    public static let snspd = DetectorStage(efficiency: 0.90, darkCountRateHz: 10, windowSeconds: 100e-9,
                                            jitterSeconds: 50e-12)
    /// Silicon APD for blue/green photons: efficiency 0.35 (≈ 0.35 at 500 nm, vendor data sheets),
    /// dark rate 25 Hz (lower end of 25–150 Hz), window 100 ns and jitter 350 ps (assumptions).
    public static let siliconAPDVisible = DetectorStage(efficiency: 0.35, darkCountRateHz: 25, windowSeconds: 100e-9,
                                                        jitterSeconds: 350e-12)
    /// Silicon APD near 780 nm: efficiency 0.70 (> 0.70 at 700 nm, vendor data sheets), dark
    /// 25 Hz, window 100 ns, jitter 350 ps (assumptions as above).
    public static let siliconAPDNearInfrared = DetectorStage(efficiency: 0.70, darkCountRateHz: 25, windowSeconds: 100e-9,
                                                             jitterSeconds: 350e-12)
}

extension FrequencyConversionStage {
    /// Ca⁺ 854 → 1550 nm: ≈ 30 % with ≈ 60 Hz noise (Krutyanskiy et al., Appl. Phys. B 2017).
    public static let calcium854To1550 = FrequencyConversionStage(efficiency: 0.30, noiseRateHz: 60, outputWavelengthNm: 1550)
    /// Ca⁺ 854 → 1310 nm: 26.5 % with 11.4 s⁻¹ noise (Bock et al., Nat. Commun. 9, 1998, 2018).
    public static let calcium854To1310 = FrequencyConversionStage(efficiency: 0.265, noiseRateHz: 11.4, outputWavelengthNm: 1310)
}
