import InterlinkCore
import Foundation

/// A deterministic microwave link between two superconducting modules over a cryogenic line, as
/// configuration data (the `microwaveLink` object of an evaluation document).
///
/// The sender emits a shaped microwave photon (cavity-assisted Raman process) that the receiver
/// absorbs with the time-reversed process (Cirac et al., PRL 78, 3221, 1997; Kurpiers et al., Nature
/// 558, 264, 2018). No herald: success probability 1 per attempt. See `MicrowaveLinkModel`.
public struct MicrowaveLinkConfiguration: Codable, Sendable, Equatable {
    /// What the link does.
    public enum Operation: String, Codable, Sendable, Equatable, CaseIterable {
        /// Transfer the sender's qubit state to the receiver.
        case stateTransfer
        /// Share a Bell pair: the sender entangles its qubit with the photon, the receiver absorbs it.
        case remoteEntanglement
    }

    /// State transfer or remote entanglement.
    public var operation: Operation
    /// Photon frequency (GHz); its wavelength must be a microwave one (`WavelengthBand.microwave`).
    public var frequencyGHz: Double
    /// Length of the cryogenic line (m), ≥ 0.
    public var lineLengthMeters: Double
    /// Line attenuation (dB/m), ≥ 0. Cryogenic coaxial and rectangular waveguides: down to ≈ 0.005 dB/m
    /// (Kurpiers et al., EPJ Quantum Technol. 4, 8, 2017).
    public var lineLossDBPerMeter: Double
    /// Further insertion loss (circulators, connectors; dB), ≥ 0; nil = 0.
    public var insertionLossDB: Double?
    /// Probability that the emitted photon is absorbed by the receiver apart from the line and
    /// insertion loss (emission into the line × absorption), in [0, 1]. Kurpiers et al. 2018: absorption
    /// 98.1(1) %.
    public var emissionAbsorptionEfficiency: Double
    /// Duration of the emission–absorption protocol (s), > 0 (Kurpiers et al. 2018: 180 ns).
    public var protocolSeconds: Double
    /// Attempt repetition rate the control sustains (Hz), > 0 (Kurpiers et al. 2018: 50 kHz).
    public var repetitionRateHz: Double
    /// Process infidelity from every other source (qubit decoherence during the pulses, imperfect
    /// shaping, thermal photons), applied as a depolarising channel, in [0, 0.75]; nil = 0.
    public var additionalInfidelity: Double?
    /// Signal velocity in the line as a fraction of c, in [0.01, 1]; nil = 0.7 (PTFE coax; assumption).
    public var velocityFraction: Double?
    /// Memory of the sender's qubit (nil: no decoherence).
    public var memoryA: MemoryParameters?
    /// Memory of the receiver's qubit (nil: no decoherence).
    public var memoryB: MemoryParameters?

    /// Creates a configuration.
    public init(operation: Operation, frequencyGHz: Double, lineLengthMeters: Double, lineLossDBPerMeter: Double,
                insertionLossDB: Double? = nil, emissionAbsorptionEfficiency: Double, protocolSeconds: Double,
                repetitionRateHz: Double, additionalInfidelity: Double? = nil, velocityFraction: Double? = nil,
                memoryA: MemoryParameters? = nil, memoryB: MemoryParameters? = nil) {
        self.operation = operation
        self.frequencyGHz = frequencyGHz
        self.lineLengthMeters = lineLengthMeters
        self.lineLossDBPerMeter = lineLossDBPerMeter
        self.insertionLossDB = insertionLossDB
        self.emissionAbsorptionEfficiency = emissionAbsorptionEfficiency
        self.protocolSeconds = protocolSeconds
        self.repetitionRateHz = repetitionRateHz
        self.additionalInfidelity = additionalInfidelity
        self.velocityFraction = velocityFraction
        self.memoryA = memoryA
        self.memoryB = memoryB
    }

    /// Default signal velocity fraction (PTFE-filled coax, ≈ 1/√2.1).
    public static let defaultVelocityFraction = 0.7

    /// Vacuum wavelength of the photon (nm), c/f.
    public var wavelengthNm: Double { FiberSpan.speedOfLightKmPerSecond * 1e3 / (frequencyGHz * 1e9) * 1e9 }

