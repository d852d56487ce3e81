import Foundation
import Interlink

/// The link-level decision matrix of the index: for every pair of modalities with presets, at 1, 10, 50
/// and 100 km of total fiber, the best distillable rate (hashing bound) of two-photon heralding and of
/// single-click heralding at its optimal bright-state population α, and which scheme wins. The links are
/// link-budget's (`LinkBudgetStudy.linkConfiguration` at its base parameters: the same arms, converters,
/// stations and residual visibility V₀), plus this study's Ca⁺ cavity and SiV interfaces at the same V₀;
/// only the heralding scheme changes. Every rate is `LinkModel.hashingRateHz`, so a pair with F ≤ ½ (or
/// any pair below the hashing threshold) carries no rate.
extension RequirementsStudy {
    /// This file (part of the study's code fingerprint).
    static let decisionMatrixSource = #filePath

    /// One row pair of the matrix: a link-budget route or one of this study's like-node interfaces.
    enum DecisionPair: Sendable, Equatable, CustomStringConvertible {
        /// A direct route of the link-budget study.
        case route(LinkBudgetStudy.Route)
        /// A direct link of this study (converted arms as in the requirements table).
        case interface(Interface)

        /// Every pair of the matrix: link-budget's direct routes (the SiV relay is not a single link,
        /// so neither scheme choice applies to it as modelled), then the Ca⁺ cavity and SiV links.
        static let all: [DecisionPair] = LinkBudgetStudy.Route.allCases.filter { $0 != .ionIonRelay1350 }.map { .route($0) }
            + [.interface(.ionIon), .interface(.sivSiv)]

        /// The pair's name in files.
        var description: String {
            switch self {
            case let .route(r): r.rawValue
            case let .interface(i): "\(i.rawValue)-\(i == .sivSiv ? 1350 : 1550)nm"
            }
        }

        /// Row label, with the nodes' presets named.
        var label: String {
            switch self {
            case let .route(r):
                switch r {
                case .native422: "ion–ion (Sr⁺), 422 nm"
                case .converted1550: "ion–ion (Sr⁺), 1550 nm"
                case .atomAtom780: "atom–atom (Rb), 780 nm"
                case .atomAtom1522: "atom–atom (Rb), 1522 nm"
                case .scSc1550: "transmon–transmon (transducers), 1550 nm"
                case .ionAtom780: "ion–atom (Ba⁺–Rb), 780 nm"
                case .ionAtom1550: "ion–atom (Sr⁺–Rb), 1550 nm"
                case .ionSc1550: "ion–transmon (Sr⁺, transducer), 1550 nm"
                case .atomSc1550: "atom–transmon (Rb, transducer), 1550 nm"
                case .ionIonRelay1350: "ion–SiV–ion relay, 1350 nm"
                }
            case .interface(.ionIon): "ion–ion (Ca⁺ cavity), 1550 nm"
            case .interface(.atomAtom): "atom–atom (Rb), 1522 nm"
            case .interface(.sivSiv): "SiV–SiV, 1350 nm"
            }
        }

        /// The study whose model and arms define the link.
        var source: String {
            switch self {
            case .route: "link-budget"
            case .interface: "requirements"
            }
        }
    }

    /// Heralding scheme of a matrix row.
    enum DecisionScheme: String, Sendable, CaseIterable {
        /// Two-photon (Barrett–Kok) heralding.
        case twoPhoton = "two-photon"
        /// Single-click heralding at the α that maximises the distillable rate.
        case singleClick = "single-click"
    }

    /// Total fiber lengths of the matrix (km), station in the middle.
    static let decisionLengths = [1.0, 10.0, 50.0, 100.0]
    /// Optical phase stability c_φ of single-click heralding (an assumption: the photon-loss study's value).
    static let decisionPhaseStability = 0.95
    /// Search range of the bright-state population α (log10): [10⁻⁶, 0.5].
    static let alphaSearch = (low: -6.0, high: log10(0.5), points: 240)  // 241 scan points

    /// One cell: a scheme's best link at one length.
    struct DecisionCell: Sendable {
        /// The scheme.
        let scheme: DecisionScheme
        /// Total fiber length (km).
        let lengthKm: Double
        /// The link at the scheme's best setting (for single-click: the optimal α, or the α of highest
        /// fidelity when no α distils).
        let link: LinkModel
        /// Single-click only: node A's α in `link` (the optimum, or the α of highest fidelity when none
        /// distils); node B's too when the arms are alike.
        let alpha: Double?
        /// Single-click with unlike arms only: node B's α (`balancedAlphas`).
        var alphaB: Double? = nil

        /// Distillable rate (hashing bound, ebit/s); 0 when the pairs carry none.
        var rate: Double { link.hashingRateHz }
        /// Fidelity of the delivered pairs.
        var fidelity: Double { link.fidelity }
    }

