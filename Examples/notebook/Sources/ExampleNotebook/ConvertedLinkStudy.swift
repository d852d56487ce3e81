import Interlink

/// Rate and fidelity of a converted Sr⁺–Sr⁺ link versus fiber length (the README's first study).
/// The link it evaluates is built in `ConvertedLinkStudy+Link.swift`: a study of two files, both
/// listed in `sourceFiles`, so editing either recomputes its points.
struct ConvertedLinkStudy: Study {
    struct Parameters: Codable, Sendable {
        var lengthKm = 0.0
    }
    var identifier: String { "converted-link" }
    var title: String { "Converted ion link versus fiber length" }
    var summary: String { "Two Sr⁺ nodes, photons converted to 1550 nm, 0–100 km of fiber." }
    var version: Int { 1 }
    var base: Parameters { Parameters() }
    var sourceFiles: [String] { [#filePath, Self.linkSource] }
    var parameterUnits: [String: String] { ["lengthKm": "km"] }
    var sweep: Sweep<Parameters> { .linspace(\.lengthKm, from: 0, through: 100, count: 21) }
    var engine: Engine<Parameters> {
        .analytic { p in
            let link = try Self.link(lengthKm: p.lengthKm)
            return [Metric("rate", link.rateHz, unit: "1/s"), Metric("fidelity", link.fidelity)]
        }
    }
    var figures: [FigureSpec] {
        [FigureSpec("rate", caption: "Heralded rate versus fiber length.") { table in
            let panel = Panel(x: Axis(label: "Length (km)"), y: Axis(label: "Rate (s<sup>−1</sup>)", scale: .log),
                              marks: [.line(x: try table.values("lengthKm"), y: try table.values("rate"))])
            return Figure(panels: [panel])
        }]
    }
}
