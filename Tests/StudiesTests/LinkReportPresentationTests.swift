import Foundation
import Interlink
import Testing
@testable import Studies

/// How the link-budget, photon-loss and transduction-frontier reports present their results: the
/// truncated foundation table, the drawn cliff of the single-click curves, the 5 % / 95 % ends of the
/// 1 ebit/s boundary and the collapsed table row of an arm that distils nothing.
@Suite("link report presentation")
struct LinkReportPresentationTests {
    @Test("link-budget foundation table: species names, per-fiber PLOB, no bound at 0 km, 422 nm rows stop below 10⁻¹⁴")
    func foundationTable() async throws {
        let run = try await LinkBudgetFixture.run.value
        let table = try #require(run.tables.first { $0.fileName == "rate-by-length" }).table
        func text(_ cell: DataTable.Cell) -> String? {
            if case let .text(s) = cell { return s }
            return nil
        }
        let native = table.rows.filter { text($0[0]) == "Sr⁺–Sr⁺, 422 nm" }
        let converted = table.rows.filter { text($0[0]) == "Sr⁺–Sr⁺, 1550 nm" }
        #expect(native.count + converted.count == table.rows.count)
        // By hand: at 5 km total each 422 nm arm crosses 2.5 km at 30 dB/km = 75 dB, so the coincidence
        // probability carries 10^(−15) and the rate is far below 10⁻¹⁴ s⁻¹ — the native rows are 0 and 5 km.
        #expect(native.map { text($0[1]) } == ["0", "5"])
        #expect(text(native[1][2]) == "< 10⁻¹⁴")
        // The converted rows run every 5 km to 50 km (0.18 dB/km keeps them well above 10⁻¹⁴).
        #expect(converted.map { text($0[1]) } == (0...10).map { String($0 * 5) })
        // At 0 km the fiber is lossless and −log₂(1 − η) has no finite value.
        #expect(text(native[0][5]) == "none (lossless)" && text(converted[0][5]) == "none (lossless)")
        // PLOB of the row's own fiber: at 5 km the 422 nm fiber's bound (η = 10^(−15) per 5 km total; the
        // bound is −log₂(1 − η) ≈ η/ln 2 per channel use) is far below the 1550 nm fiber's.
        guard case let .number(plob1550, _) = converted[1][5] else { Issue.record("1550 nm PLOB at 5 km is not a number"); return }
        #expect(plob1550 > 1e3)
    }

    @Test("dropToFloor: the first zero after a positive rate becomes the floor, other zeros gaps")
    func dropToFloor() {
        let out = PhotonLossStudy.dropToFloor([3, 2, 0, 0, 1, 0], floor: 1e-300)
        #expect(out[0] == 3 && out[1] == 2 && out[2] == 1e-300 && out[3].isNaN && out[4] == 1 && out[5] == 1e-300)
        let zeros = PhotonLossStudy.dropToFloor([0, 0], floor: 1)
        #expect(zeros.allSatisfy { $0.isNaN })
    }

    @Test("single-click distillable rate ends in a cliff: half a dB before its first zero it is still above 1 ebit/min")
    func singleClickCliff() throws {
        for split in PhotonLossStudy.Split.allCases {
            var p = PhotonLossStudy.Parameters()
            p.split = split
            // The first zero on a 0.05 dB grid above 20 dB (the single-click window).
            var loss = 20.0
            var zero: Double?
            while loss <= 60 {
                if try PhotonLossStudy.bestDistillableRate(p, lossDB: loss, scheme: .singleClick) <= 0 { zero = loss; break }
                loss += 0.05
            }
            let edge = try #require(zero)
            // A gradual fall would spend several dB between 1 ebit/min (1/60 ebit/s) and zero; at the
            // hashing threshold the whole fall fits inside one 0.5 dB step of the swept grid.
            let before = try PhotonLossStudy.bestDistillableRate(p, lossDB: edge - 0.5, scheme: .singleClick)
            #expect(before > 1.0 / 60, "\(split): \(before) at \(edge - 0.5) dB")
        }
    }

    @Test("1 ebit/s boundary ends: the 5 % end is missing where ≥ 5 % of draws cannot reach 1 ebit/s, and brackets the nominal elsewhere")
    func boundaryEnds() throws {
        var p = TransductionFrontierStudy.Parameters()
        p.ionArm = .projected
        p.lengthKm = 10
        let ends = try TransductionFrontierStudy.boundaryEnds(p, rate: 1)
        let nominal = try TransductionFrontierStudy.boundary(p, rate: 1, noiseModes: nil)
        // The 95 % (optimistic) end exists wherever the nominal boundary does, and lies above it.
        for (e, n) in zip(nominal.eta, nominal.noise) {
            let i = try #require(ends.high.eta.firstIndex(of: e))
            #expect(ends.high.noise[i] >= n)
        }
        // The 5 % end lies below the nominal where both exist, and is missing at the efficiencies below
        // the upper end of the efficiency requirement's interval (where some draws reach 1 ebit/s at no N_add).
        let interval = try TransductionFrontierStudy.requirementInterval(.efficiency, p, rate: 1)
        let upper = try #require(interval.high)
        for (e, l) in zip(ends.low.eta, ends.low.noise) {
            #expect(e >= upper)
            if let i = nominal.eta.firstIndex(of: e) { #expect(l <= nominal.noise[i]) }
        }
        #expect(nominal.eta.contains { $0 < upper && !ends.low.eta.contains($0) })
    }

    @Test("an arm that distils nothing anywhere gets one table row; any reachable requirement keeps the rows")
    func collapsedRow() throws {
        typealias T = TransductionFrontierStudy
        func row(_ q: T.Quantity, _ rate: Double, _ length: Double, _ r: Requirement) -> T.RequirementRow {
            T.RequirementRow(arm: .demonstrated, quantity: q, rate: rate, lengthKm: length, requirement: r, text: "", fidelity: nil)
        }
        let nothing = [row(.efficiency, 1, 10, .unreachable(best: 0, at: 1)), row(.noise, 100, 100, .unreachable(best: 0, at: 1e-9))]
        let cells = try #require(T.collapsedRow(nothing))
        #expect(cells[1] == .text("any η_t, N_add") && cells[2] == .text("1 and 100") && cells[3] == .text("10 and 100"))
        #expect(T.collapsedRow(nothing + [row(.coherence, 1, 10, .unreachable(best: 0.3, at: 10))]) == nil)
        #expect(T.collapsedRow(nothing + [row(.coherence, 1, 10, .value(1e-3))]) == nil)
        // The study's demonstrated arm is such an arm: at its most favourable inputs it distils nothing.
        var p = T.Parameters()
        p.ionArm = .demonstrated
        let rows = try T.requirementRows(p).filter { $0.arm == .demonstrated }
        #expect(T.collapsedRow(rows) != nil)
    }
}
