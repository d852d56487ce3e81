import Foundation
import InterlinkCore
import Testing
@testable import InterlinkPhysics

@Suite("Heralded transfer into a memory: sums, limits and Monte Carlo")
struct HeraldedTransferTests {
    static let perfectOps = LocalOperations(singleQubitGateFidelity: 1, singleQubitGateSeconds: 0, twoQubitGateFidelity: 1,
                                            twoQubitGateSeconds: 0, readoutFidelity: 1, readoutSeconds: 0)
    static let pair = try! BellDiagonalState(lambdaI: 0.93, lambdaX: 0.03, lambdaY: 0.01, lambdaZ: 0.03)

    /// A repeater of transmon modules (transducer 0.5 / 10⁻³) whose node memories are the parking memory.
    static func repeater(totalKm: Double, memoryT2: Double) -> RepeaterConfiguration {
        var arm = ModalityPreset.arm(.transmonElectroOptic)
        arm.transducer?.efficiency = 0.5
        arm.transducer?.addedNoisePhotons = 1e-3
        arm.node.memory = MemoryParameters(t2Seconds: memoryT2)
        let link = LinkConfiguration.midpoint(armA: arm, armB: arm, totalLengthKm: totalKm / 2, residualVisibility: 0.95)
        return RepeaterConfiguration(linkA: link, linkB: link)
    }

    @Test("success probability, mean attempts and waiting channel equal the truncated geometric sums written out term by term")
    func sumsByHand() throws {
        let p = 0.3, n = 4, tau = 10e-6, th = 1e-6, t1 = 50e-6, t2 = 40e-6
        let memory = MemoryParameters(t1Seconds: t1, t2Seconds: t2)
        let t = try HeraldedTransfer(successProbabilityPerAttempt: p, attemptPeriodSeconds: tau, heraldDelaySeconds: th,
                                     transferPair: .perfect, nodeMemory: memory, operations: Self.perfectOps, maximumAttempts: n)
        var total = 0.0, mean = 0.0, a = 0.0, c = 0.0
        for k in 1...n {
            let w = p * pow(1 - p, Double(k - 1))
            let wait = Double(k - 1) * tau + th
            total += w
            mean += w * Double(k)
            a += w * exp(-wait / t1)
            c += w * exp(-wait / t2)
        }
        #expect(abs(t.successProbability - (1 - pow(0.7, 4))) < 1e-15)
        #expect(abs(t.successProbability - total) < 1e-14)
        #expect(abs(t.meanAttempts - mean / total) < 1e-12)
        #expect(abs(t.windowSeconds - (3 * tau + th)) < 1e-18)
        a /= total
        c /= total
        // Pauli twirl of amplitude damping + dephasing: p_I = (1 + 2c + a)/4, p_X = p_Y = (1 − a)/4.
        #expect(abs(t.waitingChannel.pI - (1 + 2 * c + a) / 4) < 1e-13)
        #expect(abs(t.waitingChannel.pX - (1 - a) / 4) < 1e-13)
        #expect(abs(t.waitingChannel.pZ - (1 - 2 * c + a) / 4) < 1e-13)
        // Perfect pair and Bell measurement: the transfer's channel is the wait alone.
        #expect(abs(t.channel.pI - t.waitingChannel.pI) < 1e-14)
    }

    @Test("Gaussian dephasing is averaged term by term: the same sum by hand")
    func gaussianSum() throws {
        let p = 0.2, n = 7, tau = 5e-6, th = 2e-6, tg = 30e-6
        let memory = MemoryParameters(gaussianDephasingSeconds: tg)
        let t = try HeraldedTransfer(successProbabilityPerAttempt: p, attemptPeriodSeconds: tau, heraldDelaySeconds: th,
                                     transferPair: .perfect, nodeMemory: memory, operations: Self.perfectOps, maximumAttempts: n)
        var total = 0.0, c = 0.0
        for k in 1...n {
            let w = p * pow(1 - p, Double(k - 1))
            total += w
            c += w * memory.coherenceFactor(after: Double(k - 1) * tau + th)
        }
        c /= total
        #expect(abs(t.waitingChannel.pZ - (1 - c) / 2) < 1e-13)
    }

    @Test("a long window tends to the untruncated geometric: P → 1, factor → f(t_h)·p/(1 − q·x)")
    func untruncatedLimit() throws {
        let p = 0.05, tau = 10e-6, th = 1e-6, t2 = 200e-6
        let t = try HeraldedTransfer(successProbabilityPerAttempt: p, attemptPeriodSeconds: tau, heraldDelaySeconds: th,
                                     transferPair: .perfect, nodeMemory: MemoryParameters(t2Seconds: t2),
                                     operations: Self.perfectOps, maximumAttempts: 5000)
        let x = exp(-tau / t2)
        let c = exp(-th / t2) * p / (1 - (1 - p) * x)
        #expect(abs(t.successProbability - 1) < 1e-12)
        #expect(abs(t.meanAttempts - 1 / p) < 1e-9)
        #expect(abs(t.waitingChannel.pZ - (1 - c) / 2) < 1e-12)
    }

