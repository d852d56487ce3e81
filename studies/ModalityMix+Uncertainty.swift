import Foundation
import Interlink

/// The headline numbers of the modality-mix study with bands from the presets' ranges
/// (`ModuleRanges`): for uniform and local traffic at the base communication qubits, the remote-gate
/// rate (F ≥ threshold, true heralds) of the fastest composition and its lead over the runner-up,
/// recomputed on the architecture engine at every Latin-hypercube draw and every tornado point. The
/// two compositions are those of the sweep at the presets' values; the same shots' random streams
/// serve every draw (common random numbers), so the band shows the presets' ranges, not shot noise.
extension ModalityMixStudy {
    /// The fastest and the runner-up composition of one traffic pattern at the presets' values.
    struct Leaders: Sendable {
        var traffic: Traffic
        var fastest: (Int, Int, Int)
        var runnerUp: (Int, Int, Int)
    }

    /// The leaders of both traffic patterns at `comm` communication qubits, read off the sweep.
    static func leaders(_ table: ResultTable, comm: Int) throws -> [Leaders] {
        try Traffic.allCases.map { traffic in
            let rows = Self.rows(table, traffic: traffic, comm: comm).rows.sorted {
                ($0.number(Columns.qualifiedRate) ?? 0, $0.number(Columns.gateFidelity) ?? 0)
                    > ($1.number(Columns.qualifiedRate) ?? 0, $1.number(Columns.gateFidelity) ?? 0)
            }
            guard rows.count >= 2 else { throw SweepError("fewer than two compositions for \(traffic) traffic") }
            func composition(_ r: ResultTable.Row) -> (Int, Int, Int) {
                (Int(r.number(Columns.superconducting) ?? 0), Int(r.number(Columns.ions) ?? 0), Int(r.number(Columns.atoms) ?? 0))
            }
            return Leaders(traffic: traffic, fastest: composition(rows[0]), runnerUp: composition(rows[1]))
        }
    }

    /// The drawn inputs: the Ca⁺ calibration, the transmon coherence, the Yb array collection and V₀.
    static var uncertainParameters: [UncertainParameter<Parameters>] {
        [UncertainParameter("Ca⁺ calibration probability", ModuleRanges.ionCalibration) { $0.ionCalibrationProbability = $1 },
         UncertainParameter("transmon T₁ = T₂", ModuleRanges.transmonCoherence) { $0.transmonCoherenceSeconds = $1 },
         UncertainParameter("Yb array collection", ModuleRanges.atomCollection) { $0.atomCollection = $1 },
         UncertainParameter("residual visibility V₀", ModuleRanges.residualVisibility) { $0.residualVisibility = $1 }]
    }

    /// The remote-gate rate above the threshold of composition `c` with `traffic` at `p`'s drawn inputs,
    /// from a fixed stream per traffic and composition.
    static func headlineRate(_ p: Parameters, traffic: Traffic, _ c: (Int, Int, Int), rootSeed: UInt64) throws -> Double {
        var q = p
        q.traffic = traffic
        (q.superconducting, q.ions, q.atoms) = c
        let stream = RandomStream(rootSeed: rootSeed, pointKey: "headline-\(traffic)-\(c.0)-\(c.1)-\(c.2)", replicate: 0)
        return try remoteGates(q, stream: stream).summary.qualifiedRate.mean
    }

    /// The headline numbers with their bands: per traffic pattern the fastest composition's rate and
    /// its lead over the runner-up (32 draws).
    static func headlineUncertainty(_ leaders: [Leaders], rootSeed: UInt64) -> HeadlineUncertainty<Parameters> {
        var headlines: [HeadlineUncertainty<Parameters>.Headline] = []
        for l in leaders {
            let name = "\(l.fastest.0)·\(l.fastest.1)·\(l.fastest.2)"
            headlines.append(.init(name: "band_rate_\(l.traffic)", label: "\(l.traffic) traffic: \(name) rate", unit: "1/s"))
            headlines.append(.init(name: "band_lead_\(l.traffic)",
                                   label: "\(l.traffic) traffic: lead over \(l.runnerUp.0)·\(l.runnerUp.1)·\(l.runnerUp.2)", unit: "1/s"))
        }
        return HeadlineUncertainty(parameters: uncertainParameters, headlines: headlines, draws: 32, seed: 23) { p in
            try leaders.flatMap { l -> [Double] in
                let fastest = try headlineRate(p, traffic: l.traffic, l.fastest, rootSeed: rootSeed)
                let runnerUp = try headlineRate(p, traffic: l.traffic, l.runnerUp, rootSeed: rootSeed)
                return [fastest, fastest - runnerUp]
            }
        }
    }

    /// The headlines of the sweep at the base communication qubits.
    var sweepHeadlines: SweepHeadlines<Parameters> {
        let comm = base.communicationQubits, seed = rootSeed
        return SweepHeadlines(base: base) { table in
            try Self.headlineUncertainty(Self.leaders(table, comm: comm), rootSeed: seed)
        }
    }

    /// The band of the headline numbers, as derived metrics (`band_rate_uniform`, `…_low`, `…_high`).
    var headlineBand: Derivation {
        sweepHeadlines.derivation("headline numbers with the 90 % interval over the presets' ranges")
    }

    /// The headline table and the sensitivity table.
    var headlineTables: [TableSpec] {
        sweepHeadlines.tables(
            headlineCaption: "Headline numbers with the 90 % central interval over 32 "
                + "Latin-hypercube draws of the Ca⁺ calibration probability, the transmon T₁ = T₂, the Yb array collection and "
                + "the residual visibility (@tab:headline-sensitivity), for the compositions that lead the sweep at the "
                + "presets' values; the lead is the fastest composition's rate minus the runner-up's (positive across the "
                + "interval: the order holds over the ranges). The value is re-simulated at the presets' values with the "
                + "draws' own random streams, so it differs from the sweep's mean for the same composition by Monte Carlo noise.",
            sensitivityCaption: "One at a time: each headline with one input at its 5 % and 95 % "
                + "point, all others at the presets' values (the tornado's data), with each input's range and source.")
    }

    /// The tornado of the uniform-traffic headline rate.
    var headlineTornado: FigureSpec {
        sweepHeadlines.tornado("tornado-rate", caption: "Sensitivity of the headline rate (uniform traffic, fastest composition): "
            + "each preset range at its 5 % and 95 % point, all others at the presets' values; widest swing on top. A range "
            + "without a bar does not move this rate (the all-atom machine has no ion or transmon module, and its gates stay "
            + "above the threshold over the V₀ range).", index: 0,
            xLabel: "Remote gates s<sup>−1</sup> with F ≥ \(base.fidelityThreshold)")
    }
}

extension ModalityMixStudy {
    /// This file, one of the study's sources (`sourceFiles`).
    static let uncertaintySource = #filePath
}
