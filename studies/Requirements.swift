import Foundation
import Interlink

/// What to build: for every interface, what its efficiency, noise, coherence and multiplexing must
/// reach for a distillable rate (hashing bound) of 1 and 100 ebit/s at 10 and 100 km — each cell a
/// Brent root (or an integer search) on the model with every other quantity ideal, so each is a
/// necessary condition. Direct links between like nodes are computed here; the ion–transmon link and
/// the memory repeater of superconducting modules come from the transduction-frontier and
/// memory-buffering studies (their functions, their CSVs hold the intervals).
struct RequirementsStudy: Study {
    /// A direct link between two like nodes, converted to telecom where the preset is not.
    enum Interface: String, Codable, Sendable, CaseIterable, CustomStringConvertible {
        /// Ca⁺ cavity nodes, 854 nm converted to 1550 nm (≈ 30 %, ≈ 60 s⁻¹; Krutyanskiy et al. 2017).
        case ionIon = "ion-ion"
        /// Rb atoms, 780 nm converted to 1522 nm (57 %, van Leent et al. 2020), SNSPDs.
        case atomAtom = "atom-atom"
        /// SiV centres, converted to 1350 nm (preset `diamond.siv.1350`).
        case sivSiv = "siv-siv"
        /// The name in files and tables.
        var description: String { rawValue }

        /// Row label.
        var label: String {
            switch self {
            case .ionIon: "ion–ion (Ca⁺ cavity, 1550 nm)"
            case .atomAtom: "atom–atom (Rb, 1522 nm)"
            case .sivSiv: "SiV–SiV (1350 nm)"
            }
        }

        /// The preset of both nodes.
        var preset: PresetName {
            switch self {
            case .ionIon: .calcium854Cavity
            case .atomAtom: .rubidium780
            case .sivSiv: .siliconVacancy1350
            }
        }
    }

    /// What a requirement constrains (each with every other quantity ideal).
    enum Quantity: String, Codable, Sendable, CaseIterable, CustomStringConvertible {
        /// Smallest collection efficiency into the fiber (no memory decay, one mode).
        case efficiency
        /// Largest converter noise rate (s⁻¹) at collection 1 (no memory decay, one mode).
        case noise
        /// Smallest memory T₂ (s) at collection 1 (one mode).
        case coherence
        /// Fewest multiplexed modes at collection 1 (no memory decay).
        case multiplexing
        /// The name in files and tables.
        var description: String { rawValue }

        /// The symbol named in an unreachable cell.
        var symbol: String {
            switch self {
            case .efficiency: "collection"
            case .noise: "noise rate"
            case .coherence: "T₂"
            case .multiplexing: "modes"
            }
        }

        /// Unit of the quantity in table cells ("" for a pure number).
        var unit: String {
            switch self {
            case .efficiency, .multiplexing: ""
            case .noise: "s⁻¹"
            case .coherence: "s"
            }
        }

        /// Row label.
        var label: String {
            switch self {
            case .efficiency: "collection efficiency ≥"
            case .noise: "converter noise ≤ (s⁻¹)"
            case .coherence: "memory T₂ ≥ (s)"
            case .multiplexing: "multiplexed modes ≥"
            }
        }
    }

    /// One sweep point: one requirement cell.
    struct Parameters: Codable, Sendable {
        /// The interface.
        var interface = Interface.ionIon
        /// The constrained quantity.
        var quantity = Quantity.efficiency
        /// Target distillable rate (ebit/s).
        var targetRate = 1.0
        /// Total length (km), station in the middle.
        var lengthKm = 10.0
        /// Station detector efficiency; nil = the preset's.
        var detectorEfficiency: Double?
        /// Station dark-count rate (Hz); nil = the preset's.
        var darkCountRateHz: Double?
        /// Fiber attenuation at the link's wavelength (dB/km); nil = tabulated.
        var attenuationDBPerKm: Double?

        /// A cell at the preset station values.
        init(interface: Interface = .ionIon, quantity: Quantity = .efficiency, targetRate: Double = 1, lengthKm: Double = 10) {
            self.interface = interface
            self.quantity = quantity
            self.targetRate = targetRate
            self.lengthKm = lengthKm
        }
    }

    init() {}

