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
    /// The result columns: each name and unit written once, to record a value and to read it back.
    enum Columns {
        static let lengthKm = Column("lengthKm", unit: "km")
        static let trueRate = Column("trueRate", unit: "1/s")
        static let fidelity = Column("fidelity")
    }
    var engine: Engine<Parameters> {
        .analytic { p in
            let link = try Self.link(lengthKm: p.lengthKm)
            return [Columns.trueRate(link.trueHeraldRateHz), Columns.fidelity(link.fidelity)]
        }
    }
    var figures: [FigureSpec] {
        [FigureSpec("rate", caption: "Rate of true heralds (false heralds from dark counts and converter noise excluded) versus fiber length.") { table in
            let panel = Panel(x: Axis(label: "Length (km)"), y: Axis(label: "True-herald rate (s<sup>−1</sup>)", scale: .log),
                              marks: [.line(x: try table.values(Columns.lengthKm), y: try table.values(Columns.trueRate))])
            return Figure(panels: [panel])
        }]
    }
}
