import InterlinkCore
import InterlinkPhysics

/// What the engine needs to know about one heralded link: the per-attempt success probability, the
/// attempt period, the heralded state, and the memories holding the two halves.
///
/// The numbers come from the physics core (heralding scheme → success probability and heralded
/// Bell-diagonal state; node cycle and herald round trip → attempt period; node memories). The
/// number of attempts until a herald is geometric, so the engine draws it in O(1)
/// (``GeometricSampler``) instead of simulating attempts: cost per pair does not grow with loss.
public struct SimulatedLink: Sendable, Hashable {
    /// Draws the number of attempts per heralded pair.
    public let attempts: GeometricSampler
    /// Duration of one attempt (seconds): max(node cycle, herald round trip).
    public let attemptPeriodSeconds: Double
    /// The heralded pair, as Pauli weights.
    public let heraldedState: PauliWeights
    /// Memory holding the half at end A.
    public let memoryA: MemoryNoise
    /// Memory holding the half at end B.
    public let memoryB: MemoryNoise
    /// Both memories acting together on a pair stored for equal times (``MemoryNoise/combined(with:)``).
    public let pairMemory: MemoryNoise

    /// Creates a link model.
    ///
    /// - Parameters:
    ///   - successProbability: success probability per attempt, in (0, 1] (for M multiplexed
    ///     emitters pass `Multiplexing.successPerRound(_:modes:)` of InterlinkPhysics).
    ///   - attemptPeriodSeconds: attempt period, > 0.
    ///   - heraldedState: the heralded Bell-diagonal state.
    ///   - memoryA: memory parameters at end A.
    ///   - memoryB: memory parameters at end B.
    ///   - path: the parameter path used in error messages.
    /// - Throws: ``ParameterError`` or the physics validation error, naming `path.<field>`.
    public init(
        successProbability: Double, attemptPeriodSeconds: Double, heraldedState: BellDiagonalState,
        memoryA: MemoryParameters = MemoryParameters(), memoryB: MemoryParameters = MemoryParameters(),
        path: String = "link"
    ) throws {
        attempts = try GeometricSampler(successProbability: successProbability, parameter: path + ".successProbability")
        try Validate.positive(attemptPeriodSeconds, at: path + ".attemptPeriodSeconds", unit: "s")
        self.attemptPeriodSeconds = attemptPeriodSeconds
        self.heraldedState = PauliWeights(heraldedState)
        self.memoryA = try MemoryNoise(memoryA, path: path + ".memoryA")
        self.memoryB = try MemoryNoise(memoryB, path: path + ".memoryB")
        pairMemory = self.memoryA.combined(with: self.memoryB)
    }

    /// Success probability per attempt.
    @inlinable
    public var successProbability: Double { attempts.successProbability }

    /// Draws the time (seconds) from the start of attempts to the herald of the next pair.
    @inlinable
    public func generationTime(using stream: inout RandomStream) -> Double {
        attempts.attempts(using: &stream) * attemptPeriodSeconds
    }

    /// The pair after both halves were stored for `seconds`.
    @inlinable
    public func stored(_ pair: PauliWeights, for seconds: Double) -> PauliWeights {
        pairMemory.decohere(pair, for: seconds)
    }
}
