import Foundation
import Interlink

/// The requirements of the memory-buffering study: each quantity solved with the other two at their
/// ideal values (so each is a necessary condition), intervals over the station's published ranges.
extension MemoryBufferingStudy {
    /// This file (part of the study's code fingerprint).
    static let requirementsSource = #filePath

    /// What a requirement constrains.
    enum Quantity: String, CaseIterable, Sendable {
        /// Smallest memory T₂ (perfect, 1 µs transfer).
        case coherence
        /// Smallest transfer process fidelity (no memory decay, 1 µs transfer).
        case transferFidelity
        /// Longest transfer duration (no memory decay, perfect transfer).
        case transferTime

        /// Row label in the requirement tables.
        var label: String {
            switch self {
            case .coherence: "memory T₂ ≥ (F_tr = 1, t_tr = 1 µs)"
            case .transferFidelity: "transfer process fidelity F_tr ≥ (no memory decay, t_tr = 1 µs)"
            case .transferTime: "transfer time t_tr ≤ (no memory decay, F_tr = 1)"
            }
        }

        /// Unit of the requirement.
        var unit: String { self == .transferFidelity ? "" : "s" }

        /// The symbol named in an unreachable cell.
        var symbol: String {
            switch self {
            case .coherence: "T₂"
            case .transferFidelity: "1 − F_tr"
            case .transferTime: "t_tr"
            }
        }

        /// Whether the requirement is a minimum of the solved variable (T₂) rather than a maximum
        /// (transfer infidelity, transfer time).
        var isMinimum: Bool { self == .coherence }
    }

    /// `p` with every requirement axis at its ideal value: no memory decay, perfect 1 µs transfer.
    static func ideal(_ p: Parameters) -> Parameters {
        var q = p
        q.part = .map
        q.memoryDecays = false
        q.transferInfidelity = 0
        q.transferTimeSeconds = 1e-6
        return q
    }

    /// The requirement on `quantity` for `rate` ebit/s at `p.lengthKm`, the other axes ideal. The
    /// transfer-fidelity requirement is solved on the infidelity 1 − F_tr (a maximum) and returned as
    /// that infidelity.
    static func requirement(_ quantity: Quantity, _ p: Parameters, rate: Double) throws -> Requirement {
        var q = ideal(p)
        switch quantity {
        case .coherence:
            q.memoryDecays = true
            return try Requirement.solve(in: 1e-5...1e3, increasing: true, target: rate) { t2 in
                q.memoryT2Seconds = t2
                return try distillableRate(q)
            }
        case .transferFidelity:
            return try Requirement.solve(in: 1e-8...0.75, increasing: false, target: rate) { e in
                q.transferInfidelity = e
                return try distillableRate(q)
            }
        case .transferTime:
            return try Requirement.solve(in: 1e-8...10, increasing: false, target: rate) { t in
                q.transferTimeSeconds = t
                return try distillableRate(q)
            }
        }
    }

    /// The point at which a requirement holds (for checking the fidelity there); nil when the
    /// requirement is not a value.
    static func point(_ quantity: Quantity, _ p: Parameters, _ requirement: Requirement) -> Parameters? {
        guard let v = requirement.value else { return nil }
        var q = ideal(p)
        switch quantity {
        case .coherence:
            q.memoryDecays = true
            q.memoryT2Seconds = v
        case .transferFidelity: q.transferInfidelity = v
        case .transferTime: q.transferTimeSeconds = v
        }
        return q
    }

    /// The station's published ranges (SNSPD efficiency and dark counts, 1550 nm attenuation).
    static var uncertainParameters: [UncertainParameter<Parameters>] {
        StationRanges.parameters(efficiency: \Parameters.snspdEfficiency, darkCounts: \Parameters.snspdDarkCountRateHz,
                                 attenuation: \Parameters.attenuation1550DBPerKm)
    }

    /// 64 Latin-hypercube draws of the ranges (the same draws for every requirement).
    static var propagation: Propagation<Parameters> {
        Propagation(uncertainParameters, draws: 64, seed: 17, level: 0.90)
    }

    /// A requirement with its 90 % interval over the draws.
    static func requirementInterval(_ quantity: Quantity, _ p: Parameters, rate: Double) throws -> RequirementInterval {
        try RequirementInterval(propagation, base: p, increasing: quantity.isMinimum) { try requirement(quantity, $0, rate: rate) }
    }

