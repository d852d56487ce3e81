import InterlinkBenchmarks
import ArgumentParser
import Foundation
import Interlink

/// `interlink bench`: speed of the Monte Carlo engine on fixed scenarios.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Time the Monte Carlo engine: ns per delivered pair per core, ratio to a bare geometric draw, 2-thread speed-up.",
        discussion: """
            Scenarios: one link at 2 × 10 km and 2 × 75 km, a two-link repeater with decoherence \
            and a cutoff, remote gates on an 8-module mixed architecture, and the floor (ns per \
            geometric draw of the bare generator). Build in release mode first (`make bench`). \
            `--architecture` runs the architecture scenario instead: a 16-module mixed machine \
            running a 128-qubit QFT (partition time, shots and scheduled gates per second per core, \
            peak memory).
            """)

    @Option(name: .long, help: "Threads of the parallel measurement.")
    var threads: Int = 2

    @Option(name: .long, help: "Multiplies the work per scenario (1 takes a few seconds).")
    var scale: Double = 1

    @Flag(name: .long, help: "Print the results as JSON.")
    var json = false

    @Flag(name: .long, help: "Run the architecture scenario (16 modules, 128-qubit QFT) instead.")
    var architecture = false

    /// Accepted work multipliers: beyond 1000 a run would take hours.
    static let scaleRange: ClosedRange<Double> = 1e-3...1000

    func validate() throws {
        guard BenchCommand.scaleRange.contains(scale) else {
            throw ValidationError("--scale must be in [0.001, 1000], not \(scale)")
        }
        guard (1...256).contains(threads) else { throw ValidationError("--threads must be in [1, 256], not \(threads)") }
    }

    func run() throws {
        if architecture { return try runArchitecture() }
        let results: [BenchmarkResult]
        do {
            results = try SimBenchmark.run(threads: threads, scale: scale)
        } catch {
            throw fail(error)
        }
        if json { return try printJSON(results) }
        #if DEBUG
        note("bench: this is a debug build; measure a release build (swift build -c release)")
        #endif
        let header = ["scenario", "unit", "ns/delivery/core", "per s per core", "× floor", "speed-up (\(threads) thr)", "target", "met"]
        var rows = [header]
        for r in results {
            rows.append([
                r.name, r.unit, String(format: "%.1f", r.nanosecondsPerDelivery),
                String(format: "%.3g", r.deliveriesPerSecondPerCore), String(format: "%.1f", r.ratioToFloor),
                String(format: "%.2f", r.speedup), r.target,
                (r.meetsTarget ? "yes" : "NO") + (r.meetsSpeedupTarget ? "" : " (speed-up below target)"),
            ])
        }
        let widths = header.indices.map { c in rows.map { $0[c].count }.max() ?? 0 }
        for row in rows {
            print(row.enumerated().map { c, cell in cell.padding(toLength: widths[c], withPad: " ", startingAt: 0) }
                .joined(separator: "  "))
        }
    }
}