    /// The link of `pair` at `lengthKm` with two-photon heralding: link-budget's base parameters for its
    /// routes, this study's converted arms at link-budget's residual visibility for the interfaces.
    /// `station` carries link-budget's drawn SNSPD and 1550 nm fiber values (its base: the presets').
    static func decisionConfiguration(_ pair: DecisionPair, lengthKm: Double,
                                      station: LinkBudgetStudy.Parameters = LinkBudgetStudy().base) throws -> LinkConfiguration {
        switch pair {
        case let .route(route):
            guard let configuration = try LinkBudgetStudy.linkConfiguration(route, station, lengthKm: lengthKm) else {
                throw ParameterError(path: "decision.pair", value: route.rawValue, allowed: "a direct link-budget route (not the relay)")
            }
            return configuration
        case let .interface(interface):
            let arm = try LinkBudgetStudy.drawn(try convertedArm(interface), station)
            return .midpoint(armA: arm, armB: arm, totalLengthKm: lengthKm, scheme: .twoPhoton,
                             residualVisibility: station.residualVisibility)
        }
    }

    /// Whether both nodes' presets are demonstrated (calibrated to an experiment).
    static func isDemonstrated(_ pair: DecisionPair) throws -> Bool {
        let c = try decisionConfiguration(pair, lengthKm: 1)
        return [c.armA, c.armB].allSatisfy { $0.provenance?.status.isDemonstrated ?? false }
    }

    /// The α (equal at both nodes) maximising the distillable rate of `link(α)` over [10⁻⁶, 0.5]: a scan of
    /// 241 points in log10 α refined by Brent's method between the best point's neighbours. When no
    /// scanned α distils, the band that may lie between scan points is looked for around the α of
    /// highest fidelity (the hashing yield can only be positive near it). Returns the optimal α and its
    /// link, or — when no α distils — the α of highest fidelity and its link (distillable rate 0).
    static func optimalSingleClick(_ link: (Double) throws -> LinkModel) throws -> (alpha: Double, link: LinkModel) {
        let (lo, hi, n) = alphaSearch
        let grid = (0...n).map { lo + (hi - lo) * Double($0) / Double(n) }
        let links = try grid.map { try link(pow(10, $0)) }
        /// Brent's method on −merit between the neighbours of scan point k (the scan point at an end).
        func refine(around k: Int, _ merit: (LinkModel) -> Double) throws -> (alpha: Double, link: LinkModel) {
            var x = grid[k]
            // Brent's method needs an interior point strictly better than both ends.
            if k > 0, k < n, merit(links[k]) > max(merit(links[k - 1]), merit(links[k + 1])) {
                x = try Minimizer.brent(lower: grid[k - 1], upper: grid[k + 1], guess: grid[k], relativeTolerance: 1e-6) {
                    -merit(try link(pow(10, $0)))
                }.x
            }
            let refined = try link(pow(10, x))
            // Keep the scan point if the refinement is not better (a flat merit).
            return merit(refined) >= merit(links[k]) ? (pow(10, x), refined) : (pow(10, grid[k]), links[k])
        }
        func best(_ merit: (LinkModel) -> Double) -> Int {
            links.indices.max { merit(links[$0]) < merit(links[$1]) } ?? 0
        }
        let k = best(\.hashingRateHz)
        if links[k].hashingRateHz > 0 { return try refine(around: k, \.hashingRateHz) }
        let peak = try refine(around: best(\.fidelity), \.fidelity)
        guard peak.link.hashingRateHz > 0 else { return peak }
        // A band narrower than the scan spacing around the fidelity maximum.
        let x = try Minimizer.brent(lower: log10(peak.alpha) - (hi - lo) / Double(n), upper: log10(peak.alpha) + (hi - lo) / Double(n),
                                    guess: log10(peak.alpha), relativeTolerance: 1e-6) { -(try link(pow(10, $0)).hashingRateHz) }.x
        let refined = try link(pow(10, x))
        return refined.hashingRateHz >= peak.link.hashingRateHz ? (pow(10, x), refined) : peak
    }

    /// The bright-state populations of the two nodes per unit α: the node with the lower arm efficiency
    /// η gets α, the other α·η_low/η_high, so that both nodes' emitted-and-detected amplitudes α·η match
    /// (an unbalanced pair heralds a less coherent state at the same rate). (1, 1) for like arms.
    static func balancedAlphas(_ configuration: LinkConfiguration) throws -> (a: Double, b: Double) {
        let link = try LinkModel(configuration: configuration)
        let etaA = link.armA.endToEndEfficiency, etaB = link.armB.endToEndEfficiency
        guard etaA > 0, etaB > 0, etaA != etaB else { return (1, 1) }
        return etaA < etaB ? (1, etaA / etaB) : (etaB / etaA, 1)
    }

