import InterlinkCore
import Foundation

/// A heralded link between two nodes through a midpoint station, as configuration data
/// (the `link` object of an evaluation document).
public struct LinkConfiguration: Codable, Sendable, Equatable {
    /// Heralding protocol.
    public var scheme: HeraldingScheme
    /// Arm of node A.
    public var armA: ArmConfiguration
    /// Arm of node B.
    public var armB: ArmConfiguration
    /// Residual two-photon visibility factor V₀ in [0, 1] (polarisation, timing and other
    /// imperfections); the visibility is V = V₀·M.
    public var residualVisibility: Double
    /// Centre frequency of B's photon minus A's at the station (MHz); nil = 0.
    public var detuningMHz: Double?
    /// Optional recurrence purification of the delivered pairs.
    public var purification: PurificationPlan?

    /// Creates a link configuration.
    public init(scheme: HeraldingScheme, armA: ArmConfiguration, armB: ArmConfiguration, residualVisibility: Double,
                detuningMHz: Double? = nil, purification: PurificationPlan? = nil) {
        self.scheme = scheme
        self.armA = armA
        self.armB = armB
        self.residualVisibility = residualVisibility
        self.detuningMHz = detuningMHz
        self.purification = purification
    }

    /// A link with the station at the midpoint: both fibers get `totalLengthKm`/2.
    public static func midpoint(armA: ArmConfiguration, armB: ArmConfiguration, totalLengthKm: Double,
                                scheme: HeraldingScheme = .twoPhoton, residualVisibility: Double = 1,
                                detuningMHz: Double? = nil) -> LinkConfiguration {
        var a = armA
        var b = armB
        a.fiber.lengthKm = totalLengthKm / 2
        b.fiber.lengthKm = totalLengthKm / 2
        return LinkConfiguration(scheme: scheme, armA: a, armB: b, residualVisibility: residualVisibility,
                                 detuningMHz: detuningMHz)
    }

    /// Validates every field; errors name `path.<field>` (use `path: "link"`).
    public func validate(at path: String) throws {
        try scheme.validate(at: child(path, "scheme"))
        try armA.validate(at: child(path, "armA"))
        try armB.validate(at: child(path, "armB"))
        if armA.detector.resolvedKind != armB.detector.resolvedKind {
            throw ParameterError(kind: .inconsistent, path: child(child(child(path, "armB"), "detector"), "kind"),
                               message: "value \(armB.detector.resolvedKind.rawValue) differs from armA.detector.kind = \(armA.detector.resolvedKind.rawValue); both station detectors must be of one kind (numberResolving or threshold)")
        }
        try Validate.efficiency(residualVisibility, at: child(path, "residualVisibility"))
        if let d = detuningMHz { try Validate.finite(d, at: child(path, "detuningMHz")) }
        if let p = purification { try p.validate(at: child(path, "purification")) }
    }
}

/// Recurrence purification applied to delivered pairs.
public struct PurificationPlan: Codable, Sendable, Equatable {
    /// Protocol.
    public var `protocol`: PurificationProtocol
    /// Number of rounds, 0 ... 10.
    public var rounds: Int

    /// Creates a plan.
    public init(protocol: PurificationProtocol, rounds: Int) {
        self.protocol = `protocol`
        self.rounds = rounds
    }

    /// Validates the number of rounds; errors name `path.rounds`.
    public func validate(at path: String) throws {
        try Validate.count(rounds, atLeast: 0, atMost: 10, at: child(path, "rounds"))
    }
}

extension PurificationPlan {
    enum CodingKeys: String, CodingKey {
        case `protocol`, rounds
    }

    /// Decodes, reading `rounds` as an integral JSON number.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        `protocol` = try c.decode(PurificationProtocol.self, forKey: .protocol)
        rounds = try c.decodeInteger(forKey: .rounds)
    }
}
