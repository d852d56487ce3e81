import Foundation
import Interlink

/// Link budget of a trapped-ion pair: heralded rate versus fiber length for photons at their native
/// 422 nm and after quantum frequency conversion to 1550 nm, with the repeaterless (PLOB) bound,
/// and the effective attenuation recovered by a weighted fit.
///
/// Model: two Sr⁺ nodes (preset `ion.sr88.422`: Stephenson et al., PRL 124, 110501 (2020)) joined
/// by a two-photon (Barrett–Kok) midpoint station; each photon travels half the length. The 1550 nm
/// route adds a conversion stage and swaps the visible Si APD for an SNSPD. Assumptions (labelled in
/// the report): 422 → 1550 nm conversion efficiency 0.3 with 60 s⁻¹ noise (the value measured for
/// Ca⁺ 854 → 1550 nm by Krutyanskiy et al., Appl. Phys. B 2017; no 422 nm → telecom converter is
/// published), fiber loss 30 dB/km at 422 nm ("tens of dB/km").
public struct LinkBudgetStudy: Study {
    /// Which wavelength the photons travel the fiber at.
    public enum Route: String, Codable, Sendable, CaseIterable, CustomStringConvertible {
        /// Native 422 nm photons, visible-light detectors.
        case native422 = "native-422nm"
        /// Converted to 1550 nm, SNSPDs.
        case converted1550 = "converted-1550nm"
        /// The route's name in files and tables.
        public var description: String { rawValue }
    }

    /// One sweep point.
    public struct Parameters: Codable, Sendable {
        /// Photon route.
        public var route = Route.native422
        /// Total fiber length between the nodes (km); the station sits in the middle.
        public var lengthKm = 0.0
        /// Efficiency of the 422 → 1550 nm converter (assumption, see the type's documentation).
        public var conversionEfficiency = 0.3
        /// Noise photon rate of the converter (s⁻¹).
        public var conversionNoiseHz = 60.0
        /// Integration time that sets the counting uncertainty used to weight the fit (s).
        public var integrationSeconds = 3600.0
    }

    public init() {}

