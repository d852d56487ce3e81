import Foundation
import InterlinkNotebook
import InterlinkPlot
import InterlinkStats

/// Fiber transmission versus length, and the attenuation recovered by a linear fit.
/// (The README's complete example study: 36 lines.)
struct FiberLoss: Study {
    struct Parameters: Codable, Sendable {
        var lengthKm = 0.0
        var attenuationDbPerKm = 0.2
    }
    let identifier = "fiber-loss"
    let title = "Fiber transmission versus length"
    let summary = "Transmission 10^(−αL/10) of telecom fiber, and α recovered by a linear fit."
    let version = 1
    let base = Parameters()
    var sourceFile: String? { #filePath }
    var parameterUnits: [String: String] { ["lengthKm": "km", "attenuationDbPerKm": "dB/km"] }
    var rules: [ParameterRule<Parameters>] { [.nonNegative(\.lengthKm), .positive(\.attenuationDbPerKm)] }
    var sweep: Sweep<Parameters> { .linspace(\.lengthKm, from: 0, through: 50, count: 11) }
    var engine: Engine<Parameters> {
        .analytic { p in [Metric("transmission", pow(10, -p.attenuationDbPerKm * p.lengthKm / 10))] }
    }
    var derived: [Derivation] {
        [Derivation("attenuation fit") { table in
            let fit = try LinearFit(x: try table.values("lengthKm"), y: try table.values("transmission").map(log10))
            return [Metric("attenuation", -10 * fit.slope, unit: "dB/km", uncertainty: 10 * fit.slopeStandardError)]
        }]
    }
    var figures: [FigureSpec] {
        [FigureSpec("transmission", caption: "Transmission versus fiber length.") { table in
            Figure(panels: [Panel(
                x: Axis(label: "Length (km)"), y: Axis(label: "Transmission", scale: .log),
                marks: [.line(x: try table.values("lengthKm"), y: try table.values("transmission"))])])
        }]
    }
}
