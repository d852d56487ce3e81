import InterlinkCore
import Foundation

/// Repeaterless bounds for a link, per channel use and per second.
///
/// `transmissivity` is the fiber transmission between the two nodes, η_fiber,A·η_fiber,B (the
/// pure-loss channel the photons cross). A link makes `channelUsesPerSecond` = m/τ uses (m
/// multiplexed modes per attempt round of period τ). The two-photon scheme's true-herald rate
/// never exceeds PLOB × channel uses per second. A single-click (single-photon interference)
/// station acts as a relay and can exceed this point-to-point bound in herald rate, as twin-field
/// QKD does; the single-relay bound uses the worse arm's fiber transmission
/// (Pirandola, Commun. Phys. 2, 51, 2019) and bounds the distillable rate.
/// Infinite bounds (transmissivity 1) encode as JSON `null`.
public struct LinkBounds: Codable, Sendable, Equatable {
    /// η_fiber,A·η_fiber,B.
    public let transmissivity: Double
    /// PLOB ebits per channel use at `transmissivity`.
    public let plobEbitsPerUse: Double
    /// TGW ebits per channel use at `transmissivity`.
    public let tgwEbitsPerUse: Double
    /// Channel uses per second, m/τ.
    public let channelUsesPerSecond: Double
    /// PLOB × channel uses per second (pairs/s).
    public let plobPairsPerSecond: Double
    /// TGW × channel uses per second (pairs/s).
    public let tgwPairsPerSecond: Double
    /// min(η_fiber,A, η_fiber,B): single-relay transmissivity.
    public let singleRelayTransmissivity: Double
    /// PLOB at the single-relay transmissivity × channel uses per second (pairs/s).
    public let singleRelayPlobPairsPerSecond: Double

    /// Computes the bounds.
    public init(fiberTransmissionA: Double, fiberTransmissionB: Double, channelUsesPerSecond: Double) {
        transmissivity = fiberTransmissionA * fiberTransmissionB
        plobEbitsPerUse = RepeaterlessBounds.plob(transmissivity: transmissivity)
        tgwEbitsPerUse = RepeaterlessBounds.tgw(transmissivity: transmissivity)
        self.channelUsesPerSecond = channelUsesPerSecond
        plobPairsPerSecond = plobEbitsPerUse * channelUsesPerSecond
        tgwPairsPerSecond = tgwEbitsPerUse * channelUsesPerSecond
        singleRelayTransmissivity = min(fiberTransmissionA, fiberTransmissionB)
        singleRelayPlobPairsPerSecond = RepeaterlessBounds.plob(transmissivity: singleRelayTransmissivity) * channelUsesPerSecond
    }

    private enum CodingKeys: String, CodingKey {
        case transmissivity, plobEbitsPerUse, tgwEbitsPerUse, channelUsesPerSecond, plobPairsPerSecond,
             tgwPairsPerSecond, singleRelayTransmissivity, singleRelayPlobPairsPerSecond
    }

    /// Encodes infinite values as `null`.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        func put(_ v: Double, _ k: CodingKeys) throws {
            if v.isFinite { try c.encode(v, forKey: k) } else { try c.encodeNil(forKey: k) }
        }
        try put(transmissivity, .transmissivity)
        try put(plobEbitsPerUse, .plobEbitsPerUse)
        try put(tgwEbitsPerUse, .tgwEbitsPerUse)
        try put(channelUsesPerSecond, .channelUsesPerSecond)
        try put(plobPairsPerSecond, .plobPairsPerSecond)
        try put(tgwPairsPerSecond, .tgwPairsPerSecond)
        try put(singleRelayTransmissivity, .singleRelayTransmissivity)
        try put(singleRelayPlobPairsPerSecond, .singleRelayPlobPairsPerSecond)
    }

    /// Decodes, reading `null` as +∞.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        func get(_ k: CodingKeys) throws -> Double { try c.decodeIfPresent(Double.self, forKey: k) ?? .infinity }
        transmissivity = try get(.transmissivity)
        plobEbitsPerUse = try get(.plobEbitsPerUse)
        tgwEbitsPerUse = try get(.tgwEbitsPerUse)
        channelUsesPerSecond = try get(.channelUsesPerSecond)
        plobPairsPerSecond = try get(.plobPairsPerSecond)
        tgwPairsPerSecond = try get(.tgwPairsPerSecond)
        singleRelayTransmissivity = try get(.singleRelayTransmissivity)
        singleRelayPlobPairsPerSecond = try get(.singleRelayPlobPairsPerSecond)
    }
}
