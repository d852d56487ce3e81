import Foundation
import Interlink
import Testing
@testable import Studies

private typealias Columns = RequirementsStudy.Columns

@Suite("requirements study")
struct RequirementsStudyTests {
    typealias R = RequirementsStudy

    /// Distillable rate with the hashing yield written out.
    static func distillable(_ link: LinkModel) -> Double {
        link.rateHz * IndependentChecks.yield(link.deliveredState)
    }

    @Test("every reachable cell agrees with an independent bisection and holds at F > 1/2; unreachable cells quote no number")
    func cellsByBisection() async throws {
        let run = try await StudyRunner(options: RunOptions(jobs: 2, cacheDirectory: nil)).run(RequirementsStudy())
        var checked = 0
        for row in run.table.rows {
            func text(_ key: String) -> String {
                if case let .string(s) = row.parameters[key] { return s }
                return ""
            }
            let p = R.Parameters(interface: try #require(R.Interface(rawValue: text("interface"))),
                                 quantity: try #require(R.Quantity(rawValue: text("quantity"))),
                                 targetRate: row.number(Columns.targetRate) ?? 0, lengthKm: row.number(Columns.lengthKm) ?? 0)
            guard row.number(Columns.reachable) == 1, let value = row.number(Columns.requirement) else {
                #expect(row.number(Columns.requirement)?.isNaN ?? true)
                continue
            }
            #expect(try #require(row.number(Columns.fidelityAtRequirement)) > 0.5)
            func rate(_ x: Double) throws -> Double {
                switch p.quantity {
                case .efficiency: return Self.distillable(try R.link(p.interface, lengthKm: p.lengthKm, collection: x))
                case .noise: return Self.distillable(try R.link(p.interface, lengthKm: p.lengthKm, noiseRateHz: x))
                case .coherence: return Self.distillable(try R.link(p.interface, lengthKm: p.lengthKm, t2Seconds: x))
                case .multiplexing: return Self.distillable(try R.link(p.interface, lengthKm: p.lengthKm, modes: Int(x)))
                }
            }
            if p.quantity == .multiplexing {
                #expect(try rate(value) >= p.targetRate)
                if value > 1 { #expect(try rate(value - 1) < p.targetRate) }
            } else {
                let (range, increasing): (ClosedRange<Double>, Bool) = switch p.quantity {
                case .efficiency: (1e-4...1, true)
                case .noise: (1e-3...1e6, false)
                default: (1e-7...1e3, true)
                }
                let check = try IndependentChecks.bisect(range, increasing: increasing, target: p.targetRate, rate)
                #expect(abs(value / check - 1) < 1e-6, "\(p): \(value) vs \(check)")
            }
            checked += 1
        }
        #expect(checked >= 20)
        // The index's table lists every interface and names its source study.
        let table = try #require(run.tables.first { $0.fileName == "requirements" }).table
        let sources = Set(table.rows.compactMap { row -> String? in if case let .text(s) = row.last { return s } else { return nil } })
        #expect(sources == ["transduction-frontier", "memory-buffering", "requirements"])
    }
}