    public var identifier: String { "link-budget" }
    public var title: String { "Link budget: ion–ion rate versus fiber length, native and converted photons" }
    public var summary: String {
        "Heralded entanglement rate of two Sr⁺ nodes over 0–50 km of fiber with photons at 422 nm or "
            + "converted to 1550 nm, against the PLOB bound; the effective attenuation is recovered by a weighted fit."
    }
    public var version: Int { 1 }
    public var base: Parameters { Parameters() }
    public var sourceFile: String? { #filePath }
    public var parameterUnits: [String: String] {
        ["lengthKm": "km", "conversionNoiseHz": "1/s", "integrationSeconds": "s"]
    }

    public var sweep: Sweep<Parameters> {
        .grid(.values(\.route, Route.allCases), .linspace(\.lengthKm, from: 0, through: 50, count: 201))
    }

    /// The link configuration of one point.
    static func configuration(_ p: Parameters) throws -> LinkConfiguration {
        var arm = try ModalityPreset.arm(named: "ion.sr88.422")
        if p.route == .converted1550 {
            arm.conversion = FrequencyConversionStage(
                efficiency: p.conversionEfficiency, noiseRateHz: p.conversionNoiseHz, outputWavelengthNm: 1550)
            arm.detector = .snspd
        }
        return LinkConfiguration.midpoint(
            armA: arm, armB: arm, totalLengthKm: p.lengthKm, scheme: .twoPhoton, residualVisibility: 0.88)
    }

    public func validate(_ parameters: Parameters) throws {
        _ = try LinkModel(configuration: Self.configuration(parameters))
    }

    public var engine: Engine<Parameters> {
        .analytic { p in
            let link = try LinkModel(configuration: Self.configuration(p))
            let truePerAttempt = link.trueHeraldRateHz * link.attemptPeriod.periodSeconds
            return [
                Metric("successProbability", link.successProbabilityPerAttempt),
                Metric("trueHeraldProbability", truePerAttempt),
                Metric("attemptPeriod", link.attemptPeriod.periodSeconds, unit: "s"),
                Metric("rate", link.rateHz, unit: "1/s"),
                Metric("trueRate", link.trueHeraldRateHz, unit: "1/s"),
                Metric("fidelity", link.fidelity),
                Metric("armEfficiency", link.armA.endToEndEfficiency),
                Metric("fiberTransmissivity", link.bounds.transmissivity),
                Metric("plobBound", link.bounds.plobPairsPerSecond, unit: "1/s"),
                Metric("tgwBound", link.bounds.tgwPairsPerSecond, unit: "1/s"),
            ]
        }
    }

    /// Weighted fit of log10(true-herald probability per attempt) against length, on the points
    /// whose heralds are mostly true (fidelity above 1/2). Counting statistics over the
    /// integration time give σ(log10 p) = 1 / (ln 10 · √N), N = true rate × time; the slope times
    /// −10 is the effective attenuation in dB per km of total length.
    static func attenuationFit(_ table: ResultTable, route: Route, integrationSeconds: Double) throws -> LinearFit {
        let rows = table.filter { row in
            row.parameters["route"] == .string(route.rawValue) && (row.number("fidelity") ?? 0) > 0.5
        }
        let x = try rows.values("lengthKm")
        let p = try rows.values("trueHeraldProbability")
        let rate = try rows.values("trueRate")
        let y = p.map { log10($0) }
        let weights = rate.map { r in
            let counts = r * integrationSeconds
            return counts * log(10) * log(10)   // 1/σ² with σ = 1/(ln 10 √counts)
        }
        return try LinearFit(x: x, y: y, weights: weights)
    }

    public var derived: [Derivation] {
        let seconds = base.integrationSeconds
        return Route.allCases.map { route in
            Derivation("effective attenuation, \(route.rawValue)") { table in
                let fit = try Self.attenuationFit(table, route: route, integrationSeconds: seconds)
                return [
                    Metric("attenuation_\(route == .native422 ? "422" : "1550")", -10 * fit.slope, unit: "dB/km",
                           uncertainty: 10 * fit.slopeStandardError),
                    Metric("fitPoints_\(route == .native422 ? "422" : "1550")", Double(fit.degreesOfFreedom + 2)),
                ]
            }
        }
    }

    public var figures: [FigureSpec] {
        [FigureSpec("rate-vs-length", caption: "Heralded entanglement rate of two Sr⁺ nodes versus total fiber "
            + "length, photons at 422 nm (dashed) and converted to 1550 nm (solid), with the PLOB bound for the "
            + "1550 nm fiber at the same attempt rate (dotted). Rates below 10⁻⁴ s⁻¹ are cut off.") { table in
            var panel = Panel(
                x: Axis(label: "Fiber length <i>L</i> (km)", limits: 0...50),
                y: Axis(label: "Rate (s<sup>−1</sup>)", scale: .log, limits: 1e-4...1e6))
            for route in Route.allCases.reversed() {
                let rows = table.filter { $0.parameters["route"] == .string(route.rawValue) }
                panel.add(.line(x: try rows.values("lengthKm"), y: try rows.values("trueRate"),
                                label: route == .native422 ? "422 nm" : "1550 nm (converted)",
                                style: route == .native422 ? .dashed : .solid))
            }
            let converted = table.filter { $0.parameters["route"] == .string(Route.converted1550.rawValue) }
            panel.add(.line(x: try converted.values("lengthKm"), y: try converted.values("plobBound"),
                            label: "PLOB bound (1550 nm)", style: .dotted))
            return Figure(theme: .apsSingleColumn, panels: [panel])
        }]
    }

    public var tables: [TableSpec] {
        [TableSpec("rate-by-length", caption: "Rate, fidelity and bound at every 5 km") { table in
            let rows = table.filter { row in
                guard let l = row.number("lengthKm") else { return false }
                return l.truncatingRemainder(dividingBy: 5) == 0
            }
            return try rows.dataTable(columns: ["route", "lengthKm", "trueRate", "fidelity", "plobBound"])
        }]
    }
}
