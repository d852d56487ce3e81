import Foundation
import Interlink

/// Link budget of every pair of modalities: heralded rate and fidelity versus fiber length for
/// ion–ion, atom–atom, superconducting–superconducting (through electro-optic transducers), ion–atom,
/// ion–superconductor and atom–superconductor links, at native and converted wavelengths, and for an
/// ion–ion link relayed by a diamond (SiV) memory; with the repeaterless PLOB and TGW bounds. The
/// figure of merit is the distillable (hashing-bound) rate: the headline is the length at which it
/// falls to 1 ebit/s, found only inside the swept 0–200 km and only for pairs above the hashing
/// threshold. Published experiments (`PublishedLink`) are drawn on the figures they bear on.
///
/// Model: two-photon (Barrett–Kok) heralding at a midpoint station (`LinkModel`); the relay is a
/// `TwoLinkRepeaterModel` through `diamond.siv.1350`. Presets and their sources: `ModalityPreset`
/// (`ion.sr88.422`: Stephenson et al., PRL 124, 110501 (2020); `ion.ba138.493`; `atom.rb87.780`:
/// van Leent et al., Nature 607 (2022); `transmon.transducer.eo`: Sahu et al., Nat. Commun. 2022;
/// `diamond.siv.1350`: Knaut et al., Nature 629, 573 (2024)). Assumptions (labelled in the report):
/// 422 nm → telecom conversion efficiency 0.3 with 60 s⁻¹ noise (the value measured for Ca⁺ 854 →
/// 1550 nm by Krutyanskiy et al., Appl. Phys. B 2017; no 422 nm → telecom converter is published),
/// Rb 780 nm → telecom 0.57 (van Leent et al., PRL 124, 010510 (2020)) and Ba⁺ 493 → 780 nm 0.19
/// (Siverns et al., arXiv 1801.01193) taken noise-free, residual visibility 0.88 for every pair (the
/// Oxford value), fiber loss 30 dB/km at 422 and 493 nm ("tens of dB/km").
struct LinkBudgetStudy: Study {
    /// A link configuration: which modalities, at which wavelength the photons travel the fiber.
    /// (The first two cases are the foundation study's native and converted Sr⁺ routes.)
    enum Route: String, Codable, Sendable, CaseIterable, CustomStringConvertible {
        /// Sr⁺–Sr⁺, native 422 nm photons, visible-light detectors.
        case native422 = "native-422nm"
        /// Sr⁺–Sr⁺, converted to 1550 nm, SNSPDs.
        case converted1550 = "converted-1550nm"
        /// Rb–Rb, native 780 nm photons, near-infrared Si APDs.
        case atomAtom780 = "atom-atom-780nm"
        /// Rb–Rb, converted to 1522 nm, SNSPDs.
        case atomAtom1522 = "atom-atom-1522nm"
        /// Transmon–transmon through electro-optic transducers, 1550 nm.
        case scSc1550 = "sc-sc-1550nm"
        /// Ba⁺ converted 493 → 780 nm meets a native Rb photon.
        case ionAtom780 = "ion-atom-780nm"
        /// Sr⁺ and Rb both converted to 1550 nm.
        case ionAtom1550 = "ion-atom-1550nm"
        /// Sr⁺ converted to 1550 nm meets a transduced transmon photon.
        case ionSc1550 = "ion-sc-1550nm"
        /// Rb converted to 1550 nm meets a transduced transmon photon.
        case atomSc1550 = "atom-sc-1550nm"
        /// Sr⁺ — SiV memory relay — Sr⁺, photons at 1350 nm, two links of half the length.
        case ionIonRelay1350 = "ion-ion-siv-relay-1350nm"

        /// The route's name in files and tables.
        var description: String { rawValue }

        /// Suffix of the route's derived metric names (`attenuation_<slug>`).
        var slug: String {
            switch self {
            case .native422: return "422"
            case .converted1550: return "1550"
            case .atomAtom780: return "atomAtom780"
            case .atomAtom1522: return "atomAtom1522"
            case .scSc1550: return "scSc1550"
            case .ionAtom780: return "ionAtom780"
            case .ionAtom1550: return "ionAtom1550"
            case .ionSc1550: return "ionSc1550"
            case .atomSc1550: return "atomSc1550"
            case .ionIonRelay1350: return "ionIonRelay1350"
            }
        }

