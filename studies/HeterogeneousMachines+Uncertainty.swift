import Foundation
import Interlink

/// The headline numbers of the heterogeneous-machines study with bands from the presets' and the
/// switch's ranges: for every circuit at transducer efficiency 0.9, the makespan of the fastest
/// machine (among those whose pairs are entangled) and its lead over the runner-up, recomputed on the
/// architecture engine at every Latin-hypercube draw and tornado point with the same shots' random
/// streams (common random numbers). A draw at which a used link's pairs fall to F ≤ ½ throws: no
/// headline is computed for pairs that carry no entanglement.
extension HeterogeneousMachinesStudy {
    /// The transducer efficiency of the headline statements.
    static let headlineEfficiency = 0.9

    /// The fastest and the runner-up number of ion modules for one circuit, with the keys of their sweep
    /// points (whose random streams the headlines reuse, so that the nominal headline is the sweep's value).
    struct Leaders: Sendable {
        var circuit: String
        var fastest: Int
        var runnerUp: Int
        var fastestKey: String
        var runnerUpKey: String
    }

    /// The leaders of every circuit at the headline efficiency, read off the sweep (machines with
    /// entangled pairs only).
    static func leaders(_ table: ResultTable) throws -> [Leaders] {
        try circuits.map { c in
            let rows = Self.rows(table, circuit: c, efficiency: headlineEfficiency)
                .filter { ($0.number(Columns.minPairFidelity) ?? 0) > 0.5 }
                .sorted { ($0.number("makespan") ?? .infinity) < ($1.number("makespan") ?? .infinity) }
            guard rows.count >= 2 else { throw SweepError("fewer than two entangled machines for \(c) at η = \(headlineEfficiency)") }
            return Leaders(circuit: c, fastest: Int(rows[0].number("ions") ?? 0), runnerUp: Int(rows[1].number("ions") ?? 0),
                           fastestKey: rows[0].pointKey, runnerUpKey: rows[1].pointKey)
        }
    }

    /// The drawn inputs: the Ca⁺ calibration, the transmon coherence, V₀ and the switch's assumed
    /// insertion loss and reconfiguration time.
    static var uncertainParameters: [UncertainParameter<Parameters>] {
        [UncertainParameter("Ca⁺ calibration probability", ModuleRanges.ionCalibration) { $0.ionCalibrationProbability = $1 },
         UncertainParameter("transmon T₁ = T₂", ModuleRanges.transmonCoherence) { $0.transmonCoherenceSeconds = $1 },
         UncertainParameter("residual visibility V₀", ModuleRanges.residualVisibility) { $0.residualVisibility = $1 },
         UncertainParameter("switch insertion loss (dB)", .range(0.5, 2, source: "assumed 1 dB per pass, 0.5–2 dB", isAssumption: true)) {
             $0.insertionLossDB = $1
         },
         UncertainParameter("switch reconfiguration (µs)", .logRange(1, 100, source: "assumed 10 µs, 1–100 µs",
                                                                    isAssumption: true)) { $0.reconfigurationTime = $1 }]
    }

    /// The mean makespan of circuit `circuit` on the machine with `ions` ion modules at the headline
    /// efficiency and `p`'s drawn inputs, from the stream of the sweep point `pointKey` (the same shots at every
    /// draw: common random numbers; at the nominal inputs the sweep's own value).
    /// - Throws: when a link the circuit uses delivers pairs with F ≤ ½.
    static func headlineMakespan(_ p: Parameters, circuit: String, ions: Int, rootSeed: UInt64, pointKey: String) throws -> Double {
        var q = p
        q.circuit = circuit
        q.ions = ions
        q.transducerEfficiency = headlineEfficiency
        let stream = RandomStream(rootSeed: rootSeed, pointKey: pointKey, replicate: 0)
        let (summary, _) = try execute(q, stream: stream)
        let worst = summary.links.filter { $0.pairsPerShot > 0 }.map(\.pairFidelity).min() ?? 1
        guard worst > 0.5 else {
            throw SweepError("\(circuit) on \(ions) ion modules: a link's pairs have F = \(worst) ≤ 1/2 at this draw")
        }
        return summary.makespan.mean
    }

