import InterlinkCore
import InterlinkPhysics

/// A heterogeneous modular machine as data: its modules, the interconnect graph joining them and
/// the classical latencies. It is `Codable` (the `architecture` object of an `interlink eval`
/// document) and buildable in Swift; ``Machine/init(_:path:)`` validates it and evaluates every
/// link's physics.
///
/// JSON schema (every field not marked required is optional; defaults in brackets):
///
/// ```json
/// {
///   "modules": [                                  // required, ≥ 1
///     { "name": "ion-0",                          // [the preset name]
///       "preset": "ion.ca40.854.cavity",          // required, a ModalityPreset name
///       "dataQubits": 16,                         // required, ≥ 0
///       "communicationQubits": 2,                 // [the preset's], ≥ 1
///       "singleQubitGateSeconds": 1e-5, "singleQubitGateFidelity": 0.9999,
///       "twoQubitGateSeconds": 1e-4, "twoQubitGateFidelity": 0.99,
///       "readoutSeconds": 1e-3, "readoutFidelity": 0.999,     // [the preset's]
///       "t1Seconds": 1, "t2Seconds": 0.1,                     // [the preset's memory]
///       "collectionEfficiency": 0.01,             // [the preset's], in [0, 1]
///       "transducerEfficiency": 0.5 }             // [the preset's; only for presets with a transducer]
///   ],
///   "links": [                                    // direct module–module links [none]
///     { "modules": [0, 1],                        // required, two distinct module indices
///       "kind": "photonic",                       // ["photonic"] or "abstract"
///       "lengthKm": 0.01,                         // photonic: total fiber, station at the midpoint [0.01]
///       "scheme": {"kind": "twoPhoton"},          // photonic: heralding scheme [twoPhoton]
///       "residualVisibility": 0.95,               // photonic [1]
///       "armA": {...}, "armB": {...},             // photonic: overrides merged into each module's arm
///       "successProbability": 0.1, "attemptSeconds": 1e-6, "pairFidelity": 0.99,  // abstract (required)
///       "analysers": 1,                           // Bell-state analysers at the station [1]
///       "classicalLatencySeconds": 5e-8 }         // [photonic: fiber delay; abstract: 0]
///   ],
///   "switches": [                                 // photonic switches [none]
///     { "name": "core", "modules": [0, 1, 2, 3],  // required: ≥ 2 attached modules
///       "fiberKm": 0.005,                         // fiber from each module to the switch [0.005], ≤ 20 000
///       "insertionLossDB": 1,                     // per pass [1], ≤ 100
///       "reconfigurationSeconds": 1e-5,           // before every generation [1e-5], ≤ 1
///       "analysers": 4,                           // the shared pool of Bell-state analysers [1]
///       "scheme": {"kind": "twoPhoton"}, "residualVisibility": 0.95,
///       "classicalLatencySeconds": 5e-8 }         // [fiber delay]
///   ]
/// }
/// ```
///
/// A photonic link's arms are the modules' presets with the module's overrides (gate and memory
/// figures, one communication qubit per generation attempt, the transducer efficiency) and the fiber
/// length; `armA`/`armB` overrides are then merged into them (objects key by key, like
/// `interlink eval`'s preset arms). A switch joins every pair of its modules by such a link whose
/// arms each cross one switch pass (`insertionLossDB` added to `insertionLossesDB`).
public struct MachineDescription: Codable, Sendable, Equatable {
    /// The modules, indexed from 0.
    public var modules: [ModuleDescription]
    /// Direct links (edge by edge).
    public var links: [LinkDescription]?
    /// Photonic switches.
    public var switches: [SwitchDescription]?

    /// A machine from its parts.
    public init(modules: [ModuleDescription], links: [LinkDescription] = [], switches: [SwitchDescription] = []) {
        self.modules = modules
        self.links = links.isEmpty ? nil : links
        self.switches = switches.isEmpty ? nil : switches
    }
}

