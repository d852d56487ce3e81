import InterlinkCore
import Foundation

/// A link's infidelity decomposed by mechanism, its photon loss by stage and its attempt period by
/// limit — computed from the model itself, each part summing to its total.
///
/// Infidelity, by sequential attribution: start from the link with every ``LinkMechanism`` off
/// (the protocol's intrinsic infidelity, e.g. a single-click scheme's bright-state error), switch the
/// mechanisms on one at a time in the fixed order of `LinkMechanism.allCases` (interference, noise
/// photons, dark counts, spin–photon error, memory, local operations), and attribute to each the
/// increase of 1 − F it causes. The parts telescope, so intrinsic + Σ parts = 1 − F of `LinkModel`
/// (of the purified state when a purification plan is configured). Mechanisms interact
/// (infidelities do not add), so a part depends on the order: a later mechanism is charged for its
/// effect on a state already degraded by the earlier ones.
public struct LinkErrorBudget: Codable, Sendable, Equatable {
    /// One mechanism's share of the infidelity.
    public struct Part: Codable, Sendable, Equatable {
        /// The mechanism.
        public var mechanism: LinkMechanism
        /// The increase of 1 − F when it is switched on (can be negative when a mechanism helps,
        /// e.g. noise that is later removed by purification).
        public var infidelity: Double
    }

    /// 1 − F with every mechanism off.
    public let intrinsicInfidelity: Double
    /// The parts, in attribution order.
    public let parts: [Part]
    /// 1 − F of the model (delivered, or purified when configured).
    public let totalInfidelity: Double
    /// Loss by stage of arm A.
    public let lossA: LossBudget
    /// Loss by stage of arm B.
    public let lossB: LossBudget
    /// The attempt period by contribution.
    public let time: AttemptPeriod

    /// Decomposes the link `c`; throws a `ParameterError` at `path` for invalid input.
    public init(configuration c: LinkConfiguration, path: String = "link") throws {
        let model = try LinkModel(configuration: c, path: path)
        var on = Set<LinkMechanism>()
        func infidelity() -> Double {
            let herald = LinkStateChain.herald(c, armA: model.armA, armB: model.armB, modeOverlap: model.modeOverlap, on: on)
            let delivered = LinkStateChain.delivered(LinkStateChain.heralded(herald, c, on: on), c,
                                                     armA: model.armA, armB: model.armB, on: on)
            guard let plan = c.purification, plan.rounds > 0 else { return 1 - delivered.fidelity }
            let noise = LinkStateChain.purificationNoise(c, armA: model.armA, armB: model.armB, on: on)
            return 1 - Purification.recurrence(delivered, protocol: plan.protocol, rounds: plan.rounds, noise: noise).state.fidelity
        }
        let intrinsic = infidelity()
        var previous = intrinsic
        var parts: [Part] = []
        for mechanism in LinkMechanism.allCases {
            on.insert(mechanism)
            let current = infidelity()
            parts.append(Part(mechanism: mechanism, infidelity: current - previous))
            previous = current
        }
        intrinsicInfidelity = intrinsic
        self.parts = parts
        totalInfidelity = 1 - (model.purification?.state.fidelity ?? model.fidelity)
        lossA = LossBudget(model.armA)
        lossB = LossBudget(model.armB)
        time = model.attemptPeriod
    }

    /// The part of `mechanism`.
    public func infidelity(of mechanism: LinkMechanism) -> Double {
        parts.first { $0.mechanism == mechanism }?.infidelity ?? 0
    }
}

/// An arm's photon loss by stage, in dB (−10·log10 of each factor of `ArmBudget`); the stages add
/// to the arm's total loss −10·log10 η.
public struct LossBudget: Codable, Sendable, Equatable {
    /// A loss stage.
    public enum Stage: String, Codable, Sendable, CaseIterable {
        /// Emitter collection.
        case collection
        /// Microwave-to-optical transduction (efficiency × bandwidth factor).
        case transduction
        /// Quantum frequency conversion.
        case conversion
        /// Spectral filter.
        case filter
        /// Fiber to the station.
        case fiber
        /// Insertion losses (switches, connectors).
        case insertion
        /// Detector efficiency.
        case detector
    }

    /// Loss of each stage (dB), in `Stage.allCases` order.
    public let lossDB: [Stage: Double]
    /// Total loss −10·log10 η (dB).
    public let totalDB: Double

    /// The budget of an evaluated arm.
    public init(_ arm: ArmBudget) {
        func dB(_ factor: Double) -> Double { 0 - 10 * log10(factor) }  // 0 − …: no −0 for a lossless stage
        lossDB = [.collection: dB(arm.collection), .transduction: dB(arm.transducer), .conversion: dB(arm.conversion),
                  .filter: dB(arm.filter), .fiber: dB(arm.fiber), .insertion: dB(arm.insertion), .detector: dB(arm.detector)]
        totalDB = dB(arm.endToEndEfficiency)
    }

    /// The stages' losses in `Stage.allCases` order.
    public var orderedLossDB: [Double] { Stage.allCases.map { lossDB[$0] ?? 0 } }
}
