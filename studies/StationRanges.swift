import Foundation
import Interlink

/// The published ranges of a 1550 nm link's station and fiber — SNSPD efficiency and dark-count rate,
/// 1550 nm attenuation (`ModalityPreset.uncertainties`) — as uncertain parameters of a requirement
/// study, and their drawn values applied to an arm. Shared by the requirement studies so every
/// requirement interval uses the same ranges.
enum StationRanges {
    /// This file (part of the requirement studies' code fingerprints).
    static let sourceFile = #filePath

    /// The three ranges as uncertain parameters writing optional fields of `P` (nil = preset value).
    static func parameters<P>(efficiency: WritableKeyPath<P, Double?> & Sendable, darkCounts: WritableKeyPath<P, Double?> & Sendable,
                              attenuation: WritableKeyPath<P, Double?> & Sendable) -> [UncertainParameter<P>] {
        var arm = ModalityPreset.transmonElectroOptic
        arm.fiber.attenuationDBPerKm = nil
        let ranges = ModalityPreset.uncertainties(of: arm)
        var list: [UncertainParameter<P>] = []
        if let u = ranges["detector.efficiency"] { list.append(UncertainParameter("snspdEfficiency", u) { $0[keyPath: efficiency] = $1 }) }
        if let u = ranges["detector.darkCountRateHz"] {
            list.append(UncertainParameter("snspdDarkCountRateHz", u) { $0[keyPath: darkCounts] = $1 })
        }
        if let u = ranges["fiber.attenuationDBPerKm"] {
            list.append(UncertainParameter("attenuation1550DBPerKm", u) { $0[keyPath: attenuation] = $1 })
        }
        return list
    }

    /// `arm` with drawn station values: detector efficiency and dark counts when given, and the 1550 nm
    /// attenuation when given (nil leaves the arm's own value).
    static func apply(to arm: inout ArmConfiguration, efficiency: Double?, darkCounts: Double?, attenuation: Double?) {
        if let e = efficiency { arm.detector.efficiency = e }
        if let r = darkCounts { arm.detector.darkCountRateHz = r }
        if let a = attenuation { arm.fiber.attenuationDBPerKm = a }
    }

    /// A readable label of an uncertain parameter's field for tornado charts (the field itself when
    /// none is known).
    static func label(_ field: String) -> String {
        switch field {
        case "snspdEfficiency": "SNSPD efficiency"
        case "snspdDarkCountRateHz": "SNSPD dark counts"
        case "attenuation1550DBPerKm": "fiber loss at 1550 nm"
        case "ionConversionEfficiency": "ion converter efficiency"
        case "ionCalibrationProbability": "calibration probability"
        default: field
        }
    }
}
