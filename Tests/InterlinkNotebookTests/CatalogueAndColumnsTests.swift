import InterlinkTestSupport
import InterlinkCore
import Foundation
import Testing
@testable import InterlinkNotebook

/// A study with a derived parameter and a validation that throws the one `ParameterError`.
struct DerivedStudy: Study {
    struct Parameters: Codable, Sendable {
        var lengthKm = 0.0
        var delayUs = 0.0
        var link = Link()
    }

    struct Link: Codable, Sendable {
        var efficiency = 0.5
    }

    var identifier = "derived"
    var title = "Derived"
    var summary = "Delay follows length."
    var version = 1
    var base = Parameters()
    var efficiencies = [0.5]
    var sweep: Sweep<Parameters> {
        .grid(.values(\.link.efficiency, efficiencies), .linspace(\.lengthKm, from: 0, through: 20, count: 3))
            .deriving("delay = L / 200 km/ms") { $0.delayUs = $0.lengthKm * 5 }
    }
    var engine: Engine<Parameters> { .analytic { p in [Metric("transmission", p.link.efficiency)] } }
    func validate(_ parameters: Parameters) throws {
        if !(0...1).contains(parameters.link.efficiency) { try Validate.efficiency(parameters.link.efficiency, at: "link.efficiency") }
    }
}

@Suite struct CatalogueAndColumns {
    @Test func catalogueEntriesRunThroughTheExistential() async throws {
        let catalogue = try StudyCatalogue([ToyStudy(), DerivedStudy()])
        #expect(catalogue.identifiers == ["toy", "derived"])
        let study = try catalogue.study("derived")
        let runner = StudyRunner(options: testOptions())
        let run = try await runner.run(study)
        #expect(run.identifier.rawValue == "derived")
        #expect(try runner.plan(study).points.count == 3)
    }

    /// Swept fields come first in declaration order (nested ones as dotted paths), then derived
    /// fields that vary; constant base fields are left out.
    @Test func derivedParametersBecomeColumns() async throws {
        let run = try await StudyRunner(options: testOptions()).run(DerivedStudy())
        #expect(run.table.parameterColumns.map(\.name) == ["link.efficiency", "lengthKm", "delayUs"])
        #expect(try run.table.values("delayUs") == [0, 50, 100])
    }

    @Test func physicsStyleErrorsNameTheirPath() async throws {
        let study = DerivedStudy(efficiencies: [0.5, 1.5])
        do {
            _ = try await StudyRunner(options: testOptions()).run(study)
            Issue.record("accepted efficiency 1.5")
        } catch {
            let message = "\(error)"
            #expect(message.contains("study derived") && message.contains("#3") && message.contains("field link.efficiency"))
        }
    }
}