/// One module of a ``MachineDescription``: a processor of one modality. Fields left `nil` take the
/// preset's value.
public struct ModuleDescription: Codable, Sendable, Equatable {
    /// A label (default: the preset name).
    public var name: String?
    /// The modality preset (`ModalityPreset.names`).
    public var preset: String
    /// Data qubits (capacity for the circuit's qubits), ≥ 0.
    public var dataQubits: Int
    /// Communication qubits: at most this many pairs involve the module at once (≥ 1).
    public var communicationQubits: Int?
    /// Single-qubit gate time (s), ≥ 0.
    public var singleQubitGateSeconds: Double?
    /// Average single-qubit gate fidelity in [0, 1].
    public var singleQubitGateFidelity: Double?
    /// Two-qubit gate time (s), ≥ 0.
    public var twoQubitGateSeconds: Double?
    /// Average two-qubit gate fidelity in [0, 1].
    public var twoQubitGateFidelity: Double?
    /// Readout (measurement) time (s), ≥ 0.
    public var readoutSeconds: Double?
    /// Readout fidelity in [0, 1].
    public var readoutFidelity: Double?
    /// Energy relaxation time T₁ (s), > 0.
    public var t1Seconds: Double?
    /// Coherence time T₂ (s), > 0, ≤ 2T₁.
    public var t2Seconds: Double?
    /// Efficiency of the preset's microwave-to-optical transducer in [0, 1] (only for presets with one).
    public var transducerEfficiency: Double?
    /// Efficiency from the emitter into the module's fiber (the arm's `collection.efficiency`) in
    /// [0, 1]: for example a calibration's range drawn for an uncertainty band.
    public var collectionEfficiency: Double?

    /// A module of preset `preset` with `dataQubits` data qubits and the preset's other figures.
    public init(preset: String, dataQubits: Int, communicationQubits: Int? = nil, name: String? = nil) {
        self.preset = preset
        self.dataQubits = dataQubits
        self.communicationQubits = communicationQubits
        self.name = name
    }
}

/// A direct link between two modules: photonic (physics from the modules' presets) or abstract
/// (a given success probability, attempt time and Werner pair fidelity, e.g. a deterministic
/// microwave link with `successProbability` 1).
public struct LinkDescription: Codable, Sendable, Equatable {
    /// How the link's pairs are described.
    public enum Kind: String, Codable, Sendable, Equatable, CaseIterable {
        /// Heralded photonic link evaluated by `LinkModel`.
        case photonic
        /// Given success probability, attempt time and pair fidelity.
        case abstract
    }
    /// The two module indices.
    public var modules: [Int]
    /// Photonic (default) or abstract.
    public var kind: Kind?
    /// Photonic: total fiber length (km), station at the midpoint (default 0.01; at most `Machine.maximumFiberKm`).
    public var lengthKm: Double?
    /// Photonic: heralding scheme (default two-photon).
    public var scheme: HeraldingScheme?
    /// Photonic: residual two-photon visibility V₀ (default 1).
    public var residualVisibility: Double?
    /// Photonic: overrides merged into module `modules[0]`'s arm.
    public var armA: JSONValue?
    /// Photonic: overrides merged into module `modules[1]`'s arm.
    public var armB: JSONValue?
    /// Abstract: success probability per attempt in (0, 1].
    public var successProbability: Double?
    /// Abstract: attempt period (s), 0 … `Machine.maximumDelaySeconds`.
    public var attemptSeconds: Double?
    /// Abstract: fidelity of the delivered (Werner) pair in [0.25, 1].
    public var pairFidelity: Double?
    /// Bell-state analysers at the link's station: parallel generations (default 1).
    public var analysers: Int?
    /// One-way classical latency between the two modules (s), 0 … `Machine.maximumDelaySeconds`.
    public var classicalLatencySeconds: Double?

    /// A photonic link between modules `a` and `b`.
    public static func photonic(_ a: Int, _ b: Int, lengthKm: Double = 0.01, residualVisibility: Double = 1,
                                analysers: Int = 1) -> LinkDescription {
        var l = LinkDescription(modules: [a, b])
        l.kind = .photonic
        l.lengthKm = lengthKm
        l.residualVisibility = residualVisibility
        l.analysers = analysers
        return l
    }

    /// An abstract link between modules `a` and `b`.
    public static func abstract(_ a: Int, _ b: Int, successProbability: Double, attemptSeconds: Double,
                                pairFidelity: Double = 1, classicalLatencySeconds: Double = 0,
                                analysers: Int = 1) -> LinkDescription {
        var l = LinkDescription(modules: [a, b])
        l.kind = .abstract
        l.successProbability = successProbability
        l.attemptSeconds = attemptSeconds
        l.pairFidelity = pairFidelity
        l.classicalLatencySeconds = classicalLatencySeconds
        l.analysers = analysers
        return l
    }

    /// A link between `modules` with every other field defaulted.
    public init(modules: [Int]) { self.modules = modules }
}

/// A photonic switch joining every pair of its modules through a shared pool of Bell-state analysers.
public struct SwitchDescription: Codable, Sendable, Equatable {
    /// A label.
    public var name: String?
    /// The attached module indices (≥ 2, distinct).
    public var modules: [Int]
    /// Fiber from each module to the switch (km, default 0.005; at most `Machine.maximumFiberKm`).
    public var fiberKm: Double?
    /// Insertion loss of one pass (dB, default 1; at most `Machine.maximumInsertionLossDB`).
    public var insertionLossDB: Double?
    /// Reconfiguration time before every generation (s, default 10 µs; at most `Machine.maximumDelaySeconds`).
    public var reconfigurationSeconds: Double?
    /// Size of the shared Bell-state-analyser pool (default 1).
    public var analysers: Int?
    /// Heralding scheme (default two-photon).
    public var scheme: HeraldingScheme?
    /// Residual visibility V₀ (default 1).
    public var residualVisibility: Double?
    /// One-way classical latency between two attached modules (s; default: the fiber delay; at most `Machine.maximumDelaySeconds`).
    public var classicalLatencySeconds: Double?