    /// Validates every field; errors name `path.<field>` (use `path: "microwaveLink"`).
    public func validate(at path: String) throws {
        try Validate.positive(frequencyGHz, at: child(path, "frequencyGHz"), unit: "GHz")
        try WavelengthBand.microwave.check(wavelengthNm, at: child(path, "frequencyGHz"), stage: "the cryogenic microwave line")
        try Validate.nonNegative(lineLengthMeters, at: child(path, "lineLengthMeters"), unit: "m")
        try Validate.nonNegative(lineLossDBPerMeter, at: child(path, "lineLossDBPerMeter"), unit: "dB/m")
        if let l = insertionLossDB { try Validate.nonNegative(l, at: child(path, "insertionLossDB"), unit: "dB") }
        try Validate.efficiency(emissionAbsorptionEfficiency, at: child(path, "emissionAbsorptionEfficiency"))
        try Validate.positive(protocolSeconds, at: child(path, "protocolSeconds"), unit: "s")
        try Validate.positive(repetitionRateHz, at: child(path, "repetitionRateHz"), unit: "Hz")
        if let e = additionalInfidelity { try Validate.inRange(e, 0...0.75, at: child(path, "additionalInfidelity")) }
        if let v = velocityFraction { try Validate.inRange(v, 0.01...1, at: child(path, "velocityFraction")) }
        try memoryA?.validate(at: child(path, "memoryA"))
        try memoryB?.validate(at: child(path, "memoryB"))
    }
}

/// Closed-form evaluation of a `MicrowaveLinkConfiguration`.
///
/// - Transmission η = η_ea · 10^(−(α·L + IL)/10).
/// - Loss acts on the photon as an amplitude-damping channel of damping 1 − η: the Bloch z component
///   shrinks by η and x, y by √η; its Pauli twirl (`PauliChannel.memory(relaxation: η, coherence: √η)`)
///   has p_I = (1 + √η)²/4, the exact process fidelity of amplitude damping (Nielsen & Chuang, §8.3.5)
///   and the exact Bell fidelity of (𝟙 ⊗ AD)|Φ⁺⟩ — the delivered state is reported as its Bell-diagonal twirl.
/// - The stated additional infidelity ε is a depolarising channel of process fidelity 1 − ε.
/// - Memory: state transfer — the qubit spends half the protocol in the sender's memory and half in
///   the receiver's; remote entanglement — the sender's qubit waits for the whole transfer (protocol +
///   line delay L/(v·c)), the receiver's for the absorbing half of the protocol.
/// - Deterministic: success probability 1; rate = min(repetition rate, 1/transfer time).
public struct MicrowaveLinkModel: Codable, Sendable, Equatable {
    /// Line and insertion transmission.
    public let lineTransmission: Double
    /// End-to-end transmission η.
    public let transmission: Double
    /// Protocol plus line delay (s).
    public let transferSeconds: Double
    /// Success probability per attempt (1).
    public let successProbability: Double
    /// Transfers (or pairs) per second.
    public let rateHz: Double
    /// Choi state of the transfer channel (state transfer) or the shared pair (remote entanglement),
    /// Bell-diagonal.
    public let state: BellDiagonalState
    /// Process fidelity (state transfer) or Bell-state fidelity (remote entanglement), λ_I of `state`.
    public let fidelity: Double
    /// Average state fidelity of the transfer channel, (2F + 1)/3.
    public let averageFidelity: Double

    /// Evaluates a configuration; throws a `ParameterError` naming `path.<field>` for invalid input.
    public init(configuration c: MicrowaveLinkConfiguration, path: String = "microwaveLink") throws {
        try c.validate(at: path)
        let lossDB = c.lineLossDBPerMeter * c.lineLengthMeters + (c.insertionLossDB ?? 0)
        lineTransmission = Decibels.transmission(lossDB: lossDB)
        transmission = c.emissionAbsorptionEfficiency * lineTransmission
        let v = (c.velocityFraction ?? MicrowaveLinkConfiguration.defaultVelocityFraction) * FiberSpan.speedOfLightKmPerSecond * 1e3
        transferSeconds = c.protocolSeconds + c.lineLengthMeters / v
        successProbability = 1
        rateHz = min(c.repetitionRateHz, 1 / transferSeconds)
        let loss = PauliChannel.memory(relaxation: transmission, coherence: transmission.squareRoot())
        let extra = PauliChannel.depolarizing(processFidelity: 1 - (c.additionalInfidelity ?? 0))
        let memA = c.memoryA ?? MemoryParameters(), memB = c.memoryB ?? MemoryParameters()
        var s = loss.composed(with: extra).apply(to: .perfect)
        switch c.operation {
        case .stateTransfer:
            s = memA.channel(after: c.protocolSeconds / 2).composed(with: memB.channel(after: c.protocolSeconds / 2)).apply(to: s)
        case .remoteEntanglement:
            s = MemoryDecoherence.stored(s, memoryA: memA, timeA: transferSeconds, memoryB: memB, timeB: c.protocolSeconds / 2)
        }
        state = s
        fidelity = s.fidelity
        averageFidelity = (2 * s.fidelity + 1) / 3
    }
}
