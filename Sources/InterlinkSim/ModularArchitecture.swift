import InterlinkCore

/// A modular architecture: modules of several modalities whose communication qubits are routed by
/// a photonic switch to a shared pool of Bell-state analysers (BSAs), serving a workload of remote
/// gates by gate teleportation (Eisert et al., PRA 62, 052317, 2000: one pair per gate).
///
/// Generating a pair between modules i and j occupies one communication qubit at each module and
/// one BSA for the switch reconfiguration time plus K attempts of the (i, j) link (K geometric);
/// the BSA is then released and the pair is consumed by the gate (local two-qubit gate + readout
/// at both ends), after which the two communication qubits are free again.
public struct ModularArchitecture: Sendable, Hashable {
    /// The modules.
    public let modules: [ArchitectureModule]
    /// Number of Bell-state analysers in the shared pool, ≥ 1.
    public let analysers: Int
    /// Switch reconfiguration time before each generation (seconds), ≥ 0.
    public let switchSeconds: Double
    /// The remote-gate workload.
    public let workload: RemoteGateWorkload
    /// Pair generation policy.
    public let pairPolicy: PairPolicy
    /// Unordered module pairs (i < j) with positive traffic.
    public let pairs: [ModulePair]
    /// Cumulative selection probabilities of ``pairs`` (last entry 1).
    let cumulativeWeights: [Double]

    /// One unordered module pair served by the architecture.
    public struct ModulePair: Sendable, Hashable {
        /// First module index.
        public let first: Int
        /// Second module index.
        public let second: Int
        /// The heralded link between them through the switch.
        public let link: SimulatedLink
        /// Product of both modules' gate fidelity factors.
        public let gateFactor: Double
        /// Duration of the teleported gate: the slower module's gate + readout (seconds).
        public let gateSeconds: Double
    }

    /// Creates an architecture.
    ///
    /// - Parameters:
    ///   - modules: at least two modules.
    ///   - analysers: size of the BSA pool, ≥ 1.
    ///   - switchSeconds: switch reconfiguration time, ≥ 0.
    ///   - workload: the remote-gate workload.
    ///   - pairPolicy: on demand or buffered.
    ///   - link: the heralded link between modules `i` and `j` (i < j) through the switch; called
    ///     once per module pair with positive traffic.
    /// - Throws: ``ParameterError`` naming the offending parameter, or the error thrown by `link`.
    public init(
        modules: [ArchitectureModule], analysers: Int, switchSeconds: Double = 0,
        workload: RemoteGateWorkload, pairPolicy: PairPolicy = .onDemand,
        link: (Int, Int) throws -> SimulatedLink
    ) throws {
        guard modules.count >= 2 else {
            throw ParameterError(invalid: "architecture.modules", reason: "needs at least two modules, got \(modules.count)")
        }
        guard analysers >= 1 else {
            throw ParameterError(invalid: "architecture.analysers", reason: "must be ≥ 1, got \(analysers)")
        }
        try Validate.nonNegative(switchSeconds, at: "architecture.switchSeconds", unit: "s")
        if case let .buffered(depth, cutoff) = pairPolicy {
            guard depth >= 1 else {
                throw ParameterError(invalid: "architecture.pairPolicy.buffered.depth", reason: "must be ≥ 1, got \(depth)")
            }
            try cutoff.validate(at: "architecture.pairPolicy.buffered.cutoff")
        }
        let weights = try workload.pairWeights(modules: modules.count)
        var pairs: [ModulePair] = []
        var selected: [Double] = []
        var w = 0
        for i in 0..<modules.count {
            for j in (i + 1)..<modules.count {
                defer { w += 1 }
                guard weights[w] > 0 else { continue }
                pairs.append(ModulePair(
                    first: i, second: j, link: try link(i, j),
                    gateFactor: modules[i].gateFidelityFactor * modules[j].gateFidelityFactor,
                    gateSeconds: max(modules[i].gateSeconds, modules[j].gateSeconds)))
                selected.append(weights[w])
            }
        }
        let total = selected.reduce(0, +)
        var running = 0.0
        cumulativeWeights = selected.enumerated().map { k, x in
            running += x
            return k == selected.count - 1 ? 1 : running / total
        }
        self.modules = modules
        self.analysers = analysers
        self.switchSeconds = switchSeconds
        self.workload = workload
        self.pairPolicy = pairPolicy
        self.pairs = pairs
    }

    /// Draws the index (into ``pairs``) of the module pair of a new request.
    func drawPair(using stream: inout RandomStream) -> Int {
        let u = stream.nextUniform()
        var lo = 0, hi = cumulativeWeights.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if u < cumulativeWeights[mid] { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }
}
