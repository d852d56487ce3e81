import Foundation
import InterlinkArchitecture
import InterlinkCircuits
import InterlinkCore
#if canImport(Glibc)
import Glibc
#endif

/// The `interlink bench --architecture` scenario (issue 19): a 16-module mixed machine (4 transmon
/// modules behind electro-optic transducers, 4 ⁴⁰Ca⁺ cavity modules, 4 ¹⁷¹Yb arrays, 4 ⁸⁷Rb atoms;
/// 8 data and 2 communication qubits each) around one photonic switch with 8 Bell-state analysers,
/// running a 128-qubit QFT (8 320 operations) with teleported gates on demand. Measures the
/// partition time (METIS + refinement), shots and scheduled operations per second on one core (from
/// the thread's CPU time, so that a shared machine does not distort it; wall time is reported too), and
/// the peak resident memory (getrusage `ru_maxrss`) after a run of `shots` shots and after one of
/// 4 × `shots` (memory must grow with the circuit, not the shots). Measure release builds only.
public enum ArchitectureBenchmark: Sendable {
    /// One measurement.
    public struct Result: Sendable, Hashable, Codable {
        /// Scenario name.
        public let name: String
        /// Modules, circuit qubits, operations per shot, operations across modules, pairs per shot.
        public let modules: Int, qubits: Int, operations: Int, remoteOperations: Int, pairsPerShot: Int
        /// Partition time (METIS + heterogeneity refinement), best of three (ms).
        public let partitionMilliseconds: Double
        /// Shots timed in the longer run.
        public let shots: Int
        /// Shots per second on one core (from the thread's CPU time).
        public let shotsPerSecondPerCore: Double
        /// Wall-clock seconds of the long run (≥ its CPU time when the machine is shared).
        public let wallSeconds: Double, cpuSeconds: Double
        /// Scheduled operations per second on one core.
        public let scheduledGatesPerSecondPerCore: Double
        /// Peak resident memory after `shots/4` and after `shots` shots (MB).
        public let peakMemoryMBShort: Double, peakMemoryMBLong: Double
        /// Mean makespan of the run (s), for orientation.
        public let meanMakespanSeconds: Double
        /// The acceptance targets, in words, and whether each is met.
        public let targets: [String]
        /// Whether every target is met.
        public let meetsTargets: Bool
    }

    /// The machine of the scenario.
    public static func machine() throws -> MachineDescription {
        let presets = ["transmon.transducer.eo", "ion.ca40.854.cavity", "atom.yb171.array.telecom", "atom.rb87.780"]
        let modules = (0..<16).map { i in
            ModuleDescription(preset: presets[i % 4], dataQubits: 8, communicationQubits: 2, name: "m\(i)")
        }
        var s = SwitchDescription(modules: [], name: "core", fiberKm: 0.005, insertionLossDB: 1,
                                  reconfigurationSeconds: 10e-6, analysers: 8)
        s.residualVisibility = 0.95
        return .star(modules, through: s)
    }

    /// Runs the scenario with `shots` shots in the long run (≥ 4).
    public static func run(shots: Int = 40) throws -> Result {
        try Validate.count(shots, atLeast: 4, atMost: 1_000_000, at: "shots")
        let machine = try Machine(machine())
        let circuit = try Circuit.qft(qubits: 128)
        var partition = Double.infinity
        var execution: MachineExecution?
        for _ in 0..<3 {
            let e = try MachineExecution(machine: machine, circuit: circuit)
            partition = min(partition, e.partitionSeconds)
            execution = e
        }
        guard let e = execution else { throw ParameterError(invalid: "shots", reason: "no run") }
        let stream = RandomStream(rootSeed: 0x19, pointKey: "bench-architecture", replicate: 0)
        _ = try e.run(shots: shots / 4, stream: stream)
        let short = peakMemoryMB()
        let clock = ContinuousClock()
        let began = clock.now
        let cpuBegan = threadCPUSeconds()
        let summary = try e.run(shots: shots, stream: stream)
        let cpu = threadCPUSeconds() - cpuBegan
        let d = clock.now - began
        let wall = Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
        // Per core: the CPU time of this thread (the machine may be shared; wall time is reported too).
        let seconds = cpu > 0 ? cpu : wall
        let long = peakMemoryMB()
        let gatesPerSecond = Double(shots * e.operationsPerShot) / seconds
        let checks = [
            ("partition < 100 ms", partition < 0.1),
            ("≥ 1e6 scheduled gates/s/core", gatesPerSecond >= 1e6),
            ("peak memory < 200 MB", long < 200),
            ("memory does not grow with shots (≤ 5 % from \(shots / 4) to \(shots) shots)", long <= short * 1.05),
        ]
        return Result(
            name: "architecture.16-module.qft-128", modules: machine.modules.count, qubits: circuit.qubitCount,
            operations: e.operationsPerShot, remoteOperations: e.remoteOperations, pairsPerShot: e.pairsPerShot,
            partitionMilliseconds: partition * 1e3, shots: shots, shotsPerSecondPerCore: Double(shots) / seconds,
            wallSeconds: wall, cpuSeconds: cpu,
            scheduledGatesPerSecondPerCore: gatesPerSecond, peakMemoryMBShort: short, peakMemoryMBLong: long,
            meanMakespanSeconds: summary.makespan.mean,
            targets: checks.map { "\($0.0): \($0.1 ? "met" : "NOT met")" }, meetsTargets: checks.allSatisfy(\.1))
    }

    /// CPU seconds consumed by the calling thread (`CLOCK_THREAD_CPUTIME_ID`).
    static func threadCPUSeconds() -> Double {
        var t = timespec()
        guard clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t) == 0 else { return 0 }
        return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
    }

    /// Peak resident set size of this process (MB; `ru_maxrss` is in kB on Linux).
    static func peakMemoryMB() -> Double {
        var usage = rusage()
        _ = getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return Double(usage.ru_maxrss) / 1024
    }
}