    /// A switch joining `modules`.
    public init(modules: [Int], name: String? = nil, fiberKm: Double? = nil, insertionLossDB: Double? = nil,
                reconfigurationSeconds: Double? = nil, analysers: Int? = nil) {
        self.modules = modules
        self.name = name
        self.fiberKm = fiberKm
        self.insertionLossDB = insertionLossDB
        self.reconfigurationSeconds = reconfigurationSeconds
        self.analysers = analysers
    }
}

// Integer fields are read by `decodeInteger(forKey:)` and its relatives, so a non-integral or huge
// number is reported at its own path with the accepted range (Foundation's Int decoding loses the path).

extension ModuleDescription {
    /// Decodes a module; integer fields must be integral JSON numbers.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decodeIfPresent(String.self, forKey: .name)
        preset = try c.decode(String.self, forKey: .preset)
        dataQubits = try c.decodeInteger(forKey: .dataQubits)
        communicationQubits = try c.decodeIntegerIfPresent(forKey: .communicationQubits)
        singleQubitGateSeconds = try c.decodeIfPresent(Double.self, forKey: .singleQubitGateSeconds)
        singleQubitGateFidelity = try c.decodeIfPresent(Double.self, forKey: .singleQubitGateFidelity)
        twoQubitGateSeconds = try c.decodeIfPresent(Double.self, forKey: .twoQubitGateSeconds)
        twoQubitGateFidelity = try c.decodeIfPresent(Double.self, forKey: .twoQubitGateFidelity)
        readoutSeconds = try c.decodeIfPresent(Double.self, forKey: .readoutSeconds)
        readoutFidelity = try c.decodeIfPresent(Double.self, forKey: .readoutFidelity)
        t1Seconds = try c.decodeIfPresent(Double.self, forKey: .t1Seconds)
        t2Seconds = try c.decodeIfPresent(Double.self, forKey: .t2Seconds)
        transducerEfficiency = try c.decodeIfPresent(Double.self, forKey: .transducerEfficiency)
        collectionEfficiency = try c.decodeIfPresent(Double.self, forKey: .collectionEfficiency)
    }
}

extension LinkDescription {
    /// Decodes a link; `modules` and `analysers` must be integral JSON numbers.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        modules = try c.decodeIntegers(forKey: .modules)
        kind = try c.decodeIfPresent(Kind.self, forKey: .kind)
        lengthKm = try c.decodeIfPresent(Double.self, forKey: .lengthKm)
        scheme = try c.decodeIfPresent(HeraldingScheme.self, forKey: .scheme)
        residualVisibility = try c.decodeIfPresent(Double.self, forKey: .residualVisibility)
        armA = try c.decodeIfPresent(JSONValue.self, forKey: .armA)
        armB = try c.decodeIfPresent(JSONValue.self, forKey: .armB)
        successProbability = try c.decodeIfPresent(Double.self, forKey: .successProbability)
        attemptSeconds = try c.decodeIfPresent(Double.self, forKey: .attemptSeconds)
        pairFidelity = try c.decodeIfPresent(Double.self, forKey: .pairFidelity)
        analysers = try c.decodeIntegerIfPresent(forKey: .analysers)
        classicalLatencySeconds = try c.decodeIfPresent(Double.self, forKey: .classicalLatencySeconds)
    }
}

extension SwitchDescription {
    /// Decodes a switch; `modules` and `analysers` must be integral JSON numbers.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decodeIfPresent(String.self, forKey: .name)
        modules = try c.decodeIntegers(forKey: .modules)
        fiberKm = try c.decodeIfPresent(Double.self, forKey: .fiberKm)
        insertionLossDB = try c.decodeIfPresent(Double.self, forKey: .insertionLossDB)
        reconfigurationSeconds = try c.decodeIfPresent(Double.self, forKey: .reconfigurationSeconds)
        analysers = try c.decodeIntegerIfPresent(forKey: .analysers)
        scheme = try c.decodeIfPresent(HeraldingScheme.self, forKey: .scheme)
        residualVisibility = try c.decodeIfPresent(Double.self, forKey: .residualVisibility)
        classicalLatencySeconds = try c.decodeIfPresent(Double.self, forKey: .classicalLatencySeconds)
    }
}
