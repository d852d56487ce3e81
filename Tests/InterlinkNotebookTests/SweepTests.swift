import Foundation
import Testing
@testable import InterlinkNotebook

struct Knobs: Codable, Sendable, Equatable {
    var a = 0.0
    var b = 0.0
    var label = "base"
    var inner = Inner()

    struct Inner: Codable, Sendable, Equatable {
        var eta = 0.5
    }
}

@Suite struct SweepExpansion {
    @Test func gridIsRowMajorWithFirstPartSlowest() throws {
        let sweep = Sweep<Knobs>.grid(.values(\.a, [1.0, 2.0]), .values(\.label, ["x", "y", "z"]))
        let points = try sweep.points(from: Knobs())
        #expect(points.map(\.a) == [1, 1, 1, 2, 2, 2])
        #expect(points.map(\.label) == ["x", "y", "z", "x", "y", "z"])
        #expect(sweep.fields == ["a", "label"])
    }

    @Test func zipPairsAndChecksLengths() throws {
        let paired = Sweep<Knobs>.zip(.values(\.a, [1.0, 2.0]), .values(\.b, [10.0, 20.0]))
        let points = try paired.points(from: Knobs())
        #expect(points.map { [$0.a, $0.b] } == [[1, 10], [2, 20]])

        let broken = Sweep<Knobs>.zip(.values(\.a, [1.0, 2.0]), .values(\.b, [10.0, 20.0, 30.0]))
        #expect(throws: SweepError.self) { try broken.points(from: Knobs()) }
        do { _ = try broken.points(from: Knobs()) } catch {
            #expect("\(error)".contains("a: 2, b: 3"))
        }
    }

    /// linspace(0, 1, 5) = 0, 0.25, 0.5, 0.75, 1 (step 1/4, exact in binary).
    @Test func linspaceHitsBothEnds() throws {
        let points = try Sweep<Knobs>.linspace(\.a, from: 0, through: 1, count: 5).points(from: Knobs())
        #expect(points.map(\.a) == [0, 0.25, 0.5, 0.75, 1])
        #expect(throws: SweepError.self) { try Sweep<Knobs>.linspace(\.a, from: 0, through: 1, count: 0).points(from: Knobs()) }
    }

    /// logspace(1e-3, 1, 4) = 1e-3, 1e-2, 1e-1, 1 (decades), to rounding.
    @Test func logspaceIsGeometric() throws {
        let values = try Sweep<Knobs>.logspace(\.a, from: 1e-3, through: 1, count: 4).points(from: Knobs()).map(\.a)
        for (value, expected) in zip(values, [1e-3, 1e-2, 1e-1, 1.0]) {
            #expect(abs(value - expected) <= 1e-15 * expected)
        }
        #expect(values.first == 1e-3 && values.last == 1)
        #expect(throws: SweepError.self) { try Sweep<Knobs>.logspace(\.a, from: 0, through: 1, count: 3).points(from: Knobs()) }
    }

    @Test func nestedFieldNamesComeFromKeyPaths() throws {
        let sweep = Sweep<Knobs>.values(\.inner.eta, [0.1, 0.9])
        #expect(sweep.fields == ["inner.eta"])
        #expect(try sweep.points(from: Knobs()).map(\.inner.eta) == [0.1, 0.9])
    }

    @Test func whereFiltersAndDerivingSetsFields() throws {
        let sweep = Sweep<Knobs>.grid(.values(\.a, [1.0, 2.0, 3.0]), .values(\.b, [1.0, 2.0]))
            .where("a > b") { $0.a > $0.b }
            .deriving("label = a+b") { $0.label = "\($0.a + $0.b)" }
        let points = try sweep.points(from: Knobs())
        #expect(points.map { [$0.a, $0.b] } == [[2, 1], [3, 1], [3, 2]])
        #expect(points.map(\.label) == ["3.0", "4.0", "5.0"])
        #expect(sweep.description.contains("where(a > b)"))
    }

    @Test func concatAndExplicitPoints() throws {
        var special = Knobs()
        special.a = 99
        let sweep = Sweep<Knobs>.concat(.values(\.a, [1.0]), .points([special], label: "special"))
        #expect(try sweep.points(from: Knobs()).map(\.a) == [1, 99])
    }

    @Test func randomSamplesAreReproducibleAndInRange() throws {
        let sweep = Sweep<Knobs>.random(count: 200, seed: 5, .uniform(\.a, 2...3), .logUniform(\.b, 1e-3...1))
        let first = try sweep.points(from: Knobs())
        let second = try sweep.points(from: Knobs())
        #expect(first == second)
        #expect(first.allSatisfy { (2...3).contains($0.a) && $0.b >= 1e-3 && $0.b <= 1 })
        let other = try Sweep<Knobs>.random(count: 200, seed: 6, .uniform(\.a, 2...3)).points(from: Knobs())
        #expect(other.map(\.a) != first.map(\.a))
    }

    /// Latin hypercube: with n points each dimension's n strata [k/n, (k+1)/n) hold exactly one point.
    @Test func latinHypercubeUsesEveryStratumOnce() throws {
        let n = 50
        let points = try Sweep<Knobs>.latinHypercube(count: n, seed: 11, .uniform(\.a, 0...1), .uniform(\.b, 10...20))
            .points(from: Knobs())
        #expect(points.count == n)
        let strataA = Set(points.map { Int(($0.a * Double(n)).rounded(.down)) })
        let strataB = Set(points.map { Int((($0.b - 10) / 10 * Double(n)).rounded(.down)) })
        #expect(strataA == Set(0..<n))
        #expect(strataB == Set(0..<n))
    }

    @Test func zipRefusesNonListParts() {
        let sweep = Sweep<Knobs>.zip(.values(\.a, [1.0]), .grid(.values(\.b, [1.0])))
        #expect(throws: SweepError.self) { try sweep.points(from: Knobs()) }
    }
}