    /// The circuit's name in tables (QFT, GHZ, Grover).
    static func displayName(_ circuit: String) -> String {
        circuit == "grover" ? "Grover" : circuit.uppercased()
    }

    /// The headline numbers with their bands: per circuit the fastest machine's makespan and the
    /// runner-up's extra time (32 draws).
    static func headlineUncertainty(_ leaders: [Leaders], rootSeed: UInt64) -> HeadlineUncertainty<Parameters> {
        var headlines: [HeadlineUncertainty<Parameters>.Headline] = []
        for l in leaders {
            headlines.append(.init(name: "band_makespan_\(l.circuit)",
                                   label: "\(displayName(l.circuit)) makespan, \(l.fastest) ion modules", unit: "s"))
            headlines.append(.init(name: "band_lead_\(l.circuit)",
                                   label: "\(displayName(l.circuit)) lead over \(l.runnerUp) ion modules", unit: "s"))
        }
        return HeadlineUncertainty(parameters: uncertainParameters, headlines: headlines, draws: 32, seed: 29) { p in
            try leaders.flatMap { l -> [Double] in
                let fastest = try headlineMakespan(p, circuit: l.circuit, ions: l.fastest, rootSeed: rootSeed, pointKey: l.fastestKey)
                let runnerUp = try headlineMakespan(p, circuit: l.circuit, ions: l.runnerUp, rootSeed: rootSeed, pointKey: l.runnerUpKey)
                return [fastest, runnerUp - fastest]
            }
        }
    }

    /// The headlines of the sweep at the headline efficiency.
    var sweepHeadlines: SweepHeadlines<Parameters> {
        let seed = rootSeed
        return SweepHeadlines(base: base) { table in try Self.headlineUncertainty(Self.leaders(table), rootSeed: seed) }
    }

    /// The band of the headline numbers, as derived metrics (`band_makespan_qft`, `…_low`, `…_high`).
    var headlineBand: Derivation {
        sweepHeadlines.derivation("headline makespans with the 90 % interval over the presets' and the switch's ranges")
    }

    /// The headline table and the sensitivity table.
    var headlineTables: [TableSpec] {
        sweepHeadlines.tables(
            headlineCaption: "Makespan of the fastest machine per circuit at η = 0.9 and its lead "
                + "over the runner-up (the runner-up's makespan minus the fastest's), with the 90 % central interval over 32 "
                + "Latin-hypercube draws of the Ca⁺ calibration probability, the transmon T₁ = T₂, the residual visibility and "
                + "the switch's insertion loss and reconfiguration time (one at a time in the next table); the machines are "
                + "those that lead the sweep at the presets' values, and each is rerun with its sweep point's shots, so the value at "
                + "the nominal inputs is the sweep's Monte Carlo mean (the point table). A lead positive across its interval: the order holds "
                + "over these ranges.",
            sensitivityCaption: "One at a time: each headline with one input at its 5 % and 95 % "
                + "point, all others at their nominal values (the tornado's data), with each input's range and source.")
    }

    /// The tornado of the QFT headline makespan.
    var headlineTornado: FigureSpec {
        sweepHeadlines.tornado("tornado-makespan", caption: "Sensitivity of the QFT's headline makespan (fastest machine at "
            + "η = 0.9): each range at its 5 % and 95 % point, all others nominal; widest swing on top. A range without a bar "
            + "does not move the makespan: the fastest machine has no ion module, and coherence and V₀ change fidelities, "
            + "not times.", index: 0, xLabel: "QFT makespan (s)")
    }
}

extension HeterogeneousMachinesStudy {
    /// This file, one of the study's sources (`sourceFiles`).
    static let uncertaintySource = #filePath
}