    /// The transfer-fidelity interval F_tr = 1 − infidelity of an interval on the transfer infidelity
    /// (the interval ends swap).
    static func fidelityInterval(_ transfer: RequirementInterval) -> RequirementInterval {
        RequirementInterval(nominal: transfer.nominal.value.map { .value(1 - $0) } ?? transfer.nominal,
                            low: transfer.high.map { 1 - $0 }, high: transfer.low.map { 1 - $0 },
                            unreachableFraction: transfer.unreachableFraction, draws: transfer.draws)
    }

    /// The nominal requirement and its interval ends unrounded, as `name`, `name_low`, `name_high`, so the
    /// report's interval text is formatted exactly as the requirements table formats it (rounding first can
    /// shift the digit rule by a floating-point hair); nothing when an end is missing.
    static func intervalMetrics(_ interval: RequirementInterval, _ name: String, unit: String = "") -> [Metric] {
        guard let v = interval.nominal.value, let low = interval.low, let high = interval.high else { return [] }
        return [Metric(name, v, unit: unit), Metric(name + "_low", min(low, v), unit: unit),
                Metric(name + "_high", max(high, v), unit: unit)]
    }

    /// Metric name of a requirement (`t2Min_1_100`, …).
    static func key(_ quantity: Quantity, rate: Double, lengthKm: Double) -> String {
        let stem: String
        switch quantity {
        case .coherence: stem = "t2Min"
        case .transferFidelity: stem = "transferInfidelityMax"
        case .transferTime: stem = "transferTimeMax"
        }
        return "\(stem)_\(Int(rate))_\(Int(lengthKm))"
    }

    /// The derived requirements and the reference points.
    var requirementDerivations: [Derivation] {
        let p = base
        return [
            Derivation("headline requirements with 90 % intervals (1 ebit/s at 100 km; digits of the interval)") { _ in
                var q = p
                q.lengthKm = 100
                let t2 = try Self.requirementInterval(.coherence, q, rate: 1)
                let fidelity = Self.fidelityInterval(try Self.requirementInterval(.transferFidelity, q, rate: 1))
                return t2.metrics("headline_t2", unit: "s") + fidelity.metrics("headline_transferFidelity")
                    + (try Self.requirementInterval(.transferTime, q, rate: 1)).metrics("headline_transferTime", unit: "s")
            },
            Derivation("10 km requirements with 90 % intervals (digits of the interval)") { _ in
                var q = p
                q.lengthKm = 10
                let transfer = try Self.requirementInterval(.transferFidelity, q, rate: 1)
                return try Self.intervalMetrics(Self.requirementInterval(.coherence, q, rate: 1), "t2_1_10", unit: "s")
                    + Self.intervalMetrics(Self.fidelityInterval(transfer), "transferFidelity_1_10")
                    + Self.intervalMetrics(Self.requirementInterval(.coherence, q, rate: 100), "t2_100_10", unit: "s")
                    + Self.intervalMetrics(Self.requirementInterval(.transferTime, q, rate: 100), "transferTime_100_10", unit: "s")
            },
            Derivation("requirements for 1 and 100 ebit/s at 10 and 100 km (Brent root on the closed form)") { _ in
                var out: [Metric] = []
                for length in Self.lengths {
                    var q = p
                    q.lengthKm = length
                    for rate in Self.targetRates {
                        for quantity in Quantity.allCases {
                            guard let v = try Self.requirement(quantity, q, rate: rate).value else { continue }
                            out.append(Metric(Self.key(quantity, rate: rate, lengthKm: length), v, unit: quantity.unit))
                            if quantity == .transferFidelity {
                                out.append(Metric("transferFidelityMin_\(Int(rate))_\(Int(length))", 1 - v))
                            }
                        }
                    }
                    let best = try Self.model(Self.ideal(q))
                    out.append(Metric("bestDistillable_\(Int(length))", best.rateHz * best.state.hashingYield, unit: "ebit/s"))
                    out.append(Metric("bestFidelity_\(Int(length))", best.fidelity))
                    out.append(Metric("bestRate_\(Int(length))", best.rateHz, unit: "1/s"))
                }
                // The demonstrated transducer (Sahu et al. 2022, preset) with every memory axis ideal.
                var sahu = Self.ideal(p)
                let preset = ModalityPreset.arm(.transmonElectroOptic).transducer
                sahu.transducerEfficiency = preset?.efficiency ?? 0.087
                sahu.addedNoisePhotons = preset?.addedNoisePhotons ?? 0.16
                for length in Self.lengths {
                    sahu.lengthKm = length
                    let m = try Self.model(sahu)
                    out.append(Metric("sahuFidelity_\(Int(length))", m.fidelity))
                    out.append(Metric("sahuDistillable_\(Int(length))", m.rateHz * m.state.hashingYield, unit: "ebit/s"))
                }
                return out
            },
        ]
    }
}
