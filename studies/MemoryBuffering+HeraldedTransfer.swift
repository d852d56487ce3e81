import Foundation
import Interlink

/// The heralded transfer of the memory-buffering study: the module parks its half through a second,
/// local transduced link (transmon → transfer transducer → 1550 nm photon, interfered at a local station
/// with a photon from the memory node), retried at the transfer link's attempt period inside the
/// module's round (`HeraldedTransfer`, `HeraldedParkingRepeater`); the requirement on that transfer
/// link's transducer (η_t, N_add) for 1 ebit/s at a stated memory T₂.
extension MemoryBufferingStudy {
    /// This file (part of the study's code fingerprint).
    static let heraldedSource = #filePath

    /// The memory T₂ stated for the heralded-transfer map and requirements (s).
    static let heraldedMemoryT2Seconds = 1.0
    /// The stated local conditions of the heralded map (favourable, so that the map is a requirement on
    /// the transducer alone): transmon T₁ = T₂ = 1 ms (the upper end of the preset's cited 100 µs – 1 ms),
    /// Bell-measurement gate and readout fidelity 0.999, local two-photon visibility V₀ = 0.99.
    static let statedTransmonT2Seconds = 1e-3, statedOperationFidelity = 0.999, statedTransferVisibility = 0.99
    /// Fiber from each side of the transfer link to its local station (km): 10 m.
    static let transferFiberKm = 0.01
    /// Most transfer attempts per round considered: the retry window n is chosen among these to
    /// maximise the distillable rate.
    static let transferAttemptCandidates: [Int] = Array(1...8) + [12, 16, 24, 32, 48, 64, 96, 128, 192, 256, 384, 512]

    /// The transmon's own memory (preset T₁ = T₂ = 100 µs, or T₁ = T₂ = `heraldedTransferTransmonT2Seconds`): where the half
    /// waits while the transfer retries.
    static func transmonMemory(_ p: Parameters) -> MemoryParameters {
        p.heraldedTransferTransmonT2Seconds.map { MemoryParameters(t1Seconds: $0, t2Seconds: $0) } ?? ModalityPreset.arm(.transmonElectroOptic).node.memory
    }

    /// The transfer link: the module's transmon behind the transfer transducer (η_t, N_add), and the memory
    /// node — a projected optical interface emitting a photon matched to the transducer's output (1550 nm,
    /// 1 MHz) into fiber with efficiency `heraldedTransferMemoryInterfaceEfficiency`, no added noise — each 10 m from a local
    /// two-photon station with the study's SNSPDs.
    static func transferLink(_ p: Parameters) -> LinkConfiguration {
        var transmon = ModalityPreset.arm(.transmonElectroOptic)
        transmon.node.memory = transmonMemory(p)
        transmon.transducer?.efficiency = p.transferTransducerEfficiency
        transmon.transducer?.addedNoisePhotons = p.transferAddedNoisePhotons
        transmon.fiber.lengthKm = transferFiberKm
        StationRanges.apply(to: &transmon, efficiency: p.snspdEfficiency, darkCounts: p.snspdDarkCountRateHz,
                            attenuation: p.attenuation1550DBPerKm)
        var memory = transmon
        memory.node = NodeParameters(modality: .trappedIon, photon: PhotonSource(wavelengthNm: 1550, linewidthMHz: 1),
                                     attemptTimeSeconds: 1e-6, maxRepetitionRateHz: 1e6,
                                     memory: p.memoryDecays ? MemoryParameters(t2Seconds: p.storedT2Seconds) : MemoryParameters(),
                                     operations: transmon.node.operations, communicationQubits: 1)
        memory.collection = CollectionStage(efficiency: p.heraldedTransferMemoryInterfaceEfficiency)
        // The same Lorentzian band as the transducer's, so that the two photons' spectra match.
        memory.filter = transmon.transducer.map { SpectralFilterStage(bandwidthMHz: $0.bandwidthMHz, peakTransmission: 1) }
        memory.transducer = nil
        memory.provenance = nil
        return LinkConfiguration(scheme: .twoPhoton, armA: transmon, armB: memory, residualVisibility: p.heraldedTransferVisibility ?? p.residualVisibility)
    }

    /// The transmon's gates and readout in the teleportation's Bell measurement.
    static func transferOperations(_ p: Parameters) -> LocalOperations {
        var ops = parkingArm(p).node.operations
        if let f = p.heraldedTransferOperationFidelity {
            ops.twoQubitGateFidelity = f
            ops.readoutFidelity = f
        }
        return ops
    }

