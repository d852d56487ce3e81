import Foundation
import Interlink

/// The heralded-transfer figure and table of the memory-buffering study: the distillable rate over the
/// transfer link's transducer (η_t × N_add) at 10 and 100 km with the 1 ebit/s boundary, and the
/// transducer requirements with their 90 % intervals.
extension MemoryBufferingStudy {
    /// This file (part of the study's code fingerprint).
    static let heraldedFiguresSource = #filePath

    /// Transfer-transducer efficiencies at which the heralded 1 ebit/s boundary is solved.
    static let heraldedBoundaryEfficiencies = (0...16).map { pow(10, -2 + 0.125 * Double($0)) }

    /// The 90 % band of the heralded 1 ebit/s boundary at `lengthKm`: at every other efficiency of the boundary
    /// line, the 5 %–95 % interval of the largest N_add over the propagation's draws (only where the nominal
    /// boundary is a value; an end that is not reachable is drawn at the map's lower edge).
    static func heraldedBoundaryBand(_ p: Parameters, lengthKm: Double) throws -> (eta: [Double], low: [Double], high: [Double]) {
        var out: (eta: [Double], low: [Double], high: [Double]) = ([], [], [])
        var q = heraldedPoint(p, lengthKm: lengthKm)
        for (k, e) in heraldedBoundaryEfficiencies.enumerated() where k % 2 == 0 {
            q.transferTransducerEfficiency = e
            let solve: (Parameters) throws -> Requirement = { point in
                var r = point
                return try Requirement.solve(in: 1e-6...1, increasing: false, target: 1) { n in
                    r.transferAddedNoisePhotons = n
                    return try heraldedDistillableRate(r)
                }
            }
            guard let v = try solve(q).value else { continue }
            let interval = try RequirementInterval(propagation, base: q, increasing: false, solve)
            out.eta.append(e)
            out.low.append(min(interval.low ?? 1e-5, v))
            out.high.append(max(interval.high ?? v, v))
        }
        return out
    }

    /// One panel of the heralded map.
    static func heraldedPanel(_ table: ResultTable, lengthKm: Double, labels: Bool) throws -> Panel {
        let rows = table.filter { $0.parameters["part"] == .string(Part.heralded.rawValue) && $0.number(Columns.lengthKm) == lengthKm }
        let grid = try rows.grid(x: Columns.transferTransducerEfficiency.name, y: Columns.transferAddedNoisePhotons.name,
                                 value: Columns.distillableRate.name)
        var panel = ratePanel(grid, x: "Transfer transducer efficiency <i>η</i><sub>t</sub>", y: "Added noise <i>N</i><sub>add</sub> per mode",
                              title: "\(Int(lengthKm)) km")
        let base = MemoryBufferingStudy().base
        let band = try heraldedBoundaryBand(base, lengthKm: lengthKm)
        if band.eta.count > 1 { panel.add(.band(x: band.eta, lower: band.low, upper: band.high, color: .white, opacity: 0.5)) }
        let boundary = try heraldedBoundary(base, lengthKm: lengthKm, efficiencies: heraldedBoundaryEfficiencies)
        if boundary.eta.count > 1 { panel.add(.line(x: boundary.eta, y: boundary.noise, style: .solid, color: .white)) }
        if !grid.z.flatMap({ $0 }).contains(where: { $0 > 0 }) {
            let best = try bestHeraldedModel(perfectTransferTransducer(lengthKm: lengthKm))
            let f = best.map { String(format: "%.2f", $0.fidelity) } ?? "–"
            panel.add(.text("no distillable rate anywhere\n(ideal transducer: <i>F</i> = \(f))",
                            at: DataPoint(0.1, 3e-2), anchor: .center, color: .white))
        }
        // The study's main-link transducer and Sahu et al.'s demonstrated device.
        panel.add(.scatter(x: [0.5], y: [1e-3], marker: .diamond, color: .white))
        panel.add(.scatter(x: [0.087], y: [0.16], marker: .triangleUp, color: Palette.okabeIto.colors[1]))
        if labels {
            panel.add(.text("<span size='smaller'>projected 0.5, 10<sup>−3</sup></span>", at: DataPoint(0.95, 4.5e-4),
                            anchor: .right, color: .white))
            panel.add(.text("<span size='smaller'>Sahu 2022</span>", at: DataPoint(0.087 * 1.2, 0.16), anchor: .left,
                            color: Palette.okabeIto.colors[1]))
        }
        return panel
    }

