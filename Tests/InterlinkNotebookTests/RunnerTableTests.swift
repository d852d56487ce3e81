import InterlinkTestSupport
import InterlinkCore
import InterlinkSim
import Foundation
import Testing
@testable import InterlinkNotebook

@Suite struct RunnerResultTable {
    @Test func rowsFollowSweepOrderWithUnitsAndUncertainty() async throws {
        let run = try await StudyRunner(options: testOptions(jobs: 4)).run(ToyStudy())
        let table = run.table
        #expect(table.parameterColumns.map(\.name) == ["x", "y"])
        #expect(table.parameterColumns.first?.unit == "m")
        #expect(table.metricColumns.map(\.name) == ["area", "noise"])
        #expect(table.metricColumns.map(\.hasUncertainty) == [false, true])
        // Grid x slowest, y fastest; area = x²·y by hand.
        #expect(try table.values("x") == [0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5])
        #expect(try table.values("area") == [0, 0, 1, 2, 4, 8, 9, 18, 16, 32, 25, 50])
        #expect(run.derived.first?.metrics.first?.value == 165)  // 3·(0+1+4+9+16+25)
        #expect(run.counts.computed == 12)
    }

    /// The noise metric is the first uniform of the point's own stream: independent of jobs.
    @Test func randomMetricComesFromThePointStream() async throws {
        let run = try await StudyRunner(options: testOptions(jobs: 3)).run(ToyStudy())
        let plan = try StudyRunner(options: testOptions()).plan(ToyStudy())
        for (row, point) in zip(run.table.rows, plan.points) {
            var stream = RandomStream(rootSeed: 1, pointKey: point.key, replicate: 0)
            #expect(row.metrics["noise"]?.value == stream.nextUniform())
        }
    }

    @Test func csvHasUnitsInHeaderAndOneRecordPerPoint() async throws {
        let run = try await StudyRunner(options: testOptions()).run(ToyStudy(xs: [1, 2]))
        let csv = try run.table.csv()
        let lines = csv.components(separatedBy: "\r\n")
        #expect(lines.first == "x [m],y,area [m2],noise,noise_uncertainty")
        #expect(lines.count == 6)  // header + 4 records + empty tail after the last CRLF
        // Parameters keep their JSON spelling (JSONEncoder writes 1.0 as 1); metrics use "\(x)".
        #expect(lines[1].hasPrefix("1,1,1.0,"))
    }

    @Test func groupingSplitsByParameterInFirstAppearanceOrder() async throws {
        let run = try await StudyRunner(options: testOptions()).run(ToyStudy(xs: [1, 2, 3]))
        let groups = try run.table.grouped(by: "y")
        #expect(groups.map(\.value) == [.number(1), .number(2)] || groups.map(\.value) == [.integer(1), .integer(2)])
        #expect(try groups[1].table.values("area") == [2, 8, 18])
        #expect(throws: NotebookError.self) { try run.table.values("nope") }
    }
}

@Suite struct RunnerValidation {
    @Test func invalidPointFailsBeforeAnyComputationNamingStudyPointAndField() async throws {
        let study = ToyStudy(xs: [1, 2, -5])
        do {
            _ = try await StudyRunner(options: testOptions()).run(study)
            Issue.record("ran with x = -5")
        } catch let error as NotebookError {
            guard case .invalidPoint(let name, let index, let point, let field, _) = error else {
                Issue.record("wrong error \(error)")
                return
            }
            #expect(name == "toy")
            #expect(index == 4)  // x = -5 is the third x, y = 1 → sweep index 2·2 = 4
            #expect(point == #"{"x":-5,"y":1}"#)
            #expect(field == "x")
            let message = error.description
            #expect(message.contains("study toy") && message.contains("#4") && message.contains("field x") && message.contains("-5.0"))
        }
        #expect(study.counter.count == 0)
    }

    @Test func nonEncodableValueIsRejectedWithItsField() async throws {
        let study = ToyStudy(xs: [1, .nan])
        await #expect(throws: NotebookError.self) { try await StudyRunner(options: testOptions()).run(study) }
        do { _ = try await StudyRunner(options: testOptions()).run(study) } catch {
            #expect("\(error)".contains("field x"))
        }
        #expect(study.counter.count == 0)
    }

    @Test func unsafeIdentifierIsRejectedBeforeAnything() async throws {
        var study = ToyStudy()
        study.identifier = "../../etc"
        await #expect(throws: NotebookError.self) { try await StudyRunner(options: testOptions()).run(study) }
        #expect(study.counter.count == 0)
    }

    @Test func duplicatePointsAreRejected() async throws {
        let study = ToyStudy(xs: [1, 1])
        do {
            _ = try await StudyRunner(options: testOptions()).run(study)
            Issue.record("duplicates accepted")
        } catch {
            #expect("\(error)".contains("identical"))
        }
    }

    @Test func catalogueRejectsDuplicateAndUnsafeIdentifiers() throws {
        #expect(throws: NotebookError.self) { try StudyCatalogue([ToyStudy(), ToyStudy()]) }
        var unsafe = ToyStudy()
        unsafe.identifier = "Bad Name"
        #expect(throws: NotebookError.self) { try StudyCatalogue([unsafe]) }
        let catalogue = try StudyCatalogue([ToyStudy()])
        #expect(try catalogue.study("toy").title == "Toy study")
        #expect(throws: NotebookError.self) { try catalogue.study("missing") }
    }
}

@Suite struct RunnerFailurePolicies {
    @Test func failFastThrowsNamingThePoint() async throws {
        let study = ToyStudy(failingX: [3])
        do {
            _ = try await StudyRunner(options: testOptions(jobs: 1)).run(study)
            Issue.record("did not fail")
        } catch {
            #expect("\(error)".contains("cursed"))
            #expect("\(error)".contains("#6"))
        }
        // Jobs 1: points 0…5 succeed, point 6 fails, nothing after it is scheduled.
        #expect(study.counter.count == 7)
    }

    @Test func keepGoingRecordsFailuresAndFinishesTheRest() async throws {
        let study = ToyStudy(failingX: [3])
        let run = try await StudyRunner(options: testOptions(policy: .keepGoing)).run(study)
        #expect(run.counts.failed == 2)
        #expect(run.table.failures.map(\.index) == [6, 7])
        #expect(try run.table.values("area")[8] == 16)
        #expect(try run.table.values("area")[6].isNaN)
        #expect(try run.table.csv().contains("x = 3.0 is cursed"))
    }
}

@Suite("Result grids")
struct ResultGridTests {
    @Test("a grid holds each row's value at its (x, y) cell, NaN where no row is, and refuses two rows in one cell")
    func gridCells() async throws {
        // ToyStudy: x ∈ {0, 1, 2}, y ∈ {1, 2}, area = x²·y.
        let run = try await StudyRunner(options: testOptions()).run(ToyStudy(xs: [0, 1, 2]))
        let grid = try run.table.grid(x: "x", y: "y", value: "area")
        #expect(grid.x == [0, 1, 2])
        #expect(grid.y == [1, 2])
        #expect(grid.z == [[0, 1, 4], [0, 2, 8]])
        let partial = run.table.filter { $0.number("x") != 2 || $0.number("y") != 2 }
        let holes = try partial.grid(x: "x", y: "y", value: "area")
        #expect(holes.z[1][2].isNaN && holes.z[0][2] == 4)
        #expect(throws: NotebookError.self) { try run.table.grid(x: "x", y: "x", value: "area") }
        #expect(throws: NotebookError.self) { try run.table.grid(x: "x", y: "nope", value: "area") }
    }
}
