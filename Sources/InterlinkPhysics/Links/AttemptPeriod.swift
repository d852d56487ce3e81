import InterlinkCore
import Foundation

/// The period of one attempt round: τ = max(node cycle, herald round trip, 1/repetition limit).
/// A node cannot re-attempt before its previous attempt is heralded (the herald must travel back
/// to it), before its own preparation–emission cycle ends, or faster than its lasers/transducer
/// allow.
public struct AttemptPeriod: Codable, Sendable, Equatable {
    /// What sets the period.
    public enum Limit: String, Codable, Sendable, Equatable {
        /// The slower node's preparation + emission time.
        case nodeCycle
        /// The longer arm's herald round trip.
        case heraldRoundTrip
        /// The lowest repetition-rate limit (node or transducer).
        case repetitionLimit
    }

    /// max of the nodes' attempt times (s).
    public let nodeCycleSeconds: Double
    /// max over arms of the herald round trip (s).
    public let heraldRoundTripSeconds: Double
    /// 1/min(repetition limits) (s).
    public let repetitionLimitSeconds: Double
    /// The period τ (s).
    public let periodSeconds: Double
    /// The largest of the three (first in declaration order on ties).
    public let limitedBy: Limit

    /// Combines the three contributions.
    public init(nodeCycleSeconds: Double, heraldRoundTripSeconds: Double, repetitionLimitSeconds: Double) {
        self.nodeCycleSeconds = nodeCycleSeconds
        self.heraldRoundTripSeconds = heraldRoundTripSeconds
        self.repetitionLimitSeconds = repetitionLimitSeconds
        let p = max(nodeCycleSeconds, heraldRoundTripSeconds, repetitionLimitSeconds)
        periodSeconds = p
        if nodeCycleSeconds >= p {
            limitedBy = .nodeCycle
        } else if heraldRoundTripSeconds >= p {
            limitedBy = .heraldRoundTrip
        } else {
            limitedBy = .repetitionLimit
        }
    }
}