    @Test("teleportation through the pair: its weights, then the Bell measurement's readout flips (hand calculation)")
    func teleportation() throws {
        var ops = Self.perfectOps
        ops.readoutFidelity = 0.98
        let t = try HeraldedTransfer(successProbabilityPerAttempt: 1, attemptPeriodSeconds: 0, heraldDelaySeconds: 0,
                                     transferPair: Self.pair, nodeMemory: MemoryParameters(), operations: ops, maximumAttempts: 1)
        // Readout flips: r = [(1 − ε)², ε(1 − ε), ε², ε(1 − ε)] with ε = 0.02, convolved with the pair (XOR of Pauli labels).
        let e = 0.02
        let r = [(1 - e) * (1 - e), e * (1 - e), e * e, e * (1 - e)]
        let w = Self.pair.weights
        // Z₂×Z₂ product: I·I = X·X = Y·Y = Z·Z = I, X·Y = Z, X·Z = Y, Y·Z = X.
        let xor = [[0, 1, 2, 3], [1, 0, 3, 2], [2, 3, 0, 1], [3, 2, 1, 0]]
        var expected = [0.0, 0, 0, 0]
        for i in 0..<4 { for j in 0..<4 { expected[xor[i][j]] += w[i] * r[j] } }
        for (a, b) in zip(t.teleportationChannel.probabilities, expected) { #expect(abs(a - b) < 1e-14) }
    }

    @Test("p_tr → 1 and zero time: the deterministic transfer step (process fidelity of a Werner pair, perfect Bell measurement)")
    func deterministicLimit() throws {
        let c = Self.repeater(totalKm: 20, memoryT2: 0.05)
        let fw = 0.97
        let transfer = try HeraldedTransfer(successProbabilityPerAttempt: 1, attemptPeriodSeconds: 0, heraldDelaySeconds: 0,
                                            transferPair: .werner(fidelity: fw), nodeMemory: MemoryParameters(t2Seconds: 100e-6),
                                            operations: Self.perfectOps, maximumAttempts: 1)
        let heralded = try HeraldedParkingRepeater(configuration: c, transfer: transfer)
        var d = c
        let step = [NodeTransferStep(placement: .beforeEmission, efficiency: 1, fidelity: fw, durationSeconds: 0)]
        for arm in [\RepeaterConfiguration.linkA.armA, \.linkA.armB, \.linkB.armA, \.linkB.armB] { d[keyPath: arm].node.transferSteps = step }
        let deterministic = try TwoLinkRepeaterModel(configuration: d)
        #expect(abs(heralded.rateHz / deterministic.rateHz - 1) < 1e-12)
        for (a, b) in zip(heralded.state.weights, deterministic.state.weights) { #expect(abs(a - b) < 1e-12) }
    }

    @Test("transmon T₂ → ∞: the deterministic model with the window before emission and P_n, F_w after the herald")
    func noTransmonDecayLimit() throws {
        let c = Self.repeater(totalKm: 40, memoryT2: 0.2)
        let fw = 0.95, p = 0.12, n = 9, tau = 10e-6, th = 1.1e-6
        let transfer = try HeraldedTransfer(successProbabilityPerAttempt: p, attemptPeriodSeconds: tau, heraldDelaySeconds: th,
                                            transferPair: .werner(fidelity: fw), nodeMemory: MemoryParameters(),
                                            operations: Self.perfectOps, maximumAttempts: n)
        let heralded = try HeraldedParkingRepeater(configuration: c, transfer: transfer)
        var d = c
        let steps = [NodeTransferStep(placement: .beforeEmission, efficiency: 1, fidelity: 1, durationSeconds: Double(n - 1) * tau + th),
                     NodeTransferStep(placement: .afterHerald, efficiency: 1 - pow(1 - p, Double(n)), fidelity: fw, durationSeconds: 0)]
        for arm in [\RepeaterConfiguration.linkA.armA, \.linkA.armB, \.linkB.armA, \.linkB.armB] { d[keyPath: arm].node.transferSteps = steps }
        let deterministic = try TwoLinkRepeaterModel(configuration: d)
        #expect(abs(heralded.rateHz / deterministic.rateHz - 1) < 1e-12)
        for (a, b) in zip(heralded.state.weights, deterministic.state.weights) { #expect(abs(a - b) < 1e-12) }
    }

    @Test("the heralded-parking repeater agrees with a Monte Carlo of rounds, transfer retries and swaps (|z| ≤ 3)")
    func monteCarlo() throws {
        let c = Self.repeater(totalKm: 4, memoryT2: 2e-3)
        let transmon = MemoryParameters(t1Seconds: 300e-6, t2Seconds: 200e-6)
        var ops = Self.perfectOps
        ops.twoQubitGateFidelity = 0.995
        ops.readoutFidelity = 0.99
        let p = 0.25, n = 5, tauTr = 8e-6, th = 1.5e-6
        let transfer = try HeraldedTransfer(successProbabilityPerAttempt: p, attemptPeriodSeconds: tauTr, heraldDelaySeconds: th,
                                            transferPair: Self.pair, nodeMemory: transmon, operations: ops, maximumAttempts: n)
        let model = try HeraldedParkingRepeater(configuration: c, transfer: transfer)

        // The physics, independently: links herald with the probability and state of `LinkModel` (no
        // transfer), the round lasts max(node cycle + window, herald round trip, repetition limit), each node
        // retries its transfer until success or n tries, waits (K − 1)·τ_tr + t_h in the transmon, then
        // teleports through the pair; the earlier pair waits D rounds in its two memories; R swaps.
        let link = try LinkModel(configuration: c.linkA)
        let period = link.attemptPeriod
        let round = max(period.nodeCycleSeconds + Double(n - 1) * tauTr + th, period.heraldRoundTripSeconds, period.repetitionLimitSeconds)
        let herald = link.successProbabilityPerRound
        let parking = c.linkA.armA.node.memory
        let swapOps = c.linkA.armB.node.operations
        var rng = SeededGenerator(seed: 2026)
        func transferOnce(_ pair: BellDiagonalState) -> BellDiagonalState? {
            var k = 0
            repeat {
                k += 1
                if rng.uniform() < p {
                    let waited = transmon.channel(after: Double(k - 1) * tauTr + th).apply(to: pair)
                    return EntanglementSwapping.swap(waited, Self.pair, operations: ops)
                }
            } while k < n
            return nil
        }
        /// Rounds until the link delivers, and its pair after both nodes' transfers.
        func linkRounds() -> (Int, BellDiagonalState) {
            var r = 0
            while true {
                r += 1
                // Both nodes transfer in every round; the transfers are independent of the herald, so they
                // are drawn only in heralded rounds (the round fails anyway otherwise).
                guard rng.uniform() < herald else { continue }
                if let a = transferOnce(link.deliveredState), let s = transferOnce(a) { return (r, s) }
            }
        }
        let samples = 40_000
        var fSum = 0.0, fSq = 0.0, tSum = 0.0, tSq = 0.0
        for _ in 0..<samples {
            let (r1, first) = linkRounds()
            let (r2, second) = linkRounds()
            var s1 = first, s2 = second
            let wait = Double(abs(r1 - r2)) * round
            if r1 < r2 { s1 = MemoryDecoherence.stored(s1, memoryA: parking, timeA: wait, memoryB: parking, timeB: wait) }
            if r2 < r1 { s2 = MemoryDecoherence.stored(s2, memoryA: parking, timeA: wait, memoryB: parking, timeB: wait) }
            let f = EntanglementSwapping.swap(s1, s2, operations: swapOps).fidelity
            let t = Double(max(r1, r2)) * round
            fSum += f; fSq += f * f; tSum += t; tSq += t * t
        }
        let m = Double(samples)
        let fMean = fSum / m, tMean = tSum / m
        let fSE = ((fSq / m - fMean * fMean) / (m - 1)).squareRoot(), tSE = ((tSq / m - tMean * tMean) / (m - 1)).squareRoot()
        let zF = (fMean - model.fidelity) / fSE, zT = (tMean - 1 / model.rateHz) / tSE
        #expect(abs(zF) <= 3, "fidelity \(fMean) ± \(fSE) vs \(model.fidelity)")
        #expect(abs(zT) <= 3, "time \(tMean) ± \(tSE) vs \(1 / model.rateHz)")
        // The check has power: the transfer moves the fidelity by far more than its standard error.
        #expect(abs(model.fidelity - model.timing.fidelity) > 20 * fSE)
    }

    @Test("bad input names the parameter path")
    func validation() throws {
        #expect(throws: ParameterError.self) {
            _ = try HeraldedTransfer(successProbabilityPerAttempt: 0, attemptPeriodSeconds: 1e-5, heraldDelaySeconds: 0, transferPair: .perfect,
                                     nodeMemory: MemoryParameters(), operations: Self.perfectOps, maximumAttempts: 3)
        }
        do {
            _ = try HeraldedTransfer(successProbabilityPerAttempt: 0.5, attemptPeriodSeconds: 1e-5, heraldDelaySeconds: 0, transferPair: .perfect,
                                     nodeMemory: MemoryParameters(), operations: Self.perfectOps, maximumAttempts: 0, path: "t")
            Issue.record("n = 0 accepted")
        } catch let e as ParameterError {
            #expect(e.path == "t.maximumAttempts")
        }
        var c = Self.repeater(totalKm: 10, memoryT2: 1)
        c.linkB.armA.node.transferSteps = [NodeTransferStep(placement: .afterHerald, efficiency: 1, fidelity: 1, durationSeconds: 0)]
        let t = try HeraldedTransfer(successProbabilityPerAttempt: 0.5, attemptPeriodSeconds: 1e-5, heraldDelaySeconds: 0, transferPair: .perfect,
                                     nodeMemory: MemoryParameters(), operations: Self.perfectOps, maximumAttempts: 3)
        do {
            _ = try HeraldedParkingRepeater(configuration: c, transfer: t)
            Issue.record("existing transfer steps accepted")
        } catch let e as ParameterError {
            #expect(e.path == "repeater.linkB.armA.node.transferSteps")
        }
    }
}
