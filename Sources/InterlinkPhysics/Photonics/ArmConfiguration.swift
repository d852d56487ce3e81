import InterlinkCore
import Foundation

/// One arm of a heralded link: a node and the photonic chain from its emitter to the detector at
/// the heralding station.
///
/// Chain order: emitter → `collection` → `transducer` (optional) → `conversion` (QFC, optional) →
/// `filter` (optional) → `fiber` → `insertionLossesDB` (switches, connectors; they add in dB) →
/// `detector`. Efficiencies multiply; fiber attenuation is taken at the wavelength after the last
/// conversion step.
public struct ArmConfiguration: Codable, Sendable, Equatable {
    /// The node (platform, photon, timing, memory, local operations, multiplexing).
    public var node: NodeParameters
    /// Emitter collection.
    public var collection: CollectionStage
    /// Microwave-to-optical transducer (superconducting nodes).
    public var transducer: TransducerStage?
    /// Quantum frequency conversion.
    public var conversion: FrequencyConversionStage?
    /// Spectral filter.
    public var filter: SpectralFilterStage?
    /// Fiber to the station.
    public var fiber: FiberSpan
    /// Insertion losses (dB each, ≥ 0); they add.
    public var insertionLossesDB: [Double]
    /// Detector at the station seen by this arm's photons.
    public var detector: DetectorStage
    /// Where the numbers come from (filled in by presets; informational, not used in physics).
    public var provenance: PresetProvenance?

    /// Creates an arm.
    public init(node: NodeParameters, collection: CollectionStage, transducer: TransducerStage? = nil,
                conversion: FrequencyConversionStage? = nil, filter: SpectralFilterStage? = nil,
                fiber: FiberSpan, insertionLossesDB: [Double] = [], detector: DetectorStage,
                provenance: PresetProvenance? = nil) {
        self.node = node
        self.collection = collection
        self.transducer = transducer
        self.conversion = conversion
        self.filter = filter
        self.fiber = fiber
        self.insertionLossesDB = insertionLossesDB
        self.detector = detector
        self.provenance = provenance
    }

    /// Validates every field; errors name `path.<field>`.
    public func validate(at path: String) throws {
        try node.validate(at: child(path, "node"))
        try collection.validate(at: child(path, "collection"))
        if let t = transducer { try t.validate(at: child(path, "transducer")) }
        if let c = conversion { try c.validate(at: child(path, "conversion")) }
        if let f = filter { try f.validate(at: child(path, "filter")) }
        try fiber.validate(at: child(path, "fiber"))
        for (k, l) in insertionLossesDB.enumerated() {
            try Validate.nonNegative(l, at: "\(child(path, "insertionLossesDB"))[\(k)]", unit: "dB")
        }
        try detector.validate(at: child(path, "detector"))
        try validateWavelengths(at: path)
    }

    /// The field that sets `outputWavelengthNm` (relative to the arm), for error messages.
    public var outputWavelengthField: String {
        if conversion != nil { return "conversion.outputWavelengthNm" }
        if transducer != nil { return "transducer.outputWavelengthNm" }
        return "node.photon.wavelengthNm"
    }

    /// Wavelength reaching the fiber (after transducer and conversion).
    public var outputWavelengthNm: Double {
        conversion?.outputWavelengthNm ?? transducer?.outputWavelengthNm ?? node.photon.wavelengthNm
    }
}

/// Sources and assumptions of a preset, carried as data.
public struct PresetProvenance: Codable, Sendable, Equatable {
    /// Preset name (see `ModalityPreset.names`).
    public var preset: String
    /// Cited sources for the measured values.
    public var sources: [String]
    /// Field paths (relative to the arm) whose values are assumptions, each with a short reason,
    /// formatted `field: reason`.
    public var assumptions: [String]
    /// Demonstrated (calibrated to a cited experiment) or projected (with what it assumes beyond any
    /// demonstration).
    public var status: PresetStatus

    /// Creates a provenance record.
    public init(preset: String, sources: [String], assumptions: [String], status: PresetStatus) {
        self.preset = preset
        self.sources = sources
        self.assumptions = assumptions
        self.status = status
    }

    private enum CodingKeys: String, CodingKey { case preset, sources, assumptions, status }

    /// Decodes a provenance record; a document's provenance without `status` (written before statuses
    /// existed, or by hand) is read as projected with nothing demonstrated.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        preset = try c.decode(String.self, forKey: .preset)
        sources = try c.decode([String].self, forKey: .sources)
        assumptions = try c.decode([String].self, forKey: .assumptions)
        status = try c.decodeIfPresent(PresetStatus.self, forKey: .status)
            ?? .projected(assumes: ["no status given: nothing about this arm is known to be demonstrated"])
    }
}