    /// The heralded point at `lengthKm` with an ideal transfer transducer (η_t = 1, N_add = 0).
    static func perfectTransferTransducer(lengthKm: Double) -> Parameters {
        var q = heraldedPoint(MemoryBufferingStudy().base, lengthKm: lengthKm)
        q.transferTransducerEfficiency = 1
        q.transferAddedNoisePhotons = 0
        return q
    }

    /// The heralded-transfer requirement map at 10 and 100 km.
    static var heraldedFigure: FigureSpec {
        FigureSpec("heralded-map", caption: "Heralded transfer: distillable rate (hashing bound, colour) of the two-link repeater of "
            + "superconducting modules that park each half through a second, local transduced link, over that link's transducer "
            + "efficiency η_t and added noise N_add per mode, at 10 and 100 km. Stated conditions: memory T₂ = 1 s; transmon "
            + "T₁ = T₂ = 1 ms while the transfer retries (the upper end of the preset's 100 µs – 1 ms); Bell measurement with "
            + "two-qubit gate and readout fidelity 0.999; local station visibility V₀ = 0.99; memory photon matched to the "
            + "transducer's band, into fiber with efficiency 0.5; main-link transducer 0.5 / 10⁻³ (projected); one transfer attempt "
            + "per 10 µs (the transducer's 100 kHz); retry window chosen per point. White line: the 1 ebit/s boundary (largest "
            + "N_add at each η_t, root finding), with its 90 % band (shaded, at every other η_t) over 64 Latin-hypercube draws of "
            + "the published SNSPD and 1550 nm fiber ranges. Diamond: the projected device (0.5, 10⁻³); triangle: Sahu et al.'s demonstrated "
            + "8.7 % / 0.16 (labelled in (b), where no rate lies under the labels). Rates below 10⁻³ ebit/s, including zero, share the lowest colour.") { table in
            // Markers labelled in the 100 km panel, where no rate is drawn under the labels.
            let panels = try lengths.map { try heraldedPanel(table, lengthKm: $0, labels: $0 == lengths.last) }
            return Figure(theme: .apsDoubleColumn, panels: panels, columns: 2, height: 230)
        }
    }

    /// The heralded-transfer requirement rows.
    static func heraldedTable(_ p: Parameters) -> TableSpec {
        TableSpec("heralded-requirements", caption: "Heralded transfer: what the transfer link's transducer must do for 1 ebit/s "
            + "(hashing bound) through one repeater, at the stated conditions of the heralded map (memory T₂ = 1 s, transmon "
            + "1 ms, Bell measurement 0.999, V₀ = 0.99), by Brent's method with the 90 % interval over 64 Latin-hypercube "
            + "draws of the published SNSPD and 1550 nm fiber ranges. F: the delivered fidelity at the requirement.") { _ in
            var rows: [[DataTable.Cell]] = []
            for quantity in HeraldedQuantity.allCases {
                for length in lengths {
                    var q = p
                    q.lengthKm = length
                    let nominal = try heraldedRequirement(quantity, q, rate: 1)
                    let text = nominal.value != nil
                        ? try heraldedInterval(quantity, q, rate: 1).text(parameter: quantity.symbol, unit: quantity == .addedNoise ? "photons" : "")
                        : nominal.text(parameter: quantity.symbol)
                    var fidelity: Double?
                    if let v = nominal.value {
                        var point = heraldedPoint(q, lengthKm: length)
                        switch quantity {
                        case .addedNoise:
                            point.transferTransducerEfficiency = 0.5
                            point.transferAddedNoisePhotons = v
                        case .efficiency:
                            point.transferAddedNoisePhotons = 1e-3
                            point.transferTransducerEfficiency = v
                        }
                        fidelity = try bestHeraldedModel(point)?.fidelity
                    }
                    rows.append([.text(quantity.label), .number(1, uncertainty: nil), .number(length, uncertainty: nil), .text(text),
                                 fidelity.map { .number($0, uncertainty: nil) } ?? .text("–")])
                }
            }
            return try DataTable(columns: [DataTable.Column("requirement"), DataTable.Column("target", unit: "ebit/s"),
                                           DataTable.Column("length", unit: "km"), DataTable.Column("value (90 % interval)"),
                                           DataTable.Column("F")], rows: rows)
        }
    }
}
