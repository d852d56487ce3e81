import Foundation

/// One remote operation (a task with at least one leg) as executed in a shot.
struct RemoteGateRecord: Sendable, Equatable {
    /// ln of its process fidelity: static gate terms + ln λ_I of every pair after storage + the idle
    /// decay of its data qubits since their previous operation (which includes the wait for the pair).
    var logFidelity: Double
    /// Seconds from ready (all predecessors done) to start (every pair delivered).
    var waitSeconds: Double
    /// Probability that every pair it consumed was a true herald (product over its hops).
    var trueHeraldProbability: Double
}

extension ExecutionSimulator {
    /// Records task `t`, which starts now with process fidelity e^`logFidelity`.
    mutating func recordRemote(_ t: Int, logFidelity: Double, at now: Double) {
        var trueHerald = 1.0
        for l in plan.tasks[t].legs {
            for h in plan.legs[l].hops { trueHerald *= links[plan.hopChannel[h]].trueHeraldFraction }
        }
        outcome.remoteGates.append(RemoteGateRecord(logFidelity: logFidelity, waitSeconds: now - readyAt[t],
                                                    trueHeraldProbability: trueHerald))
    }
}
