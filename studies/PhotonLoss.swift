import Foundation
import Interlink

/// Photon loss: rate and fidelity of a heralded atom–atom link versus the total per-arm loss budget,
/// for two-photon (Barrett–Kok) and single-click heralding; the loss at which single-click
/// overtakes two-photon in distillable rate; the optimal bright-state population α versus loss.
///
/// Model: two Rb-87 nodes (preset `atom.rb87.780`: van Leent et al. 2022), photons converted
/// 780 → 1522 nm with 57 % efficiency (van Leent et al., PRL 124, 010510, 2020) and detected by
/// SNSPDs (100 ns window), 1 km of fiber with the station in the middle. The converter's noise
/// rate is not in the team's table: 60 s⁻¹ is assumed (the value measured for Ca⁺ 854 → 1550 nm by
/// Krutyanskiy et al., Appl. Phys. B 2017). The total per-arm loss budget L (dB) is split between
/// collection, conversion, fiber and detection with fixed shares: either the
/// preset's own proportions, or a fiber-dominated split (10/10/70/10 %, illustrative). Only the
/// stage losses change with L: the fiber keeps its 0.5 km per arm (its attenuation is set to give
/// its share), so the attempt period and memory decay stay those of the 1 km link. The converter's
/// noise photons are attenuated by the stages after it only, so the split matters through noise.
/// Heralding: two-photon p = η²/2, F = (1 + V)/2 (Barrett & Kok, PRA 71, 060310, 2005);
/// single-click p ≈ 2αη, F = (1 + √V c_φ)(1 − α)/(2(1 − αη)) (Cabrillo et al. 1999; Humphreys et
/// al., Nature 558, 268, 2018). α is chosen per point by `Minimizer.brent` to maximise the
/// distillable (hashing-bound) rate r·(1 − H(λ)), the same figure of merit as
/// `SingleClickHeralding.optimalBrightStatePopulation`, which is evaluated alongside for comparison.
/// Assumptions: residual two-photon visibility V₀ = 0.95, phase stability c_φ = 0.95 and the
/// borrowed converter noise; their assumed ranges and the published SNSPD dark-count range are
/// propagated into every headline number (`headlineUncertainty`). The reach of a scheme is the loss at
/// which its distillable rate falls to 1 ebit/min, found inside the swept 0.5–60 dB only.
struct PhotonLossStudy: Study {
    /// Heralding scheme of a point.
    enum Scheme: String, Codable, Sendable, CaseIterable {
        /// Two-photon (Barrett–Kok) heralding.
        case twoPhoton = "two-photon"
        /// Single-click heralding with the optimal α.
        case singleClick = "single-click"
    }

    /// How the per-arm loss budget is split between the stages.
    enum Split: String, Codable, Sendable, CaseIterable {
        /// The preset's own proportions (collection, conversion, fiber, detection).
        case preset = "preset-split"
        /// 10 % collection, 10 % conversion, 70 % fiber, 10 % detection (illustrative).
        case fiberDominated = "fiber-dominated"
        /// Metric-name suffix.
        var key: String { self == .preset ? "Preset" : "FiberDominated" }
    }

    /// One sweep point.
    struct Parameters: Codable, Sendable {
        /// Heralding scheme.
        var scheme = Scheme.twoPhoton
        /// How the budget is split between stages.
        var split = Split.preset
        /// Total loss per arm (dB).
        var lossDB = 8.0
        /// Total fiber length (km), station in the middle.
        var lengthKm = 1.0
        /// Residual two-photon visibility V₀ (assumption).
        var residualVisibility = 0.95
        /// Optical phase stability c_φ of single-click heralding (assumption).
        var phaseStability = 0.95
        /// Noise photon rate of the 780 → 1522 nm converter (s⁻¹; borrowed from Ca⁺ 854 → 1550 nm).
        var converterNoiseHz = 60.0
        /// SNSPD dark-count rate drawn from its published range (Hz; `nil`: the preset's value). Left
        /// `nil`, it is not encoded, so it does not change any point's key.
        var snspdDarkCountRateHz: Double?
    }

    init() {}

