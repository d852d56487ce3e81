import Foundation
import InterlinkCore
import InterlinkPhysics

/// A validated machine: resolved modules, the pair channels of its interconnect (with their link
/// physics evaluated), the analyser pools and the routes between every two modules.
///
/// Built from a ``MachineDescription``; every invalid field throws a ``ParameterError`` naming its
/// path, e.g. `architecture.modules[2].dataQubits`, `architecture.links[0].lengthKm`, or
/// `architecture.modules[3]` for a module with no path to module 0.
public struct Machine: Sendable {
    /// The description it was built from.
    public let description: MachineDescription
    /// The modules.
    public let modules: [MachineModule]
    /// The pair channels (links first, then every module pair of every switch).
    public let channels: [PairChannel]
    /// The size of every Bell-state-analyser pool (one per link, then one per switch).
    public let analyserPools: [Int]
    /// `routes[a][b]`: the fastest route for pairs between modules a and b (nil for a = b).
    public let routes: [[PairRoute?]]

    /// Validates `description` and evaluates its links; errors name `path.<field>`.
    public init(_ description: MachineDescription, path: String = "architecture") throws {
        guard !description.modules.isEmpty else {
            throw ParameterError(invalid: child(path, "modules"), reason: "at least one module is needed")
        }
        let modules = try description.modules.enumerated().map { i, m in
            try MachineModule(m, path: "\(child(path, "modules"))[\(i)]")
        }
        var channels: [PairChannel] = []
        var pools: [Int] = []
        for (i, l) in (description.links ?? []).enumerated() {
            let p = "\(child(path, "links"))[\(i)]"
            pools.append(try Self.analysers(l.analysers, at: child(p, "analysers")))
            channels.append(try Self.channel(l, index: i, modules: modules, pool: pools.count - 1, path: p))
        }
        for (i, s) in (description.switches ?? []).enumerated() {
            let p = "\(child(path, "switches"))[\(i)]"
            pools.append(try Self.analysers(s.analysers, at: child(p, "analysers")))
            channels += try Self.channels(s, index: i, modules: modules, pool: pools.count - 1, path: p)
        }
        self.description = description
        self.modules = modules
        self.channels = channels
        analyserPools = pools
        routes = Self.routes(modules: modules, channels: channels)
        for m in modules.indices.dropFirst() where routes[0][m] == nil {
            throw ParameterError(invalid: "\(child(path, "modules"))[\(m)]",
                                 reason: "module \(m) ('\(modules[m].name)') has no path to module 0 ('\(modules[0].name)') through the links and switches (a relay module needs ≥ 2 communication qubits)")
        }
    }

    /// Longest fiber of a link (`lengthKm`) or of a switch port (`fiberKm`), in km: half the Earth's
    /// circumference, farther than any two places on Earth along its surface (at 0.2 dB/km a tenth
    /// of it already transmits below 10⁻³⁹).
    public static let maximumFiberKm = 20_000.0
    /// Largest insertion loss of one switch pass (`insertionLossDB`): 100 dB, a transmission of 10⁻¹⁰.
    public static let maximumInsertionLossDB = 100.0
    /// Longest switch reconfiguration (`reconfigurationSeconds`), abstract attempt period
    /// (`attemptSeconds`) or one-way classical latency (`classicalLatencySeconds`), in s: 1 s. MEMS
    /// and piezo optical switches reconfigure in milliseconds and the slowest mechanical ones in
    /// under a second; light crosses half the Earth's circumference in 0.1 s of fiber.
    public static let maximumDelaySeconds = 1.0

    private static func analysers(_ n: Int?, at path: String) throws -> Int {
        let n = n ?? 1
        try Validate.count(n, atLeast: 1, atMost: 1_000_000, at: path)
        return n
    }

    private static func moduleIndex(_ m: Int, count: Int, at path: String) throws -> Int {
        guard m >= 0, m < count else {
            throw ParameterError(invalid: path, reason: "module index \(m) is outside 0..<\(count)")
        }
        return m
    }

    /// The channel of a direct link.
    static func channel(_ l: LinkDescription, index: Int, modules: [MachineModule], pool: Int, path: String) throws -> PairChannel {
        guard l.modules.count == 2 else {
            throw ParameterError(invalid: child(path, "modules"), reason: "a link joins exactly two modules, got \(l.modules.count)")
        }
        let a = try moduleIndex(l.modules[0], count: modules.count, at: "\(child(path, "modules"))[0]")
        let b = try moduleIndex(l.modules[1], count: modules.count, at: "\(child(path, "modules"))[1]")
        guard a != b else {
            throw ParameterError(invalid: "\(child(path, "modules"))[1]", reason: "a link joins two distinct modules, got \(a) twice")
        }
        if let latency = l.classicalLatencySeconds {
            try Validate.inRange(latency, 0...maximumDelaySeconds, at: child(path, "classicalLatencySeconds"), unit: "s")
        }
        let label = "links[\(index)]"
        switch l.kind ?? .photonic {
        case .abstract:
            for (field, value) in [("successProbability", l.successProbability), ("attemptSeconds", l.attemptSeconds),
                                   ("pairFidelity", l.pairFidelity)] where value == nil {
                throw ParameterError(kind: .missingField, path: child(path, field), message: "required for an abstract link")
            }
            let p = l.successProbability ?? 1, tau = l.attemptSeconds ?? 0, f = l.pairFidelity ?? 1
            try Validate.successProbability(p, at: child(path, "successProbability"))
            try Validate.inRange(tau, 0...maximumDelaySeconds, at: child(path, "attemptSeconds"), unit: "s")
            try Validate.inRange(f, 0.25...1, at: child(path, "pairFidelity"))
            try requireFinitePairTime(p, attemptSeconds: tau, at: child(path, "successProbability"))
            return PairChannel(label: label, moduleA: a, moduleB: b, successProbability: p, attemptSeconds: tau,
                               setupSeconds: 0, pairState: .werner(fidelity: f),
                               classicalLatencySeconds: l.classicalLatencySeconds ?? 0, pool: pool)
        case .photonic:
            let length = l.lengthKm ?? 0.01
            try Validate.inRange(length, 0...maximumFiberKm, at: child(path, "lengthKm"), unit: "km")
            var armA = modules[a].arm, armB = modules[b].arm
            armA.fiber.lengthKm = length / 2
            armB.fiber.lengthKm = length / 2
            if let o = l.armA { armA = try merged(armA, o, path: child(path, "armA")) }
            if let o = l.armB { armB = try merged(armB, o, path: child(path, "armB")) }
            let config = LinkConfiguration(scheme: l.scheme ?? .twoPhoton, armA: armA, armB: armB,
                                           residualVisibility: l.residualVisibility ?? 1)
            return try photonic(config, label: label, a: a, b: b, setup: 0, latency: l.classicalLatencySeconds,
                                pool: pool, path: path)
        }
    }

