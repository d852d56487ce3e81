import InterlinkCore
import Foundation

extension ModalityPreset {
    /// Single Rb-87 atom emitting at 780 nm (Munich).
    ///
    /// Sources: van Leent et al., Nature 607 (2022) (33 km, rate ≈ 0.01 s⁻¹, F ≈ 0.62, secondary);
    /// van Leent et al., PRL 124, 010510 (2020) (780 → 1522 nm QFC, 57 %); Rosenfeld et al. 2008
    /// (free-space atom dephasing ~150 µs); D2 natural linewidth 6.07 MHz (atomic data).
    /// Assumptions: collection 0.10, attempt time 2 µs, repetition limit 500 kHz, the 150 µs
    /// dephasing taken as Gaussian dephasing time, gate/readout values, detector window/jitter.
    public static var rubidium780: ArmConfiguration {
        ArmConfiguration(
            node: NodeParameters(
                modality: .neutralAtom,
                photon: PhotonSource(wavelengthNm: 780, linewidthMHz: 6.07),
                attemptTimeSeconds: 2e-6,
                maxRepetitionRateHz: 5e5,
                memory: MemoryParameters(gaussianDephasingSeconds: 150e-6),
                operations: LocalOperations(singleQubitGateFidelity: 0.999, singleQubitGateSeconds: 1e-6,
                                            twoQubitGateFidelity: 0.99, twoQubitGateSeconds: 1e-6,
                                            readoutFidelity: 0.98, readoutSeconds: 1e-3),
                communicationQubits: 1),
            collection: CollectionStage(efficiency: 0.10),
            fiber: FiberSpan(lengthKm: 0),
            detector: .siliconAPDNearInfrared,
            provenance: PresetProvenance(
                preset: "atom.rb87.780",
                sources: ["van Leent et al., Nature 607 (2022) (secondary): 33 km, about 0.01 s^-1, F about 0.62",
                          "van Leent et al., PRL 124, 010510 (2020): 780 -> 1522 nm QFC, 57 %",
                          "Rosenfeld et al. 2008: free-space atom dephasing about 150 us",
                          "atomic data (check): Rb D2 natural linewidth 6.07 MHz",
                          "vendor data sheets: Si APD > 0.70 at 700 nm"],
                assumptions: ["collection.efficiency: 0.10",
                              "node.attemptTimeSeconds, node.maxRepetitionRateHz: 2 us, 500 kHz",
                              "node.memory.gaussianDephasingSeconds: the 150 us dephasing treated as Gaussian",
                              "node.operations: gate and readout fidelities and times",
                              "detector.windowSeconds, detector.jitterSeconds: 100 ns, 350 ps"]))
    }

    /// Yb-171 tweezer array emitting telecom photons, many emitters in parallel (Covey group).
    ///
    /// Sources: Li et al., Nat. Phys. 2025, arXiv 2502.17406 (atom–photon F 0.950 corrected, 0.90
    /// raw; parallel, multiplexed links).
    /// Assumptions: wavelength 1389 nm (the ³D₁ → ³P₀ telecom line; not in the team's table),
    /// linewidth 0.5 MHz, collection 0.10, 10 communication qubits, attempt time 5 µs, repetition
    /// limit 200 kHz, nuclear-spin T2 = 1 s, gate/readout values, E-band fiber loss 0.35 dB/km.
    public static var ytterbiumArrayTelecom: ArmConfiguration {
        ArmConfiguration(
            node: NodeParameters(
                modality: .neutralAtom,
                photon: PhotonSource(wavelengthNm: 1389, linewidthMHz: 0.5),
                attemptTimeSeconds: 5e-6,
                maxRepetitionRateHz: 2e5,
                memory: MemoryParameters(t2Seconds: 1),
                operations: LocalOperations(singleQubitGateFidelity: 0.999, singleQubitGateSeconds: 1e-6,
                                            twoQubitGateFidelity: 0.99, twoQubitGateSeconds: 1e-6,
                                            readoutFidelity: 0.98, readoutSeconds: 1e-3),
                communicationQubits: 10),
            collection: CollectionStage(efficiency: 0.10),
            fiber: FiberSpan(lengthKm: 0),
            detector: .snspd,
            provenance: PresetProvenance(
                preset: "atom.yb171.array.telecom",
                sources: ["Li et al., Nat. Phys. 2025, arXiv 2502.17406: atom-photon F 0.950 corrected / 0.90 raw, parallel links",
                          "SNSPD 0.90-0.98 efficiency (Marsili 2013; NIST)"],
                assumptions: ["node.photon.wavelengthNm: 1389 nm telecom transition (not in the cited table)",
                              "node.photon.linewidthMHz: 0.5 MHz",
                              "collection.efficiency: 0.10",
                              "node.communicationQubits: 10",
                              "node.attemptTimeSeconds, node.maxRepetitionRateHz: 5 us, 200 kHz",
                              "node.memory.t2Seconds: 1 s (nuclear-spin qubit)",
                              "node.operations: gate and readout fidelities and times",
                              "fiber.attenuationDBPerKm: table E-band value 0.35 dB/km (assumption)",
                              "detector.darkCountRateHz, windowSeconds: 10 Hz, 100 ns"]))
    }
}