    var identifier: String { "photon-loss" }
    var title: String { "Photon loss: two-photon versus single-click heralding over the loss budget" }
    var summary: String {
        "Rate, fidelity and distillable rate of a converted Rb–Rb link versus the per-arm loss budget for two-photon "
            + "and single-click heralding, with the crossover loss and the optimal bright-state population α."
    }
    var version: Int { 2 }
    var base: Parameters { Parameters() }
    var sourceFile: String? { #filePath }
    /// The study file and the shared helpers it computes with (editing any invalidates its cached points).
    var sourceFiles: [String] { [#filePath, SharedStudySources.headlineUncertainty, SharedStudySources.errorBudgetTable] }
    var presets: [any PresetDescribing] { [PresetName.rubidium780] }
    var reportTemplate: String? { "photon-loss" }
    /// The main finding, for the index (computed values only).
    var finding: String? {
        "Single-click heralding leads two-photon heralding in distillable rate between {{values.crossoverLossPreset}} and {{values.secondCrossoverLossPreset}} of loss per arm (± half the 90 % interval over V₀, c_φ, converter noise and dark counts); at 1 ebit/min, two-photon heralding reaches {{values.reachTwoPhoton}} of loss per arm and single-click {{values.reachSingleClick}}. Two calibrated (demonstrated) Rb atoms (van Leent et al. 2022); the converter noise is borrowed from a Ca⁺ converter (an assumption)."
    }
    var parameterUnits: [String: String] { ["lossDB": "dB", "lengthKm": "km"] }

    /// Loss-budget grid (dB per arm): the swept range; no crossing outside it is quoted as a value.
    static let lossGrid = (low: 0.5, high: 60.0, count: 120)
    /// The distillable rate that defines a scheme's reach: 1 ebit per minute.
    static let reachLevel = 1.0 / 60
    /// Search range of α (log10): [10⁻⁶, 0.5], as `SingleClickHeralding.optimalBrightStatePopulation`.
    static let alphaRange = (low: -6.0, high: log10(0.5))

    var sweep: Sweep<Parameters> {
        .grid(.values(\.split, Split.allCases), .values(\.scheme, Scheme.allCases),
              .linspace(\.lossDB, from: Self.lossGrid.low, through: Self.lossGrid.high, count: Self.lossGrid.count))
    }

    var rules: [ParameterRule<Parameters>] {
        [.range(\.lossDB, 0...200), .range(\.residualVisibility, 0...1), .range(\.phaseStability, 0...1),
         .range(\.converterNoiseHz, 0...1e6), .range(\.lengthKm, 0...1000)]
    }

    // MARK: Model

    /// Converter of the preset arm: 780 → 1522 nm, 57 % (van Leent et al. 2020), noise `noiseHz` (assumed).
    static func converter(noiseHz: Double = 60) -> FrequencyConversionStage {
        FrequencyConversionStage(efficiency: 0.57, noiseRateHz: noiseHz, outputWavelengthNm: 1522)
    }

    /// The preset arm: Rb-87 node, 780 → 1522 nm conversion, SNSPD (with the point's converter noise
    /// and drawn dark-count rate when given).
    static func presetArm(_ p: Parameters? = nil) throws -> ArmConfiguration {
        var arm = ModalityPreset.arm(.rubidium780)
        arm.conversion = converter(noiseHz: p?.converterNoiseHz ?? 60)
        arm.detector = .snspd
        if let d = p?.snspdDarkCountRateHz { arm.detector.darkCountRateHz = d }
        return arm
    }

    /// Stage losses of the preset arm at the given total length (dB): collection (with any
    /// insertion loss), conversion, fiber, detection.
    static func presetStageLosses(lengthKm: Double) throws -> [Double] {
        var arm = try presetArm()
        arm.fiber.lengthKm = lengthKm / 2
        let b = try ArmBudget(arm: arm, path: "arm")
        return [b.collection * b.insertion, b.conversion, b.fiber, b.detector].map { Decibels.loss(transmission: $0) }
    }

    /// Fractions of the budget per stage (collection, conversion, fiber, detection).
    static func shares(_ split: Split, lengthKm: Double) throws -> [Double] {
        switch split {
        case .preset:
            let losses = try presetStageLosses(lengthKm: lengthKm)
            let total = losses.reduce(0, +)
            return losses.map { $0 / total }
        case .fiberDominated:
            return [0.1, 0.1, 0.7, 0.1]
        }
    }

    /// One arm whose stages share `lossDB` according to the split.
    static func arm(_ p: Parameters, lossDB: Double) throws -> ArmConfiguration {
        var arm = try presetArm(p)
        let share = try shares(p.split, lengthKm: p.lengthKm)
        let halfLength = p.lengthKm / 2
        guard halfLength > 0 else {
            throw ParameterError(path: "lengthKm", value: "\(p.lengthKm)", allowed: "> 0 (the fiber carries its share of the budget)")
        }
        arm.collection.efficiency = Decibels.transmission(lossDB: share[0] * lossDB)
        arm.insertionLossesDB = []
        arm.conversion?.efficiency = Decibels.transmission(lossDB: share[1] * lossDB)
        arm.fiber.attenuationDBPerKm = share[2] * lossDB / halfLength
        arm.detector.efficiency = Decibels.transmission(lossDB: share[3] * lossDB)
        return arm
    }

    /// The link at a given loss budget, scheme and α (single-click only).
    static func link(_ p: Parameters, lossDB: Double, scheme: Scheme, alpha: Double = 0.05,
                     phaseStability: Double? = nil) throws -> LinkModel {
        try LinkModel(configuration: configuration(p, lossDB: lossDB, scheme: scheme, alpha: alpha, phaseStability: phaseStability))
    }

    /// The link configuration at a loss budget, scheme and α (single-click only).
    static func configuration(_ p: Parameters, lossDB: Double, scheme: Scheme, alpha: Double = 0.05,
                              phaseStability: Double? = nil) throws -> LinkConfiguration {
        let a = try arm(p, lossDB: lossDB)
        let heralding: HeraldingScheme = scheme == .twoPhoton
            ? .twoPhoton : .singleClick(alpha: alpha, phaseStability: phaseStability ?? p.phaseStability)
        return .midpoint(armA: a, armB: a, totalLengthKm: p.lengthKm, scheme: heralding, residualVisibility: p.residualVisibility)
    }

    /// Infidelity by mechanism of both schemes (α optimal) at the preset's own budget and at the crossover.
    static func errorBudgetTable(_ base: Parameters) -> TableSpec {
        TableSpec("error-budget", caption: "Infidelity 1 − F by mechanism (sequential attribution: all mechanisms off gives the "
            + "intrinsic row, then each is switched on in the order listed and charged the increase it causes; the rows sum "
            + "to the total) of both schemes at the preset's own budget and at the crossover (preset split; single-click at "
            + "its optimal α).") { (_: ResultTable) in
            let presetLoss = try presetStageLosses(lengthKm: base.lengthKm).reduce(0, +)
            let crossing = try inside(try crossover(base), "crossoverLossPreset")
            var columns: [(label: String, configuration: LinkConfiguration)] = []
            for (loss, name) in [(presetLoss, "preset budget"), (crossing, "crossover")] {
                columns.append(("two-photon, \(name)", try configuration(base, lossDB: loss, scheme: .twoPhoton)))
                guard let alpha = try optimalAlpha(base, lossDB: loss) else {
                    throw ParameterError(path: "lossDB", value: "\(loss)", allowed: "a loss where single-click distils")
                }
                columns.append(("single-click, \(name)", try configuration(base, lossDB: loss, scheme: .singleClick, alpha: alpha)))
            }
            return try LinkErrorBudget.table(columns: columns)
        }
    }

    /// Total per-arm loss (dB) of an evaluated arm: −10·log10 η.
    static func totalLossDB(_ budget: ArmBudget) -> Double { -10 * log10(budget.endToEndEfficiency) }

    /// The α maximising the single-click distillable rate r·(1 − H(λ)), by `Minimizer.brent` over
    /// log10 α; `nil` when no α gives a positive distillable rate (below the hashing threshold).
    ///
    /// Near the hashing threshold only a narrow band of α still distils, narrower than the coarse
    /// scan's spacing, and the rate is flat zero around it. When no scanned α distils, the band is
    /// looked for around the α of highest fidelity (F rises with α while true heralds outgrow the noise
    /// clicks and falls as 1 − α, so it has one interior maximum): if the pairs there do not distil,
    /// none do; otherwise the rate is maximised by Brent's method from there.
    static func optimalAlpha(_ p: Parameters, lossDB: Double, phaseStability: Double? = nil) throws -> Double? {
        func singleClick(_ logAlpha: Double) throws -> LinkModel {
            try link(p, lossDB: lossDB, scheme: .singleClick, alpha: pow(10, logAlpha), phaseStability: phaseStability)
        }
        func negativeMerit(_ logAlpha: Double) throws -> Double { -(try singleClick(logAlpha).hashingRateHz) }
        let lo = alphaRange.low, hi = alphaRange.high
        let scan = (1...47).map { lo + (hi - lo) * Double($0) / 48 }
        let values = try scan.map(negativeMerit)
        guard let best = values.indices.min(by: { values[$0] < values[$1] }) else { return nil }
        guard values[best] < 0 else {
            // No scanned α distils: look for the band around the fidelity maximum.
            func negativeFidelity(_ logAlpha: Double) throws -> Double { -(try singleClick(logAlpha).fidelity) }
            let fidelities = try scan.map(negativeFidelity)
            guard let top = fidelities.indices.min(by: { fidelities[$0] < fidelities[$1] }),
                  fidelities[top] < min(try negativeFidelity(lo), try negativeFidelity(hi)) else { return nil }
            let peak = try Minimizer.brent(lower: lo, upper: hi, guess: scan[top], relativeTolerance: 1e-6, negativeFidelity)
            guard try negativeMerit(peak.x) < 0 else { return nil }
            return pow(10, try Minimizer.brent(lower: lo, upper: hi, guess: peak.x, relativeTolerance: 1e-6, negativeMerit).x)
        }
        let endLo = try negativeMerit(lo), endHi = try negativeMerit(hi)
        guard values[best] < min(endLo, endHi) else { return endLo < endHi ? pow(10, lo) : pow(10, hi) }
        let minimum = try Minimizer.brent(lower: lo, upper: hi, guess: scan[best], relativeTolerance: 1e-6, negativeMerit)
        return pow(10, minimum.x)
    }

    /// Distillable rate of a scheme at its best setting (α optimised for single-click); 0 below
    /// the hashing threshold.
    static func bestDistillableRate(_ p: Parameters, lossDB: Double, scheme: Scheme, phaseStability: Double? = nil) throws -> Double {
        switch scheme {
        case .twoPhoton:
            return try link(p, lossDB: lossDB, scheme: .twoPhoton).hashingRateHz
        case .singleClick:
            guard let alpha = try optimalAlpha(p, lossDB: lossDB, phaseStability: phaseStability) else { return 0 }
            return try link(p, lossDB: lossDB, scheme: .singleClick, alpha: alpha, phaseStability: phaseStability).hashingRateHz
        }
    }

    var engine: Engine<Parameters> {
        .analytic { p in
            let reference = try Self.link(p, lossDB: p.lossDB, scheme: .twoPhoton)
            var metrics = [Columns.armLossDB(Self.totalLossDB(reference.armA)),
                           Columns.armEfficiency(reference.armA.endToEndEfficiency)]
            switch p.scheme {
            case .twoPhoton:
                metrics += [Columns.totalHeraldRate(reference.rateHz),
                            Columns.trueHeraldRate(reference.trueHeraldRateHz),
                            Columns.fidelity(reference.fidelity), Columns.distillableRate(reference.hashingRateHz)]
            case .singleClick:
                let pn = HeraldOutcome.noiseClickProbability(darkA: reference.armA.darkClickProbability,
                                                             darkB: reference.armB.darkClickProbability,
                                                             noisePhotons: reference.armA.noisePhotonsPerWindow + reference.armB.noisePhotonsPerWindow)
                let library = SingleClickHeralding.optimalBrightStatePopulation(
                    etaA: reference.armA.endToEndEfficiency, etaB: reference.armB.endToEndEfficiency,
                    visibility: reference.visibility, phaseStability: p.phaseStability, noiseClickProbability: pn)
                if let alpha = try Self.optimalAlpha(p, lossDB: p.lossDB) {
                    let link = try Self.link(p, lossDB: p.lossDB, scheme: .singleClick, alpha: alpha)
                    metrics += [Columns.totalHeraldRate(link.rateHz),
                                Columns.trueHeraldRate(link.trueHeraldRateHz),
                                Columns.fidelity(link.fidelity), Columns.distillableRate(link.hashingRateHz),
                                Columns.alphaOptimal(alpha)]
                    if library.yieldPerAttempt > 0 { metrics.append(Columns.alphaLibrary(library.alpha)) }
                } else {
                    metrics.append(Columns.distillableRate(0))
                }
            }
            return metrics
        }
    }

    // MARK: Derived results

    /// log(single-click / two-photon) distillable rate at a loss budget (both > 0 required).
    static func advantage(_ p: Parameters, lossDB: Double) throws -> Double {
        let sc = try bestDistillableRate(p, lossDB: lossDB, scheme: .singleClick)
        let tp = try bestDistillableRate(p, lossDB: lossDB, scheme: .twoPhoton)
        guard sc > 0, tp > 0 else {
            throw ParameterError(path: "lossDB", value: "\(lossDB)", allowed: "a loss where both schemes distil (rates \(sc), \(tp))")
        }
        return log(sc / tp)
    }

    /// The swept losses (dB per arm).
    static var lossValues: [Double] {
        (0..<lossGrid.count).map { lossGrid.low + (lossGrid.high - lossGrid.low) * Double($0) / Double(lossGrid.count - 1) }
    }

    /// The scan of the crossover and reach searches: every `searchStride`-th swept loss (1.5 dB; the
    /// bracket is then refined by Brent's method on the model, so the stride sets only the bracket).
    static let searchStride = 3

    /// The swept losses the crossover and reach searches visit (the last swept loss always included).
    static var searchLosses: [Double] {
        let all = lossValues
        var x = stride(from: 0, to: all.count, by: searchStride).map { all[$0] }
        if x.last != all.last, let last = all.last { x.append(last) }
        return x
    }

    /// The loss budget at which single-click overtakes two-photon in distillable rate: the first sign
    /// change of the advantage on the searched losses (both schemes distilling), refined by
    /// `RootFinder.brent` on the model. Outside the swept range it is reported as such.
    static func crossover(_ p: Parameters) throws -> Crossing {
        let x = searchLosses
        var previous: Double?
        for (i, loss) in x.enumerated() {
            let tp = try bestDistillableRate(p, lossDB: loss, scheme: .twoPhoton)
            let sc = try bestDistillableRate(p, lossDB: loss, scheme: .singleClick)
            guard tp > 0, sc > 0 else { previous = nil; continue }
            let a = log(sc / tp)
            if let b = previous, (b > 0) != (a > 0) {
                let root = try RootFinder.brent(lower: x[i - 1], upper: loss, absoluteTolerance: 1e-6, relativeTolerance: 0) { l in
                    try advantage(p, lossDB: l)
                }
                return .at(root.x)
            }
            if i == 0, a > 0 { return .beforeSweptRange(firstSwept: loss) }
            previous = a
        }
        return .beyondSweptRange(lastSwept: lossGrid.high)
    }

    /// The loss budget above the crossover at which two-photon heralding is ahead again: single-click
    /// pairs near the hashing threshold (its noise clicks are false heralds) stop distilling while
    /// two-photon pairs still distil. The first sign change of the lead (r_sc − r_tp)/(r_sc + r_tp) on
    /// the searched losses above the crossover, refined by `RootFinder.brent` on the model; the lead
    /// is continuous where either scheme distils (−1 where only two-photon does). Outside the swept
    /// range it is reported as such.
    static func secondCrossover(_ p: Parameters) throws -> Crossing {
        guard let first = try crossover(p).value else { return .beyondSweptRange(lastSwept: lossGrid.high) }
        func lead(_ loss: Double) throws -> Double {
            let sc = try bestDistillableRate(p, lossDB: loss, scheme: .singleClick)
            let tp = try bestDistillableRate(p, lossDB: loss, scheme: .twoPhoton)
            guard sc + tp > 0 else {
                throw ParameterError(path: "lossDB", value: "\(loss)", allowed: "a loss where either scheme distils")
            }
            return (sc - tp) / (sc + tp)
        }
        let x = searchLosses.filter { $0 > first }
        guard let start = x.first, try lead(start) > 0 else {
            throw ParameterError(invalid: "secondCrossover", reason: "single-click is not ahead at the first searched loss above the crossover (\(first) dB)")
        }
        for i in 1..<x.count where try lead(x[i]) <= 0 {
            return .at(try RootFinder.brent(lower: x[i - 1], upper: x[i], absoluteTolerance: 1e-6, relativeTolerance: 0, lead).x)
        }
        return .beyondSweptRange(lastSwept: lossGrid.high)
    }

    /// The reach of a scheme: the loss per arm at which its distillable rate falls to `level`
    /// (default 1 ebit/min), the first fall through the level on the swept losses refined by Brent on
    /// log(rate/level); `.beyondSweptRange` when it still distils that much at 60 dB.
    static func reach(_ p: Parameters, scheme: Scheme, level: Double = reachLevel) throws -> Crossing {
        let x = searchLosses
        func f(_ loss: Double) throws -> Double {
            let r = try bestDistillableRate(p, lossDB: loss, scheme: scheme)
            return r > 0 ? log(r / level) : -700
        }
        guard try f(x[0]) > 0 else { return .beforeSweptRange(firstSwept: x[0]) }
        for i in 1..<x.count where try f(x[i]) <= 0 {
            return .at(try RootFinder.brent(lower: x[i - 1], upper: x[i], absoluteTolerance: 1e-6, relativeTolerance: 0, f).x)
        }
        return .beyondSweptRange(lastSwept: lossGrid.high)
    }

    /// A crossing's value, or an error naming it (a headline outside the swept range is never a value).
    static func inside(_ crossing: Crossing, _ name: String) throws -> Double {
        guard let v = crossing.value else {
            throw ParameterError(invalid: name, reason: crossing.text(unit: "dB") + ": outside the swept 0.5-60 dB")
        }
        return v
    }

    /// The uncertain inputs: the assumed ranges of V₀, c_φ and the borrowed converter noise, and the
    /// published SNSPD dark-count range.
    static var uncertainParameters: [UncertainParameter<Parameters>] {
        var list: [UncertainParameter<Parameters>] = [
            UncertainParameter("residual visibility", .range(0.90, 0.98, source: "assumed V₀ = 0.95 ± 0.03", isAssumption: true)) {
                $0.residualVisibility = $1
            },
            UncertainParameter("phase stability", ParameterUncertainty(.normal(mean: 0.95, standardDeviation: 0.02),
                                                                     source: "assumed c_φ = 0.95 ± 0.02", isAssumption: true,
                                                                     limits: 0...1)) { $0.phaseStability = $1 },
            UncertainParameter("converter noise rate", .logRange(20, 180, source: "the borrowed Ca⁺ converter's 60 s⁻¹, ×/÷ 3",
                                                                 isAssumption: true)) { $0.converterNoiseHz = $1 },
        ]
        if let arm = try? presetArm(), let u = ModalityPreset.uncertainties(of: arm)["detector.darkCountRateHz"] {
            list.append(UncertainParameter("SNSPD dark-count rate", u) { $0.snspdDarkCountRateHz = $1 })
        }
        return list
    }

    /// The headline numbers (preset split): both crossover losses and the two schemes' reach at 1 ebit/min,
    /// with 32 Latin-hypercube draws of the uncertain inputs (each draw re-optimises α at every searched loss).
    static var headlineUncertainty: HeadlineUncertainty<Parameters> {
        HeadlineUncertainty(
            parameters: uncertainParameters,
            headlines: [.init(name: "crossoverLossPreset", label: "crossover loss", unit: "dB"),
                        .init(name: "secondCrossoverLossPreset", label: "second crossover loss (two-photon ahead again)",
                              unit: "dB"),
                        .init(name: "reachTwoPhoton", label: "two-photon reach at 1 ebit/min", unit: "dB"),
                        .init(name: "reachSingleClick", label: "single-click reach at 1 ebit/min", unit: "dB")],
            draws: 32, seed: 17) { p in
                [try inside(crossover(p), "crossoverLossPreset"), try inside(secondCrossover(p), "secondCrossoverLossPreset"),
                 try inside(reach(p, scheme: .twoPhoton), "reachTwoPhoton"),
                 try inside(reach(p, scheme: .singleClick), "reachSingleClick")]
            }
    }

    var derived: [Derivation] {
        let base = self.base
        var list: [Derivation] = [Self.headlineUncertainty.derivation("headline numbers (preset split) with the 90 % interval "
                                                                      + "over the uncertain inputs", base: base)]
        list += Split.allCases.map { split in
            Derivation("crossover, \(split.rawValue)") { _ in
                var p = base
                p.split = split
                let k = split.key
                let loss = try Self.inside(try Self.crossover(p), "crossoverLoss\(k)")
                guard let alpha = try Self.optimalAlpha(p, lossDB: loss) else {
                    throw ParameterError(path: "lossDB", value: "\(loss)", allowed: "a loss where single-click distils")
                }
                let tpLink = try Self.link(p, lossDB: loss, scheme: .twoPhoton)
                let scLink = try Self.link(p, lossDB: loss, scheme: .singleClick, alpha: alpha)
                var metrics = [
                    Metric("crossoverAlpha\(k)", alpha),
                    Metric("crossoverRate\(k)", tpLink.hashingRateHz, unit: "ebit/s"),
                    Metric("crossoverFidelityTwoPhoton\(k)", tpLink.fidelity),
                    Metric("crossoverFidelitySingleClick\(k)", scLink.fidelity),
                ]
                if split == .fiberDominated {
                    metrics.insert(Metric("crossoverLoss\(k)", loss, unit: "dB"), at: 0)
                    metrics.append(Metric("secondCrossoverLoss\(k)", try Self.inside(try Self.secondCrossover(p), "secondCrossoverLoss\(k)"),
                                          unit: "dB"))
                }
                return metrics
            }
        }
        list.append(Derivation("preset budget, alpha, fidelity at each reach and the fiber-dominated reaches") { table in
            var p = base
            p.split = .preset
            let presetLoss = try Self.presetStageLosses(lengthKm: p.lengthKm).reduce(0, +)
            let tp = try Self.link(p, lossDB: presetLoss, scheme: .twoPhoton)
            let sc = table.filter { $0.parameters["scheme"] == .string(Scheme.singleClick.rawValue) }
            var maxDifference = 0.0
            for row in sc.rows {
                if let a = row.number(Columns.alphaOptimal), let b = row.number(Columns.alphaLibrary) {
                    maxDifference = max(maxDifference, abs(a - b) / a)
                }
            }
            guard let alpha = try Self.optimalAlpha(p, lossDB: presetLoss) else {
                throw ParameterError(path: "lossDB", value: "\(presetLoss)", allowed: "a loss where single-click distils")
            }
            let scLink = try Self.link(p, lossDB: presetLoss, scheme: .singleClick, alpha: alpha)
            let lowest = Self.curve(table, .preset, .singleClick).filter { $0.number(Columns.alphaOptimal) != nil }
            var metrics = [
                Metric("alphaAtLowestLoss", try lowest.values(Columns.alphaOptimal).first ?? 0),
                Metric("lowestLoss", try lowest.values(Columns.lossDB).first ?? 0, unit: "dB"),
                Metric("presetLoss", presetLoss, unit: "dB"),
                Metric("presetFidelityTwoPhoton", tp.fidelity),
                Metric("presetDistillableTwoPhoton", tp.hashingRateHz, unit: "ebit/s"),
                Metric("presetAlpha", alpha),
                Metric("presetFidelitySingleClick", scLink.fidelity),
                Metric("presetDistillableSingleClick", scLink.hashingRateHz, unit: "ebit/s"),
                Metric("alphaRelativeDifferenceMax", maxDifference),
            ]
            // The fidelity of the pairs at each reach (the test checks they are above 1/2), and the
            // fiber-dominated reaches where they lie inside the swept range.
            for split in Split.allCases {
                var q = base
                q.split = split
                for scheme in Scheme.allCases {
                    let name = (scheme == .twoPhoton ? "TwoPhoton" : "SingleClick") + (split == .preset ? "" : "FiberDominated")
                    guard let loss = try Self.reach(q, scheme: scheme).value else { continue }
                    if split == .fiberDominated { metrics.append(Metric("reach\(name)", loss, unit: "dB")) }
                    let fidelity: Double
                    if scheme == .twoPhoton {
                        fidelity = try Self.link(q, lossDB: loss, scheme: .twoPhoton).fidelity
                    } else {
                        let a = try Self.optimalAlpha(q, lossDB: loss) ?? 0.05
                        fidelity = try Self.link(q, lossDB: loss, scheme: .singleClick, alpha: a).fidelity
                    }
                    metrics.append(Metric("fidelityAtReach\(name)", fidelity))
                }
            }
            return metrics
        })
        return list
    }

    // MARK: Figures and tables

    /// The rows of one (split, scheme) curve.
    static func curve(_ table: ResultTable, _ split: Split, _ scheme: Scheme) -> ResultTable {
        table.filter {
            $0.parameters["split"] == .string(split.rawValue) && $0.parameters["scheme"] == .string(scheme.rawValue)
        }
    }

    /// Legend text.
    static func label(_ scheme: Scheme, _ split: Split) -> String {
        (scheme == .twoPhoton ? "two-photon" : "single-click") + (split == .preset ? ", preset split" : ", fiber-dominated")
    }

    /// A rate curve for a log axis: zero rates become gaps, except the first zero after a positive
    /// rate, which becomes `floor` (below the axis), so the line shows its drop to zero at the hashing
    /// threshold instead of ending in mid-air.
    static func dropToFloor(_ values: [Double], floor: Double) -> [Double] {
        values.indices.map { i in
            if values[i] > 0 { return values[i] }
            return i > 0 && values[i - 1] > 0 ? floor : .nan
        }
    }

    var figures: [FigureSpec] {
        let base = self.base
        return [
            Self.headlineUncertainty.tornadoFigure("tornado-crossover", caption: "Sensitivity of the crossover loss (preset "
                + "split): each uncertain input at its 5 % and 95 % point, all others nominal; widest swing on top.", index: 0,
                xLabel: "Crossover loss per arm (dB)", base: base),
            FigureSpec("rate-fidelity-vs-loss", caption: "Converted Rb–Rb link (1 km) versus the total loss budget per "
                + "arm: two-photon (blue) and single-click with the optimal α (orange); budget split in the preset's "
                + "proportions (solid) or fiber-dominated (dashed). (a) Distillable rate (hashing bound); where single-click "
                + "overtakes two-photon and, at higher loss, where two-photon is ahead again: filled circles (preset split, "
                + "with their 90 % intervals as horizontal bars) and open squares (fiber-dominated; at the first crossover the two "
                + "splits agree within 0.1 dB, so the open square lies under the filled circle); the grey line marks the reach "
                + "level, 1 ebit/min. Each curve ends in a near-vertical drop to the bottom of the axis: as the pairs reach "
                + "the hashing threshold the distillable rate falls from above 1 ebit/min to zero within one 0.5 dB step of "
                + "the grid, a cliff rather than a slope, so the single-click reach and the second crossover both sit on that "
                + "cliff, where it passes the two-photon curve. (b) Fidelity of the heralded "
                + "pairs; the dotted line marks the preset's own budget (labelled).", results: { results in
                let table = results.table
                let palette = Theme.apsDoubleColumn.palette
                let presetLoss = try Self.presetStageLosses(lengthKm: base.lengthKm).reduce(0, +)
                var rates = Panel(x: Axis(label: "Total loss per arm (dB)", limits: 0...Self.lossGrid.high),
                                  y: Axis(label: "Distillable rate (ebit s<sup>−1</sup>)", scale: .log, limits: 1e-4...1e5),
                                  legend: .topRight)
                var fid = Panel(x: Axis(label: "Total loss per arm (dB)", limits: 0...Self.lossGrid.high),
                                y: Axis(label: "Fidelity <i>F</i>", limits: 0.4...1), legend: .left)
                // Crossover markers are drawn after every curve, the fiber-dominated split's first, so that
                // the preset split's filled circles and their bars stay on top.
                var markers: [Mark] = []
                for split in Split.allCases {
                    for (index, scheme) in Scheme.allCases.enumerated() {
                        // Past the hashing threshold the rate is 0 and the fidelity absent: the rate line keeps
                        // those rows (to draw its drop, to a decade below the axis so that it slants across the
                        // grid step in which it happens), the fidelity line does not.
                        let all = Self.curve(table, split, scheme).filter { $0.number(Columns.distillableRate) != nil }
                        let rows = all.filter { $0.number(Columns.fidelity) != nil }
                        let x = try rows.values(Columns.lossDB)
                        let style: LineStyle = split == .preset ? .solid : .dashed
                        rates.add(.line(x: try all.values(Columns.lossDB),
                                        y: Self.dropToFloor(try all.values(Columns.distillableRate), floor: 1e-5),
                                        label: Self.label(scheme, split), style: style, color: palette[index]))
                        fid.add(.line(x: x, y: try rows.values(Columns.fidelity), label: Self.label(scheme, split), style: style,
                                      color: palette[index]))
                    }
                    var p = base
                    p.split = split
                    // Both crossovers: single-click ahead from the first, two-photon ahead again from the second.
                    let crossings = [(try Self.inside(try Self.crossover(p), "crossover"), "crossoverLossPreset"),
                                     (try Self.inside(try Self.secondCrossover(p), "secondCrossover"), "secondCrossoverLossPreset")]
                    for (c, name) in crossings {
                        let r = try Self.bestDistillableRate(p, lossDB: c, scheme: .twoPhoton)
                        if split == .preset, let low = results.derivedIfPresent(name + "_low")?.value,
                           let high = results.derivedIfPresent(name + "_high")?.value {
                            markers.append(.line(x: [low, high], y: [r, r], color: .black))
                        }
                        markers.append(.scatter(x: [c], y: [r], marker: split == .preset ? .circle : .square,
                                                filled: split == .preset, color: .black))
                    }
                }
                for marker in markers.reversed() { rates.add(marker) }
                rates.add(.reference(.y, at: Self.reachLevel, style: .dashed, color: .gray))
                fid.add(.reference(.x, at: presetLoss, style: .dotted))
                fid.add(.text("preset budget", at: DataPoint(presetLoss + 1, 0.56), anchor: .left))
                fid.add(.reference(.y, at: 0.5, style: .dashed, color: .gray))
                return Figure(theme: .apsDoubleColumn, panels: [rates, fid], columns: 2, height: 210)
            }),
            FigureSpec("alpha-vs-loss", caption: "Optimal bright-state population α of single-click heralding versus the "
                + "loss budget per arm, maximising the distillable rate: Brent minimisation on the full link model "
                + "(lines) and the library's golden-section optimum on the heralded state (open markers, "
                + "every fourth point). Where the fiber-dominated optimum (dashed) equals the preset split's, it is drawn over the "
                + "solid line and hides it: the two splits need the same α there.") { table in
                let palette = Theme.apsSingleColumn.palette
                var panel = Panel(x: Axis(label: "Total loss per arm (dB)", limits: 0...Self.lossGrid.high),
                                  y: Axis(label: "Optimal <i>α</i>", scale: .log, limits: 0.03...0.5), legend: .topRight)
                for (index, split) in Split.allCases.enumerated() {
                    let rows = Self.curve(table, split, .singleClick).filter { $0.number(Columns.alphaOptimal) != nil }
                    panel.add(.line(x: try rows.values(Columns.lossDB), y: try rows.values(Columns.alphaOptimal),
                                    label: split == .preset ? "preset split (Brent)" : "fiber-dominated (Brent)",
                                    style: split == .preset ? .solid : .dashed, color: palette[index]))
                    let lib = rows.filter { $0.number(Columns.alphaLibrary) != nil && $0.index % 4 == 0 }
                    panel.add(.scatter(x: try lib.values(Columns.lossDB), y: try lib.values(Columns.alphaLibrary),
                                       label: split == .preset ? "preset split (library)" : "fiber-dominated (library)",
                                       marker: index == 0 ? .circle : .square, filled: false, color: palette[index]))
                }
                return Figure(theme: .apsSingleColumn, panels: [panel], height: 190)
            },
            FigureSpec("loss-budget", caption: "How a 20 dB per-arm budget splits between the stages: the preset's "
                + "proportions and the fiber-dominated split.") { (_: ResultTable) in
                var stacks: [[Double]] = []
                for split in Split.allCases {
                    stacks.append(try Self.shares(split, lengthKm: base.lengthKm).map { $0 * 20 })
                }
                let names = ["collection", "conversion (QFC)", "fiber", "detection"]
                let series = names.enumerated().map { index, name in BarSeries(label: name, values: stacks.map { $0[index] }) }
                let panel = Panel(x: Axis(label: "Budget split", limits: 0.4...2.6,
                                          ticks: [Tick(1, "preset"), Tick(2, "fiber-dominated")]),
                                  y: Axis(label: "Loss per arm (dB)", limits: 0...22),
                                  marks: [.bars(positions: [1, 2], series: series, layout: .stacked, width: 0.5)],
                                  legend: .auto)
                return Figure(theme: .apsSingleColumn, panels: [panel], height: 190)
            },
        ]
    }

    var tables: [TableSpec] {
        let base = self.base
        let inputs = "the assumed V₀ (0.90–0.98), c_φ (0.95 ± 0.02) and converter noise (20–180 s⁻¹, log-uniform), and the "
            + "published SNSPD dark-count range (1–130 Hz, log-uniform)"
        return Self.headlineUncertainty.tables(inputs: inputs, base: base) + [
                Self.errorBudgetTable(base),
                TableSpec("budget", caption: "Per-arm loss budget of the preset link (1 km)") { (_: ResultTable) in
            let losses = try Self.presetStageLosses(lengthKm: base.lengthKm)
            let sources = ["preset atom.rb87.780: 0.00693, calibrated to van Leent et al., Nature 607, 69 (2022)",
                           "van Leent et al., PRL 124, 010510 (2020): 57 %",
                           "0.18 dB/km at 1522 nm (Corning SMF-28), 0.5 km per arm",
                           "SNSPD 0.90 (Marsili et al. 2013; NIST)"]
            let stages = ["collection", "conversion 780 to 1522 nm", "fiber", "detection"]
            var rows: [[DataTable.Cell]] = []
            for i in losses.indices {
                rows.append([.text(stages[i]), .number(Decibels.transmission(lossDB: losses[i]), uncertainty: nil),
                             .number(losses[i], uncertainty: nil), .text(sources[i])])
            }
            let total = losses.reduce(0, +)
            rows.append([.text("total"), .number(Decibels.transmission(lossDB: total), uncertainty: nil),
                         .number(total, uncertainty: nil), .text("sum")])
            return try DataTable(columns: [DataTable.Column("stage"), DataTable.Column("transmission"),
                                           DataTable.Column("loss", unit: "dB"), DataTable.Column("source")], rows: rows)
        }]
    }
}

extension PhotonLossStudy {
    /// The study's result columns: each name and unit written once, used to record and to read.
    enum Columns {
        static let lossDB = Column("lossDB", unit: "dB")
        static let armLossDB = Column("armLossDB", unit: "dB")
        static let armEfficiency = Column("armEfficiency")
        static let totalHeraldRate = Column("totalHeraldRate", unit: "1/s")
        static let trueHeraldRate = Column("trueHeraldRate", unit: "1/s")
        static let fidelity = Column("fidelity")
        static let distillableRate = Column("distillableRate", unit: "ebit/s")
        static let alphaOptimal = Column("alphaOptimal")
        static let alphaLibrary = Column("alphaLibrary")
    }
}
