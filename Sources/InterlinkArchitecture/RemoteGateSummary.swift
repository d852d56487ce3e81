import Foundation
import InterlinkCore
import InterlinkStats

/// Figures of merit of a circuit's remote gates over shots (``MachineExecution/runRemoteGates(shots:stream:fidelityThreshold:)``).
///
/// A remote gate is an operation that consumed at least one Bell pair (teleported gate or move). Its
/// process fidelity F is the product of its local gate and readout factors, λ_I of every pair after
/// any storage, and the idle process fidelity of its data qubits from their previous operation to the
/// gate's start — so the data qubits' decay while the gate queues for communication qubits and for
/// its pair is included (qubits idle before their first operation are not counted).
///
/// Rates are per shot, remote gates divided by the makespan, then averaged over shots (mean ±
/// standard error over shots):
/// - `gateRate`: every remote gate (pairs from all heralds, true and false);
/// - `trueHeraldGateRate`: Σ P(every pair a true herald) / makespan — false heralds do not count;
/// - `qualifiedRate` (the headline): Σ over gates with F ≥ `fidelityThreshold` of P(true herald),
///   divided by the makespan. F is the gate's mean process fidelity over true and false heralds (its
///   pair state is the heralded mixture), so the count is conservative.
public struct RemoteGateSummary: Codable, Sendable, Equatable {
    /// Shots run.
    public let shots: Int
    /// The fidelity a gate must reach to count in ``qualifiedRate``.
    public let fidelityThreshold: Double
    /// Remote gates per shot.
    public let gatesPerShot: Int
    /// Makespan (s).
    public let makespan: ExecutionSummary.Distribution
    /// Per-shot mean of the remote gates' process fidelity (nil without remote gates).
    public let gateFidelity: ExecutionSummary.Distribution?
    /// Fraction of remote gates with F ≥ the threshold (mean over shots).
    public let qualifiedFraction: Double
    /// All remote gates per second.
    public let gateRate: ExecutionSummary.Distribution
    /// Remote gates per second whose pairs were true heralds.
    public let trueHeraldGateRate: ExecutionSummary.Distribution
    /// Remote gates per second with true-herald pairs and F ≥ the threshold (the headline).
    public let qualifiedRate: ExecutionSummary.Distribution
    /// Per-shot mean wait of a remote gate from ready to start (s; nil without remote gates).
    public let waitSeconds: ExecutionSummary.Distribution?
}

/// Collects the remote-gate figures of shots as they finish.
struct RemoteGateAccumulator {
    let shots: Int, threshold: Double
    var makespans: [Double] = [], fidelities: [Double] = [], waits: [Double] = []
    var rates: [Double] = [], trueRates: [Double] = [], qualified: [Double] = []
    var qualifiedFraction = 0.0, gates = 0

    mutating func add(_ o: ShotOutcome) {
        let records = o.remoteGates
        let logThreshold = log(threshold)
        gates = records.count
        makespans.append(o.makespan)
        let perSecond = o.makespan > 0 ? 1 / o.makespan : 0
        var f = 0.0, w = 0.0, t = 0.0, q = 0.0, n = 0.0
        for r in records {
            f += exp(r.logFidelity)
            w += r.waitSeconds
            t += r.trueHeraldProbability
            if r.logFidelity >= logThreshold {
                q += r.trueHeraldProbability
                n += 1
            }
        }
        rates.append(Double(records.count) * perSecond)
        trueRates.append(t * perSecond)
        qualified.append(q * perSecond)
        if !records.isEmpty {
            let count = Double(records.count)
            fidelities.append(f / count)
            waits.append(w / count)
            qualifiedFraction += n / count / Double(shots)
        }
    }

    func summary() throws -> RemoteGateSummary {
        RemoteGateSummary(
            shots: shots, fidelityThreshold: threshold, gatesPerShot: gates,
            makespan: try .init(makespans),
            gateFidelity: fidelities.isEmpty ? nil : try .init(fidelities),
            qualifiedFraction: qualifiedFraction, gateRate: try .init(rates), trueHeraldGateRate: try .init(trueRates),
            qualifiedRate: try .init(qualified), waitSeconds: waits.isEmpty ? nil : try .init(waits))
    }
}

extension MachineExecution {
    /// Runs `shots` shots (shot i on `stream.child(i)`, the same shots as ``run(shots:stream:)``) and
    /// summarises the remote gates (see ``RemoteGateSummary``).
    ///
    /// - Throws: ``ParameterError`` naming `shots` unless 1 ≤ shots ≤ 10⁶, or `fidelityThreshold`
    ///   unless it is in [0, 1].
    public func runRemoteGates(shots: Int, stream: RandomStream, fidelityThreshold: Double) throws -> RemoteGateSummary {
        try runWithRemoteGates(shots: shots, stream: stream, fidelityThreshold: fidelityThreshold).remoteGates
    }

    /// The execution summary of ``run(shots:stream:)`` and the ``RemoteGateSummary`` of the same shots.
    ///
    /// - Throws: as ``runRemoteGates(shots:stream:fidelityThreshold:)``.
    public func runWithRemoteGates(shots: Int, stream: RandomStream, fidelityThreshold: Double) throws
        -> (execution: ExecutionSummary, remoteGates: RemoteGateSummary) {
        try Validate.count(shots, atLeast: 1, atMost: 1_000_000, at: "shots")
        try Validate.inRange(fidelityThreshold, 0...1, at: "fidelityThreshold")
        var accumulator = RemoteGateAccumulator(shots: shots, threshold: fidelityThreshold)
        let summary = try run(shots: shots, stream: stream) { accumulator.add($0) }
        return (summary, try accumulator.summary())
    }
}
