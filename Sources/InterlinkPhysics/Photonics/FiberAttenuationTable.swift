import InterlinkCore
import Foundation

/// Documented single-mode-fiber attenuation by wavelength band, used when a `FiberSpan` does not
/// give `attenuationDBPerKm` explicitly. The attenuation is looked up at the photon's wavelength
/// *after* any frequency conversion or transduction.
///
/// | band (nm)   | dB/km | status      | source |
/// |-------------|-------|-------------|--------|
/// | 1500 – 1625 | 0.18  | measured    | Corning SMF-28 data; Krutyanskiy et al., npj QI 2019 (0.17 – 0.22, 0.18 typical at 1550 nm) |
/// | 1360 – 1460 | 0.35  | assumption  | E-band of low-water-peak fiber; G.652.D-class value, not in the team's cited table |
/// | 1260 – 1360 | 0.33  | measured    | Corning; ITU-T G.652.D (0.31 – 0.35 at 1310 nm) |
/// | 1080 – 1100 | 0.7   | derived     | Rayleigh λ⁻⁴ scaling of silica loss from 1550 nm: ≈ 0.15 dB/km of the 0.18 dB/km is Rayleigh scattering, × (1550/1092)⁴ ≈ 4.06 → 0.61, plus ≈ 0.1 dB/km residual absorption; the band of the Sr⁺ 1092 nm photons of Zalewski et al., arXiv 2506.11257 (2025), who quote no dB/km (assumption) |
/// | 840 – 870   | 3.0   | measured    | Krutyanskiy et al., npj Quantum Inf. 2019 (≈ 3 dB/km at 854 nm) |
/// | 770 – 800   | 3.5   | secondary   | ≈ 3 – 4 dB/km at 780 nm (secondary source); midpoint taken |
/// | 480 – 500   | 30    | assumption  | "tens of dB/km" at 493 nm (unconfirmed) |
/// | 410 – 430   | 30    | assumption  | "tens of dB/km" at 422 nm (unconfirmed) |
///
/// Outside these bands the lookup throws: give the attenuation explicitly.
public enum FiberAttenuationTable {
    /// One band of the table.
    public struct Entry: Sendable, Equatable, Codable {
        /// Lowest wavelength of the band (nm, inclusive).
        public let lowerNm: Double
        /// Highest wavelength of the band (nm, inclusive).
        public let upperNm: Double
        /// Attenuation in dB/km.
        public let attenuationDBPerKm: Double
        /// True when the value is an assumption rather than a cited measurement.
        public let isAssumption: Bool
        /// Where the number comes from.
        public let source: String
    }

    /// The table, in decreasing wavelength.
    public static let entries: [Entry] = [
        Entry(lowerNm: 1500, upperNm: 1625, attenuationDBPerKm: 0.18, isAssumption: false,
              source: "Corning SMF-28 data; Krutyanskiy et al. npj QI 2019 (0.17-0.22 dB/km, 0.18 typical at 1550 nm)"),
        Entry(lowerNm: 1360, upperNm: 1460, attenuationDBPerKm: 0.35, isAssumption: true,
              source: "assumption: E-band, low-water-peak G.652.D-class fiber"),
        Entry(lowerNm: 1260, upperNm: 1360, attenuationDBPerKm: 0.33, isAssumption: false,
              source: "Corning; ITU-T G.652.D (0.31-0.35 dB/km at 1310 nm)"),
        Entry(lowerNm: 1080, upperNm: 1100, attenuationDBPerKm: 0.7, isAssumption: true,
              source: "derived: Rayleigh lambda^-4 scaling of the 1550 nm loss (0.15 dB/km x (1550/1092)^4 + 0.1 dB/km); Sr+ 1092 nm photons of Zalewski et al., arXiv 2506.11257 (2025)"),
        Entry(lowerNm: 840, upperNm: 870, attenuationDBPerKm: 3.0, isAssumption: false,
              source: "Krutyanskiy et al., npj Quantum Inf. 2019 (about 3 dB/km at 854 nm)"),
        Entry(lowerNm: 770, upperNm: 800, attenuationDBPerKm: 3.5, isAssumption: false,
              source: "about 3-4 dB/km at 780 nm (secondary source); midpoint"),
        Entry(lowerNm: 480, upperNm: 500, attenuationDBPerKm: 30, isAssumption: true,
              source: "assumption: 'tens of dB/km' at 493 nm (unconfirmed)"),
        Entry(lowerNm: 410, upperNm: 430, attenuationDBPerKm: 30, isAssumption: true,
              source: "assumption: 'tens of dB/km' at 422 nm (unconfirmed)"),
    ]

    /// The table entry whose band contains `wavelengthNm`, or nil.
    public static func entry(wavelengthNm: Double) -> Entry? {
        entries.first { $0.lowerNm <= wavelengthNm && wavelengthNm <= $0.upperNm }
    }

    /// Attenuation (dB/km) at `wavelengthNm`; throws an error at `path` when no band covers it.
    public static func attenuationDBPerKm(wavelengthNm: Double, path: String) throws -> Double {
        guard let e = entry(wavelengthNm: wavelengthNm) else {
            throw ParameterError(kind: .outOfRange, path: path,
                               message: "no tabulated fiber attenuation at \(Validate.format(wavelengthNm)) nm (bands: 410-430, 480-500, 770-800, 840-870, 1080-1100, 1260-1460, 1500-1625 nm); give attenuationDBPerKm explicitly")
        }
        return e.attenuationDBPerKm
    }
}
