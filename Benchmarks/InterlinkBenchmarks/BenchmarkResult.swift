import InterlinkPhysics
import InterlinkCore
import InterlinkSim

/// One line of ``SimBenchmark`` output.
public struct BenchmarkResult: Sendable, Hashable, Codable {
    /// Scenario name, e.g. `link.2x10km`.
    public let name: String
    /// What one delivery is (`pair`, `end-to-end pair`, `remote gate`, `geometric draw`).
    public let unit: String
    /// Deliveries simulated in the single-thread measurement.
    public let deliveries: Int
    /// Wall-clock nanoseconds per delivery per core (single thread).
    public let nanosecondsPerDelivery: Double
    /// Deliveries per second per core, 1e9 / ``nanosecondsPerDelivery``.
    public let deliveriesPerSecondPerCore: Double
    /// ``nanosecondsPerDelivery`` divided by the floor (ns per bare geometric draw).
    public let ratioToFloor: Double
    /// Threads of the parallel measurement.
    public let threads: Int
    /// Single-thread wall time over `threads`-thread wall time for the same work (1 when threads = 1).
    public let speedup: Double
    /// The acceptance target, in words.
    public let target: String
    /// Whether the single-thread measurement meets the target.
    public let meetsTarget: Bool
    /// Whether the speed-up reaches the target of 1.8 on 2 threads (0.9 × threads in general;
    /// `true` when threads = 1). Depends on the machine being otherwise idle.
    public let meetsSpeedupTarget: Bool
}