    /// The transfer with at most `attempts` tries per round.
    static func heraldedTransfer(_ p: Parameters, attempts: Int) throws -> HeraldedTransfer {
        let link = try LinkModel(configuration: transferLink(p), path: "transferLink")
        return try HeraldedTransfer(link: link, nodeMemory: transmonMemory(p), operations: transferOperations(p),
                                    maximumAttempts: attempts)
    }

    /// The heralded-parking repeater with at most `attempts` transfer tries per round.
    static func heraldedModel(_ p: Parameters, attempts: Int) throws -> HeraldedParkingRepeater {
        try HeraldedParkingRepeater(configuration: configuration(p, arm: parkingArm(p), cutoffSeconds: nil),
                                    transfer: heraldedTransfer(p, attempts: attempts))
    }

    /// The heralded-parking repeater with the retry window that maximises the distillable rate (where
    /// nothing distils, the fidelity; first of equals); nil when the transfer link never heralds.
    static func bestHeraldedModel(_ p: Parameters) throws -> HeraldedParkingRepeater? {
        let link = try LinkModel(configuration: transferLink(p), path: "transferLink")
        guard link.successProbabilityPerRound > 0 else { return nil }
        let configuration = try configuration(p, arm: parkingArm(p), cutoffSeconds: nil)
        let operations = transferOperations(p)
        var best: HeraldedParkingRepeater?
        for n in transferAttemptCandidates {
            let transfer = try HeraldedTransfer(link: link, nodeMemory: transmonMemory(p), operations: operations, maximumAttempts: n)
            let model = try HeraldedParkingRepeater(configuration: configuration, transfer: transfer)
            // Highest distillable rate; where none distils, the highest fidelity (what the transfer gets at most).
            if let b = best, (model.distillableRateHz, model.fidelity) <= (b.distillableRateHz, b.fidelity) { continue }
            best = model
        }
        return best
    }

    /// Distillable rate of the heralded-parking repeater at its best retry window (0 when nothing heralds).
    static func heraldedDistillableRate(_ p: Parameters) throws -> Double {
        try bestHeraldedModel(p)?.distillableRateHz ?? 0
    }

    /// The repeater without a memory: every module holds its half in the transmon (preset, 100 µs).
    static func noBufferModel(_ p: Parameters) throws -> TwoLinkRepeaterModel {
        var arm = parkingArm(p)
        arm.node.memory = transmonMemory(p)
        return try TwoLinkRepeaterModel(configuration: configuration(p, arm: arm, cutoffSeconds: nil))
    }

    /// `p` for the heralded part: the stated memory T₂ and local conditions, other axes at the study's base.
    static func heraldedPoint(_ p: Parameters, lengthKm: Double) -> Parameters {
        var q = p
        q.part = .heralded
        q.lengthKm = lengthKm
        q.memoryDecays = true
        q.heraldedTransferMemoryT2Seconds = heraldedMemoryT2Seconds
        q.heraldedTransferTransmonT2Seconds = statedTransmonT2Seconds
        q.heraldedTransferOperationFidelity = statedOperationFidelity
        q.heraldedTransferVisibility = statedTransferVisibility
        return q
    }

    /// What the heralded requirement constrains: the transfer transducer's added noise at a fixed
    /// efficiency, or its efficiency at a fixed added noise.
    enum HeraldedQuantity: String, CaseIterable, Sendable {
        /// Largest N_add per mode at η_t = 0.5.
        case addedNoise
        /// Smallest η_t at N_add = 10⁻³.
        case efficiency

        /// Row label in the requirement table.
        var label: String {
            switch self {
            case .addedNoise: "transfer transducer N_add ≤ (η_t = 0.5)"
            case .efficiency: "transfer transducer η_t ≥ (N_add = 10⁻³)"
            }
        }

        /// The symbol named in an unreachable cell.
        var symbol: String { self == .addedNoise ? "N_add" : "η_t" }

        /// Whether the solved variable is a minimum (η_t) rather than a maximum (N_add).
        var isMinimum: Bool { self == .efficiency }

        /// Metric stem.
        var stem: String { self == .addedNoise ? "heraldedNaddMax" : "heraldedEtaMin" }
    }

