import InterlinkCore
import Foundation

extension ModalityPreset {
    /// Diamond SiV memory node with frequency conversion to 1350 nm (Harvard/AWS network).
    ///
    /// Sources: Knaut et al., Nature 629, 573 (2024) (35 km deployed loop, QFC to 1350 nm,
    /// second-long storage); Stas et al., Science 2022 (²⁹Si nuclear memory T2 up to 2.1 s,
    /// electron–photon F 0.90–0.91; attribution unconfirmed).
    /// Assumptions: ZPL 737 nm, linewidth 100 MHz, collection 0.3 (nanophotonic cavity), QFC
    /// efficiency 0.3 and noise 100 Hz, attempt time 10 µs, repetition 100 kHz, gate/readout values.
    public static var siliconVacancy1350: ArmConfiguration {
        ArmConfiguration(
            node: NodeParameters(
                modality: .diamondColorCenter,
                photon: PhotonSource(wavelengthNm: 737, linewidthMHz: 100),
                attemptTimeSeconds: 10e-6,
                maxRepetitionRateHz: 1e5,
                memory: MemoryParameters(t2Seconds: 2.1),
                operations: LocalOperations(singleQubitGateFidelity: 0.999, singleQubitGateSeconds: 1e-6,
                                            twoQubitGateFidelity: 0.98, twoQubitGateSeconds: 10e-6,
                                            readoutFidelity: 0.95, readoutSeconds: 30e-6),
                communicationQubits: 1),
            collection: CollectionStage(efficiency: 0.3),
            conversion: FrequencyConversionStage(efficiency: 0.3, noiseRateHz: 100, outputWavelengthNm: 1350),
            fiber: FiberSpan(lengthKm: 0),
            detector: .snspd,
            provenance: PresetProvenance(
                preset: "diamond.siv.1350",
                sources: ["Knaut et al., Nature 629, 573 (2024): 35 km loop, QFC to 1350 nm, second-long storage",
                          "Stas et al., Science 2022 (attribution unconfirmed): 29Si memory T2 up to 2.1 s",
                          "SNSPD 0.90-0.98 efficiency (Marsili 2013; NIST)"],
                assumptions: ["node.photon.wavelengthNm, node.photon.linewidthMHz: 737 nm ZPL, 100 MHz",
                              "collection.efficiency: 0.3",
                              "conversion.efficiency, conversion.noiseRateHz: 0.3, 100 Hz",
                              "node.attemptTimeSeconds, node.maxRepetitionRateHz: 10 µs, 100 kHz",
                              "node.operations: gate and readout fidelities and times"],
                status: .projected(assumes: [
                    "emission-based two-photon heralding at collection 0.3: Knaut et al. 2024 used a reflection-based spin-photon gate, which this preset does not model, so it is not calibrated to that link",
                    "conversion efficiency 0.3 and noise 100 Hz, attempt time 10 µs"])))
    }
}
