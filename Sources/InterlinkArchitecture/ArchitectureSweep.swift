import InterlinkCircuits
import InterlinkCore

/// The study API for sweeps of machines × circuits: a study's engine builds a
/// ``MachineDescription`` and a circuit from its sweep point and calls ``evaluate(_:circuit:options:shots:stream:)``;
/// ``values(_:)`` lists the headline numbers to turn into metrics. The sweep itself is an ordinary
/// `Study` sweep, so such studies shard, merge and cache like any other.
public enum ArchitectureSweep {
    /// One headline number of a summary.
    public struct Value: Sendable, Equatable {
        /// Metric name.
        public let name: String
        /// Value.
        public let value: Double
        /// Unit ("" for none).
        public let unit: String
        /// Standard error, when the value is a Monte Carlo mean.
        public let uncertainty: Double?
    }

    /// Builds the machine, places the circuit (METIS + refinement unless `options.placement`), and runs
    /// `shots` shots on `stream`.
    ///
    /// - Throws: ``ParameterError`` naming the field (paths start at `architecture` / `execution`).
    public static func evaluate(_ machine: MachineDescription, circuit: Circuit, options: ExecutionOptions = ExecutionOptions(),
                                shots: Int, stream: RandomStream) throws -> ExecutionSummary {
        let built = try Machine(machine)
        return try MachineExecution(machine: built, circuit: circuit, options: options).run(shots: shots, stream: stream)
    }

    /// The summary's headline numbers: makespan (mean ± SE, median, 95 % quantile), fidelity (mean ±
    /// SE) and mean ln F (`meanLnF`), pairs consumed and generated, remote operations, the critical-path share of
    /// each kind of resource (`share_<kind>`), and the bottleneck kind as its index in
    /// ``ExecutionSummary/kinds`` (`bottleneckKind`).
    public static func values(_ s: ExecutionSummary) -> [Value] {
        var out = [
            Value(name: "makespan", value: s.makespan.mean, unit: "s", uncertainty: s.makespan.standardError),
            Value(name: "makespanMedian", value: s.makespan.median, unit: "s", uncertainty: nil),
            Value(name: "makespanP95", value: s.makespan.p95, unit: "s", uncertainty: nil),
            Value(name: "fidelity", value: s.fidelity.mean, unit: "", uncertainty: s.fidelity.standardError),
            Value(name: "meanLnF", value: s.meanLnF, unit: "", uncertainty: nil),
            Value(name: "pairsConsumed", value: Double(s.pairsConsumed), unit: "", uncertainty: nil),
            Value(name: "pairsGenerated", value: s.pairsGenerated, unit: "", uncertainty: nil),
            Value(name: "remoteOperations", value: Double(s.remoteOperations), unit: "", uncertainty: nil),
        ]
        for kind in ExecutionSummary.kinds {
            out.append(Value(name: "share_\(kind)", value: s.sharesByKind[kind] ?? 0, unit: "", uncertainty: nil))
        }
        out.append(Value(name: "bottleneckKind", value: Double(ExecutionSummary.kinds.firstIndex(of: s.bottleneckKind) ?? 0),
                         unit: "", uncertainty: nil))
        return out
    }
}
