import Foundation
import Interlink

/// Link budget of every pair of modalities: heralded rate and fidelity versus fiber length for
/// ion–ion, atom–atom, superconducting–superconducting (through electro-optic transducers), ion–atom,
/// ion–superconductor and atom–superconductor links, at native and converted wavelengths, and for an
/// ion–ion link relayed by a diamond (SiV) memory; with the repeaterless PLOB and TGW bounds, the
/// effective attenuation recovered by a weighted fit, and the distance at which each configuration
/// falls below 1 pair/s.
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

        /// Legend label (Pango markup).
        var label: String {
            switch self {
            case .native422: return "ion–ion, 422 nm"
            case .converted1550: return "ion–ion, 1550 nm"
            case .atomAtom780: return "atom–atom, 780 nm"
            case .atomAtom1522: return "atom–atom, 1522 nm"
            case .scSc1550: return "SC–SC, 1550 nm"
            case .ionAtom780: return "ion–atom, 780 nm"
            case .ionAtom1550: return "ion–atom, 1550 nm"
            case .ionSc1550: return "ion–SC, 1550 nm"
            case .atomSc1550: return "atom–SC, 1550 nm"
            case .ionIonRelay1350: return "ion–SiV–ion relay, 1350 nm"
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
        /// Integration time that sets the counting uncertainty used to weight the fit (s).
        var integrationSeconds = 3600.0
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
        "Heralded entanglement rate and fidelity of ion, atom and superconducting (transduced) nodes in every pairing, "
            + "at native and converted wavelengths and through a diamond memory relay, over 0–200 km of fiber, against "
            + "the PLOB and TGW bounds; effective attenuations by weighted fits and the distance at which each "
            + "configuration falls below 1 pair/s."
    }
    var version: Int { 2 }
    var base: Parameters { Parameters() }
    var sourceFile: String? { #filePath }
    /// Every file of the study: editing any of them invalidates its cached points.
    var sourceFiles: [String] { [#filePath, Self.configurationsSource, Self.figuresSource, Self.tablesSource, Self.uncertaintySource,
                                Self.uncertaintyFiguresSource] }
    var presets: [any PresetDescribing] { [PresetName.strontium422, PresetName.rubidium780, PresetName.barium493, PresetName.transmonElectroOptic, PresetName.siliconVacancy1350] }
    var reportTemplate: String? { "link-budget" }
    /// The main finding, for the index (computed values only).
    var finding: String? {
        "Converted 1550 nm photons keep an ion–ion link above 1 pair/s to {{values.distance1Hz_1550}}, against {{values.distance1Hz_422}} at the native 422 nm; weighted fits recover {{values.attenuation_1550}} and {{values.attenuation_422}}."
    }
    var parameterUnits: [String: String] {
        ["lengthKm": "km", "conversionNoiseHz": "1/s", "integrationSeconds": "s"]
    }

    /// Lengths: the foundation grid (0–50 km in 0.25 km steps), with logarithmic grids from 10 m to
    /// 0.2 km and from 55 km to 200 km for the log-axis figure.
    var sweep: Sweep<Parameters> {
        .grid(.values(\.route, Route.allCases),
              .concat(.logspace(\.lengthKm, from: 0.01, through: 0.2, count: 14),
                      .linspace(\.lengthKm, from: 0, through: 50, count: 201),
                      .logspace(\.lengthKm, from: 55, through: 200, count: 16)))
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

    var engine: Engine<Parameters> {
        .propagated(Self.propagation) { p in
            let e = try Self.evaluate(p.route, p, lengthKm: p.lengthKm)
            return [
                Metric("successProbability", e.successProbability),
                Metric("trueHeraldProbability", e.trueHeraldProbability),
                Metric("attemptPeriod", e.attemptPeriod, unit: "s"),
                Metric("rate", e.rate, unit: "1/s"),
                Metric("trueRate", e.trueRate, unit: "1/s"),
                Metric("fidelity", e.fidelity),
                Metric("armEfficiency", e.armEfficiency),
                Metric("fiberTransmissivity", e.fiberTransmissivity),
                Metric("plobBound", e.plobBound, unit: "1/s"),
                Metric("tgwBound", e.tgwBound, unit: "1/s"),
                Metric("hashingRate", e.hashingRate, unit: "1/s"),
            ]
        }
    }

    /// Weighted fit of log10(true-herald probability per attempt) against length, on the points
    /// whose heralds are mostly true (true-herald rate above half the herald rate). Counting
    /// statistics over the integration time give σ(log10 p) = 1 / (ln 10 · √N), N = true rate × time;
    /// the slope times −10 is the effective attenuation in dB per km of total length. For the relay
    /// the fitted probability is the delivery probability per round.
    /// `nil` when fewer than three points qualify (false heralds dominate at every length).
    static func attenuationFit(_ table: ResultTable, route: Route, integrationSeconds: Double) throws -> LinearFit? {
        let rows = table.filter { row in
            guard row.parameters["route"] == .string(route.rawValue),
                  let t = row.number("trueRate"), let r = row.number("rate"), t > 0 else { return false }
            return t > 0.5 * r
        }
        guard rows.rows.count >= 3 else { return nil }
        let x = try rows.values("lengthKm")
        let p = try rows.values("trueHeraldProbability")
        let rate = try rows.values("trueRate")
        let y = p.map { log10($0) }
        let weights = rate.map { r in
            let counts = r * integrationSeconds
            return counts * log(10) * log(10)   // 1/σ² with σ = 1/(ln 10 √counts)
        }
        return try LinearFit(x: x, y: y, weights: weights)
    }

    var derived: [Derivation] {
        let base = self.base
        let fits = Route.allCases.map { route in
            Derivation("effective attenuation, \(route.rawValue)") { table in
                guard let fit = try Self.attenuationFit(table, route: route, integrationSeconds: base.integrationSeconds) else {
                    return [Metric("fiberAttenuation_\(route.slug)", try Self.fiberAttenuation(route, base), unit: "dB/km")]
                }
                return [
                    Metric("attenuation_\(route.slug)", -10 * fit.slope, unit: "dB/km",
                           uncertainty: 10 * fit.slopeStandardError),
                    Metric("fitPoints_\(route.slug)", Double(fit.degreesOfFreedom + 2)),
                    Metric("fiberAttenuation_\(route.slug)", try Self.fiberAttenuation(route, base), unit: "dB/km"),
                ]
            }
        }
        let distances = Derivation("distance at which the rate falls to 1 pair/s (Brent root of log10 rate)") { _ in
            var metrics: [Metric] = []
            for route in Route.allCases {
                guard let d = try Self.distance(at: 1, route: route, base) else { continue }
                metrics.append(Metric("distance1Hz_\(route.slug)", d, unit: "km"))
                metrics.append(Metric("fidelityAt1Hz_\(route.slug)", try Self.evaluate(route, base, lengthKm: d).fidelity))
            }
            return metrics
        }
        let atZero = Derivation("rate and fidelity at zero length") { _ in
            try Route.allCases.flatMap { route -> [Metric] in
                let e = try Self.evaluate(route, base, lengthKm: 0)
                return [Metric("rate0_\(route.slug)", e.trueRate, unit: "1/s"), Metric("fidelity0_\(route.slug)", e.fidelity)]
            } + [Metric("integrationHours", base.integrationSeconds / 3600, unit: "h")]
        }
        return fits + [distances, atZero, Self.relayAdvantage(base), Self.distanceInterval, Self.budgetSummary(base)]
    }

    /// The relay against the direct telecom ion–ion link and against the repeaterless bound of its own
    /// end-to-end fiber: the rate ratio and relay fidelity at 100 km, and the length beyond which the
    /// relay beats PLOB (Brent root of log10(rate/PLOB) over 1–2000 km).
    static func relayAdvantage(_ base: Parameters) -> Derivation {
        Derivation("relay versus direct ion–ion link and the PLOB bound") { _ in
            let relay: (Double) throws -> Evaluation = { try evaluate(.ionIonRelay1350, base, lengthKm: $0) }
            let near = try relay(100), direct = try evaluate(.converted1550, base, lengthKm: 100)
            let start = try TwoLinkRepeaterModel(configuration: relayConfiguration(base, lengthKm: 0))
            var metrics = [
                Metric("relayLinkSuccess0", start.linkA.successProbabilityPerRound),
                Metric("relayRound0", start.roundPeriodSeconds * 1e6, unit: "µs"),
                Metric("relayWait0", start.meanWaitingTimeSeconds * 1e3, unit: "ms"),
                Metric("relayOverDirect100", near.trueRate / direct.trueRate),
                Metric("relayFidelity100", near.fidelity),
                Metric("directFidelity100", direct.fidelity),
            ]
            let beyond = try RootFinder.brent(lower: 1, upper: 2000, absoluteTolerance: 1e-9) { l in
                let e = try relay(l)
                return log10(e.trueRate) - log10(e.plobBound)
            }
            metrics.append(Metric("relayBeatsPlobKm", beyond.x, unit: "km"))
            metrics.append(Metric("relayFidelityAtPlob", try relay(beyond.x).fidelity))
            return metrics
        }
    }

    var figures: [FigureSpec] {
        [Self.foundationFigure, Self.pairsFigure(base), Self.bandsFigure, Self.budgetFigure(base), Self.tornadoFigure(base)]
    }
    var tables: [TableSpec] {
        [Self.summaryTable, Self.foundationTable, Self.headlineTable, Self.sensitivityTable(base), Self.errorBudgetTable(base),
         Self.lossBudgetTable(base)]
    }
}