    /// The channels of a switch: every pair of its modules.
    static func channels(_ s: SwitchDescription, index: Int, modules: [MachineModule], pool: Int,
                         path: String) throws -> [PairChannel] {
        guard s.modules.count >= 2 else {
            throw ParameterError(invalid: child(path, "modules"), reason: "a switch joins at least two modules, got \(s.modules.count)")
        }
        var seen = Set<Int>()
        for (k, m) in s.modules.enumerated() {
            _ = try moduleIndex(m, count: modules.count, at: "\(child(path, "modules"))[\(k)]")
            guard seen.insert(m).inserted else {
                throw ParameterError(invalid: "\(child(path, "modules"))[\(k)]", reason: "module \(m) is attached twice")
            }
        }
        let fiber = s.fiberKm ?? 0.005, loss = s.insertionLossDB ?? 1, setup = s.reconfigurationSeconds ?? 10e-6
        try Validate.inRange(fiber, 0...maximumFiberKm, at: child(path, "fiberKm"), unit: "km")
        try Validate.inRange(loss, 0...maximumInsertionLossDB, at: child(path, "insertionLossDB"), unit: "dB")
        try Validate.inRange(setup, 0...maximumDelaySeconds, at: child(path, "reconfigurationSeconds"), unit: "s")
        if let latency = s.classicalLatencySeconds {
            try Validate.inRange(latency, 0...maximumDelaySeconds, at: child(path, "classicalLatencySeconds"), unit: "s")
        }
        var out: [PairChannel] = []
        for (i, a) in s.modules.enumerated() {
            for b in s.modules[(i + 1)...] {
                var armA = modules[a].arm, armB = modules[b].arm
                for k in [0, 1] {
                    var arm = k == 0 ? armA : armB
                    arm.fiber.lengthKm = fiber
                    arm.insertionLossesDB.append(loss)
                    if k == 0 { armA = arm } else { armB = arm }
                }
                let config = LinkConfiguration(scheme: s.scheme ?? .twoPhoton, armA: armA, armB: armB,
                                               residualVisibility: s.residualVisibility ?? 1)
                out.append(try photonic(config, label: "switches[\(index)]:\(a)-\(b)", a: a, b: b, setup: setup,
                                        latency: s.classicalLatencySeconds, pool: pool, path: path))
            }
        }
        return out
    }

    /// A photonic channel from its link configuration.
    static func photonic(_ config: LinkConfiguration, label: String, a: Int, b: Int, setup: Double, latency: Double?,
                         pool: Int, path: String) throws -> PairChannel {
        let model = try LinkModel(configuration: config, path: path)
        guard model.successProbabilityPerRound > 0 else {
            throw ParameterError(invalid: path, reason: "the link between modules \(a) and \(b) never heralds a pair (success probability 0)")
        }
        try requireFinitePairTime(model.successProbabilityPerRound, attemptSeconds: model.attemptPeriod.periodSeconds, at: path)
        return PairChannel(label: label, moduleA: a, moduleB: b, successProbability: model.successProbabilityPerRound,
                           attemptSeconds: model.attemptPeriod.periodSeconds, setupSeconds: setup,
                           pairState: model.deliveredState,
                           classicalLatencySeconds: latency ?? (model.armA.oneWayDelaySeconds + model.armB.oneWayDelaySeconds),
                           pool: pool, link: model)
    }

    /// Rejects a channel whose expected time per pair, attempt period / success probability, is not a
    /// finite number of seconds (a success probability so small that no pair ever arrives).
    static func requireFinitePairTime(_ p: Double, attemptSeconds: Double, at path: String) throws {
        guard (attemptSeconds / p).isFinite else {
            throw ParameterError(invalid: path, reason: "success probability \(Validate.format(p)) per attempt of \(Validate.format(attemptSeconds)) s: the expected time per pair is not a finite number of seconds")
        }
    }

    /// `arm` with the JSON `overrides` merged in (objects key by key, other values replace).
    static func merged(_ arm: ArmConfiguration, _ overrides: JSONValue, path: String) throws -> ArmConfiguration {
        guard case .object = overrides else {
            throw ParameterError(kind: .wrongType, path: path, message: "expected an object of arm fields to override")
        }
        let base = try JSONValue(encoding: arm)
        return try DocumentDecoding.decode(ArmConfiguration.self, from: base.merged(with: overrides), path: path)
    }
}
