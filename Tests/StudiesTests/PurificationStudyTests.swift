import Foundation
import Interlink
import Testing
@testable import Studies

private typealias Columns = PurificationStudy.Columns

/// One run shared by every test of the suite (the study is deterministic).
enum PurificationFixture {
    static let run = Task { () throws -> StudyRun in
        let options = RunOptions(jobs: 2, cacheDirectory: nil)
        return try await StudyRunner(options: options).run(PurificationStudy())
    }
}

@Suite("purification study")
struct PurificationStudyTests {
    func derived(_ name: String) async throws -> Double {
        let run = try await PurificationFixture.run.value
        return try #require(run.derived.flatMap(\.metrics).first { $0.name == name }).value
    }

    func stateRow(_ family: PurificationStudy.Family, _ f: Double, rounds: Int) async throws -> ResultTable.Row {
        let run = try await PurificationFixture.run.value
        return try #require(run.table.rows.first { row in
            row.parameters["family"] == .string(family.rawValue) && row.parameters["part"] == .string("state")
                && abs((row.number(Columns.rawFidelity) ?? -1) - f) < 1e-9 && row.number(Columns.rounds) == Double(rounds)
        })
    }

    @Test("one round on phase-flipped pairs: F' = F²/(F² + (1 − F)²), p = F² + (1 − F)² (hand formula)")
    func phaseFlipOneRound() async throws {
        // From F = 0.8: p = 0.64 + 0.04 = 0.68, F' = 0.64/0.68 = 0.941176…
        #expect(abs(try await derived("oneRoundFrom08_phaseFlip") - 0.64 / 0.68) < 1e-12)
        #expect(abs(try await derived("oneRoundSuccessFrom08_phaseFlip") - 0.68) < 1e-12)
        // Two rounds: F'' = 0.941176²/(0.941176² + 0.058824²) = 0.996109 ≥ 0.99; pairs 2·(2/0.68)/p₂.
        let f1 = 0.64 / 0.68, p2 = f1 * f1 + (1 - f1) * (1 - f1)
        #expect(try await derived("roundsTo099From08_phaseFlip") == 2)
        #expect(abs(try await derived("pairsTo099From08_phaseFlip") - 2 * (2 / 0.68) / p2) < 1e-9)
    }

    @Test("one round on Werner pairs matches the BBPSSW/DEJMPS first-round formula")
    func wernerOneRound() async throws {
        // Werner F = 0.8, q = (1 − F)/3: N = (F + q)² + (2q)², F' = (F² + q²)/N (Deutsch et al. 1996).
        let f = 0.8, q = 0.2 / 3
        let n = (f + q) * (f + q) + 4 * q * q
        #expect(abs(try await derived("oneRoundSuccessFrom08_werner") - n) < 1e-12)
        #expect(abs(try await derived("oneRoundFrom08_werner") - (f * f + q * q) / n) < 1e-12)
    }

    @Test("the Werner hashing threshold is the known F ≈ 0.8107 (Bennett et al. 1996)")
    func hashingThreshold() async throws {
        // Brute force: scan 1 − H(F, q, q, q) on a fine grid for the sign change.
        var last = 0.0
        for i in 0...100_000 {
            let f = 0.75 + Double(i) * 1e-6
            let q = (1 - f) / 3
            let h = -(f * log2(f) + 3 * q * log2(q))
            if 1 - h > 0 { last = f; break }
        }
        #expect(abs(try await derived("wernerHashingThreshold") - last) < 2e-6)
    }

    @Test("one round pays for Werner pairs below the crossover and never for phase flips")
    func paysWhere() async throws {
        let crossover = try await derived("paysBelow_werner")
        #expect(crossover > 0.8107 && crossover < 1)
        // Check the claim on the table itself on both sides of the crossover.
        let below = try await stateRow(.werner, 0.82, rounds: 1), belowRaw = try await stateRow(.werner, 0.82, rounds: 0)
        #expect((below.number(Columns.distillablePerInput) ?? 0) > (belowRaw.number(Columns.distillablePerInput) ?? 1))
        let above = try await stateRow(.werner, 0.9, rounds: 1), aboveRaw = try await stateRow(.werner, 0.9, rounds: 0)
        #expect((above.number(Columns.distillablePerInput) ?? 1) < (aboveRaw.number(Columns.distillablePerInput) ?? 0))
        #expect(try await derived("maxGainOneRound_phaseFlip") <= 1e-9)
    }

    @Test("pairs consumed follow R_n = 2R_{n−1}/p_n, and below F = 1/2 recurrence cannot help")
    func pairsConsumedAndLinks() async throws {
        let run = try await PurificationFixture.run.value
        for row in run.table.rows where row.parameters["part"] == .string("state") {
            let n = try #require(row.number(Columns.rounds)), r = try #require(row.number(Columns.pairsConsumed))
            #expect(r >= pow(2, n) - 1e-9)   // every p ≤ 1
        }
        // SC–SC at 10 km delivers F < 1/2; DEJMPS then lowers the fidelity round after round.
        let sc = PurificationStudy.linkRows(run.table, .scSc, lengthKm: 10).compactMap { $0.number(Columns.fidelity) }
        #expect(sc.count == 5 && sc[0] < 0.5)
        #expect(zip(sc, sc.dropFirst()).allSatisfy { $0 > $1 })
    }

    /// Werner pair of fidelity f after one DEJMPS round, written here from Deutsch et al. 1996 (all three
    /// error weights equal, so the ordering convention does not matter): λ′ and the success probability.
    static func wernerRound(_ f: Double) -> (lambda: [Double], success: Double) {
        let q = (1 - f) / 3
        let n = (f + q) * (f + q) + 4 * q * q
        return ([(f * f + q * q) / n, 2 * q * q / n, 2 * q * q / n, 2 * f * q / n], n)
    }

    /// Hashing yield 1 − H(λ) of a Bell-diagonal state.
    static func hashing(_ lambda: [Double]) -> Double {
        1 + lambda.filter { $0 > 0 }.reduce(0) { $0 + $1 * log2($1) }
    }

    @Test("both edges of the Werner window match independent bisections of the hand-written DEJMPS round")
    func windowByBisection() async throws {
        // Lower edge: the one-round state reaches the hashing threshold, 1 − H(λ′) = 0.
        var lo = 0.6, hi = 0.81
        for _ in 0..<100 {
            let mid = (lo + hi) / 2
            if Self.hashing(Self.wernerRound(mid).lambda) > 0 { hi = mid } else { lo = mid }
        }
        let above = try await derived("paysAbove_werner")
        #expect(abs(above - hi) < 1e-9, "\(above) vs \(hi)")
        // Upper edge: D₁ = (1 − H(λ′))·p/2 equals D₀ = 1 − H(F, q, q, q).
        func gain(_ f: Double) -> Double {
            let q = (1 - f) / 3
            let r = Self.wernerRound(f)
            return Self.hashing(r.lambda) * r.success / 2 - Self.hashing([f, q, q, q])
        }
        lo = 0.82
        hi = 0.95
        #expect(gain(lo) > 0 && gain(hi) < 0)
        for _ in 0..<100 {
            let mid = (lo + hi) / 2
            if gain(mid) > 0 { lo = mid } else { hi = mid }
        }
        #expect(abs(try await derived("paysBelow_werner") - lo) < 1e-9)
        // The whole window lies above F = 1/2, and no phase-flip window exists.
        #expect(above > 0.5)
        let run = try await PurificationFixture.run.value
        #expect(!run.derived.flatMap(\.metrics).contains { $0.name == "paysAbove_phaseFlip" || $0.name == "paysBelow_phaseFlip" })
    }

    @Test("no headline is computed for pairs with F ≤ 1/2; intervals bracket the headline link numbers")
    func headlinesAboveHalf() async throws {
        #expect(try await derived("rawFidelity_ionAtom") > 0.5)
        #expect(try await derived("awareFidelityMax_ionAtom") > 0.5)
        let run = try await PurificationFixture.run.value
        // The distillable rate is positive only for pairs above F = 1/2, on every link row.
        for row in run.table.rows where row.parameters["part"] == .string("link") {
            if (row.number(Columns.memoryAwareDistillableRate) ?? 0) > 0 { #expect((row.number(Columns.memoryAwareFidelity) ?? 0) > 0.5) }
            if (row.number(Columns.distillableRate) ?? 0) > 0 { #expect((row.number(Columns.fidelity) ?? 0) > 0.5) }
        }
        for name in ["rawFidelity_ionAtom", "bestAwareDistillable_ionAtom", "bestAwareDistillable_ionIon"] {
            let value = try await derived(name), low = try await derived(name + "_low"), high = try await derived(name + "_high")
            #expect(low <= value && value <= high, "\(name)")
        }
        // The reachable-rate panel draws memory-aware rates only.
        #expect(run.figures.contains { $0.fileName == "frontier" })
    }
}
