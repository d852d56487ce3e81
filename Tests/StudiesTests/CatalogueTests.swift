import Foundation
import Interlink
import Testing
@testable import Studies

private typealias Columns = FiberLossExample.Columns

@Suite("The study catalogue")
struct CatalogueTests {
    @Test("every study has a file-safe identifier and a sweep whose points all validate")
    func everyStudyPlans() throws {
        let catalogue = try Catalogue.studies()
        #expect(!catalogue.studies.isEmpty)
        let runner = StudyRunner(options: RunOptions(cacheDirectory: nil))
        for study in catalogue.studies {
            let plan = try runner.plan(study)
            #expect(!plan.points.isEmpty, "\(study.identifier) has no points")
        }
    }

    @Test("the README's first study runs: 51 points, rate falling with length")
    func readmeExample() async throws {
        let options = RunOptions(jobs: 2, cacheDirectory: nil)
        let run = try await StudyRunner(options: options).run(FiberLossExample())
        #expect(run.table.rows.count == 51)
        let rates = try run.table.values(Columns.rate)
        #expect(zip(rates, rates.dropFirst()).allSatisfy { $0 > $1 })
        #expect(run.figures.count == 1)
    }
}
