import InterlinkCore
import Foundation

/// Which heralding protocol the midpoint station runs, as configuration data.
///
/// JSON: `{"kind": "twoPhoton"}` or
/// `{"kind": "singleClick", "brightStatePopulation": 0.05, "brightStatePopulationB": 0.05, "phaseStability": 0.98,
/// "detuningPhaseCompensated": true}`.
public struct HeraldingScheme: Codable, Sendable, Equatable {
    /// Protocol family.
    public enum Kind: String, Codable, Sendable, Equatable {
        /// Two-photon (Barrett–Kok-type) Bell-state measurement: both photons must be detected.
        case twoPhoton
        /// Single-click (single-photon interference) with bright-state population α.
        case singleClick
    }

    /// Protocol family.
    public var kind: Kind
    /// Single-click only: α of node A in [0, 1] (and of node B when `brightStatePopulationB` is nil).
    public var brightStatePopulation: Double?
    /// Single-click only: α of node B in [0, 1]; nil = same as A.
    public var brightStatePopulationB: Double?
    /// Single-click only: optical phase stability c_φ in [0, 1] (coherence factor); nil = 1.
    public var phaseStability: Double?
    /// Single-click only: whether the fixed phase arg 𝒱 that a detuning between the photons puts on
    /// the first-order interference is compensated by a known Z rotation at a node (true), or left in
    /// the heralded state (false: the coherence shrinks by cos arg 𝒱). nil = true. No effect without
    /// detuning.
    public var detuningPhaseCompensated: Bool?

    /// Two-photon scheme.
    public static let twoPhoton = HeraldingScheme(kind: .twoPhoton)

    /// Single-click scheme with α (both nodes) and phase stability c_φ.
    public static func singleClick(alpha: Double, phaseStability: Double = 1) -> HeraldingScheme {
        HeraldingScheme(kind: .singleClick, brightStatePopulation: alpha, phaseStability: phaseStability)
    }

    /// Creates a scheme description.
    public init(kind: Kind, brightStatePopulation: Double? = nil, brightStatePopulationB: Double? = nil,
                phaseStability: Double? = nil, detuningPhaseCompensated: Bool? = nil) {
        self.kind = kind
        self.brightStatePopulation = brightStatePopulation
        self.brightStatePopulationB = brightStatePopulationB
        self.phaseStability = phaseStability
        self.detuningPhaseCompensated = detuningPhaseCompensated
    }

    /// Validates: single-click requires `brightStatePopulation`; every probability in [0, 1].
    public func validate(at path: String) throws {
        switch kind {
        case .twoPhoton:
            break
        case .singleClick:
            guard let a = brightStatePopulation else {
                throw ParameterError(kind: .missingField, path: child(path, "brightStatePopulation"),
                                   message: "required for kind singleClick (a number in [0, 1])")
            }
            try Validate.efficiency(a, at: child(path, "brightStatePopulation"))
            if let b = brightStatePopulationB { try Validate.efficiency(b, at: child(path, "brightStatePopulationB")) }
            if let c = phaseStability { try Validate.efficiency(c, at: child(path, "phaseStability")) }
        }
    }
}
