import InterlinkCore
import Foundation

/// The fiber from a node to the heralding station.
///
/// Transmission η_f = 10^(−α·L/10) with α (dB/km) at the photon's wavelength after conversion
/// (from `FiberAttenuationTable` unless `attenuationDBPerKm` is given). Propagation delay
/// L·n_g/c with group index `groupIndex` (default 1.47, ≈ 4.9 µs/km). Band of validity 350 – 2000 nm
/// (`WavelengthBand.silicaFiber`), also when the attenuation is given explicitly.
public struct FiberSpan: Codable, Sendable, Equatable {
    /// Default group index of standard single-mode fiber (≈ 5 µs/km).
    public static let defaultGroupIndex = 1.47
    /// Speed of light in vacuum (km/s).
    public static let speedOfLightKmPerSecond = 299_792.458

    /// Fiber length (km), ≥ 0.
    public var lengthKm: Double
    /// Attenuation (dB/km), ≥ 0; nil means "look it up in `FiberAttenuationTable`".
    public var attenuationDBPerKm: Double?
    /// Group index, ≥ 1; nil means 1.47.
    public var groupIndex: Double?

    /// Creates a fiber span.
    public init(lengthKm: Double, attenuationDBPerKm: Double? = nil, groupIndex: Double? = nil) {
        self.lengthKm = lengthKm
        self.attenuationDBPerKm = attenuationDBPerKm
        self.groupIndex = groupIndex
    }

    /// Validates every field; errors name `path.<field>`.
    public func validate(at path: String) throws {
        try Validate.nonNegative(lengthKm, at: child(path, "lengthKm"), unit: "km")
        if let a = attenuationDBPerKm {
            try Validate.nonNegative(a, at: child(path, "attenuationDBPerKm"), unit: "dB/km")
        }
        if let n = groupIndex {
            try Validate.inRange(n, 1...10, at: child(path, "groupIndex"))
        }
    }

    /// Attenuation at `wavelengthNm`: the explicit value, else the table value (throws at
    /// `path.attenuationDBPerKm` if the table has no band there).
    public func attenuation(wavelengthNm: Double, path: String) throws -> Double {
        if let a = attenuationDBPerKm { return a }
        return try FiberAttenuationTable.attenuationDBPerKm(
            wavelengthNm: wavelengthNm, path: child(path, "attenuationDBPerKm"))
    }

    /// Transmission 10^(−α·L/10) for attenuation α (dB/km).
    public func transmission(attenuationDBPerKm alpha: Double) -> Double {
        Decibels.transmission(lossDB: alpha * lengthKm)
    }

    /// One-way propagation delay L·n_g/c (seconds).
    public var delaySeconds: Double {
        lengthKm * (groupIndex ?? Self.defaultGroupIndex) / Self.speedOfLightKmPerSecond
    }
}

/// Decibel conversions.
public enum Decibels {
    /// Transmission 10^(−loss/10) of a loss given in dB.
    public static func transmission(lossDB: Double) -> Double {
        pow(10, -lossDB / 10)
    }

    /// Loss in dB, −10·log10(transmission), of a transmission in (0, 1].
    public static func loss(transmission: Double) -> Double {
        -10 * log10(transmission)
    }
}
