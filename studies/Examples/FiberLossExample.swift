import Interlink

/// The README's first study: rate of a converted ion–ion link versus fiber length.
struct FiberLossExample: Study {
    struct Parameters: Codable, Sendable {
        var lengthKm = 0.0
    }
    var identifier: String { "fiber-loss-example" }
    var title: String { "Rate versus fiber length (example)" }
    var summary: String { "Two Sr⁺ nodes, photons converted to 1550 nm, 0–100 km." }
    var version: Int { 1 }
    var base: Parameters { Parameters() }
    var sourceFile: String? { #filePath }
    var sweep: Sweep<Parameters> { .linspace(\.lengthKm, from: 0, through: 100, count: 51) }
    var engine: Engine<Parameters> {
        .analytic { p in
            var arm = ModalityPreset.arm(.strontium422)
            arm.conversion = FrequencyConversionStage(efficiency: 0.3, noiseRateHz: 60, outputWavelengthNm: 1550)
            arm.detector = .snspd
            let link = try LinkModel(configuration: .midpoint(
                armA: arm, armB: arm, totalLengthKm: p.lengthKm, scheme: .twoPhoton, residualVisibility: 0.88))
            return [Columns.rate(link.rateHz), Columns.fidelity(link.fidelity)]
        }
    }
    var figures: [FigureSpec] {
        [FigureSpec("rate", caption: "Heralded rate versus fiber length.") { table in
            let panel = Panel(x: Axis(label: "Length (km)"), y: Axis(label: "Rate (s<sup>−1</sup>)", scale: .log),
                              marks: [.line(x: try table.values(Columns.lengthKm), y: try table.values(Columns.rate))])
            return Figure(panels: [panel])
        }]
    }
}

extension FiberLossExample {
    /// The study's result columns: each name and unit written once, used to record and to read.
    enum Columns {
        static let lengthKm = Column("lengthKm")
        static let rate = Column("rate", unit: "1/s")
        static let fidelity = Column("fidelity")
    }
}