    /// The heralded requirement on `quantity` for `rate` ebit/s at `p.lengthKm` (stated memory T₂, the
    /// other transducer parameter at its base value).
    static func heraldedRequirement(_ quantity: HeraldedQuantity, _ p: Parameters, rate: Double) throws -> Requirement {
        var q = heraldedPoint(p, lengthKm: p.lengthKm)
        switch quantity {
        case .addedNoise:
            q.transferTransducerEfficiency = 0.5
            return try Requirement.solve(in: 1e-6...1, increasing: false, target: rate) { n in
                q.transferAddedNoisePhotons = n
                return try heraldedDistillableRate(q)
            }
        case .efficiency:
            q.transferAddedNoisePhotons = 1e-3
            return try Requirement.solve(in: 1e-3...1, increasing: true, target: rate) { eta in
                q.transferTransducerEfficiency = eta
                return try heraldedDistillableRate(q)
            }
        }
    }

    /// The 1 ebit/s boundary of the heralded map at `lengthKm`: the largest N_add at each η_t (root
    /// finding), only where it is a value.
    static func heraldedBoundary(_ p: Parameters, lengthKm: Double, efficiencies: [Double]) throws -> (eta: [Double], noise: [Double]) {
        var q = heraldedPoint(p, lengthKm: lengthKm)
        var eta: [Double] = [], noise: [Double] = []
        for e in efficiencies {
            q.transferTransducerEfficiency = e
            let r = try Requirement.solve(in: 1e-6...1, increasing: false, target: 1) { n in
                q.transferAddedNoisePhotons = n
                return try heraldedDistillableRate(q)
            }
            if let v = r.value {
                eta.append(e)
                noise.append(v)
            }
        }
        return (eta, noise)
    }

    /// Metrics of one heralded map point (best retry window).
    static func heraldedMetrics(_ p: Parameters) throws -> [Metric] {
        let link = try LinkModel(configuration: transferLink(p), path: "transferLink")
        guard let m = try bestHeraldedModel(p) else {
            return [Columns.distillableRate(0), Columns.rate(0), Columns.fidelity(.nan),
                    Columns.transferSuccessPerAttempt(link.successProbabilityPerRound), Columns.transferPairFidelity(link.fidelity)]
        }
        return [
            Columns.distillableRate(m.distillableRateHz),
            Columns.rate(m.rateHz),
            Columns.fidelity(m.fidelity),
            Columns.transferSuccessPerAttempt(m.transfer.successProbabilityPerAttempt),
            Columns.transferPairFidelity(m.transfer.transferPair.fidelity),
            Columns.transferAttempts(Double(m.transfer.maximumAttempts)),
            Columns.transferSuccess(m.transfer.successProbability),
            Columns.roundPeriod(m.timing.roundPeriodSeconds),
        ]
    }

