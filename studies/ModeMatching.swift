import Foundation
import Interlink

/// Mode matching of unlike photons: two-photon visibility and heralded fidelity versus linewidth
/// ratio and detuning, and the filter-bandwidth trade-off for the preset pairs ion–atom,
/// ion–transducer output and atom–transducer output.
///
/// Model (`ModeOverlap`, `SpectralMode`): each photon is an exponential wave packet (Lorentzian
/// spectrum of FWHM ν); M = 4Γ₁Γ₂/((Γ₁ + Γ₂)² + 4Δ²) (Legero et al., Adv. At. Mol. Opt. Phys. 53,
/// 253, 2006). A two-photon (Barrett–Kok) herald of ideal photons gives V = V₀·M and
/// F = (1 + V)/2 (Barrett & Kok, PRA 71, 060310, 2005). A Lorentzian filter of FWHM B on the
/// broader photon transmits T = B/(ν + B) and narrows it. The figure of merit of the trade-off is
/// the distillable yield per emitted pair, T·(1 − H(λ)) (hashing bound), with the narrower photon
/// unfiltered.
///
/// Linewidths from the presets: Sr⁺ 21.5 MHz (`ion.sr88.422`, 1/(2π·7.4 ns) from the P₁/₂ lifetime),
/// Rb 6.07 MHz (`atom.rb87.780`, D2 line), transmon photon 1 MHz (assumption) after the 14.8 MHz
/// transducer bandwidth of `transmon.transducer.eo` (Weaver et al. 2024). The headline numbers carry
/// 90 % intervals over the Sr⁺ and Rb linewidths and the assumed transmon-photon linewidth
/// (`headlineUncertainty`).
///
/// The alternatives to filtering, each in its own file: time-resolved detection with detector jitter
/// (`TimeResolvedHerald`; ModeMatching+TimeResolved), a cavity Ca⁺ photon of chosen linewidth and a broadened
/// transmon photon (ModeMatching+Shaping), the per-second comparison of the fixes for the Sr⁺–transducer link
/// (ModeMatching+Comparison) and the 90 % band of the filter scan (ModeMatching+FilterBand); the one log-scale
/// optimiser they share is in ModeMatching+Optimum.
struct ModeMatchingStudy: Study {
    /// Which part of the study a point belongs to.
    enum Part: String, Codable, Sendable, CaseIterable {
        /// The visibility map over linewidth ratio and detuning (dimensionless).
        case map
        /// Detuning cuts for the preset pairs (MHz).
        case detuning
        /// Filter-bandwidth scan for the preset pairs.
        case filter
        /// Time-resolved window scan for the preset pairs at the station jitter.
        case window
        /// Optimum time-resolved window versus detector jitter for the preset pairs.
        case jitter
        /// Linewidth scan of a cavity Ca⁺ photon against the transducer-band transmon photon.
        case cavity
        /// Linewidth scan of a shaped transmon photon (through the transducer band) against the Sr⁺ photon.
        case shapedTransmon = "shaped-transmon"
    }

    /// A pair of unlike photons from the presets; the first photon is the broader one (filtered).
    enum Pair: String, Codable, Sendable, CaseIterable, CustomStringConvertible {
        /// Sr⁺ ion (21.5 MHz) and Rb atom (6.07 MHz).
        case ionAtom = "ion-atom"
        /// Sr⁺ ion and the transmon photon after the transducer.
        case ionTransducer = "ion-transducer"
        /// Rb atom and the transmon photon after the transducer.
        case atomTransducer = "atom-transducer"
        /// File- and table-safe name.
        var description: String { rawValue }
        /// Metric-name suffix.
        var key: String {
            switch self {
            case .ionAtom: return "IonAtom"
            case .ionTransducer: return "IonTransducer"
            case .atomTransducer: return "AtomTransducer"
            }
        }
        /// Plain label for tables.
        var plainLabel: String {
            switch self {
            case .ionAtom: return "Sr⁺–Rb"
            case .ionTransducer: return "Sr⁺–transducer"
            case .atomTransducer: return "Rb–transducer"
            }
        }
        /// Legend label (markup).
        var label: String {
            switch self {
            case .ionAtom: return "Sr<sup>+</sup> – Rb"
            case .ionTransducer: return "Sr<sup>+</sup> – transducer"
            case .atomTransducer: return "Rb – transducer"
            }
        }
        /// Presets of the broader (filtered) and the narrower photon.
        var presets: (broad: PresetName, narrow: PresetName) {
            switch self {
            case .ionAtom: return (.strontium422, .rubidium780)
            case .ionTransducer: return (.strontium422, .transmonElectroOptic)
            case .atomTransducer: return (.rubidium780, .transmonElectroOptic)
            }
        }
    }

