import Foundation
import InterlinkArchitecture
import InterlinkCircuits
import InterlinkCore
import InterlinkPhysics

/// Small machines with hand-set figures, so the expectations can be computed by hand.
enum Fixtures {
    /// A module of `preset` with every time and fidelity set explicitly.
    static func module(_ preset: String = "ion.ca40.854.cavity", dataQubits: Int = 4, comm: Int = 2,
                       oneQubit: Double = 1e-6, twoQubit: Double = 1e-5, readout: Double = 1e-4,
                       fidelity: Double = 1, readoutFidelity: Double = 1,
                       t1: Double? = 1e9, t2: Double? = 1e9) -> ModuleDescription {
        var m = ModuleDescription(preset: preset, dataQubits: dataQubits, communicationQubits: comm)
        m.singleQubitGateSeconds = oneQubit
        m.twoQubitGateSeconds = twoQubit
        m.readoutSeconds = readout
        m.singleQubitGateFidelity = fidelity
        m.twoQubitGateFidelity = fidelity
        m.readoutFidelity = readoutFidelity
        m.t1Seconds = t1
        m.t2Seconds = t2
        return m
    }

    /// An abstract link template.
    static func link(p: Double = 1, tau: Double = 0, fidelity: Double = 1, latency: Double = 0) -> LinkDescription {
        .abstract(0, 1, successProbability: p, attemptSeconds: tau, pairFidelity: fidelity, classicalLatencySeconds: latency)
    }

    /// Teleported gates on demand with a fixed placement.
    static func options(_ placement: [Int], strategy: RemoteStrategy = .teleportedGate,
                        pairs: PairSupply = .onDemand) -> ExecutionOptions {
        ExecutionOptions(strategy: strategy, pairs: pairs, placement: placement)
    }

    static let stream = RandomStream(rootSeed: 11, pointKey: "architecture-tests", replicate: 0)
}