    /// One cell of the matrix (at link-budget's `station` values and single-click phase stability `phaseStability`).
    static func decisionCell(_ pair: DecisionPair, _ scheme: DecisionScheme, lengthKm: Double,
                             station: LinkBudgetStudy.Parameters = LinkBudgetStudy().base,
                             phaseStability: Double = decisionPhaseStability) throws -> DecisionCell {
        let configuration = try decisionConfiguration(pair, lengthKm: lengthKm, station: station)
        switch scheme {
        case .twoPhoton:
            return DecisionCell(scheme: scheme, lengthKm: lengthKm, link: try LinkModel(configuration: configuration), alpha: nil)
        case .singleClick:
            let (alphaA, alphaB) = try balancedAlphas(configuration)
            func link(_ alpha: Double) throws -> LinkModel {
                var c = configuration
                c.scheme = HeraldingScheme(kind: .singleClick, brightStatePopulation: alpha * alphaA, brightStatePopulationB: alpha * alphaB,
                                           phaseStability: phaseStability)
                return try LinkModel(configuration: c)
            }
            let best = try optimalSingleClick(link)
            return DecisionCell(scheme: scheme, lengthKm: lengthKm, link: best.link, alpha: best.alpha * alphaA,
                                alphaB: alphaA == alphaB ? nil : best.alpha * alphaB)
        }
    }
}

extension RequirementsStudy {
    /// What the pair's presets are: `projected` when a node preset is projected; `demonstrated` when
    /// both are, with the Sr⁺ 422 nm converter named as the assumption it is (none is published).
    static func decisionStatus(_ pair: DecisionPair) throws -> String {
        guard try isDemonstrated(pair) else { return "projected" }
        switch pair {
        case .route(.converted1550), .route(.ionAtom1550): return "demonstrated, assumed 422 nm converter"
        default: return "demonstrated"
        }
    }

    /// Every cell of the matrix: pairs × schemes × lengths, in that order.
    static func decisionCells() throws -> [(pair: DecisionPair, cells: [DecisionCell])] {
        try DecisionPair.all.map { pair in
            (pair, try DecisionScheme.allCases.flatMap { scheme in
                try decisionLengths.map { try decisionCell(pair, scheme, lengthKm: $0) }
            })
        }
    }

    /// The winning scheme of `pair` at one length: the larger distillable rate; nil when neither distils.
    static func winner(_ cells: [DecisionCell], lengthKm: Double) -> DecisionCell? {
        let atLength = cells.filter { $0.lengthKm == lengthKm && $0.rate > 0 }
        return atLength.max { $0.rate < $1.rate }
    }

    /// A cell's text: the distillable rate (two significant digits; single-click with its α), bold for
    /// the winning scheme; a pair without distillable entanglement says why and carries no rate.
    static func decisionText(_ cell: DecisionCell, wins: Bool) -> String {
        guard cell.rate > 0 else {
            let f = cell.scheme == .singleClick ? "F ≤ \(Requirement.format(cell.fidelity))" : "F = \(Requirement.format(cell.fidelity))"
            return cell.fidelity <= 0.5 ? "—, F ≤ ½" : "—, \(f), below hashing"
        }
        let rate = Requirement.format(cell.rate, digits: 3)
        let text = wins ? "**\(rate)**" : rate
        guard let alpha = cell.alpha else { return text }
        guard let alphaB = cell.alphaB else { return text + " (α = \(Requirement.format(alpha)))" }
        return text + " (α = \(Requirement.format(alpha)), \(Requirement.format(alphaB)))"
    }

    /// The decision matrix (the index shows it under the requirements table).
    static var decisionTable: TableSpec {
        TableSpec("decision-matrix", caption: "Which heralding scheme to build, per pair of modalities and total fiber length "
            + "(station in the middle): the distillable rate (hashing bound, ebit/s) of two-photon heralding and of "
            + "single-click heralding at its optimal bright-state population α (like nodes: one α; unlike nodes: α of "
            + "node A, node B, balanced so that both arms deliver α·η alike; optical phase stability c_φ = "
            + "\(decisionPhaseStability), assumed), the larger in bold. \"—, F ≤ ½\": the pairs carry no distillable "
            + "entanglement, so no rate is given (single-click: at any α; \"below hashing\": F > ½ but zero hashing yield; "
            + "for single-click F is the highest any α reaches). Links: link-budget's model and arms at its base parameters (converters, stations, residual "
            + "visibility V₀ = \(LinkBudgetStudy().base.residualVisibility)), the Ca⁺ cavity and SiV links with this "
            + "study's converted arms at the same V₀; one mode, the presets' memories. Status: of the node presets "
            + "(projected: at least one node is). The SiV relay of link-budget is not a single link and is not listed "
            + "(it distils nothing at any length there).") { (_: ResultTable) in
            var rows: [[DataTable.Cell]] = []
            for (pair, cells) in try decisionCells() {
                let status = try decisionStatus(pair)
                for scheme in DecisionScheme.allCases {
                    let row = cells.filter { $0.scheme == scheme }
                    let texts = row.map { cell in
                        decisionText(cell, wins: winner(cells, lengthKm: cell.lengthKm)?.scheme == scheme)
                    }
                    rows.append(([pair.label + " (*\(status)*)", scheme.rawValue] + texts + [pair.source]).map { DataTable.Cell.text($0) })
                }
            }
            return try DataTable(columns: [DataTable.Column("pair (presets)"), DataTable.Column("scheme")]
                                 + decisionLengths.map { DataTable.Column("\(Int($0)) km") } + [DataTable.Column("source")],
                                 rows: rows)
        }
    }
}

