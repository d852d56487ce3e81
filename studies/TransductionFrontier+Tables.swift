import Foundation
import Interlink

/// Tables of the transduction-frontier study: the requirements with their intervals and the fidelity
/// at each, the published transducers in the link, and the link's error, loss and time budgets.
extension TransductionFrontierStudy {
    /// This file (part of the study's code fingerprint).
    static let tablesSource = #filePath

    /// One requirement row: the nominal requirement, its interval text and the fidelity where it holds.
    struct RequirementRow {
        let arm: IonArm
        let quantity: Quantity
        let rate: Double
        let lengthKm: Double
        let requirement: Requirement
        /// `value (low–high)` or the unreachable text.
        let text: String
        /// Fidelity of the link at the requirement (nil when the requirement is not a value).
        let fidelity: Double?
    }

    /// Every requirement: both ion arms × quantities × target rates × lengths. Intervals over the draws
    /// are computed where the nominal requirement is a value (an unreachable target needs none).
    static func requirementRows(_ p: Parameters) throws -> [RequirementRow] {
        var rows: [RequirementRow] = []
        for arm in [IonArm.projected, .demonstrated] {
            // The ion collection requirement does not depend on the arm's calibration: listed once.
            for quantity in Quantity.allCases where arm == .projected || quantity != .ionEfficiency {
                for rate in targetRates {
                    for length in lengths {
                        var q = p
                        q.ionArm = arm
                        q.lengthKm = length
                        let nominal = try requirement(quantity, q, rate: rate)
                        let text: String
                        if let modes = nominal.value, quantity == .multiplexing {
                            text = String(Int(modes))
                        } else if nominal.value != nil {
                            text = try requirementInterval(quantity, q, rate: rate).text(parameter: quantity.symbol, unit: quantity.unit)
                        } else {
                            text = nominal.text(parameter: quantity.symbol, unit: quantity.unit)
                        }
                        let fidelity = try point(quantity, q, nominal).map { try link($0).fidelity }
                        rows.append(RequirementRow(arm: arm, quantity: quantity, rate: rate, lengthKm: length, requirement: nominal,
                                                   text: text, fidelity: fidelity))
                    }
                }
            }
        }
        return rows
    }

    /// The requirement table (also read by the requirements study).
    static func requirementTable(_ p: Parameters) -> TableSpec {
        TableSpec("requirements", caption: "What the ion–transmon link needs for a distillable rate (hashing bound) of 1 and 100 "
            + "ebit/s at 10 and 100 km: each quantity solved by Brent's method on the model with the others at their ideal "
            + "values (so each is necessary, not sufficient), with the 90 % interval over 64 Latin-hypercube draws of the "
            + "published SNSPD and 1550 nm fiber ranges, the ion converter's efficiency (±10 %, assumed) and the calibration "
            + "probability (±25 %, assumed). Multiplexed modes are integers (no interval). F: the link's fidelity at the "
            + "requirement. An ion arm whose every requirement is unreachable with no distillable entanglement at all (at "
            + "most 0 ebit/s at the most favourable end of every range) gets one row.") { _ in
            let all = try requirementRows(p)
            var rows: [[DataTable.Cell]] = []
            for arm in [IonArm.projected, .demonstrated] {
                let armRows = all.filter { $0.arm == arm }
                if let collapsed = collapsedRow(armRows) {
                    rows.append(collapsed)
                    continue
                }
                rows += armRows.map { r in
                    [.text(r.arm.rawValue), .text(r.quantity.label), .number(r.rate, uncertainty: nil), .number(r.lengthKm, uncertainty: nil),
                     .text(r.text), r.fidelity.map { .number($0, uncertainty: nil) } ?? .text("–")]
                }
            }
            return try DataTable(columns: [DataTable.Column("ion arm"), DataTable.Column("requirement"),
                                           DataTable.Column("target", unit: "ebit/s"), DataTable.Column("length", unit: "km"),
                                           DataTable.Column("value (90 % interval)"), DataTable.Column("F")], rows: rows)
        }
    }

    /// One row for an arm none of whose requirements is reachable because the link distils nothing at
    /// the most favourable end of every range (nil when any requirement is a value or any best rate is
    /// positive): its quantities, targets and lengths named once.
    static func collapsedRow(_ rows: [RequirementRow]) -> [DataTable.Cell]? {
        guard let arm = rows.first?.arm else { return nil }
        let nothing = rows.allSatisfy { r in
            if case let .unreachable(best, _) = r.requirement { return best <= 0 }
            return false
        }
        guard nothing else { return nil }
        func list(_ values: [Double]) -> String {
            var seen: [Double] = []
            for v in values where !seen.contains(v) { seen.append(v) }
            return seen.map { String(format: "%g", $0) }.joined(separator: " and ")
        }
        var symbols: [String] = []
        for r in rows where !symbols.contains(r.quantity.symbol) { symbols.append(r.quantity.symbol) }
        return [.text(arm.rawValue), .text("any " + symbols.joined(separator: ", ")), .text(list(rows.map(\.rate))),
                .text(list(rows.map(\.lengthKm))), .text("not reachable: 0 ebit/s even with every quantity ideal"), .text("–")]
    }