    /// One sweep point.
    struct Parameters: Codable, Sendable {
        /// Part of the study.
        var part = Part.map
        /// Map: linewidth ratio ν₂/ν₁.
        var linewidthRatio = 1.0
        /// Map: detuning in units of ν₁, Δ/ν₁.
        var detuningRatio = 0.0
        /// Detuning and filter parts: the preset pair.
        var pair = Pair.ionAtom
        /// Detuning part: detuning of the narrower photon (MHz).
        var detuningMHz = 0.0
        /// Filter part: filter FWHM on the broader photon (MHz).
        var filterMHz = 1e5
        /// Residual two-photon visibility V₀ (1: ideal photons apart from their spectra).
        var residualVisibility = 1.0
        /// Factor on the Sr⁺ photon's linewidth (drawn in the uncertainty analysis; 1: the preset's).
        var strontiumLinewidthScale = 1.0
        /// Rb photon linewidth drawn from its published value (MHz; `nil`: the preset's). Optional
        /// fields left `nil` are not encoded, so they do not change any point's key.
        var rubidiumLinewidthMHz: Double?
        /// Transmon photon linewidth drawn from its assumed range, or set by the shaped-transmon scan (MHz;
        /// `nil`: the preset's).
        var transmonLinewidthMHz: Double?
        /// Window part: accepted detection-time difference τ_w (ns; `nil`: every herald accepted).
        var windowNs: Double?
        /// Window and jitter parts: per-detector rms timing jitter (ns; `nil`: the station's, `stationJitterNs`).
        var jitterNs: Double?
        /// Cavity part: the cavity Ca⁺ photon's linewidth (MHz; `nil`: the preset's 0.03 MHz).
        var cavityLinewidthMHz: Double?
    }

    init() {}

