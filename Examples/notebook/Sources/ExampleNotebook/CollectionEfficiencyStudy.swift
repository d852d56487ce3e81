import Interlink

/// How the heralded rate of a 20 km converted link grows with the collection efficiency: a
/// two-photon scheme needs both photons, so the rate goes as the square of the efficiency.
struct CollectionEfficiencyStudy: Study {
    struct Parameters: Codable, Sendable {
        var collectionEfficiency = 0.1
    }
    var identifier: String { "collection-efficiency" }
    var title: String { "Rate versus collection efficiency" }
    var summary: String { "A 20 km converted Sr⁺ link with collection efficiency 0.05–0.8." }
    var version: Int { 1 }
    var base: Parameters { Parameters() }
    var sourceFile: String? { #filePath }
    var rules: [ParameterRule<Parameters>] { [.unitInterval(\.collectionEfficiency)] }
    var sweep: Sweep<Parameters> { .linspace(\.collectionEfficiency, from: 0.05, through: 0.8, count: 16) }
    /// The result columns: each name and unit written once, to record a value and to read it back.
    enum Columns {
        static let collectionEfficiency = Column("collectionEfficiency")
        static let trueRate = Column("trueRate", unit: "1/s")
        static let fidelity = Column("fidelity")
    }
    var engine: Engine<Parameters> {
        .analytic { p in
            var arm = ModalityPreset.arm(.strontium422)
            arm.collection = CollectionStage(efficiency: p.collectionEfficiency)
            arm.conversion = FrequencyConversionStage(efficiency: 0.3, noiseRateHz: 60, outputWavelengthNm: 1550)
            arm.detector = .snspd
            let link = try LinkModel(configuration: .midpoint(
                armA: arm, armB: arm, totalLengthKm: 20, scheme: .twoPhoton, residualVisibility: 0.88))
            return [Columns.trueRate(link.trueHeraldRateHz), Columns.fidelity(link.fidelity)]
        }
    }
    var figures: [FigureSpec] {
        [FigureSpec("rate", caption: "Rate of true heralds (false heralds from dark counts and converter noise excluded) versus collection efficiency (log–log: slope 2).") { table in
            let panel = Panel(
                x: Axis(label: "Collection efficiency", scale: .log), y: Axis(label: "True-herald rate (s<sup>−1</sup>)", scale: .log),
                marks: [.line(x: try table.values(Columns.collectionEfficiency), y: try table.values(Columns.trueRate))])
            return Figure(panels: [panel])
        }]
    }
}
