import Interlink

/// The README's first study: rate of a converted ion–ion link versus fiber length.
public struct FiberLossExample: Study {
    public struct Parameters: Codable, Sendable {
        public var lengthKm = 0.0
    }
    public init() {}
    public var identifier: String { "fiber-loss-example" }
    public var title: String { "Rate versus fiber length (example)" }
    public var summary: String { "Two Sr⁺ nodes, photons converted to 1550 nm, 0–100 km." }
    public var version: Int { 1 }
    public var base: Parameters { Parameters() }
    public var sourceFile: String? { #filePath }
    public var sweep: Sweep<Parameters> { .linspace(\.lengthKm, from: 0, through: 100, count: 51) }
    public var engine: Engine<Parameters> {
        .analytic { p in
            var arm = try ModalityPreset.arm(named: "ion.sr88.422")
            arm.conversion = FrequencyConversionStage(efficiency: 0.3, noiseRateHz: 60, outputWavelengthNm: 1550)
            arm.detector = .snspd
            let link = try LinkModel(configuration: .midpoint(
                armA: arm, armB: arm, totalLengthKm: p.lengthKm, scheme: .twoPhoton, residualVisibility: 0.88))
            return [Metric("rate", link.rateHz, unit: "1/s"), Metric("fidelity", link.fidelity)]
        }
    }
    public var figures: [FigureSpec] {
        [FigureSpec("rate", caption: "Heralded rate versus fiber length.") { table in
            let panel = Panel(x: Axis(label: "Length (km)"), y: Axis(label: "Rate (s<sup>−1</sup>)", scale: .log),
                              marks: [.line(x: try table.values("lengthKm"), y: try table.values("rate"))])
            return Figure(panels: [panel])
        }]
    }
}