        /// Legend and table label (Pango markup): the node species, so that every table and figure
        /// names the same pair the same way.
        var label: String {
            switch self {
            case .native422: return "Sr⁺–Sr⁺, 422 nm"
            case .converted1550: return "Sr⁺–Sr⁺, 1550 nm"
            case .atomAtom780: return "Rb–Rb, 780 nm"
            case .atomAtom1522: return "Rb–Rb, 1522 nm"
            case .scSc1550: return "SC–SC, 1550 nm"
            case .ionAtom780: return "Ba⁺–Rb, 780 nm"
            case .ionAtom1550: return "Sr⁺–Rb, 1550 nm"
            case .ionSc1550: return "Sr⁺–SC, 1550 nm"
            case .atomSc1550: return "Rb–SC, 1550 nm"
            case .ionIonRelay1350: return "Sr⁺–SiV–Sr⁺ relay, 1350 nm"
            }
        }

        /// Whether the photons travel at (at least one node's) native wavelength, unconverted.
        var isNative: Bool { self == .native422 || self == .atomAtom780 || self == .ionAtom780 }

        /// Whether both nodes are of the same modality (panel (a)/(c) of the pairs figure).
        var isHomogeneous: Bool {
            [.native422, .converted1550, .atomAtom780, .atomAtom1522, .scSc1550].contains(self)
        }
    }

    /// One sweep point.
    struct Parameters: Codable, Sendable {
        /// Link configuration.
        var route = Route.native422
        /// Total fiber length between the end nodes (km); stations sit in the middle of each link.
        var lengthKm = 0.0
        /// Efficiency of the Sr⁺ 422 nm → telecom converter (assumption, see the type's documentation).
        var conversionEfficiency = 0.3
        /// Noise photon rate of that converter (s⁻¹).
        var conversionNoiseHz = 60.0
        /// Efficiency of the Rb 780 nm → telecom converter (van Leent et al. 2020).
        var rubidiumConversionEfficiency = 0.57
        /// Efficiency of the Ba⁺ 493 → 780 nm converter (Siverns et al. 2018).
        var bariumConversionEfficiency = 0.19
        /// Residual two-photon visibility V₀ of every station (Oxford value, derived from F = 0.94).
        var residualVisibility = 0.88
        /// SNSPD efficiency drawn from its published range (`nil`: the preset's value). Optional
        /// fields left `nil` are not encoded, so they do not change any point's key.
        var snspdEfficiency: Double?
        /// SNSPD dark-count rate drawn from its published range (Hz; `nil`: the preset's value).
        var snspdDarkCountRateHz: Double?
        /// Fiber attenuation at 1550 nm drawn from its published range (dB/km; `nil`: the table's).
        var attenuation1550DBPerKm: Double?
    }

    init() {}

