import InterlinkCore
import Foundation

/// The local noise of a purification step: each node's gates, readout, their durations, its memory,
/// and the classical delay between the nodes.
public struct PurificationNoise: Codable, Sendable, Equatable {
    /// Local operations of node A.
    public var nodeA: LocalOperations
    /// Local operations of node B.
    public var nodeB: LocalOperations
    /// Memory of node A's kept qubit.
    public var memoryA: MemoryParameters
    /// Memory of node B's kept qubit.
    public var memoryB: MemoryParameters
    /// One-way classical delay between the nodes (seconds, ≥ 0).
    public var classicalDelaySeconds: Double

    /// Creates a noise description.
    public init(nodeA: LocalOperations, nodeB: LocalOperations, memoryA: MemoryParameters, memoryB: MemoryParameters,
                classicalDelaySeconds: Double) {
        self.nodeA = nodeA
        self.nodeB = nodeB
        self.memoryA = memoryA
        self.memoryB = memoryB
        self.classicalDelaySeconds = classicalDelaySeconds
    }

    /// Time each node's kept qubit waits from the start of the step until it knows the outcome: its own
    /// single-qubit rotation (DEJMPS only), two-qubit gate and readout, or the other node's operations
    /// plus the classical delay, whichever is later: t_A = max(d_A, d_B + t_c), t_B = max(d_B, d_A + t_c).
    public func waitingTimes(protocol p: PurificationProtocol) -> (a: Double, b: Double) {
        func duration(_ o: LocalOperations) -> Double {
            (p == .dejmps ? o.singleQubitGateSeconds : 0) + o.twoQubitGateSeconds + o.readoutSeconds
        }
        let (da, db) = (duration(nodeA), duration(nodeB))
        return (max(da, db + classicalDelaySeconds), max(db, da + classicalDelaySeconds))
    }
}

extension LocalOperations {
    /// Depolarising probability p of a single-qubit gate from F_avg = 1 − p/2 (d = 2), clamped to [0, 1]
    /// (ρ → (1 − p)ρ + p·𝟙/2; Nielsen, PLA 303, 249, 2002).
    public var singleQubitDepolarizingProbability: Double {
        min(1, max(0, 2 * (1 - singleQubitGateFidelity)))
    }
}

extension Purification {
    /// Source-pair weights after the bilateral CNOT, split by whether the target pair's Z outcomes
    /// agree (x_s = x_t) or disagree (x_s ≠ x_t); unnormalised, [I, X, Y, Z]. With error labels
    /// (x, z) the bilateral CNOT maps source (x_s, z_s) → (x_s, z_s ⊕ z_t) and target (x_t, z_t) →
    /// (x_s ⊕ x_t, z_t) (Dür & Briegel, Rep. Prog. Phys. 70, 1381, 2007).
    static func bilateralCNOTBranches(_ s: BellDiagonalState, _ t: BellDiagonalState) -> (agree: [Double], disagree: [Double]) {
        var agree = [0.0, 0, 0, 0], disagree = [0.0, 0, 0, 0]
        for a in 0..<4 {
            for b in 0..<4 {
                let (xs, zs) = PauliGroup.bits[a], (xt, zt) = PauliGroup.bits[b]
                let label = PauliGroup.bits.firstIndex { $0 == (xs, zs ^ zt) } ?? 0
                let w = s.weights[a] * t.weights[b]
                if xs == xt { agree[label] += w } else { disagree[label] += w }
            }
        }
        return (agree, disagree)
    }

    /// One recurrence step with local noise (`PurificationNoise`).
    ///
    /// Model: every single-qubit rotation (DEJMPS) is followed by single-qubit depolarising of
    /// probability p₁ = 2(1 − F₁q) on that qubit; each node's two-qubit gate is followed by two-qubit
    /// depolarising (probability p = 4(1 − F₂q)/3) of its two qubits. Because both pairs are
    /// Bell-diagonal, the other node's two qubits are maximally mixed, so a depolarising event at
    /// either node leaves all four qubits maximally mixed: with g = (1 − p_A)(1 − p_B) the pre-
    /// measurement state is g·(ideal) + (1 − g)·𝟙/16. Readouts flip with ε_A = 1 − F_ro,A and ε_B; the
    /// recorded bits agree wrongly with probability e = ε_A + ε_B − 2ε_Aε_B. Kept with probability
    /// P = g[(1 − e)N_agree + e·N_disagree] + (1 − g)/2; output ∝ g[(1 − e)·agree + e·disagree] +
    /// (1 − g)/2·𝟙/4. The kept pair then decoheres in each node's memory for
    /// `PurificationNoise.waitingTimes` (operations plus the classical message).
    public static func step(_ protocol: PurificationProtocol, _ first: BellDiagonalState, _ second: BellDiagonalState,
                            noise: PurificationNoise) -> Step {
        let single = PauliChannel.depolarizing(probability: noise.nodeA.singleQubitDepolarizingProbability)
            .composed(with: .depolarizing(probability: noise.nodeB.singleQubitDepolarizingProbability))
        var (s, t) = (first, second)
        switch `protocol` {
        case .dejmps:
            func rotate(_ x: BellDiagonalState) -> BellDiagonalState {
                let y = single.apply(to: x)
                return BellDiagonalState(normalizing: [y.lambdaI, y.lambdaX, y.lambdaZ, y.lambdaY])
            }
            (s, t) = (rotate(first), rotate(second))
        case .bbpssw:
            (s, t) = (first.twirled, second.twirled)
        }
        let g = (1 - noise.nodeA.twoQubitDepolarizingProbability) * (1 - noise.nodeB.twoQubitDepolarizingProbability)
        let ea = 1 - noise.nodeA.readoutFidelity, eb = 1 - noise.nodeB.readoutFidelity
        let e = ea + eb - 2 * ea * eb
        let (agree, disagree) = bilateralCNOTBranches(s, t)
        let kept = (0..<4).map { g * ((1 - e) * agree[$0] + e * disagree[$0]) + (1 - g) / 8 }
        let p = kept.reduce(0, +)
        guard p > 0 else { return Step(state: .maximallyMixed, successProbability: 0) }
        var out = BellDiagonalState(normalizing: kept.map { $0 / p })
        if `protocol` == .bbpssw { out = out.twirled }
        let (ta, tb) = noise.waitingTimes(protocol: `protocol`)
        out = MemoryDecoherence.stored(out, memoryA: noise.memoryA, timeA: ta, memoryB: noise.memoryB, timeB: tb)
        return Step(state: out, successProbability: min(1, p))
    }

    /// `rounds` symmetric recurrence rounds with local noise in every round (see `step(_:_:_:noise:)`).
    public static func recurrence(_ state: BellDiagonalState, protocol: PurificationProtocol, rounds: Int,
                                  noise: PurificationNoise) -> Rounds {
        iterate(state, rounds: rounds) { step(`protocol`, $0, $0, noise: noise) }
    }
}
