import Interlink

extension ConvertedLinkStudy {
    /// This file, one of the study's sources.
    static let linkSource = #filePath

    /// The link at `lengthKm`: Sr⁺ arms converted to 1550 nm (efficiency 0.3, 60 Hz noise),
    /// nanowire detectors, the station at the midpoint.
    static func link(lengthKm: Double) throws -> LinkModel {
        var arm = ModalityPreset.arm(.strontium422)
        arm.conversion = FrequencyConversionStage(efficiency: 0.3, noiseRateHz: 60, outputWavelengthNm: 1550)
        arm.detector = .snspd
        return try LinkModel(configuration: .midpoint(
            armA: arm, armB: arm, totalLengthKm: lengthKm, scheme: .twoPhoton, residualVisibility: 0.88))
    }
}
