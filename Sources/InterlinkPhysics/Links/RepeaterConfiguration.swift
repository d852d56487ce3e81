import InterlinkCore
import Foundation

/// A two-link repeater A — R — B as configuration data (the `repeater` object of an evaluation
/// document). `linkA.armB` and `linkB.armA` are the repeater node R's two interfaces; the swap uses
/// the local operations of `linkA.armB.node`.
public struct RepeaterConfiguration: Codable, Sendable, Equatable {
    /// Link between end node A and the repeater.
    public var linkA: LinkConfiguration
    /// Link between the repeater and end node B.
    public var linkB: LinkConfiguration
    /// Memory cutoff (seconds, ≥ 0): a stored pair older than this is discarded; nil = no cutoff.
    public var cutoffSeconds: Double?
    /// Whether the qubits decohere during the swap's gate and readout and while its outcome travels to
    /// the end nodes (`EntanglementSwapping.decoherenceDuringSwap`); nil = false, the behaviour of
    /// versions without this field (the Monte Carlo of `InterlinkSim` does not model it yet).
    public var swapLatency: Bool?

    /// Creates a repeater configuration.
    public init(linkA: LinkConfiguration, linkB: LinkConfiguration, cutoffSeconds: Double? = nil, swapLatency: Bool? = nil) {
        self.linkA = linkA
        self.linkB = linkB
        self.cutoffSeconds = cutoffSeconds
        self.swapLatency = swapLatency
    }

    /// Validates every field; errors name `path.<field>` (use `path: "repeater"`).
    public func validate(at path: String) throws {
        try linkA.validate(at: child(path, "linkA"))
        try linkB.validate(at: child(path, "linkB"))
        if let c = cutoffSeconds { try Validate.nonNegative(c, at: child(path, "cutoffSeconds"), unit: "s") }
    }
}
