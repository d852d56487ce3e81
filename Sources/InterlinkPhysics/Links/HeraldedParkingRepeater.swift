import InterlinkCore
import Foundation

/// A two-link repeater A — R — B whose four link qubits (A's, R's two, B's) are each parked in a memory by
/// a `HeraldedTransfer` right after emission.
///
/// Model: every node of both links runs the transfer inside its attempt round — the window n·τ_tr adds
/// to its attempt cycle and a transfer that fails within the window loses the attempt (probability P_n
/// per node, so P_n² per link), both as `NodeTransferStep`s in `TwoLinkRepeaterModel`. The arms' node
/// memories are the parking memories: they decohere during the herald round trip and the wait for the
/// partner link exactly as in `TwoLinkRepeaterModel`. The transfer's channel (the qubit's wait in the
/// node's own memory over the geometric number of attempts, then the teleportation through the transfer
/// pair) acts once on each of the four qubits. Every operation of the repeater on a Bell-diagonal pair is
/// a Pauli channel or a convolution, which multiply component-wise in the Z₂×Z₂ Fourier basis and
/// therefore commute; the number of transfer attempts of the delivered round is independent of the
/// rounds before it, so the expectation factorises and applying the four expected transfer channels to
/// the repeater's mean delivered state is exact.
public struct HeraldedParkingRepeater: Codable, Sendable, Equatable {
    /// The transfer at every node.
    public let transfer: HeraldedTransfer
    /// The repeater with the transfer's timing steps (its state without the transfer channels).
    public let timing: TwoLinkRepeaterModel
    /// Delivered end-to-end pairs per second.
    public let rateHz: Double
    /// Mean delivered end-to-end state.
    public let state: BellDiagonalState
    /// Its fidelity.
    public let fidelity: Double
    /// Hashing-bound distillable rate, rate × max(0, 1 − H(λ)) (ebit/s).
    public let distillableRateHz: Double

    /// Evaluates `configuration` (its arms without transfer steps of their own) with `transfer` at every
    /// node; errors name `path.<field>`.
    public init(configuration c: RepeaterConfiguration, transfer: HeraldedTransfer, path: String = "repeater") throws {
        var d = c
        let arms: [WritableKeyPath<RepeaterConfiguration, ArmConfiguration>] = [\.linkA.armA, \.linkA.armB, \.linkB.armA, \.linkB.armB]
        let names = ["linkA.armA", "linkA.armB", "linkB.armA", "linkB.armB"]
        for (arm, name) in zip(arms, names) {
            if let steps = d[keyPath: arm].node.transferSteps, !steps.isEmpty {
                throw ParameterError(path: "\(path).\(name).node.transferSteps", value: "\(steps.count) steps",
                                     allowed: "none (the heralded transfer supplies the node's transfer steps)")
            }
            d[keyPath: arm].node.transferSteps = transfer.timingSteps
        }
        self.transfer = transfer
        timing = try TwoLinkRepeaterModel(configuration: d, path: path)
        rateHz = timing.rateHz
        var s = timing.state
        for _ in arms { s = transfer.channel.apply(to: s) }
        state = s
        fidelity = s.fidelity
        distillableRateHz = rateHz * s.hashingYield
    }
}
