import InterlinkCore
import Foundation

/// Local gate and readout performance of a node.
///
/// Noise model: a gate of average gate fidelity F acts as a depolarising channel
/// ρ → (1 − p)ρ + p·𝟙/d, whose average gate fidelity is F = 1 − p(d − 1)/d (for a two-qubit gate,
/// d = 4: p = 4(1 − F)/3); a readout of fidelity F_ro flips the recorded bit with probability 1 − F_ro.
public struct LocalOperations: Codable, Sendable, Equatable {
    /// Average single-qubit gate fidelity in [0, 1].
    public var singleQubitGateFidelity: Double
    /// Single-qubit gate duration (seconds), ≥ 0.
    public var singleQubitGateSeconds: Double
    /// Average two-qubit gate fidelity in [0, 1].
    public var twoQubitGateFidelity: Double
    /// Two-qubit gate duration (seconds), ≥ 0.
    public var twoQubitGateSeconds: Double
    /// Readout (measurement) fidelity in [0, 1].
    public var readoutFidelity: Double
    /// Readout duration (seconds), ≥ 0.
    public var readoutSeconds: Double

    /// Creates local-operation parameters.
    public init(singleQubitGateFidelity: Double, singleQubitGateSeconds: Double,
                twoQubitGateFidelity: Double, twoQubitGateSeconds: Double,
                readoutFidelity: Double, readoutSeconds: Double) {
        self.singleQubitGateFidelity = singleQubitGateFidelity
        self.singleQubitGateSeconds = singleQubitGateSeconds
        self.twoQubitGateFidelity = twoQubitGateFidelity
        self.twoQubitGateSeconds = twoQubitGateSeconds
        self.readoutFidelity = readoutFidelity
        self.readoutSeconds = readoutSeconds
    }

    /// Validates every field; errors name `path.<field>`.
    public func validate(at path: String) throws {
        try Validate.efficiency(singleQubitGateFidelity, at: child(path, "singleQubitGateFidelity"))
        try Validate.nonNegative(singleQubitGateSeconds, at: child(path, "singleQubitGateSeconds"), unit: "s")
        try Validate.efficiency(twoQubitGateFidelity, at: child(path, "twoQubitGateFidelity"))
        try Validate.nonNegative(twoQubitGateSeconds, at: child(path, "twoQubitGateSeconds"), unit: "s")
        try Validate.efficiency(readoutFidelity, at: child(path, "readoutFidelity"))
        try Validate.nonNegative(readoutSeconds, at: child(path, "readoutSeconds"), unit: "s")
    }

    /// Depolarising probability p of the two-qubit gate, from F_avg = 1 − 3p/4 (d = 4), clamped to [0, 1].
    /// Source: Nielsen, PLA 303, 249 (2002), F_avg = (d·F_pro + 1)/(d + 1).
    public var twoQubitDepolarizingProbability: Double {
        min(1, max(0, 4 * (1 - twoQubitGateFidelity) / 3))
    }
}
