import InterlinkCore
import Foundation

extension ModalityPreset {
    /// Superconducting transmon whose microwave photon is converted to 1550 nm by a pulsed
    /// electro-optic transducer.
    ///
    /// Sources: Sahu et al., Nat. Commun. 2022 (η = 8.7 % at N_add = 0.16); Weaver et al. 2024
    /// (bandwidth 14.8 MHz, repetition up to 100 kHz — a different device, borrowed); SC coherence
    /// ~100 µs – 1 ms (secondary); Dirnegger et al., arXiv 2503.10842 (N_add ≈ 0.5 threshold).
    /// Assumptions: 5 GHz qubit photon (λ = 59.96 mm), linewidth 1 MHz, collection into the
    /// transducer 0.9, attempt time 1 µs, T1 = T2 = 100 µs (lower end), gate/readout values,
    /// output at 1550 nm.
    public static var transmonElectroOptic: ArmConfiguration {
        ArmConfiguration(
            node: NodeParameters(
                modality: .superconductingTransmon,
                photon: PhotonSource(wavelengthNm: 5.996e7, linewidthMHz: 1),
                attemptTimeSeconds: 1e-6,
                maxRepetitionRateHz: 1e6,
                memory: MemoryParameters(t1Seconds: 100e-6, t2Seconds: 100e-6),
                operations: LocalOperations(singleQubitGateFidelity: 0.9995, singleQubitGateSeconds: 25e-9,
                                            twoQubitGateFidelity: 0.99, twoQubitGateSeconds: 200e-9,
                                            readoutFidelity: 0.99, readoutSeconds: 500e-9),
                communicationQubits: 1),
            collection: CollectionStage(efficiency: 0.9),
            transducer: TransducerStage(efficiency: 0.087, addedNoisePhotons: 0.16, bandwidthMHz: 14.8,
                                        maxRepetitionRateHz: 1e5, outputWavelengthNm: 1550),
            fiber: FiberSpan(lengthKm: 0),
            detector: .snspd,
            provenance: PresetProvenance(
                preset: "transmon.transducer.eo",
                sources: ["Sahu et al., Nat. Commun. 2022: eta 8.7 % at N_add 0.16 (pulsed EO)",
                          "Weaver et al. 2024: bandwidth 14.8 MHz, repetition up to 100 kHz (piezo-optomechanical device)",
                          "SC coherence about 100 µs - 1 ms (secondary)",
                          "SNSPD 0.90-0.98 efficiency (Marsili 2013; NIST)"],
                assumptions: ["node.photon.wavelengthNm: 5 GHz qubit (59.96 mm)",
                              "node.photon.linewidthMHz: 1 MHz",
                              "collection.efficiency: 0.9 (qubit to transducer input)",
                              "transducer.bandwidthMHz, transducer.maxRepetitionRateHz: borrowed from Weaver et al. 2024",
                              "transducer.outputWavelengthNm: 1550 nm",
                              "node.attemptTimeSeconds, node.maxRepetitionRateHz: 1 µs, 1 MHz",
                              "node.memory: T1 = T2 = 100 µs (lower end of the cited range)",
                              "node.operations: gate and readout fidelities and times"],
                status: .projected(assumes: [
                    "no heralded optical link between transmons is demonstrated: the transducer numbers are single-device measurements (Sahu et al. 2022)",
                    "transducer bandwidth and repetition rate borrowed from a different device (Weaver et al. 2024)",
                    "collection.efficiency 0.9 from qubit to transducer"])))
    }
}