extension RequirementsStudy {
    /// The cells the "what to build" paragraph quotes: (metric name, pair, scheme, length in km).
    static let decisionHeadlineCells: [(name: String, pair: DecisionPair, scheme: DecisionScheme, lengthKm: Double)] = [
        ("decisionSr1550SingleClick10", .route(.converted1550), .singleClick, 10),
        ("decisionSr1550TwoPhoton10", .route(.converted1550), .twoPhoton, 10),
        ("decisionSr1550SingleClick100", .route(.converted1550), .singleClick, 100),
        ("decisionSr1550TwoPhoton100", .route(.converted1550), .twoPhoton, 100),
        ("decisionRb1522SingleClick10", .route(.atomAtom1522), .singleClick, 10),
        ("decisionIonAtom1550SingleClick10", .route(.ionAtom1550), .singleClick, 10),
        ("decisionSivSingleClick10", .interface(.sivSiv), .singleClick, 10),
    ]
    /// Length (km) at which the break-even phase stability of the Sr⁺ 1550 nm link is found.
    static let breakEvenLengthKm = 10.0

    /// The phase stability c_φ below which single-click heralding of `pair` at `lengthKm` loses to
    /// two-photon heralding (Brent root of ln r_sc(c_φ) − ln r_tp on [0.5, 1]; the single-click rate
    /// grows with c_φ). Nil when two-photon distils nothing there or single-click wins over the whole range.
    static func breakEvenPhaseStability(_ pair: DecisionPair, lengthKm: Double,
                                        station: LinkBudgetStudy.Parameters = LinkBudgetStudy().base) throws -> Double? {
        let twoPhoton = try decisionCell(pair, .twoPhoton, lengthKm: lengthKm, station: station).rate
        guard twoPhoton > 0 else { return nil }
        func f(_ c: Double) throws -> Double {
            let r = try decisionCell(pair, .singleClick, lengthKm: lengthKm, station: station, phaseStability: c).rate
            return r > 0 ? log(r) - log(twoPhoton) : -300
        }
        guard try f(1) > 0, try f(0.5) < 0 else { return nil }
        return try RootFinder.brent(lower: 0.5, upper: 1, absoluteTolerance: 1e-6, relativeTolerance: 1e-8, f).x
    }

    /// The quoted cells and the break-even phase stability, each with its 90 % interval over 32
    /// Latin-hypercube draws of link-budget's published ranges (SNSPD efficiency and dark counts, 1550 nm
    /// fiber loss).
    static var decisionHeadlines: Derivation {
        Derivation("what to build at the link level: distillable rates of the decision matrix's quoted cells and the break-even "
                   + "phase stability (90 % interval over 32 draws of link-budget's published ranges)") { _ in
            let plan = Propagation(LinkBudgetStudy.uncertainParameters, draws: 32, seed: 15, level: 0.90)
            return try plan.summarize(LinkBudgetStudy().base) { station in
                var metrics = try decisionHeadlineCells.map { cell in
                    Metric(cell.name, try decisionCell(cell.pair, cell.scheme, lengthKm: cell.lengthKm, station: station).rate,
                           unit: "ebit/s")
                }
                guard let c = try breakEvenPhaseStability(.route(.converted1550), lengthKm: breakEvenLengthKm, station: station) else {
                    throw ParameterError(path: "decision.breakEven", value: "none in [0.5, 1]",
                                         allowed: "a phase stability where single-click and two-photon heralding break even")
                }
                metrics.append(Metric("decisionBreakEvenPhaseStability", c))
                // The same at 100 km, where phase stability over the long fiber is hardest to keep.
                guard let far = try breakEvenPhaseStability(.route(.converted1550), lengthKm: 100, station: station) else {
                    throw ParameterError(path: "decision.breakEven100", value: "none in [0.5, 1]",
                                         allowed: "a phase stability where single-click and two-photon heralding break even")
                }
                metrics.append(Metric("decisionBreakEvenPhaseStability100", far))
                return metrics
            }
        }
    }
}
