import InterlinkCore
import Foundation

/// Emitter collection: probability that an emitted photon enters the arm's first optical mode
/// (lens or cavity out-coupling, fiber coupling). For a transmon it is the probability that the
/// microwave photon reaches the transducer's input mode.
public struct CollectionStage: Codable, Sendable, Equatable {
    /// Collection efficiency in [0, 1].
    public var efficiency: Double

    /// Creates a collection stage (validated when the enclosing configuration is validated).
    public init(efficiency: Double) {
        self.efficiency = efficiency
    }

    /// Checks the efficiency is in [0, 1]; errors name `path.efficiency`.
    public func validate(at path: String) throws {
        try Validate.efficiency(efficiency, at: child(path, "efficiency"))
    }
}