    /// The heralded-transfer reference numbers: at each length, the study's transducer (η_t = 0.5,
    /// N_add = 10⁻³) for the transfer, an ideal transfer transducer, Sahu et al.'s device, the same memory
    /// with the deterministic (idealised) transfer, and no memory at all.
    static func heraldedNumbers(_ p: Parameters) throws -> [Metric] {
        var out: [Metric] = []
        for length in lengths {
            let tag = "_\(Int(length))"
            let q = heraldedPoint(p, lengthKm: length)
            if let m = try bestHeraldedModel(q) {
                out += [Metric("heraldedDistillable" + tag, m.distillableRateHz, unit: "ebit/s"), Metric("heraldedFidelity" + tag, m.fidelity),
                        Metric("heraldedRate" + tag, m.rateHz, unit: "1/s"),
                        Metric("heraldedAttempts" + tag, Double(m.transfer.maximumAttempts)),
                        Metric("heraldedTransferP" + tag, m.transfer.successProbabilityPerAttempt),
                        Metric("heraldedTransferSuccess" + tag, m.transfer.successProbability),
                        Metric("heraldedTransferPairFidelity" + tag, m.transfer.transferPair.fidelity),
                        Metric("heraldedTransferPeriod" + tag, m.transfer.attemptPeriodSeconds, unit: "s"),
                        Metric("heraldedRoundPeriod" + tag, m.timing.roundPeriodSeconds, unit: "s")]
            }
            var perfect = q
            perfect.transferTransducerEfficiency = 1
            perfect.transferAddedNoisePhotons = 0
            out.append(Metric("heraldedIdealDistillable" + tag, try heraldedDistillableRate(perfect), unit: "ebit/s"))
            if let m = try bestHeraldedModel(perfect) { out.append(Metric("heraldedIdealFidelity" + tag, m.fidelity)) }
            var sahu = q
            sahu.transferTransducerEfficiency = 0.087
            sahu.transferAddedNoisePhotons = 0.16
            out.append(Metric("heraldedSahuDistillable" + tag, try heraldedDistillableRate(sahu), unit: "ebit/s"))
            if let m = try bestHeraldedModel(sahu) { out.append(Metric("heraldedSahuFidelity" + tag, m.fidelity)) }
            var deterministic = ideal(q)
            deterministic.memoryDecays = true
            deterministic.memoryT2Seconds = heraldedMemoryT2Seconds
            let d = try model(deterministic)
            out.append(Metric("deterministicDistillable" + tag, d.rateHz * d.state.hashingYield, unit: "ebit/s"))
            // The preset's transmon (T₁ = T₂ = 100 µs, gates and readout 0.99) and the study's V₀ = 0.95, ideal transducer.
            var preset = perfect
            preset.heraldedTransferTransmonT2Seconds = nil
            preset.heraldedTransferOperationFidelity = nil
            preset.heraldedTransferVisibility = nil
            out.append(Metric("heraldedPresetIdealDistillable" + tag, try heraldedDistillableRate(preset), unit: "ebit/s"))
            if let m = try bestHeraldedModel(preset) { out.append(Metric("heraldedPresetIdealFidelity" + tag, m.fidelity)) }
            var none = try noBufferModel(q)
            out.append(Metric("noBufferDistillable" + tag, none.rateHz * none.state.hashingYield, unit: "ebit/s"))
            out.append(Metric("noBufferFidelity" + tag, none.fidelity))
            var presetTransmon = q
            presetTransmon.heraldedTransferTransmonT2Seconds = nil
            none = try noBufferModel(presetTransmon)
            out.append(Metric("noBufferPresetFidelity" + tag, none.fidelity))
        }
        return out
    }
}

extension MemoryBufferingStudy {
    /// The heralded reference numbers the report quotes with a 90 % interval (finite and not constant over the draws).
    static let propagatedHeraldedNumbers = [
        "heraldedDistillable_10", "heraldedFidelity_10", "heraldedTransferP_10", "heraldedTransferPairFidelity_10",
        "heraldedTransferSuccess_10", "heraldedIdealDistillable_10", "heraldedSahuFidelity_10", "heraldedIdealFidelity_100",
        "heraldedPresetIdealFidelity_10", "heraldedPresetIdealFidelity_100", "deterministicDistillable_10",
        "deterministicDistillable_100", "noBufferFidelity_10", "noBufferPresetFidelity_10",
    ]

    /// Metric name of a heralded requirement (`heraldedNaddMax_1_100`, …).
    static func heraldedKey(_ quantity: HeraldedQuantity, rate: Double, lengthKm: Double) -> String {
        "\(quantity.stem)_\(Int(rate))_\(Int(lengthKm))"
    }

    /// The heralded requirement with its 90 % interval over the station's published ranges.
    static func heraldedInterval(_ quantity: HeraldedQuantity, _ p: Parameters, rate: Double) throws -> RequirementInterval {
        try RequirementInterval(propagation, base: p, increasing: quantity.isMinimum) { try heraldedRequirement(quantity, $0, rate: rate) }
    }

    /// The heralded transfer's derivations: reference numbers and the 1 ebit/s requirements on the
    /// transfer transducer with their 90 % intervals.
    var heraldedDerivations: [Derivation] {
        let p = base
        return [
            Derivation("heralded transfer: reference numbers (memory T₂ = 1 s, best retry window; 90 % intervals of the quoted ones)") { _ in
                let plan = Propagation(Self.uncertainParameters, draws: 64, seed: 17, level: 0.90, metrics: Self.propagatedHeraldedNumbers)
                return try plan.summarize(p) { try Self.heraldedNumbers($0) }
            },
            Derivation("heralded transfer: transfer-transducer requirements for 1 ebit/s with 90 % intervals") { _ in
                var out: [Metric] = []
                for length in Self.lengths {
                    var q = p
                    q.lengthKm = length
                    for quantity in HeraldedQuantity.allCases {
                        let interval = try Self.heraldedInterval(quantity, q, rate: 1)
                        out += Self.intervalMetrics(interval, Self.heraldedKey(quantity, rate: 1, lengthKm: length),
                                                    unit: quantity == .addedNoise ? "photons" : "")
                    }
                }
                return out
            },
        ]
    }
}