    var identifier: String { "link-budget" }
    var title: String { "Link budget: rate and fidelity versus fiber length for every pair of modalities" }
    var summary: String {
        "Distillable (hashing-bound) entanglement rate, true- and total-herald rates and fidelity of ion, atom and "
            + "superconducting (transduced) nodes in every pairing, at native and converted wavelengths and through a "
            + "diamond memory relay, over 0–200 km of fiber, against the PLOB and TGW bounds and published experiments; "
            + "the length at which each configuration's distillable rate falls to 1 ebit/s."
    }
    var version: Int { 3 }
    var base: Parameters { Parameters() }
    var sourceFile: String? { #filePath }
    /// Every file of the study: editing any of them invalidates its cached points.
    var sourceFiles: [String] { [#filePath, Self.configurationsSource, Self.figuresSource, Self.tablesSource, Self.uncertaintySource,
                                Self.uncertaintyFiguresSource, Self.experimentsSource,
                                SharedStudySources.errorBudgetTable] }
    var presets: [any PresetDescribing] { [PresetName.strontium422, PresetName.rubidium780, PresetName.barium493, PresetName.transmonElectroOptic, PresetName.siliconVacancy1350] }
    var reportTemplate: String? { "link-budget" }
    /// The main finding, for the index (computed values only).
    var finding: String? {
        "Two demonstrated Sr⁺ nodes with an assumed converter (422 nm → 1550 nm; none is published; the Sr⁺ preset is calibrated to Stephenson et al. 2020, circularly) distil at least 1 ebit/s (hashing bound) up to {{intervals.distanceEbit_1550}} (nominal, 90 % interval over the published detector and fiber ranges; the nominal SNSPD efficiency is the low end of its range, so the interval extends upward), against {{values.distanceEbit_422}} at the native 422 nm (no interval drawn there); the transduced superconducting pairings and the SiV relay distil nothing at any length, and the transmon transducer and the SiV node are projected."
    }
    var parameterUnits: [String: String] {
        ["lengthKm": "km", "conversionNoiseHz": "1/s"]
    }

    /// Longest swept total length (km): no distance beyond it is quoted as a value.
    static let sweepMaximumKm = 200.0
    /// The distillable rate (ebit/s) whose reach is the headline.
    static let headlineLevel = 1.0

    /// Lengths: the foundation grid (0–50 km in 0.25 km steps), with logarithmic grids from 10 m to
    /// 0.2 km and from 55 km to 200 km for the log-axis figure.
    var sweep: Sweep<Parameters> {
        .grid(.values(\.route, Route.allCases),
              .concat(.logspace(\.lengthKm, from: 0.01, through: 0.2, count: 14),
                      .linspace(\.lengthKm, from: 0, through: 50, count: 201),
                      .logspace(\.lengthKm, from: 55, through: Self.sweepMaximumKm, count: 16)))
    }

    /// Checks the point's configuration (every field against its range) without evaluating the
    /// model; the engine evaluates it once.
    func validate(_ parameters: Parameters) throws {
        if let link = try Self.linkConfiguration(parameters.route, parameters, lengthKm: parameters.lengthKm) {
            try link.validate(at: "link")
        } else {
            try Self.relayConfiguration(parameters, lengthKm: parameters.lengthKm).validate(at: "repeater")
        }
    }

    /// Per point: the herald probabilities per attempt (all heralds, true heralds), the attempt
    /// period, the total-herald rate (false heralds included), the true-herald rate, the distillable
    /// rate (hashing bound, the figure of merit), the fidelity, and the repeaterless bounds.
    var engine: Engine<Parameters> {
        .propagated(Self.propagation) { p in
            let e = try Self.evaluate(p.route, p, lengthKm: p.lengthKm)
            return [
                Columns.totalHeraldProbability(e.totalHeraldProbability),
                Columns.trueHeraldProbability(e.trueHeraldProbability),
                Columns.attemptPeriod(e.attemptPeriod),
                Columns.totalHeraldRate(e.totalHeraldRate),
                Columns.trueHeraldRate(e.trueHeraldRate),
                Columns.distillableRate(e.distillableRate),
                Columns.fidelity(e.fidelity),
                Columns.armEfficiency(e.armEfficiency),
                Columns.fiberTransmissivity(e.fiberTransmissivity),
                Columns.plobBound(e.plobBound),
                Columns.tgwBound(e.tgwBound),
            ]
        }
    }

    var derived: [Derivation] {
        let base = self.base
        let distances = Derivation("length at which the distillable rate falls to 1 ebit/s (Brent root inside 0-200 km; "
                                   + "± half the 90 % interval where the published ranges apply)") { table in
            var metrics: [Metric] = []
            for route in Route.allCases {
                guard let d = try Self.distillableDistance(at: Self.headlineLevel, route: route, base).value else { continue }
                let band = try Self.distanceBand(table, route)
                var halfWidth: Double?
                if let low = band.low.value, let high = band.high.value, high > low { halfWidth = (high - low) / 2 }
                metrics.append(Metric("distanceEbit_\(route.slug)", d, unit: "km", uncertainty: halfWidth))
                metrics.append(Metric("fidelityAtEbit_\(route.slug)", try Self.evaluate(route, base, lengthKm: d).fidelity))
            }
            return metrics
        }
        let atZero = Derivation("rates and fidelity at zero length (± half the 90 % band where the published ranges apply)") { table in
            try Route.allCases.flatMap { route -> [Metric] in
                let e = try Self.evaluate(route, base, lengthKm: 0)
                let row = Self.rows(table, route, maximumKm: 0).rows.first
                // Half the 90 % band of the point at 0 km, when the drawn ranges move it.
                func half(_ metric: Column) -> Double? {
                    guard let low = row?.number(metric.name + "_low"), let high = row?.number(metric.name + "_high"), high > low else { return nil }
                    return (high - low) / 2
                }
                return [Metric("trueRate0_\(route.slug)", e.trueHeraldRate, unit: "1/s", uncertainty: half(Columns.trueHeraldRate)),
                        Metric("distillable0_\(route.slug)", e.distillableRate, unit: "ebit/s", uncertainty: half(Columns.distillableRate)),
                        Metric("fidelity0_\(route.slug)", e.fidelity, uncertainty: half(Columns.fidelity))]
            }
        }
        return [distances, atZero, Self.relayAndBounds(base), Self.distanceInterval, Self.budgetSummary(base)]
    }

    /// The relay against the direct telecom ion–ion link and the repeaterless bound, inside the
    /// swept range only and on the distillable rate (PLOB bounds distillable entanglement, so it is
    /// compared with nothing else): the relay's largest fidelity and distillable rate over the swept
    /// lengths, the direct link's distillable rate at 100 km, and the largest ratio of any
    /// configuration's distillable rate to its PLOB bound over the sweep.
    static func relayAndBounds(_ base: Parameters) -> Derivation {
        Derivation("relay and repeaterless bounds on the distillable rate, inside the swept range") { table in
            let start = try TwoLinkRepeaterModel(configuration: relayConfiguration(base, lengthKm: 0))
            let relay = rows(table, .ionIonRelay1350)
            let direct = try evaluate(.converted1550, base, lengthKm: 100)
            var ratio = 0.0
            for row in table.rows {
                guard let r = row.number(Columns.distillableRate), let bound = row.number(Columns.plobBound), bound > 0 else { continue }
                ratio = max(ratio, r / bound)
            }
            return [
                Metric("relayLinkSuccess0", start.linkA.successProbabilityPerRound),
                Metric("relayRound0", start.roundPeriodSeconds * 1e6, unit: "µs"),
                Metric("relayWait0", start.meanWaitingTimeSeconds * 1e3, unit: "ms"),
                Metric("relayFidelityMax", try relay.values(Columns.fidelity).max() ?? .nan),
                Metric("relayDistillableMax", try relay.values(Columns.distillableRate).max() ?? .nan, unit: "ebit/s"),
                Metric("directDistillable100", direct.distillableRate, unit: "ebit/s"),
                Metric("directFidelity100", direct.fidelity),
                Metric("distillableOverPlobMax", ratio),
            ]
        }
    }

    var figures: [FigureSpec] {
        [Self.foundationFigure, Self.pairsFigure(base), Self.experimentsFigure, Self.bandsFigure, Self.budgetFigure(base),
         Self.tornadoFigure(base)]
    }
    var tables: [TableSpec] {
        [Self.summaryTable(base), Self.foundationTable, Self.experimentsTable, Self.headlineTable, Self.sensitivityTable(base),
         Self.errorBudgetTable(base), Self.lossBudgetTable(base), Self.timeBudgetTable(base)]
    }
}

extension LinkBudgetStudy {
    /// The study's result columns: each name and unit written once, used to record and to read.
    enum Columns {
        static let lengthKm = Column("lengthKm", unit: "km")
        static let totalHeraldProbability = Column("totalHeraldProbability")
        static let trueHeraldProbability = Column("trueHeraldProbability")
        static let attemptPeriod = Column("attemptPeriod", unit: "s")
        static let totalHeraldRate = Column("totalHeraldRate", unit: "1/s")
        static let trueHeraldRate = Column("trueHeraldRate", unit: "1/s")
        static let distillableRate = Column("distillableRate", unit: "ebit/s")
        static let fidelity = Column("fidelity")
        static let armEfficiency = Column("armEfficiency")
        static let fiberTransmissivity = Column("fiberTransmissivity")
        static let plobBound = Column("plobBound", unit: "ebit/s")
        static let tgwBound = Column("tgwBound", unit: "ebit/s")
    }
}
