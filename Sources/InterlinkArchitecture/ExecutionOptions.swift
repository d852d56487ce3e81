import InterlinkCore
import InterlinkPhysics

/// How remote operations are carried out (all consume pairs from the link physics).
public enum RemoteStrategy: String, Codable, Sendable, CaseIterable {
    /// Gate teleportation (Eisert, Jacobs, Papadopoulos & Plenio, PRA 62, 052317, 2000): one pair
    /// per remote operand of every multi-qubit gate.
    case teleportedGate
    /// Entanglement bursts (cat-entanglement): consecutive gates controlled by the same qubit on
    /// another module share one pair until the qubit takes a non-diagonal operation (Eisert et al.
    /// 2000; Wu et al., "Entanglement-efficient bipartite-distributed quantum computing", Quantum 7,
    /// 1196, 2023). Gates that cannot share fall back to teleported gates.
    case burst
    /// Qubit moves: the remote operand is teleported to the other module (one pair) and stays there,
    /// when that module has a free data qubit; otherwise a teleported gate.
    case move
}

/// How pairs are supplied to remote operations.
public struct PairSupply: Codable, Sendable, Equatable {
    /// The policy.
    public enum Policy: String, Codable, Sendable, Equatable, CaseIterable {
        /// A pair is generated when a remote operation becomes ready.
        case onDemand
        /// Each channel keeps up to `depth` pairs generated ahead, each discarded after `cutoffSeconds`.
        case buffered
    }
    /// The policy.
    public var policy: Policy
    /// Buffered: pairs kept ahead per channel (≥ 1; default 1).
    public var depth: Int?
    /// Buffered: storage cutoff (s, > 0); nil keeps pairs until used.
    public var cutoffSeconds: Double?

    /// Pairs generated on demand.
    public static let onDemand = PairSupply(policy: .onDemand)

    /// A supply policy.
    public init(policy: Policy, depth: Int? = nil, cutoffSeconds: Double? = nil) {
        self.policy = policy
        self.depth = depth
        self.cutoffSeconds = cutoffSeconds
    }

    /// Validates; errors name `path.<field>`.
    public func validate(at path: String) throws {
        if let d = depth { try Validate.count(d, atLeast: 1, atMost: 1_000_000, at: child(path, "depth")) }
        if let c = cutoffSeconds { try Validate.positive(c, at: child(path, "cutoffSeconds"), unit: "s") }
    }

    /// Pairs buffered per channel (0 on demand).
    var bufferDepth: Int { policy == .buffered ? (depth ?? 1) : 0 }
}

/// Settings of an execution: the remote strategy, the pair supply, the number of shots and the seed,
/// and optionally the placement (the `execution` object of an `interlink eval` document).
public struct ExecutionOptions: Codable, Sendable, Equatable {
    /// Remote strategy (default teleported gates).
    public var strategy: RemoteStrategy?
    /// Pair supply (default on demand).
    public var pairs: PairSupply?
    /// Monte Carlo shots (default 100, 1 … 1 000 000).
    public var shots: Int?
    /// Root seed of the random streams (default 1).
    public var seed: UInt64?
    /// A user placement: the module of every circuit qubit (default: METIS with refinement).
    public var placement: [Int]?
    /// Whether the METIS placement is refined for heterogeneity (default true).
    public var refine: Bool?

    /// Options with every field defaulted unless given.
    public init(strategy: RemoteStrategy? = nil, pairs: PairSupply? = nil, shots: Int? = nil, seed: UInt64? = nil,
                placement: [Int]? = nil, refine: Bool? = nil) {
        self.strategy = strategy
        self.pairs = pairs
        self.shots = shots
        self.seed = seed
        self.placement = placement
        self.refine = refine
    }

    /// Validates; errors name `path.<field>`.
    public func validate(at path: String) throws {
        if let s = shots { try Validate.count(s, atLeast: 1, atMost: 1_000_000, at: child(path, "shots")) }
        try pairs?.validate(at: child(path, "pairs"))
    }
}

extension PairSupply {
    /// Decodes a supply policy; `depth` must be an integral JSON number.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        policy = try c.decode(Policy.self, forKey: .policy)
        depth = try c.decodeIntegerIfPresent(forKey: .depth)
        cutoffSeconds = try c.decodeIfPresent(Double.self, forKey: .cutoffSeconds)
    }
}

extension ExecutionOptions {
    /// Decodes execution settings; `shots`, `seed` and `placement` must be integral JSON numbers
    /// (the seed non-negative).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        strategy = try c.decodeIfPresent(RemoteStrategy.self, forKey: .strategy)
        pairs = try c.decodeIfPresent(PairSupply.self, forKey: .pairs)
        shots = try c.decodeIntegerIfPresent(forKey: .shots)
        seed = try c.decodeSeedIfPresent(forKey: .seed)
        placement = try c.decodeIntegersIfPresent(forKey: .placement)
        refine = try c.decodeIfPresent(Bool.self, forKey: .refine)
    }
}