    var identifier: String { "mode-matching" }
    var title: String { "Mode matching of unlike photons: visibility, fidelity and the filter trade-off" }
    var summary: String {
        "Two-photon visibility and heralded fidelity of unlike photons (Sr⁺ ion, Rb atom, transducer output) versus "
            + "linewidth ratio and detuning, and the filter bandwidth on the broader photon that maximises the "
            + "distillable yield per emitted pair, compared with time-resolved detection, a matched cavity-ion photon and a "
            + "shaped transmon photon, per pair and per second."
    }
    var version: Int { 3 }
    var base: Parameters { Parameters() }
    var sourceFile: String? { #filePath }
    /// The study file and the shared helper it computes with (editing either invalidates its cached points).
    var sourceFiles: [String] { [#filePath, SharedStudySources.headlineUncertainty] + Self.concernSources }
    var presets: [any PresetDescribing] {
        [PresetName.strontium422, PresetName.rubidium780, PresetName.transmonElectroOptic, PresetName.calcium854Cavity]
    }
    var reportTemplate: String? { "mode-matching" }
    /// The main finding, for the index (computed values only).
    var finding: String? {
        "Filtering the Sr⁺ photon to {{values.optimumFilterIonTransducer}} raises its overlap with the transduced transmon photon from {{numbers.overlapUnfilteredIonTransducer}} to {{numbers.optimumOverlapIonTransducer}} (F = {{numbers.optimumFidelityIonTransducer}} at the nominal linewidths) and distils {{numbers.optimumMeritIonTransducer}} ebit per emitted pair, {{values.optimumPerSecondIonTransducer}} at 0 km (± half the 90 % interval over the linewidths); a transmon photon shaped to {{values.shapedOptimumLinewidth}} distils more per second ({{values.fix3PerSecond}}) at F = {{numbers.fix3Fidelity}}. Unlike photons lose half their overlap at {{values.halfOverlapDetuningIonAtom}} detuning (Sr⁺–Rb). The Sr⁺, Rb and Ca⁺ cavity presets are demonstrated (calibrated), the Ca⁺ photon matched to the transmon's is projected; the transmon transducer is projected."
    }
    var parameterUnits: [String: String] { ["detuningMHz": "MHz", "filterMHz": "MHz"] }

    /// Grid of the visibility map.
    static let ratioRange = (low: 1e-2, high: 1e2, count: 49)
    static let detuningRange = (low: 0.0, high: 4.0, count: 41)
    /// Filter scan range (MHz) and the minimiser's search range in log10 B.
    static let filterRange = (low: 0.05, high: 1e4, count: 106)

    var sweep: Sweep<Parameters> {
        .concat(
            .grid(.values(\.part, [.map]),
                  .logspace(\.linewidthRatio, from: Self.ratioRange.low, through: Self.ratioRange.high, count: Self.ratioRange.count),
                  .linspace(\.detuningRatio, from: Self.detuningRange.low, through: Self.detuningRange.high,
                            count: Self.detuningRange.count)),
            .grid(.values(\.part, [.detuning]), .values(\.pair, Pair.allCases),
                  .linspace(\.detuningMHz, from: 0, through: 30, count: 61)),
            .grid(.values(\.part, [.filter]), .values(\.pair, Pair.allCases),
                  .logspace(\.filterMHz, from: Self.filterRange.low, through: Self.filterRange.high, count: Self.filterRange.count)),
            .grid(.values(\.part, [.window]), .values(\.pair, Pair.allCases),
                  .values(\.windowNs, Self.logGrid(Self.windowRange).map { Optional($0) })),
            .grid(.values(\.part, [.jitter]), .values(\.pair, Pair.allCases),
                  .values(\.jitterNs, Self.logGrid(Self.jitterRange).map { Optional($0) })),
            .grid(.values(\.part, [.cavity]), .values(\.cavityLinewidthMHz, Self.logGrid(Self.cavityRange).map { Optional($0) })),
            .grid(.values(\.part, [.shapedTransmon]),
                  .values(\.transmonLinewidthMHz, Self.logGrid(Self.shapedTransmonRange).map { Optional($0) })))
    }

    /// `count` log-spaced values from `low` through `high`, 10^(log10 low + i·Δ).
    static func logGrid(_ range: (low: Double, high: Double, count: Int)) -> [Double] {
        let lo = log10(range.low), hi = log10(range.high)
        return (0..<range.count).map { pow(10, lo + (hi - lo) * Double($0) / Double(range.count - 1)) }
    }

    var rules: [ParameterRule<Parameters>] {
        [.range(\.residualVisibility, 0...1), .range(\.linewidthRatio, 1e-6...1e6), .range(\.detuningRatio, -1e6...1e6),
         .range(\.filterMHz, 1e-6...1e9), .range(\.detuningMHz, -1e6...1e6), .range(\.strontiumLinewidthScale, 0.01...100)]
            + [Self.optionalRange(\.windowNs, 1e-6...1e9), Self.optionalRange(\.jitterNs, 0...1e6),
               Self.optionalRange(\.cavityLinewidthMHz, 1e-6...1e6), Self.optionalRange(\.transmonLinewidthMHz, 1e-6...1e6)]
    }

    /// An optional field must be absent, or finite and in `range`.
    static func optionalRange(_ keyPath: KeyPath<Parameters, Double?> & Sendable, _ range: ClosedRange<Double>)
        -> ParameterRule<Parameters> {
        .require(keyPath, allowed: "absent, or finite and in [\(range.lowerBound), \(range.upperBound)]") { value in
            value.map { $0.isFinite && range.contains($0) } ?? true
        }
    }

    // MARK: Physics of one point

    /// A preset arm with the point's drawn linewidths applied.
    static func arm(_ preset: PresetName, _ p: Parameters) throws -> ArmConfiguration {
        var arm = ModalityPreset.arm(preset)
        switch preset {
        case .strontium422: arm.node.photon.linewidthMHz *= p.strontiumLinewidthScale
        case .rubidium780: if let w = p.rubidiumLinewidthMHz { arm.node.photon.linewidthMHz = w }
        case .transmonElectroOptic: if let w = p.transmonLinewidthMHz { arm.node.photon.linewidthMHz = w }
        default: break
        }
        return arm
    }

    /// The two photons' spectral modes of a pair at the detectors (the transmon photon after its
    /// transducer), from the presets via `ArmBudget`, with the point's drawn linewidths.
    static func modes(_ pair: Pair, _ p: Parameters) throws
        -> (broad: SpectralMode, narrow: SpectralMode, broadLinewidthMHz: Double) {
        let broad = try arm(pair.presets.broad, p)
        let b = try ArmBudget(arm: try arm(pair.presets.narrow, p), path: "pair.narrow")
        // The broader photon of every pair is a bare emitter (no transducer or filter in its arm).
        let width = broad.node.photon.linewidthMHz
        return (SpectralMode(linewidthMHz: width), b.spectrum, width)
    }

    /// Heralded state of an ideal two-photon herald (no loss asymmetry, no noise) at visibility V.
    static func heraldedState(visibility v: Double) -> BellDiagonalState {
        TwoPhotonHeralding.outcome(etaA: 1, etaB: 1, visibility: v, noiseClickProbability: 0).state
    }

    /// Filter trade-off of one pair at filter FWHM `bandwidthMHz` on the broader photon:
    /// (overlap M, transmission T, fidelity F, merit T·(1 − H)).
    static func filtered(_ pair: Pair, bandwidthMHz: Double, _ p: Parameters) throws
        -> (overlap: Double, transmission: Double, fidelity: Double, merit: Double) {
        let m = try modes(pair, p)
        return filtered(broad: m.broad, broadLinewidthMHz: m.broadLinewidthMHz, narrow: m.narrow,
                        bandwidthMHz: bandwidthMHz, residualVisibility: p.residualVisibility)
    }

    /// The filter trade-off for any two photons: the broader photon's spectral mode `broad` (linewidth
    /// `broadLinewidthMHz`) through a Lorentzian filter of FWHM `bandwidthMHz`, against `narrow`.
    static func filtered(broad: SpectralMode, broadLinewidthMHz: Double, narrow: SpectralMode, bandwidthMHz: Double,
                         residualVisibility v0: Double) -> (overlap: Double, transmission: Double, fidelity: Double, merit: Double) {
        let overlap = broad.filtered(bandwidthMHz: bandwidthMHz).overlap(with: narrow)
        let transmission = ModeOverlap.lorentzianFilterTransmission(photonLinewidthMHz: broadLinewidthMHz,
                                                                    filterBandwidthMHz: bandwidthMHz)
        let state = heraldedState(visibility: v0 * overlap)
        return (overlap, transmission, state.fidelity, transmission * state.hashingYield)
    }

    /// Metrics of one point.
    static func metrics(_ p: Parameters) throws -> [Metric] {
        switch p.part {
        case .map:
            let m = ModeOverlap.exponentialPhotons(linewidth1MHz: 1, linewidth2MHz: p.linewidthRatio, detuningMHz: p.detuningRatio)
            let state = heraldedState(visibility: p.residualVisibility * m)
            return [Columns.modeOverlap(m), Columns.visibility(p.residualVisibility * m),
                    Columns.fidelity(state.fidelity), Columns.yield(state.hashingYield)]
        case .detuning:
            let modes = try modes(p.pair, p)
            let m = modes.broad.overlap(with: modes.narrow.shifted(detuningMHz: p.detuningMHz))
            let state = heraldedState(visibility: p.residualVisibility * m)
            return [Columns.modeOverlap(m), Columns.visibility(p.residualVisibility * m),
                    Columns.fidelity(state.fidelity), Columns.yield(state.hashingYield)]
        case .filter:
            let f = try filtered(p.pair, bandwidthMHz: p.filterMHz, p)
            let state = heraldedState(visibility: p.residualVisibility * f.overlap)
            return [Columns.modeOverlap(f.overlap), Columns.visibility(p.residualVisibility * f.overlap),
                    Columns.fidelity(f.fidelity), Columns.yield(state.hashingYield),
                    Columns.transmission(f.transmission), Columns.merit(f.merit)]
        case .window, .jitter:
            return try timeResolvedMetrics(p)
        case .cavity, .shapedTransmon:
            return try shapingMetrics(p)
        }
    }

    var engine: Engine<Parameters> { .analytic { p in try Self.metrics(p) } }

    // MARK: Derived results

    /// The optimum filter of a pair: maximises T·(1 − H) over log10 B in the scan range with
    /// `Minimizer.brent`. When no interior point beats both ends the better end is returned with
    /// `interior == false` (for these pairs: the unfiltered end, meaning filtering does not pay).
    static func optimumFilter(_ pair: Pair, _ p: Parameters) throws
        -> (bandwidthMHz: Double, halfWidthMHz: Double, interior: Bool) {
        let m = try modes(pair, p)
        return try optimumFilter(broad: m.broad, broadLinewidthMHz: m.broadLinewidthMHz, narrow: m.narrow,
                                 residualVisibility: p.residualVisibility)
    }

    /// The optimum filter for any two photons (see ``filtered(broad:broadLinewidthMHz:narrow:bandwidthMHz:residualVisibility:)``),
    /// by the same criterion and search as for the preset pairs.
    static func optimumFilter(broad: SpectralMode, broadLinewidthMHz: Double, narrow: SpectralMode,
                              residualVisibility v0: Double) throws -> (bandwidthMHz: Double, halfWidthMHz: Double, interior: Bool) {
        let best = try maximiseOnLogScale(low: filterRange.low, high: filterRange.high) { b in
            filtered(broad: broad, broadLinewidthMHz: broadLinewidthMHz, narrow: narrow, bandwidthMHz: b, residualVisibility: v0).merit
        }
        return (best.x, best.halfWidth, best.interior)
    }

    /// A pair's optimum filter and the trade-off there. When the best setting is no filter (no interior
    /// optimum, the widest end of the scan best), the trade-off is that of the *unfiltered* pair
    /// (T = 1, M without filter): the scan's widest filter only stands for "no filter" in the search,
    /// and through it the photon would still lose B/(ν + B) of its transmission and change its overlap.
    static func atOptimum(_ pair: Pair, _ p: Parameters) throws
        -> (filter: (bandwidthMHz: Double, halfWidthMHz: Double, interior: Bool),
            trade: (overlap: Double, transmission: Double, fidelity: Double, merit: Double)) {
        let opt = try optimumFilter(pair, p)
        if opt.interior || opt.bandwidthMHz != filterRange.high {
            return (opt, try filtered(pair, bandwidthMHz: opt.bandwidthMHz, p))
        }
        let m0 = try unfilteredOverlap(pair, p)
        let state = heraldedState(visibility: p.residualVisibility * m0)
        return (opt, (m0, 1, state.fidelity, state.hashingYield))
    }

    /// Detuning (MHz) at which a pair's unfiltered overlap halves: Brent root of M(Δ) − M(0)/2.
    static func halfOverlapDetuning(_ pair: Pair, _ p: Parameters) throws -> Double {
        let m = try modes(pair, p)
        let start = m.broad.overlap(with: m.narrow)
        return try RootFinder.brent(lower: 0, upper: 1e4, absoluteTolerance: 1e-9, relativeTolerance: 1e-9) { d in
            m.broad.overlap(with: m.narrow.shifted(detuningMHz: d)) - start / 2
        }.x
    }

    /// Unfiltered overlap of a pair.
    static func unfilteredOverlap(_ pair: Pair, _ p: Parameters) throws -> Double {
        let m = try modes(pair, p)
        return m.broad.overlap(with: m.narrow)
    }

    /// The Sr⁺–transducer optimum filter, the distillable yield per emitted pair and per second there, the
    /// unfiltered Sr⁺–transducer overlap and the Sr⁺–Rb half-overlap detuning, at a parameter point (an optimum
    /// at the scan's edge is an error: never quoted). The yield is absolute, not a ratio over the unfiltered
    /// pair: that pair sits at F ≈ 1/2, where its hashing yield, and so any gain ratio, is fragile.
    static func headlineValues(_ p: Parameters) throws -> [Double] {
        let opt = try optimumFilter(.ionTransducer, p)
        guard opt.interior else {
            throw ParameterError(invalid: "filterMHz", reason: "the Sr+-transducer optimum lies at the edge of the scanned filter range")
        }
        let best = try filtered(.ionTransducer, bandwidthMHz: opt.bandwidthMHz, p)
        let sr = try arm(.strontium422, p), transmon = try arm(.transmonElectroOptic, p)
        let perSecond = try heraldProbability(sr, transmon) * best.merit / attemptSeconds(sr, transmon)
        return [opt.bandwidthMHz, best.merit, perSecond, try unfilteredOverlap(.ionTransducer, p),
                try halfOverlapDetuning(.ionAtom, p)]
    }

    /// The uncertain linewidths: Sr⁺ (assumed ±2 %: the preset's value is 1/(2π·7.4 ns), no uncertainty in
    /// the team's sources), Rb D2 (published 6.0666 ± 0.0018 MHz, Steck, "Rubidium 87 D Line Data") and the
    /// transmon photon (assumed 0.5–2 MHz around the preset's 1 MHz).
    static var uncertainParameters: [UncertainParameter<Parameters>] {
        [
            UncertainParameter("Sr⁺ photon linewidth (factor)", .range(0.98, 1.02, source: "assumed ±2 % on 21.5 MHz",
                                                                      isAssumption: true)) { $0.strontiumLinewidthScale = $1 },
            UncertainParameter("Rb photon linewidth", .published(6.0666, plusMinus: 0.0018,
                                                                 source: "Steck, Rubidium 87 D Line Data: 6.0666(18) MHz")) {
                $0.rubidiumLinewidthMHz = $1
            },
            UncertainParameter("transmon photon linewidth", .logRange(0.5, 2, source: "assumed 1 MHz ×/÷ 2", isAssumption: true)) {
                $0.transmonLinewidthMHz = $1
            },
        ]
    }

    /// The headline numbers with 64 Latin-hypercube draws.
    static var headlineUncertainty: HeadlineUncertainty<Parameters> {
        HeadlineUncertainty(
            parameters: uncertainParameters,
            headlines: [.init(name: "optimumFilterIonTransducer", label: "optimum filter, Sr⁺–transducer", unit: "MHz"),
                        .init(name: "optimumMeritIonTransducer", label: "yield per pair with that filter", unit: ""),
                        .init(name: "optimumPerSecondIonTransducer", label: "yield per second with that filter", unit: "ebit/s"),
                        .init(name: "overlapUnfilteredIonTransducer", label: "unfiltered overlap, Sr⁺–transducer", unit: ""),
                        .init(name: "halfOverlapDetuningIonAtom", label: "half-overlap detuning, Sr⁺–Rb", unit: "MHz")],
            draws: 64, seed: 18, compute: headlineValues)
    }

    var derived: [Derivation] {
        let p = base
        let v0 = base.residualVisibility
        return [Self.headlineUncertainty.derivation("headline numbers with the 90 % interval over the linewidths", base: p)]
            + Pair.allCases.map { pair in
            Derivation("optimum filter, \(pair.rawValue)") { table in
                let unfiltered = try Self.modes(pair, p)
                let m0 = unfiltered.broad.overlap(with: unfiltered.narrow)
                let state0 = Self.heraldedState(visibility: v0 * m0)
                let narrowArm = ModalityPreset.arm(pair.presets.narrow)
                let bare = ModeOverlap.exponentialPhotons(linewidth1MHz: unfiltered.broadLinewidthMHz,
                                                          linewidth2MHz: narrowArm.node.photon.linewidthMHz, detuningMHz: 0)
                let (opt, best) = try Self.atOptimum(pair, p)
                let k = pair.key
                // Largest overlap on the filter scan (grid maximum) and the bandwidth where it occurs.
                let scan = table.filter {
                    $0.parameters["part"] == .string(Part.filter.rawValue) && $0.parameters["pair"] == .string(pair.rawValue)
                }
                let overlaps = try scan.values(Columns.modeOverlap), bandwidths = try scan.values(Columns.filterMHz)
                let peak = overlaps.indices.max(by: { overlaps[$0] < overlaps[$1] }) ?? 0
                var metrics = [
                    Metric("maxOverlapOnScan\(k)", overlaps.isEmpty ? 0 : overlaps[peak]),
                    Metric("maxOverlapFilter\(k)", bandwidths.isEmpty ? 0 : bandwidths[peak], unit: "MHz"),
                    Metric("fidelityUnfiltered\(k)", state0.fidelity),
                    Metric("yieldUnfiltered\(k)", state0.hashingYield),
                    Metric("overlapBareEmitters\(k)", bare),
                    Metric("optimumInterior\(k)", opt.interior ? 1 : 0),
                    Metric("optimumOverlap\(k)", best.overlap),
                    Metric("optimumTransmission\(k)", best.transmission),
                    Metric("optimumFidelity\(k)", best.fidelity),
                ]
                // The gain over no filter, at the nominal linewidths only (for Sr⁺–transducer a ratio over a
                // pair at F ≈ 1/2: a secondary remark, not a headline).
                metrics.append(Metric("meritGain\(k)", state0.hashingYield > 0 ? best.merit / state0.hashingYield : .infinity))
                // The headline derivation carries these for the Sr⁺ pair it covers.
                if pair != .ionTransducer {
                    metrics.append(Metric("optimumMerit\(k)", best.merit))
                    metrics.append(Metric("overlapUnfiltered\(k)", m0))
                    if opt.interior { metrics.append(Metric("optimumFilter\(k)", opt.bandwidthMHz, unit: "MHz")) }
                }
                if pair != .ionAtom { metrics.append(Metric("halfOverlapDetuning\(k)", try Self.halfOverlapDetuning(pair, p), unit: "MHz")) }
                return metrics
            }
        } + [
            Derivation("visibility map checks") { table in
                // Linewidth ratio at which M = 0.9 without detuning: 4r/(1 + r)² = 0.9, found by root
                // finding on the closed form (the narrower photon may be either).
                let root = try RootFinder.brent(lower: 1, upper: 10, relativeTolerance: 1e-6) { r in
                    ModeOverlap.exponentialPhotons(linewidth1MHz: 1, linewidth2MHz: r, detuningMHz: 0) - 0.9
                }
                let rows = table.filter { $0.parameters["part"] == .string(Part.map.rawValue) }
                let overlaps = try rows.values(Columns.modeOverlap)
                return [
                    Metric("ratioForOverlap90", root.x),
                    Metric("mapPoints", Double(overlaps.count)),
                ]
            },
            Self.timeResolvedDerivation(p), Self.shapingDerivation(p), Self.comparisonDerivation(p),
            Self.fidelityFloorDerivation(p),
        ]
    }

    // MARK: Figures

    /// Preset linewidths (MHz) for the map's markers, relative to the Sr⁺ photon.
    static func presetRatios() throws -> [(label: String, ratio: Double)] {
        let sr = ModalityPreset.arm(.strontium422).node.photon.linewidthMHz
        let rb = ModalityPreset.arm(.rubidium780).node.photon.linewidthMHz
        let tr = ModalityPreset.arm(.transmonElectroOptic).node.photon.linewidthMHz
        return [("Sr<sup>+</sup>–Rb", rb / sr), ("Rb–transmon", tr / rb), ("Sr<sup>+</sup>–transmon", tr / sr)]
    }

    var figures: [FigureSpec] {
        let base = self.base
        return [
            Self.headlineUncertainty.tornadoFigure("tornado-yield", caption: "Sensitivity of the distillable yield per emitted "
                + "pair with the optimum Sr⁺–transducer filter: each linewidth at its 5 % and 95 % point, all others nominal; "
                + "widest swing on top.",
                index: 1, xLabel: "Yield per pair with the optimum filter", base: base),
            FigureSpec("visibility-map", caption: "(a) Two-photon mode overlap M = V/V₀ of exponential photons versus "
                + "linewidth ratio ν₂/ν₁ and detuning Δ/ν₁ (closed form of Legero et al. 2006), with contours at "
                + "M = 0.5, 0.8 and 0.9; white circles mark the linewidth ratios of the preset pairs (bare emitter "
                + "linewidths, transmon photon before its transducer filter), drawn at Δ/ν₁ = 0.15 to stay clear of the "
                + "axis: the pairs themselves are at zero detuning. (b) Mode overlap M versus detuning for "
                + "the preset pairs on a log axis (V₀ = 1; transmon photon after the 14.8 MHz transducer band); the "
                + "heralded fidelity is F = (1 + M)/2.") { table in
                let rows = table.filter { $0.parameters["part"] == .string(Part.map.rawValue) }
                let grid = try rows.grid(x: Columns.linewidthRatio.name, y: Columns.detuningRatio.name, value: Columns.modeOverlap.name)
                let (ratios, detunings, z) = (grid.x, grid.y, grid.z)
                var map = Panel(
                    x: Axis(label: "Linewidth ratio <i>ν</i><sub>2</sub>/<i>ν</i><sub>1</sub>", scale: .log,
                            limits: Self.ratioRange.low...Self.ratioRange.high),
                    y: Axis(label: "Detuning <i>Δ</i>/<i>ν</i><sub>1</sub>", limits: Self.detuningRange.low...Self.detuningRange.high),
                    legend: .hidden)
                // Cells are centred on grid points: extend the extent by half a cell each side.
                let dl = (log10(Self.ratioRange.high) - log10(Self.ratioRange.low)) / Double(Self.ratioRange.count - 1) / 2
                let dd = (Self.detuningRange.high - Self.detuningRange.low) / Double(Self.detuningRange.count - 1) / 2
                map.add(.heatmap(Heatmap(values: z, x: pow(10, log10(Self.ratioRange.low) - dl)...pow(10, log10(Self.ratioRange.high) + dl),
                                         y: (Self.detuningRange.low - dd)...(Self.detuningRange.high + dd),
                                         colormap: .viridis, colorLimits: 0...1, colorLabel: "Mode overlap <i>M</i>")))
                map.add(.contour(ContourSet(x: ratios, y: detunings, z: z, levels: [0.5, 0.8, 0.9], color: .white)))
                for (index, preset) in try Self.presetRatios().enumerated() {
                    let height = 0.9 + 0.55 * Double(index)
                    map.add(.scatter(x: [preset.ratio], y: [0.15], marker: .circle, color: .white))
                    map.add(.line(x: [preset.ratio, preset.ratio], y: [0.15, height - 0.05], style: .dotted, color: .white))
                    map.add(.text(preset.label, at: DataPoint(preset.ratio, height), anchor: .bottom, color: .white))
                }
                var cuts = Panel(x: Axis(label: "Detuning <i>Δ</i>/2π (MHz)", limits: 0...30),
                                 y: Axis(label: "Overlap of the preset pairs", scale: .log, limits: 1e-3...1), legend: .auto)
                for (index, pair) in Pair.allCases.enumerated() {
                    let pr = table.filter {
                        $0.parameters["part"] == .string(Part.detuning.rawValue) && $0.parameters["pair"] == .string(pair.rawValue)
                    }
                    cuts.add(.line(x: try pr.values(Columns.detuningMHz), y: try pr.values(Columns.modeOverlap), label: pair.label,
                                   style: LineStyle.cycle[index % LineStyle.cycle.count]))
                }
                return Figure(theme: .apsDoubleColumn, panels: [map, cuts], columns: 2, height: 210)
            },
            FigureSpec("filter-tradeoff", caption: "Filtering the broader photon of each preset pair with a Lorentzian "
                + "filter of FWHM B. (a) Mode overlap M (solid, one colour per pair) and filter transmission T (dashed; both "
                + "Sr⁺ pairs share the grey curve). (b) Distillable "
                + "yield per emitted pair T·(1 − H(λ)) (hashing bound, V₀ = 1); circles mark the optimum found by "
                + "Brent minimisation; the shaded band is the 90 % range of the Sr⁺–transducer yield over the 64 linewidth "
                + "draws of the headline intervals; the right end of the axis is effectively no filter.") { table in
                var overlap = Panel(x: Axis(label: "Filter bandwidth <i>B</i> (MHz)", scale: .log,
                                            limits: Self.filterRange.low...Self.filterRange.high),
                                    y: Axis(label: "Overlap <i>M</i>, transmission <i>T</i>", limits: 0...1), legend: .auto)
                var merit = Panel(x: Axis(label: "Filter bandwidth <i>B</i> (MHz)", scale: .log,
                                          limits: Self.filterRange.low...Self.filterRange.high),
                                  y: Axis(label: "Yield per pair <i>T</i>(1 − <i>H</i>)", scale: .log, limits: 1e-4...1),
                                  legend: .auto)
                let palette = Theme.apsDoubleColumn.palette
                for (index, pair) in Pair.allCases.enumerated() {
                    let pr = table.filter {
                        $0.parameters["part"] == .string(Part.filter.rawValue) && $0.parameters["pair"] == .string(pair.rawValue)
                    }
                    let b = try pr.values(Columns.filterMHz)
                    let color = palette[index]
                    overlap.add(.line(x: b, y: try pr.values(Columns.modeOverlap), label: pair.label, style: .solid, color: color))
                    // Both Sr⁺ pairs filter the same photon: one transmission curve, drawn once in grey.
                    if pair != .ionTransducer {
                        overlap.add(.line(x: b, y: try pr.values(Columns.transmission),
                                          label: pair == .ionAtom ? "<i>T</i>, Sr<sup>+</sup> filtered" : "<i>T</i>, Rb filtered",
                                          style: .dashed, color: pair == .ionAtom ? Color.gray : color))
                    }
                    if pair == .ionTransducer {
                        let band = try Self.filterMeritBand(base)
                        merit.add(.band(x: band.bandwidthMHz, lower: band.low.map { max($0, 1e-300) },
                                        upper: band.high.map { max($0, 1e-300) }, color: color))
                    }
                    merit.add(.line(x: b, y: try pr.values(Columns.merit), label: pair.label, color: color))
                    let (opt, best) = try Self.atOptimum(pair, base)
                    if opt.interior {
                        merit.add(.scatter(x: [opt.bandwidthMHz], y: [best.merit], marker: .circle, color: color))
                    }
                }
                return Figure(theme: .apsDoubleColumn, panels: [overlap, merit], columns: 2, height: 200)
            },
            Self.timeResolvedFigure(base), Self.shapingFigure(base),
        ]
    }

    var tables: [TableSpec] {
        let base = self.base
        let inputs = "the Sr⁺ linewidth (assumed ±2 %), the Rb linewidth (published 6.0666 ± 0.0018 MHz) and the transmon "
            + "photon's linewidth (assumed 0.5–2 MHz, log-uniform)"
        return Self.headlineUncertainty.tables(inputs: inputs, base: base) + [
                TableSpec("preset-pairs", caption: "Preset pairs: overlap and fidelity without a filter, and the optimum filter "
                          + "(at the presets; the headline table gives the intervals)") { (_: ResultTable) in
            var rows: [[DataTable.Cell]] = []
            for pair in Pair.allCases {
                let m = try Self.modes(pair, base)
                let m0 = m.broad.overlap(with: m.narrow)
                let f0 = Self.heraldedState(visibility: base.residualVisibility * m0).fidelity
                let (opt, best) = try Self.atOptimum(pair, base)
                rows.append([.text(pair.plainLabel), .number(m.broadLinewidthMHz, uncertainty: nil), .number(m0, uncertainty: nil),
                             .number(f0, uncertainty: nil),
                             opt.interior ? .number(opt.bandwidthMHz, uncertainty: nil) : .text("none"),
                             .number(best.overlap, uncertainty: nil), .number(best.transmission, uncertainty: nil),
                             .number(best.fidelity, uncertainty: nil)])
            }
            return try DataTable(columns: [DataTable.Column("pair"), DataTable.Column("broad linewidth", unit: "MHz"),
                                           DataTable.Column("M without filter"), DataTable.Column("F without filter"),
                                           DataTable.Column("optimum B", unit: "MHz"), DataTable.Column("M at optimum"),
                                           DataTable.Column("T at optimum"), DataTable.Column("F at optimum")],
                                 rows: rows)
        }, Self.windowTable, Self.comparisonTable]
    }
}

extension ModeMatchingStudy {
    /// The study's result columns: each name and unit written once, used to record and to read.
    enum Columns {
        static let detuningMHz = Column("detuningMHz", unit: "MHz")
        static let filterMHz = Column("filterMHz", unit: "MHz")
        static let linewidthRatio = Column("linewidthRatio")
        static let detuningRatio = Column("detuningRatio")
        static let modeOverlap = Column("modeOverlap")
        static let visibility = Column("visibility")
        static let fidelity = Column("fidelity")
        static let yield = Column("yield")
        static let transmission = Column("transmission")
        static let merit = Column("merit")
        static let windowNs = Column("windowNs", unit: "ns")
        static let jitterNs = Column("jitterNs", unit: "ns")
        static let cavityLinewidthMHz = Column("cavityLinewidthMHz", unit: "MHz")
        static let transmonLinewidthMHz = Column("transmonLinewidthMHz", unit: "MHz")
        static let acceptance = Column("acceptance")
        static let optimumWindowNs = Column("optimumWindowNs", unit: "ns")
        static let attemptTime = Column("attemptTime", unit: "µs")
        static let perSecond = Column("perSecond", unit: "ebit/s")
    }
}