    var identifier: String { "requirements" }
    var title: String { "What to build: requirements for 1 and 100 ebit/s at 10 and 100 km" }
    var summary: String {
        "The efficiency, noise, coherence and multiplexing each interface needs for a distillable rate of 1 and 100 "
            + "ebit/s at 10 and 100 km, each found by root finding on the model with every other quantity ideal; and which "
            + "heralding scheme each pair of modalities should run at 1, 10, 50 and 100 km."
    }
    var version: Int { 1 }
    var base: Parameters { Parameters() }
    var sourceFile: String? { #filePath }
    /// This file, its decision matrix, the shared requirement code, the two studies whose requirement
    /// tables it includes and the link-budget study whose links the decision matrix evaluates.
    var sourceFiles: [String] {
        var files = [#filePath, Self.decisionMatrixSource]
        for file in TransductionFrontierStudy().sourceFiles + MemoryBufferingStudy().sourceFiles + LinkBudgetStudy().sourceFiles
            where !files.contains(file) {
            files.append(file)
        }
        return files
    }
    var presets: [any PresetDescribing] {
        [PresetName.calcium854Cavity, PresetName.calcium854CavityProjected, PresetName.rubidium780, PresetName.siliconVacancy1350,
         PresetName.transmonElectroOptic, PresetName.strontium422, PresetName.barium493]
    }
    var reportTemplate: String? { "requirements" }
    var finding: String? {
        "Each cell of the requirements table is a necessary condition found by root finding on the model; unreachable targets say so. "
            + "Wherever a pair distils, single-click heralding beats two-photon heralding: converted Sr⁺ ions give "
            + "{{intervals.decisionSr1550SingleClick10}} at 10 km against {{intervals.decisionSr1550TwoPhoton10}}, while the fiber's "
            + "phase stability stays above {{intervals.decisionBreakEvenPhaseStability}}."
    }
    var parameterUnits: [String: String] { ["lengthKm": "km", "targetRate": "ebit/s"] }

    /// Target rates (ebit/s) and lengths (km).
    static let targetRates = [1.0, 100.0]
    static let lengths = [10.0, 100.0]

    var sweep: Sweep<Parameters> {
        .grid(.values(\.interface, Interface.allCases), .values(\.quantity, Quantity.allCases),
              .values(\.targetRate, Self.targetRates), .values(\.lengthKm, Self.lengths))
    }

    /// One node's arm of `interface`, converted to telecom, at the preset's station values.
    static func convertedArm(_ interface: Interface) throws -> ArmConfiguration {
        var arm = ModalityPreset.arm(interface.preset)
        switch interface {
        case .ionIon: arm.conversion = .calcium854To1550
        case .atomAtom:
            arm.conversion = FrequencyConversionStage(efficiency: 0.57, noiseRateHz: 0, outputWavelengthNm: 1522)
            arm.detector = .snspd
        case .sivSiv: break
        }
        return arm
    }

    /// One node's arm of `interface` with `station`'s drawn values and the given collection, converter
    /// noise, memory and modes (nil noise: the preset's; a nil memory T₂ means no decay).
    static func arm(_ interface: Interface, station: Parameters?, collection: Double, noiseRateHz: Double?, t2Seconds: Double?,
                    modes: Int) throws -> ArmConfiguration {
        var arm = try convertedArm(interface)
        if let station {
            StationRanges.apply(to: &arm, efficiency: station.detectorEfficiency, darkCounts: station.darkCountRateHz,
                                attenuation: station.attenuationDBPerKm)
        }
        arm.collection.efficiency = collection
        if let n = noiseRateHz { arm.conversion?.noiseRateHz = n }
        arm.node.memory = t2Seconds.map { MemoryParameters(t2Seconds: $0) } ?? MemoryParameters()
        arm.node.communicationQubits = modes
        return arm
    }

    /// Distillable rate (hashing bound) of the symmetric midpoint link.
    static func distillableRate(_ interface: Interface, lengthKm: Double, station: Parameters? = nil, collection: Double = 1,
                                noiseRateHz: Double? = nil, t2Seconds: Double? = nil, modes: Int = 1) throws -> Double {
        try link(interface, lengthKm: lengthKm, station: station, collection: collection, noiseRateHz: noiseRateHz,
                 t2Seconds: t2Seconds, modes: modes).hashingRateHz
    }

    /// The symmetric midpoint two-photon link (residual visibility 1).
    static func link(_ interface: Interface, lengthKm: Double, station: Parameters? = nil, collection: Double = 1,
                     noiseRateHz: Double? = nil, t2Seconds: Double? = nil, modes: Int = 1) throws -> LinkModel {
        let a = try arm(interface, station: station, collection: collection, noiseRateHz: noiseRateHz, t2Seconds: t2Seconds, modes: modes)
        return try LinkModel(configuration: .midpoint(armA: a, armB: a, totalLengthKm: lengthKm, scheme: .twoPhoton, residualVisibility: 1))
    }

    /// The requirement of one cell.
    static func requirement(_ p: Parameters) throws -> Requirement {
        let i = p.interface, l = p.lengthKm
        switch p.quantity {
        case .efficiency:
            return try Requirement.solve(in: 1e-4...1, increasing: true, target: p.targetRate) {
                try distillableRate(i, lengthKm: l, station: p, collection: $0)
            }
        case .noise:
            return try Requirement.solve(in: 1e-3...1e6, increasing: false, target: p.targetRate) {
                try distillableRate(i, lengthKm: l, station: p, noiseRateHz: $0)
            }
        case .coherence:
            return try Requirement.solve(in: 1e-7...1e3, increasing: true, target: p.targetRate) {
                try distillableRate(i, lengthKm: l, station: p, t2Seconds: $0)
            }
        case .multiplexing:
            return try Requirement.smallestCount(upTo: 100_000, target: p.targetRate) {
                try distillableRate(i, lengthKm: l, station: p, modes: $0)
            }
        }
    }

    /// The link at a requirement (nil when the requirement is not a value).
    static func link(at p: Parameters, _ requirement: Requirement) throws -> LinkModel? {
        guard let v = requirement.value else { return nil }
        switch p.quantity {
        case .efficiency: return try link(p.interface, lengthKm: p.lengthKm, station: p, collection: v)
        case .noise: return try link(p.interface, lengthKm: p.lengthKm, station: p, noiseRateHz: v)
        case .coherence: return try link(p.interface, lengthKm: p.lengthKm, station: p, t2Seconds: v)
        case .multiplexing: return try link(p.interface, lengthKm: p.lengthKm, station: p, modes: Int(v))
        }
    }

    /// The published ranges of `interface`'s station and fiber (`ModalityPreset.uncertainties` of the
    /// converted arm: SNSPD efficiency and dark counts, attenuation at its telecom wavelength).
    static func uncertainParameters(_ interface: Interface) throws -> [UncertainParameter<Parameters>] {
        var arm = try convertedArm(interface)
        arm.fiber.attenuationDBPerKm = nil
        let ranges = ModalityPreset.uncertainties(of: arm)
        var list: [UncertainParameter<Parameters>] = []
        if let u = ranges["detector.efficiency"] { list.append(UncertainParameter("detectorEfficiency", u) { $0.detectorEfficiency = $1 }) }
        if let u = ranges["detector.darkCountRateHz"] {
            list.append(UncertainParameter("darkCountRateHz", u) { $0.darkCountRateHz = $1 })
        }
        if let u = ranges["fiber.attenuationDBPerKm"] {
            list.append(UncertainParameter("attenuationDBPerKm", u) { $0.attenuationDBPerKm = $1 })
        }
        return list
    }

    /// 32 Latin-hypercube draws of `interface`'s ranges.
    static func propagation(_ interface: Interface) throws -> Propagation<Parameters> {
        Propagation(try uncertainParameters(interface), draws: 32, seed: 18, level: 0.90)
    }

    func validate(_ parameters: Parameters) throws {
        try Validate.positive(parameters.targetRate, at: "targetRate")
        try Validate.positive(parameters.lengthKm, at: "lengthKm")
    }

    var engine: Engine<Parameters> {
        .analytic { p in
            let r = try Self.requirement(p)
            let best: Double
            switch r {
            case let .unreachable(b, _): best = b
            default: best = .nan
            }
            // The interval over the station's published ranges (not for integer mode counts).
            var low = Double.nan, high = Double.nan
            if r.value != nil, p.quantity != .multiplexing {
                let interval = try RequirementInterval(Self.propagation(p.interface), base: p, increasing: p.quantity != .noise,
                                                       Self.requirement)
                low = interval.low ?? .nan
                high = interval.high ?? .nan
            }
            return [
                Columns.requirement(r.value ?? .nan),
                Columns.requirementLow(low),
                Columns.requirementHigh(high),
                Columns.reachable(r.value != nil ? 1 : 0),
                Columns.bestRateIfUnreachable(best),
                Columns.fidelityAtRequirement(try Self.link(at: p, r)?.fidelity ?? .nan),
            ]
        }
    }
}

extension RequirementsStudy {
    /// Column order of the table: (target rate, length).
    static var cells: [(rate: Double, length: Double)] {
        targetRates.flatMap { r in lengths.map { (r, $0) } }
    }

    /// One row of the requirements table before its condition becomes a note mark.
    struct RequirementTableRow {
        /// The interface (row group).
        var interface: String
        /// The quantity and its direction (`transducer efficiency η_t ≥`).
        var requirement: String
        /// What the other quantities are held at (`N_add = 0, no transmon decay, 1 mode`), a note.
        var condition: String
        /// One text per (target rate, length) cell, in `cells` order.
        var cells: [String]
        /// The study whose model and CSV hold the row.
        var source: String
    }

    /// A requirement label `quantity ≥ (condition)` of the source studies split into its two parts.
    static func splitLabel(_ label: String) -> (requirement: String, condition: String) {
        guard label.hasSuffix(")"), let open = label.range(of: " (", options: .backwards) else { return (label, "") }
        return (String(label[..<open.lowerBound]), String(label[open.upperBound...].dropLast()))
    }

    /// What a direct-link requirement holds ideal (as `requirement(_:)` solves it).
    static func directCondition(_ quantity: Quantity) -> String {
        switch quantity {
        case .efficiency: "no memory decay, 1 mode"
        case .noise: "collection 1, no memory decay, 1 mode"
        case .coherence: "collection 1, 1 mode"
        case .multiplexing: "collection 1, no memory decay"
        }
    }

    /// A cell: the interval text of a requirement, or — for a target no value in the searched range
    /// meets — the best rate that range reaches, short (`unreachable: ≤ 0.4 ebit/s`).
    static func compactText(_ requirement: Requirement, _ text: String) -> String {
        guard case let .unreachable(best, _) = requirement else { return text }
        return best > 0 ? "unreachable: ≤ \(Requirement.format(best)) ebit/s" : "unreachable: 0 ebit/s"
    }

    /// Rows of the ion–transmon link: transduction-frontier's requirement table (same values and
    /// interval text as its CSV), one row per ion arm and quantity; an arm on which no quantity gives any
    /// distillable rate in any cell is one row.
    static func transducerRows() throws -> [RequirementTableRow] {
        let computed = try TransductionFrontierStudy.requirementRows(TransductionFrontierStudy().base)
        var rows: [RequirementTableRow] = []
        for arm in [TransductionFrontierStudy.IonArm.projected, .demonstrated] {
            var armRows: [RequirementTableRow] = []
            var none = true
            for quantity in TransductionFrontierStudy.Quantity.allCases {
                let found = cells.compactMap { cell in
                    computed.first { $0.arm == arm && $0.quantity == quantity && $0.rate == cell.rate && $0.lengthKm == cell.length }
                }
                guard found.count == cells.count else { continue }
                none = none && found.allSatisfy { row in
                    if case let .unreachable(best, _) = row.requirement { return best == 0 }
                    return false
                }
                let (requirement, condition) = splitLabel(quantity.label)
                armRows.append(RequirementTableRow(interface: "ion–transmon, \(arm.rawValue) Ca⁺ arm", requirement: requirement,
                                                   condition: condition, cells: found.map { compactText($0.requirement, $0.text) },
                                                   source: "transduction-frontier"))
            }
            if none, armRows.count > 1 {
                let symbols = TransductionFrontierStudy.Quantity.allCases.filter { q in armRows.contains { $0.requirement == splitLabel(q.label).requirement } }
                armRows = [RequirementTableRow(interface: armRows[0].interface,
                                               requirement: "any " + symbols.map(\.symbol).joined(separator: ", "),
                                               condition: "each with the others ideal, as above", cells: cells.map { _ in "unreachable: 0 ebit/s" },
                                               source: "transduction-frontier")]
            }
            rows += armRows
        }
        return rows
    }

    /// Rows of the memory repeater of superconducting modules: memory-buffering's requirement table.
    static func memoryRows() throws -> [RequirementTableRow] {
        let computed = try MemoryBufferingStudy.requirementRows(MemoryBufferingStudy().base)
        return MemoryBufferingStudy.Quantity.allCases.map { quantity in
            let texts = cells.map { cell in
                computed.first { $0.quantity == quantity && $0.rate == cell.rate && $0.lengthKm == cell.length }
                    .map { compactText($0.requirement, $0.text) } ?? "–"
            }
            let (requirement, condition) = splitLabel(quantity.label)
            return RequirementTableRow(interface: "transmons via a memory repeater (projected transducer)",
                                       requirement: requirement, condition: condition, cells: texts, source: "memory-buffering")
        }
    }

    /// Rows of the direct links, from this study's results (nominal with its 90 % interval).
    static func directRows(_ table: ResultTable) throws -> [RequirementTableRow] {
        var rows: [RequirementTableRow] = []
        for interface in Interface.allCases {
            for quantity in Quantity.allCases {
                var texts: [String] = []
                for cell in cells {
                    let p = Parameters(interface: interface, quantity: quantity, targetRate: cell.rate, lengthKm: cell.length)
                    let r = try requirement(p)
                    guard let v = r.value else {
                        texts.append(compactText(r, boundText(r, quantity)))
                        continue
                    }
                    if quantity == .multiplexing {
                        texts.append(String(Int(v)))
                        continue
                    }
                    let result = table.rows.first {
                        $0.parameters["interface"] == .string(interface.rawValue) && $0.parameters["quantity"] == .string(quantity.rawValue)
                            && $0.number(Columns.targetRate) == cell.rate && $0.number(Columns.lengthKm) == cell.length
                    }
                    let low = result?.number(Columns.requirementLow), high = result?.number(Columns.requirementHigh)
                    let interval = RequirementInterval(nominal: r, low: low.flatMap { $0.isFinite ? $0 : nil },
                                                       high: high.flatMap { $0.isFinite ? $0 : nil }, unreachableFraction: 0, draws: 32)
                    texts.append(low?.isFinite == true && high?.isFinite == true ? try interval.text(parameter: quantity.symbol)
                                 : boundText(r, quantity) + " (interval end not reachable)")
                }
                rows.append(RequirementTableRow(interface: interface.label, requirement: quantity.label,
                                                condition: directCondition(quantity), cells: texts, source: "requirements"))
            }
        }
        return rows
    }

    /// A direct-link cell without a plain requirement (target not reachable, or met over the whole range),
    /// with the quantity's unit and numbers written as in the rest of the report (`10³`, not `1e+03`).
    static func boundText(_ r: Requirement, _ quantity: Quantity) -> String {
        let f = UncertainValueFormatter(significantDigits: 2)
        let unit = quantity.unit.isEmpty ? "" : " " + quantity.unit
        switch r {
        case let .unreachable(best, at):
            return "not reachable: at most \(f.plain(best)) ebit/s (\(quantity.symbol) = \(f.plain(at))\(unit))"
        case let .alwaysMet(at):
            return "met over the whole range (even at \(quantity.symbol) = \(f.plain(at))\(unit))"
        case let .value(v):
            return f.plain(v) + unit
        }
    }

    /// The conditions of every row, in table order without repeats: note i is marked by letter i.
    static var requirementNotes: [String] {
        var notes: [String] = []
        let conditions = TransductionFrontierStudy.Quantity.allCases.map { splitLabel($0.label).condition }
            + ["each with the others ideal, as above"]
            + MemoryBufferingStudy.Quantity.allCases.map { splitLabel($0.label).condition } + Quantity.allCases.map(directCondition)
        for c in conditions where !notes.contains(c) { notes.append(c) }
        return notes
    }

    /// The note letter of `condition` (a, b, …).
    static func noteMark(_ condition: String) -> String {
        guard let i = requirementNotes.firstIndex(of: condition), let scalar = UnicodeScalar(97 + i) else { return "" }
        return String(Character(scalar))
    }

    /// The requirements table across interfaces (the index opens with it). The conditions each row holds
    /// ideal are notes under the caption, so the value columns keep their width.
    static var requirementTable: TableSpec {
        let notes = requirementNotes.enumerated().map { "(\(noteMark($1))) \($1)" }.joined(separator: "; ")
        return TableSpec("requirements", caption: "What each interface needs for a distillable rate (hashing bound) of 1 and 100 ebit/s at "
            + "10 and 100 km. Each cell is a necessary condition: the quantity solved on the model with every other quantity "
            + "ideal (the row's note). \"Unreachable: ≤ r\": no value in the searched range meets the target; r is the best rate "
            + "at the range's favourable end (the source studies' tables name it). Source: the study "
            + "whose model and CSV hold the cell. Direct links carry their 90 % interval over 32 Latin-hypercube draws of the "
            + "published detector and fiber ranges (mode counts are the nominal integers, without an interval); the other rows are "
            + "their studies' requirement tables, with those studies' intervals. Held ideal: \(notes).") { table in
            let rows = try transducerRows() + memoryRows() + directRows(table)
            return try DataTable(columns: [DataTable.Column("interface"), DataTable.Column("requirement")]
                                 + cells.map { DataTable.Column("\(Int($0.rate)) ebit/s, \(Int($0.length)) km") }
                                 + [DataTable.Column("source")],
                                 rows: rows.map { row in
                                     ([row.interface, row.requirement + "<sup>\(noteMark(row.condition))</sup>"] + row.cells + [row.source])
                                         .map { DataTable.Cell.text($0) }
                                 })
        }
    }

    var tables: [TableSpec] { [Self.requirementTable, Self.decisionTable] }
    var derived: [Derivation] { [Self.decisionHeadlines] }
}

extension RequirementsStudy {
    /// Target rates of the requirement curves (ebit/s), 4 per decade from 10⁻² to 10³.
    static let curveRates = (0...20).map { pow(10, -2 + 0.25 * Double($0)) }

    /// The collection efficiency each direct link needs versus the target distillable rate, at 10 and
    /// 100 km (Brent roots; a curve ends where the target is no longer reachable, marked by a cross at
    /// the best rate the link reaches with collection 1).
    static var curvesFigure: FigureSpec {
        FigureSpec("efficiency-requirement", caption: "Collection efficiency each direct link needs for a target distillable "
            + "rate (hashing bound), at 10 km (a) and 100 km (b), every other quantity ideal (no memory decay, one mode); "
            + "each point a Brent root on the model. A curve ends at the largest rate the link reaches with collection 1 "
            + "(cross). Dotted: the 1 and 100 ebit/s targets of the requirements table.") { _ in
            var panels: [Panel] = []
            for (k, length) in lengths.enumerated() {
                var panel = Panel(x: Axis(label: "Target distillable rate (ebit s<sup>−1</sup>)", scale: .log, limits: 1e-2...1e3),
                                  y: Axis(label: "Required collection efficiency", scale: .log, limits: 1e-4...2),
                                  title: "\(Int(length)) km", legend: k == 0 ? .bottomRight : .hidden)
                for (i, interface) in Interface.allCases.enumerated() {
                    let color = Palette.okabeIto.colors[i]
                    var x: [Double] = [], y: [Double] = []
                    for rate in curveRates {
                        let p = Parameters(interface: interface, quantity: .efficiency, targetRate: rate, lengthKm: length)
                        if let v = try requirement(p).value {
                            x.append(rate)
                            y.append(v)
                        }
                    }
                    let best = try distillableRate(interface, lengthKm: length)
                    // The curve ends where collection 1 just meets the target: at the cross (best, 1).
                    if let last = x.last, last < best { x.append(best); y.append(1) }
                    if !x.isEmpty { panel.add(.line(x: x, y: y, label: interface.label, color: color)) }
                    if best > 1e-2 && best < 1e3 { panel.add(.scatter(x: [best], y: [1], marker: .cross, color: color)) }
                }
                for target in targetRates { panel.add(.reference(.x, at: target, style: .dotted, color: .gray)) }
                panels.append(panel)
            }
            return Figure(theme: .apsDoubleColumn, panels: panels, columns: 2, height: 210)
        }
    }

    var figures: [FigureSpec] { [Self.curvesFigure] }
}

extension RequirementsStudy {
    /// The study's result columns: each name and unit written once, used to record and to read.
    enum Columns {
        static let lengthKm = Column("lengthKm", unit: "km")
        static let targetRate = Column("targetRate", unit: "ebit/s")
        static let requirement = Column("requirement")
        static let requirementLow = Column("requirement_low")
        static let requirementHigh = Column("requirement_high")
        static let reachable = Column("reachable")
        static let bestRateIfUnreachable = Column("bestRateIfUnreachable", unit: "1/s")
        static let fidelityAtRequirement = Column("fidelityAtRequirement")
    }
}
