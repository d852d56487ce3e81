import Foundation
import InterlinkCore
import InterlinkStats

/// The outputs of a run over shots: makespan distribution, pairs, estimated fidelity, utilisation per
/// module and link, and the critical-path attribution with the resource that bounded the makespan.
public struct ExecutionSummary: Codable, Sendable, Equatable {
    /// A sample's mean, its standard error and quantiles.
    public struct Distribution: Codable, Sendable, Equatable {
        /// Sample mean.
        public let mean: Double
        /// Standard error of the mean (0 for one shot).
        public let standardError: Double
        /// 5 %, 50 % and 95 % quantiles (type 7).
        public let p05: Double, median: Double, p95: Double
        /// Extremes.
        public let minimum: Double, maximum: Double

        init(_ values: [Double]) throws {
            let s = try RunningSummary(values)
            mean = s.mean
            // The standard error from the values scaled to their largest magnitude: the squared deviations of
            // circuit fidelities near 10⁻¹⁶³ underflow to zero unscaled.
            let scale = values.map(abs).max() ?? 0
            if scale > 0, scale.isFinite, scale < 1e-100 {
                standardError = (try RunningSummary(values.map { $0 / scale }).standardErrorOfMean ?? 0) * scale
            } else {
                standardError = s.standardErrorOfMean ?? 0
            }
            let q = try Quantile.of(values, probabilities: [0.05, 0.5, 0.95])
            p05 = q[0]; median = q[1]; p95 = q[2]
            minimum = s.minimum ?? mean
            maximum = s.maximum ?? mean
        }
    }

    /// One module's figures.
    public struct ModuleUsage: Codable, Sendable, Equatable {
        /// The module's label.
        public let name: String
        /// Circuit qubits placed on it.
        public let qubits: Int
        /// Mean fraction of the makespan its placed qubits are busy.
        public let utilisation: Double
    }

    /// One channel's figures.
    public struct LinkUsage: Codable, Sendable, Equatable {
        /// The channel's label.
        public let label: String
        /// Elementary pairs per shot it must deliver.
        public let pairsPerShot: Int
        /// Expected time per pair (setup + τ/p, s).
        public let expectedPairSeconds: Double
        /// Fidelity of its delivered pair.
        public let pairFidelity: Double
        /// Mean fraction of the makespan its parallel generation slots are busy.
        public let utilisation: Double
    }

    /// A resource's share of the critical path.
    public struct Share: Codable, Sendable, Equatable {
        /// The resource.
        public let resource: String
        /// Fraction of the critical path (mean over shots of seconds / mean makespan).
        public let share: Double
    }

    /// Shots run.
    public let shots: Int
    /// Remote strategy.
    public let strategy: RemoteStrategy
    /// The module of every qubit.
    public let placement: [Int]
    /// Wall-clock partitioning time (s).
    public let partitionSeconds: Double
    /// Operations in the circuit, and those acting across modules.
    public let operations: Int, remoteOperations: Int
    /// End-to-end Bell pairs consumed per shot.
    public let pairsConsumed: Int
    /// Elementary pairs consumed per shot (one per hop).
    public let elementaryPairsConsumed: Int
    /// Mean pairs generated per shot (buffered supply may generate more and discard some).
    public let pairsGenerated: Double
    /// Mean pairs discarded per shot at the cutoff.
    public let pairsDiscarded: Double
    /// Makespan (s).
    public let makespan: Distribution
    /// Estimated circuit fidelity (product of process fidelities; see ``ExecutionSimulator``).
    public let fidelity: Distribution
    /// Mean of ln F over shots (named without "fidelity": it is a logarithm, not a number in [0, 1]).
    public let meanLnF: Double
    /// Geometric mean of the estimated circuit fidelity over shots, exp(mean ln F), in [0, 1]; it never
    /// exceeds `fidelity.mean` (AM–GM) and is the typical F when F spans orders of magnitude.
    public let geometricMeanFidelity: Double
    /// Per module.
    public let modules: [ModuleUsage]
    /// Per channel.
    public let links: [LinkUsage]
    /// Critical-path shares, largest first (zero shares left out).
    public let criticalPath: [Share]
    /// The resource with the largest share.
    public let bottleneck: String
    /// Critical-path shares summed by kind of resource: `operations` (modules' gates and readouts),
    /// `generation` (heralded pair generation), `waiting` (for communication qubits or analysers),
    /// `swapping` (relays) and `classical` (feed-forward latency).
    public let sharesByKind: [String: Double]
    /// The kind with the largest share (ties: the order above).
    public let bottleneckKind: String

    /// The kinds of ``sharesByKind``, in order.
    public static let kinds = ["operations", "generation", "waiting", "swapping", "classical"]

    init(execution e: MachineExecution, makespans: [Double], fidelities: [Double], logFidelity: RunningSummary,
         pairsGenerated: Double, pairsDiscarded: Double, attribution: [Double], moduleUtilisation: [Double],
         linkUtilisation: [Double]) throws {
        shots = makespans.count
        strategy = e.strategy
        placement = e.placement
        partitionSeconds = e.partitionSeconds
        operations = e.operationsPerShot
        remoteOperations = e.remoteOperations
        pairsConsumed = e.pairsPerShot
        elementaryPairsConsumed = e.elementaryPairsPerShot
        self.pairsGenerated = pairsGenerated
        self.pairsDiscarded = pairsDiscarded
        makespan = try Distribution(makespans)
        fidelity = try Distribution(fidelities)
        meanLnF = logFidelity.mean
        geometricMeanFidelity = exp(logFidelity.mean)
        let m = e.machine
        modules = m.modules.enumerated().map { i, module in
            ModuleUsage(name: module.name, qubits: e.placement.filter { $0 == i }.count, utilisation: moduleUtilisation[i])
        }
        links = m.channels.enumerated().map { c, ch in
            LinkUsage(label: ch.label, pairsPerShot: e.plan.hopsPerChannel[c], expectedPairSeconds: ch.expectedPairSeconds,
                      pairFidelity: ch.pairState.fidelity, utilisation: linkUtilisation[c])
        }
        let names = ExecutionSimulator.resourceNames(m)
        let total = makespan.mean * Double(shots)
        criticalPath = zip(names, attribution).filter { $0.1 > 0 }
            .map { Share(resource: $0.0, share: total > 0 ? $0.1 / total : 0) }
            .sorted { $0.share > $1.share }
        bottleneck = criticalPath.first?.resource ?? "none (empty circuit)"
        let k = m.modules.count, c = m.channels.count
        let ranges = [0..<k, k..<(k + c), (k + c)..<(k + 2 * c), (k + 2 * c)..<(k + 2 * c + 1),
                      (k + 2 * c + 1)..<(k + 2 * c + 2)]
        var byKind: [String: Double] = [:]
        for (name, range) in zip(Self.kinds, ranges) {
            byKind[name] = total > 0 ? attribution[range].reduce(0, +) / total : 0
        }
        sharesByKind = byKind
        var best = Self.kinds[0]
        for kind in Self.kinds where (byKind[kind] ?? 0) > (byKind[best] ?? 0) { best = kind }
        bottleneckKind = best
    }
}
