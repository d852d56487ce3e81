import ArgumentParser
import Foundation
import Interlink
import InterlinkBenchmarks

extension BenchCommand {
    /// `interlink bench --architecture`: the issue-19 scenario (`ArchitectureBenchmark`); `--scale`
    /// multiplies its 40 shots.
    func runArchitecture() throws {
        let result: ArchitectureBenchmark.Result
        do {
            result = try ArchitectureBenchmark.run(shots: max(4, Int(40 * scale)))
        } catch {
            throw fail(error)
        }
        if json { return try printJSON(result) }
        #if DEBUG
        note("bench: this is a debug build; measure a release build (swift build -c release)")
        #endif
        print("scenario                      \(result.name)")
        print("machine                       \(result.modules) modules, \(result.qubits) qubits, \(result.operations) operations (\(result.remoteOperations) remote, \(result.pairsPerShot) pairs per shot)")
        print(String(format: "partition (METIS + refine)    %.2f ms", result.partitionMilliseconds))
        print(String(format: "shots per second per core     %.3g  (%d shots: %.2f s CPU, %.2f s wall)", result.shotsPerSecondPerCore,
                     result.shots, result.cpuSeconds, result.wallSeconds))
        print(String(format: "scheduled gates/s per core    %.3g", result.scheduledGatesPerSecondPerCore))
        print(String(format: "peak memory                   %.1f MB after %d shots, %.1f MB after %d", result.peakMemoryMBShort,
                     result.shots / 4, result.peakMemoryMBLong, result.shots))
        print(String(format: "mean makespan                 %.4g s", result.meanMakespanSeconds))
        for t in result.targets { print("target: \(t)") }
    }

    /// Prints `value` as pretty JSON with sorted keys (the `--json` output of both scenarios).
    func printJSON(_ value: some Encodable) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        do {
            FileHandle.standardOutput.write(try encoder.encode(value))
        } catch {
            throw fail(error)
        }
        print()
    }
}