    /// The published transducers at 10 km with both ion arms.
    static func devicesTable(_ p: Parameters) -> TableSpec {
        TableSpec("published-transducers", caption: "Published transducers in this link at 10 km (no transmon decay): fidelity "
            + "and distillable rate with the projected and the demonstrated ion arm. N_add interval: as published (Sahu et "
            + "al. 2022); Brubaker's is a lower bound; Weaver's and Warner's are assumed.") { _ in
            let rows: [[DataTable.Cell]] = try transducers.map { t in
                var q = p
                q.transducerEfficiency = t.efficiency
                q.addedNoisePhotons = t.addedNoise
                q.ionArm = .projected
                let projected = try link(q)
                q.ionArm = .demonstrated
                let demonstrated = try link(q)
                let noise: String
                if let (low, high) = t.noiseInterval {
                    noise = "\(format(t.addedNoise)) (\(format(low))–\(format(high)))"
                } else {
                    noise = (t.noiseIsLowerBound ? "≥ " : "") + format(t.addedNoise) + (t.noiseAssumed ? " (assumed)" : "")
                }
                // The efficiency as published (8.7 %, 0.9 %): no padding zeros.
                return [.text(t.label), .text(t.reference), .text(format(t.efficiency)), .text(noise),
                        .number(projected.fidelity, uncertainty: nil), .number(projected.hashingRateHz, uncertainty: nil),
                        .number(demonstrated.fidelity, uncertainty: nil), .number(demonstrated.hashingRateHz, uncertainty: nil)]
            }
            return try DataTable(columns: [DataTable.Column("device"), DataTable.Column("source"), DataTable.Column("η_t"),
                                           DataTable.Column("N_add", unit: "photons"), DataTable.Column("F, projected"),
                                           DataTable.Column("distillable, projected", unit: "ebit/s"), DataTable.Column("F, demonstrated"),
                                           DataTable.Column("distillable, demonstrated", unit: "ebit/s")], rows: rows)
        }
    }

    /// The links of the error-budget table: label and parameters.
    static func budgetPoints(_ p: Parameters) throws -> [(String, Parameters)] {
        var points: [(String, Parameters)] = []
        var q = try resolved({ var r = p; r.ionArm = .projected; return r }())
        q.transmonT2Seconds = nil
        if let point = try point(.efficiency, q, requirement(.efficiency, q, rate: 1)) { points.append(("projected, η_t at 1 ebit/s", point)) }
        if let point = try point(.noise, q, requirement(.noise, q, rate: 1)) { points.append(("projected, N_add at 1 ebit/s", point)) }
        var sahu = q
        sahu.transducerEfficiency = 0.087
        sahu.addedNoisePhotons = 0.16
        points.append(("projected, Sahu 8.7 %", sahu))
        var demonstrated = try resolved({ var r = p; r.ionArm = .demonstrated; return r }())
        demonstrated.transducerEfficiency = 1
        demonstrated.addedNoisePhotons = 0
        points.append(("demonstrated, η_t = 1, N_add = 0", demonstrated))
        return points
    }

    /// Infidelity by mechanism, loss by stage and the attempt period of the budget links at 10 km.
    static func budgetTable(_ p: Parameters) -> TableSpec {
        TableSpec("error-budget", caption: "Error budget of the link at 10 km (no transmon decay) at the headline requirements, "
            + "at Sahu et al.'s device and with the demonstrated ion arm: infidelity 1 − F by mechanism (sequential attribution "
            + "in the order listed; the parts sum to the total), loss of each arm (dB) and the attempt period (µs). The last two "
            + "columns (Sahu et al.'s device, and the demonstrated arm with a perfect transducer) are links with F ≤ ½: they give "
            + "no distillable entanglement and are listed only to show where that infidelity comes from.") { _ in
            let points = try budgetPoints(p)
            let budgets = try points.map { try LinkErrorBudget(configuration: configuration($0.1)) }
            var rows: [[DataTable.Cell]] = [[.text("intrinsic (all off)")] + budgets.map { .number($0.intrinsicInfidelity, uncertainty: nil) }]
            for mechanism in LinkMechanism.allCases {
                rows.append([.text(mechanism.label)] + budgets.map { .number($0.infidelity(of: mechanism), uncertainty: nil) })
            }
            rows.append([.text("total 1 − F")] + budgets.map { .number($0.totalInfidelity, uncertainty: nil) })
            rows.append([.text("ion arm loss (dB)")] + budgets.map { .number($0.lossA.totalDB, uncertainty: nil) })
            rows.append([.text("transmon arm loss (dB)")] + budgets.map { .number($0.lossB.totalDB, uncertainty: nil) })
            rows.append([.text("attempt period (µs)")] + budgets.map { .number($0.time.periodSeconds * 1e6, uncertainty: nil) })
            rows.append([.text("period limited by")] + budgets.map { .text(periodLimitText($0.time.limitedBy)) })
            return try DataTable(columns: [DataTable.Column("quantity")] + points.map { DataTable.Column($0.0) }, rows: rows)
        }
    }

    /// What sets the attempt period, in words.
    static func periodLimitText(_ limit: AttemptPeriod.Limit) -> String {
        switch limit {
        case .nodeCycle: "node cycle (preparation and emission)"
        case .heraldRoundTrip: "herald round trip"
        case .repetitionLimit: "repetition limit"
        }
    }

    var tables: [TableSpec] {
        [Self.requirementTable(base), Self.devicesTable(base), Self.budgetTable(base)]
    }
}
