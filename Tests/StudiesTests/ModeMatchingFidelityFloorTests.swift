import Foundation
import Interlink
import Testing
@testable import Studies

private typealias MM = ModeMatchingStudy

@Suite("mode-matching: fixes under a fidelity floor")
struct ModeMatchingFidelityFloorTests {
    let p = ModeMatchingStudy.Parameters()

    /// Overlap of an exponential photon (amplitude decay c = π·ν_S) with an exponential photon (a = π·ν_T) after a
    /// single-pole band (b = π·B), derived by hand in the time domain: the band-limited amplitude is
    /// ∝ e^(−at) − e^(−bt), so M = 2c·(1/(a + c) − 1/(b + c))² / (1/(2a) + 1/(2b) − 2/(a + b)) (π cancels).
    func handOverlap(ion: Double, transmon: Double, band: Double) -> Double {
        let (a, b, c) = (transmon, band, ion)
        let cross = 1 / (a + c) - 1 / (b + c)
        return 2 * c * cross * cross / (1 / (2 * a) + 1 / (2 * b) - 2 / (a + b))
    }

    @Test("the hand overlap reproduces the unfiltered Sr⁺–transducer overlap (sanity of the closed form)")
    func handOverlapMatches() throws {
        let m = try MM.unfilteredOverlap(.ionTransducer, p)
        #expect(abs(handOverlap(ion: 21.5, transmon: 1, band: 14.8) - m) < 1e-9)
    }

    @Test("at F ≥ 0.9 the shaped transmon photon sits where the hand overlap is 0.8, with yield T_rel·(1 − h₂(0.9))")
    func floorRoot() throws {
        let s = try MM.shapedTransmonAtFloor(0.9, p)
        // F = (1 + M)/2 = 0.9 ⇔ M = 0.8, checked with the independent time-domain closed form.
        #expect(abs(handOverlap(ion: 21.5, transmon: s.linewidthMHz, band: 14.8) - 0.8) < 1e-6)
        // It lies above the yield optimum (52.9 MHz), where the overlap is still below 0.8.
        let optimum = try MM.optimumShapedTransmon(p).linewidthMHz
        #expect(s.linewidthMHz > optimum)
        // Yield per pair: band transmission relative to the 1 MHz photon, (1 + B)/(ν + B), times 1 − h₂(0.9);
        // h₂(0.9) = −0.9 log₂ 0.9 − 0.1 log₂ 0.1 = 0.4689956.
        let relative = (1 + 14.8) / (s.linewidthMHz + 14.8)
        #expect(abs(s.merit - relative * (1 - 0.4689956)) < 1e-6)
        // A floor the optimum already meets returns the optimum itself.
        let low = try MM.shapedTransmonAtFloor(0.6, p)
        #expect(abs(low.linewidthMHz - optimum) < 1e-12)
    }

    @Test("a floor outside [0.5, 1] or beyond the broadest scanned photon is rejected, naming fidelityFloor")
    func badFloor() {
        for floor in [1.2, 0.99, .nan] {
            do {
                _ = try MM.shapedTransmonAtFloor(floor, p)
                Issue.record("floor \(floor) accepted")
            } catch let error as ParameterError {
                #expect(error.path == "fidelityFloor")
            } catch {
                Issue.record("unexpected error \(error)")
            }
        }
    }
}

extension ModeMatchingStudyTests {
    /// The orderings the "What to build" text states, checked against the run's derived numbers: per second
    /// the shaped transmon photon leads, then the filter, the Ca⁺ photon and the window; per pair the Ca⁺
    /// photon leads; at F ≥ 0.9 the further-shaped photon and the filter differ by less than the filter rate's
    /// headline half-interval; the filter and the Ca⁺ photon meet the floor, the optimum shaped photon does not.
    func whatToBuildClaims(_ run: StudyRun) throws {
        func value(_ name: String) throws -> Double { try derived(run, name).value }
        let (none, filter, window, shaped, calcium) = (try value("fix0PerSecond"), try value("fix1PerSecond"),
                                                       try value("fix2PerSecond"), try value("fix3PerSecond"),
                                                       try value("fix4PerSecond"))
        #expect(shaped > filter && filter > calcium && calcium > window && window > none)
        #expect(try value("fix4Merit") > value("fix3Merit") && value("fix3Merit") > value("fix1Merit"))
        let floor = try value("fidelityFloor")
        #expect(floor == 0.9)
        #expect(try value("fix1Fidelity") >= floor && value("fix4Fidelity") >= floor && value("fix3Fidelity") < floor)
        let atFloor = try value("floorShapedPerSecond")
        #expect(try abs(value("floorShapedFidelity") - floor) < 1e-9)
        let halfInterval = try (value("optimumPerSecondIonTransducer_high") - value("optimumPerSecondIonTransducer_low")) / 2
        #expect(abs(atFloor - filter) < halfInterval)
        #expect(window < atFloor && window < filter)
        // The detuning rule (ν₁ + ν₂)/2 of the bare linewidths overstates the transducer pairs' half-overlap
        // detuning, as the Findings say: (21.5 + 1)/2 = 11.25 MHz and (6.07 + 1)/2 = 3.535 MHz.
        #expect(try value("halfOverlapDetuningIonTransducer") < 11.25 - 1)
        #expect(try value("halfOverlapDetuningAtomTransducer") < 3.535 - 0.1)
        // The headline rate is the filter row of the fixes table.
        #expect(try abs(value("optimumPerSecondIonTransducer") - filter) < 1e-12 * filter)
    }
}
