import InterlinkCore
import InterlinkPhysics

/// One way of generating a Bell pair between two adjacent modules: a direct link, or the route
/// through a switch between two of its modules.
///
/// A generation occupies one communication qubit at each end and one Bell-state analyser of the
/// channel's pool for `setupSeconds` (switch reconfiguration) plus K attempts of `attemptSeconds`,
/// K geometric with `successProbability`.
public struct PairChannel: Sendable, Equatable {
    /// A label such as `links[0]` or `switches[0]:2-5`.
    public let label: String
    /// The module at end A.
    public let moduleA: Int
    /// The module at end B.
    public let moduleB: Int
    /// Success probability per attempt in (0, 1].
    public let successProbability: Double
    /// Attempt period (s).
    public let attemptSeconds: Double
    /// Setup time before each generation (switch reconfiguration; s).
    public let setupSeconds: Double
    /// The pair delivered to both modules (before any storage while it waits to be used).
    public let pairState: BellDiagonalState
    /// One-way classical latency between the two modules (s).
    public let classicalLatencySeconds: Double
    /// The Bell-state-analyser pool (index into ``Machine/analyserPools``).
    public let pool: Int
    /// The link physics (photonic channels only).
    public let link: LinkModel?

    /// A channel; the caller has validated the numbers.
    public init(label: String, moduleA: Int, moduleB: Int, successProbability: Double, attemptSeconds: Double,
                setupSeconds: Double, pairState: BellDiagonalState, classicalLatencySeconds: Double, pool: Int,
                link: LinkModel? = nil) {
        self.label = label
        self.moduleA = moduleA
        self.moduleB = moduleB
        self.successProbability = successProbability
        self.attemptSeconds = attemptSeconds
        self.setupSeconds = setupSeconds
        self.pairState = pairState
        self.classicalLatencySeconds = classicalLatencySeconds
        self.pool = pool
        self.link = link
    }

    /// Expected time of one generation: setup + τ/p (mean of the geometric number of attempts).
    public var expectedPairSeconds: Double { setupSeconds + attemptSeconds / successProbability }

    /// Fraction of the channel's heralds that are true (both photons from the emitters), from the
    /// link physics: `trueHeraldRateHz / rateHz`; 1 for abstract channels, whose pairs are given.
    public var trueHeraldFraction: Double {
        guard let link, link.rateHz > 0 else { return 1 }
        return min(1, link.trueHeraldRateHz / link.rateHz)
    }

    /// The module at the other end from `module`.
    func other(_ module: Int) -> Int { module == moduleA ? moduleB : moduleA }
}
