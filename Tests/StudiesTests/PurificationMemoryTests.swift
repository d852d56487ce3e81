import Foundation
import Interlink
@testable import InterlinkPlot
import Testing
@testable import Studies

private typealias Columns = PurificationStudy.Columns

@Suite("purification study: memory-aware recurrence")
struct PurificationMemoryTests {
    func derived(_ name: String) async throws -> Double {
        let run = try await PurificationFixture.run.value
        return try #require(run.derived.flatMap(\.metrics).first { $0.name == name }).value
    }

    /// One memory-aware round on the ion–ion link at 10 km with Sr⁺ memories of coherence time `t2`,
    /// written independently of `MemoryAwareRecurrence`: the Sr⁺ memory only dephases (C(t) = e^(−2t/T₂)
    /// for the pair), so the round's mean output is the noisy step on the pair stored for the time t*
    /// with C(t*) = E[C(T)] = px/(1 − (1 − p)x), x = e^(−2τ/T₂) (geometric attempts, summed in closed form).
    static func roundOne(t2: Double) throws -> Double {
        var p = PurificationStudy.Parameters()
        p.part = .link
        p.link = .ionIon
        p.lengthKm = 10
        var c = try PurificationStudy.linkConfiguration(p)
        c.armA.node.memory = MemoryParameters(t2Seconds: t2)
        c.armB.node.memory = MemoryParameters(t2Seconds: t2)
        let model = try LinkModel(configuration: c)
        let q = model.successProbabilityPerRound, tau = model.attemptPeriod.periodSeconds
        let x = exp(-2 * tau / t2)
        let meanCoherence = q * x / (1 - (1 - q) * x)
        let tStar = -log(meanCoherence) * t2 / 2
        let m = MemoryParameters(t2Seconds: t2)
        let waited = MemoryDecoherence.stored(model.deliveredState, memoryA: m, timeA: tStar, memoryB: m, timeB: tStar)
        return Purification.step(.dejmps, waited, model.deliveredState, noise: PurificationStudy.roundNoise(c, model)).state.fidelity
    }

    @Test("one round at the preset T₂ matches the closed geometric sum; the required T₂ matches an independent bisection")
    func memoryRequirement() async throws {
        #expect(abs(try await derived("awareF1_ionIon") - Self.roundOne(t2: 0.085)) < 1e-10)
        // Bisection in log T₂ of the closed-form round against F = 0.95.
        var lo = log(0.01), hi = log(1e4)
        #expect(try Self.roundOne(t2: exp(lo)) < 0.95 && Self.roundOne(t2: exp(hi)) > 0.95)
        for _ in 0..<80 {
            let mid = (lo + hi) / 2
            if try Self.roundOne(t2: exp(mid)) < 0.95 { lo = mid } else { hi = mid }
        }
        let required = try await derived("requiredT2_ionIon")
        #expect(abs(required / exp(hi) - 1) < 1e-6, "\(required) vs \(exp(hi))")
        // The interval brackets it.
        #expect(try await derived("requiredT2_ionIon_low") <= required)
        #expect(try await derived("requiredT2_ionIon_high") >= required)
    }

    @Test("no recurrence round or pumping step pays for the memory-aware distillable rate at any length: a finer scan agrees")
    func neverPays() async throws {
        for link in PurificationStudy.Link.allCases {
            #expect(try await derived("awarePaysLengths_\(link.slug)") == 0)
            #expect(try await derived("pumpingPaysLengths_\(link.slug)") == 0)
        }
        #expect(try await derived("bestAwareRounds_ionIon") == 0)
        // Independent scan on a 0.5 km grid (the sweep has 1 km), every link and 0…4 rounds.
        for link in PurificationStudy.Link.allCases {
            for l in stride(from: 0.0, through: 50, by: 0.5) {
                var p = PurificationStudy.Parameters()
                p.part = .link
                p.link = link
                p.lengthKm = l
                let c = try PurificationStudy.linkConfiguration(p)
                let model = try LinkModel(configuration: c)
                let rounds = try PurificationStudy.awareRounds(c, model, rounds: 4)
                let pumped = try PurificationStudy.pumpingSteps(c, model, steps: 4)
                for schedule in [rounds, pumped] {
                    let d = schedule.map { model.rateHz / $0.expectedInputPairs * $0.state.hashingYield }
                    #expect(d.dropFirst().allSatisfy { $0 <= d[0] }, "\(link) at \(l) km: \(d)")
                }
            }
        }
    }

    @Test("the mean-wait comparison reads the table: gap, ratio and zeroed rows")
    func meanWaitComparison() async throws {
        let run = try await PurificationFixture.run.value
        let rows = run.table.rows.filter { $0.parameters["link"] == .string("ion-ion-1550nm") && ($0.number(Columns.rounds) ?? 0) >= 1 }
        let gaps = rows.filter { ($0.number(Columns.memoryAwareFidelity) ?? 0) > 0.5 }.map {
            ($0.number(Columns.memoryAwareFidelity) ?? 0) - ($0.number(Columns.meanWaitFidelity) ?? 0)
        }
        #expect(abs(try await derived("meanWaitFidelityGap") - (gaps.max { abs($0) < abs($1) } ?? .nan)) < 1e-15)
        // The distribution never gives worse pairs than the mean wait (Jensen: the decay is convex in the wait).
        #expect(gaps.allSatisfy { $0 > -1e-12 })
        #expect(try await derived("meanWaitDistillableRatio") > 1)
    }

    @Test("the frontier figure draws only memory-aware rates (no ideal-recurrence point)")
    func frontierReachable() async throws {
        let run = try await PurificationFixture.run.value
        let figure = try #require(run.figures.first { $0.fileName == "frontier" }).figure
        let ideal = Set(run.table.rows.filter { $0.parameters["part"] == .string("link") && ($0.number(Columns.rounds) ?? 0) >= 1 }
            .compactMap { $0.number(Columns.rate) })
        let aware = Set(run.table.rows.filter { $0.parameters["part"] == .string("link") }.compactMap { $0.number(Columns.memoryAwareRate) })
        var drawn = 0
        for mark in figure.panels[0].marks {
            if case let .line(_, y, _, _) = mark.kind {
                for v in y where v.isFinite {
                    #expect(aware.contains(v) && !ideal.contains(v), "\(v)")
                    drawn += 1
                }
            }
        }
        #expect(drawn > 0)
        // Panels (b) and (c) carry a 90 % band.
        for panel in figure.panels[1...2] {
            #expect(panel.marks.contains { if case .band = $0.kind { return true } else { return false } })
        }
        // The bands come from the headline's draws: at 10 km the distillable bands are the headline intervals.
        var at10: [(Double, Double)] = []
        for mark in figure.panels[1].marks {
            if case let .band(x, lower, upper) = mark.kind, let i = x.firstIndex(of: 10) { at10.append((lower[i], upper[i])) }
        }
        for name in ["bestAwareDistillable_ionAtom", "bestAwareDistillable_ionIon"] {
            let low = try await derived(name + "_low"), high = try await derived(name + "_high")
            #expect(at10.contains { abs($0.0 - low) < 1e-12 * high && abs($0.1 - high) < 1e-12 * high }, "\(name): \(at10)")
        }
    }
}
