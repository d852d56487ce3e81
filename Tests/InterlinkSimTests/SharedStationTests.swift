import InterlinkCore
import InterlinkPhysics
import Testing
@testable import InterlinkSim

@Suite("Links sharing a station with detector dead time")
struct SharedStationTests {
    @Test("one link: waiting time d + K·τ, rate 1/(d + τ/p)")
    func singleLinkDeadTime() throws {
        let p = 0.01, tau = 1e-6, d = 50e-6
        let link = try SimulatedLink(successProbability: p, attemptPeriodSeconds: tau, heraldedState: .werner(fidelity: 0.9))
        let station = try SharedStationSimulation(links: [link], deadTimeSeconds: d)
        let out = try station.run(pairs: 20_000, stream: RandomStream(rootSeed: 1, pointKey: "station", replicate: 0))
        let m = out.perLink[0]
        // Hand value: 1/(50 µs + 100 µs) = 6666.7 per second.
        #expect(abs(m.rate - 1 / (d + tau / p)) < 4 * m.rateStandardError)
        // Every attempt that would herald in a dead window is lost; mean waiting d + τ/p = 150 µs.
        #expect(abs(m.waitingTime.mean - 150e-6) < 4 * (m.waitingTime.standardErrorOfMean ?? 1))
        // The station is dead d out of every (d + τ/p) on average: utilisation 1/3.
        #expect(abs(out.stationUtilisation - 1.0 / 3.0) < 0.01)
    }

    @Test("without dead time, links sharing a station are independent (rate p/τ each)")
    func noDeadTime() throws {
        let a = try SimulatedLink(successProbability: 0.02, attemptPeriodSeconds: 1e-6, heraldedState: .werner(fidelity: 0.9))
        let b = try SimulatedLink(successProbability: 0.05, attemptPeriodSeconds: 2e-6, heraldedState: .werner(fidelity: 0.8))
        let out = try SharedStationSimulation(links: [a, b], deadTimeSeconds: 0)
            .run(pairs: 40_000, stream: RandomStream(rootSeed: 2, pointKey: "station2", replicate: 0))
        #expect(out.lostHeralds == 0)
        #expect(abs(out.perLink[0].rate - 20_000) < 4 * out.perLink[0].rateStandardError)
        #expect(abs(out.perLink[1].rate - 25_000) < 4 * out.perLink[1].rateStandardError)
    }

    @Test("dead time shared by two links loses heralds and lowers both rates")
    func contention() throws {
        let a = try SimulatedLink(successProbability: 0.02, attemptPeriodSeconds: 1e-6, heraldedState: .werner(fidelity: 0.9))
        let out = try SharedStationSimulation(links: [a, a], deadTimeSeconds: 20e-6)
            .run(pairs: 20_000, stream: RandomStream(rootSeed: 3, pointKey: "station3", replicate: 0))
        #expect(out.lostHeralds > 0)
        // Alone each link would reach 1/(20 µs + 50 µs) ≈ 14286/s; sharing must do worse, and the
        // total cannot exceed one herald per dead time (50000/s).
        #expect(out.perLink[0].rate < 14_286 && out.perLink[1].rate < 14_286)
        #expect(out.perLink[0].rate + out.perLink[1].rate < 50_000)
    }

    @Test("invalid station input throws naming the parameter")
    func invalid() throws {
        #expect(throws: ParameterError.self) { try SharedStationSimulation(links: [], deadTimeSeconds: 0) }
        let a = try SimulatedLink(successProbability: 0.5, attemptPeriodSeconds: 1, heraldedState: .perfect)
        #expect {
            try SharedStationSimulation(links: [a], deadTimeSeconds: -1)
        } throws: { error in
            let error = try #require(error as? ParameterError)
            return error.path == "station.deadTimeSeconds" && error.kind == .outOfRange && error.message.contains("-1")
        }
        #expect(throws: ParameterError.self) {
            try SimulatedLink(successProbability: 0, attemptPeriodSeconds: 1, heraldedState: .perfect)
        }
    }
}
