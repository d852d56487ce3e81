import InterlinkCore

/// The error mechanisms of a heralded link, in the fixed order in which ``LinkErrorBudget`` switches
/// them on.
public enum LinkMechanism: String, Codable, Sendable, CaseIterable {
    /// Two-photon visibility V = V₀·M below 1 (residual visibility and spectral mode mismatch), and
    /// for single-click the phase stability and the detuning's overlap phase.
    case interference
    /// Noise photons from transduction and frequency conversion reaching the station detectors.
    case noisePhotons
    /// Dark counts of the station detectors.
    case darkCounts
    /// The nodes' spin–photon errors (`SpinPhotonErrors`).
    case spinPhoton
    /// Memory decoherence while the herald travels back (and, with purification, while the
    /// nodes exchange messages and operate).
    case memory
    /// Gate and readout errors of the nodes' local operations: the transfer steps that move a
    /// heralded qubit into memory, and with purification the purification gates and readout.
    case localOperations

    /// A short label for tables and figures.
    public var label: String {
        switch self {
        case .interference: return "visibility and mode mismatch"
        case .noisePhotons: return "noise photons"
        case .darkCounts: return "dark counts"
        case .spinPhoton: return "spin-photon error"
        case .memory: return "memory decoherence"
        case .localOperations: return "local operations"
        }
    }
}

/// The delivered state of a link with a chosen set of mechanisms switched on; with all of them on
/// this is exactly `LinkModel`'s state (the model computes its state through this function).
enum LinkStateChain {
    /// The herald outcome with `on` mechanisms.
    static func herald(_ c: LinkConfiguration, armA: ArmBudget, armB: ArmBudget, modeOverlap: Double,
                       on: Set<LinkMechanism>) -> HeraldOutcome {
        let detuning = c.detuningMHz ?? 0
        let interference = on.contains(.interference)
        let visibility = interference ? c.residualVisibility * modeOverlap : 1
        let noise = StationNoise(darkClick1: on.contains(.darkCounts) ? armA.darkClickProbability : 0,
                                 darkClick2: on.contains(.darkCounts) ? armB.darkClickProbability : 0,
                                 noisePhotons: on.contains(.noisePhotons) ? armA.noisePhotonsPerWindow + armB.noisePhotonsPerWindow : 0)
        let kind = c.armA.detector.resolvedKind
        switch c.scheme.kind {
        case .twoPhoton:
            return TwoPhotonHeralding.outcome(etaA: armA.endToEndEfficiency, etaB: armB.endToEndEfficiency,
                                              visibility: visibility, noise: noise, detector: kind)
        case .singleClick:
            let alpha = c.scheme.brightStatePopulation ?? 0
            let phase = interference ? armA.spectrum.overlapPhase(with: armB.spectrum.shifted(detuningMHz: detuning)) : 0
            return SingleClickHeralding.outcome(etaA: armA.endToEndEfficiency, etaB: armB.endToEndEfficiency,
                                                alphaA: alpha, alphaB: c.scheme.brightStatePopulationB ?? alpha,
                                                visibility: visibility,
                                                phaseStability: interference ? (c.scheme.phaseStability ?? 1) : 1,
                                                noise: noise, detector: kind, overlapPhase: phase,
                                                phaseCompensated: c.scheme.detuningPhaseCompensated ?? true)
        }
    }

    /// The state after the nodes' spin–photon channels (`on` decides whether they apply).
    static func heralded(_ herald: HeraldOutcome, _ c: LinkConfiguration, on: Set<LinkMechanism>) -> BellDiagonalState {
        guard on.contains(.spinPhoton) else { return herald.state }
        let spinA = c.armA.node.spinPhoton?.channel ?? .identity
        let spinB = c.armB.node.spinPhoton?.channel ?? .identity
        return spinB.apply(to: spinA.apply(to: herald.state))
    }

    /// The state once both nodes hold the herald.
    static func delivered(_ heralded: BellDiagonalState, _ c: LinkConfiguration, armA: ArmBudget, armB: ArmBudget,
                          on: Set<LinkMechanism>) -> BellDiagonalState {
        let stepsA = c.armA.node.steps, stepsB = c.armB.node.steps
        // Transfer steps (emission-qubit → memory moves) are local operations; while one node runs
        // its steps after the herald, the other node's memory waits.
        let moved = on.contains(.localOperations) ? stepsB.channel.apply(to: stepsA.channel.apply(to: heralded)) : heralded
        guard on.contains(.memory) else { return moved }
        return MemoryDecoherence.stored(moved, memoryA: c.armA.node.memory,
                                        timeA: armA.heraldRoundTripSeconds + stepsB.storageSeconds,
                                        memoryB: c.armB.node.memory,
                                        timeB: armB.heraldRoundTripSeconds + stepsA.storageSeconds)
    }

    /// The purification noise with `on` mechanisms (perfect gates keep their durations).
    static func purificationNoise(_ c: LinkConfiguration, armA: ArmBudget, armB: ArmBudget,
                                  on: Set<LinkMechanism>) -> PurificationNoise {
        func operations(_ o: LocalOperations) -> LocalOperations {
            if on.contains(.localOperations) { return o }
            return LocalOperations(singleQubitGateFidelity: 1, singleQubitGateSeconds: o.singleQubitGateSeconds,
                                   twoQubitGateFidelity: 1, twoQubitGateSeconds: o.twoQubitGateSeconds,
                                   readoutFidelity: 1, readoutSeconds: o.readoutSeconds)
        }
        let memory = on.contains(.memory)
        return PurificationNoise(nodeA: operations(c.armA.node.operations), nodeB: operations(c.armB.node.operations),
                                 memoryA: memory ? c.armA.node.memory : MemoryParameters(),
                                 memoryB: memory ? c.armB.node.memory : MemoryParameters(),
                                 classicalDelaySeconds: armA.oneWayDelaySeconds + armB.oneWayDelaySeconds)
    }
}
