import InterlinkArchitecture
import InterlinkCore
import Testing
@testable import InterlinkBenchmarks

@Suite("Architecture benchmark scenario")
struct ArchitectureBenchmarkTests {
    @Test("the scenario is a 16-module, 128-qubit machine running a 128-qubit QFT, with consistent numbers")
    func smoke() throws {
        let machine = try Machine(ArchitectureBenchmark.machine())
        #expect(machine.modules.count == 16)
        #expect(machine.capacities.reduce(0, +) == 128)
        #expect(Set(machine.modules.map(\.preset)).count == 4)
        #expect(machine.channels.count == 16 * 15 / 2)  // one switch joins every pair
        let r = try ArchitectureBenchmark.run(shots: 4)
        // QFT(128) with swaps: 128 h + 128·127/2 cp + 64 swap (Nielsen & Chuang §5.1).
        #expect(r.operations == 128 + 128 * 127 / 2 + 64)
        #expect(r.pairsPerShot == r.remoteOperations)  // teleported two-qubit gates: one pair each
        #expect(abs(r.scheduledGatesPerSecondPerCore / r.shotsPerSecondPerCore - Double(r.operations)) < 1e-6 * Double(r.operations))
        #expect(r.peakMemoryMBLong >= r.peakMemoryMBShort && r.peakMemoryMBShort > 0)
        #expect(r.targets.count == 4)
    }
}
