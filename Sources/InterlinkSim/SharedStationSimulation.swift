import InterlinkCore

/// Several heralded links sharing one midpoint station whose detectors are dead for a fixed time
/// after every herald (event-driven, on ``EventQueue``).
///
/// Model: each link attempts continuously; its next herald time is drawn geometrically
/// (``SimulatedLink/generationTime(using:)``) from the moment it (re)starts. A herald arriving while the
/// station is dead is lost (those attempts fail) and the link restarts its attempts when the dead
/// window ends — exact by memorylessness of the geometric law when dead windows end on attempt
/// boundaries, a continuous-time approximation otherwise. A successful herald delivers the pair at
/// once and starts a dead window of `deadTimeSeconds`; the link restarts immediately.
/// Closed form for one link: waiting time d + K·τ, rate 1/(d + τ/p).
public struct SharedStationSimulation: Sendable {
    /// The links sharing the station.
    public let links: [SimulatedLink]
    /// Detector dead time after each herald (seconds), ≥ 0.
    public let deadTimeSeconds: Double

    /// Creates a shared-station scenario.
    ///
    /// - Throws: ``ParameterError`` for no links or a negative or non-finite dead time.
    public init(links: [SimulatedLink], deadTimeSeconds: Double) throws {
        guard !links.isEmpty else {
            throw ParameterError(invalid: "station.links", reason: "needs at least one link")
        }
        try Validate.nonNegative(deadTimeSeconds, at: "station.deadTimeSeconds", unit: "s")
        self.links = links
        self.deadTimeSeconds = deadTimeSeconds
    }

    /// The outcome of a shared-station run.
    public struct Outcome: Sendable {
        /// Per-link delivery metrics (waiting time = restart to herald), in link order. Each link's
        /// `simulatedSeconds` is the whole simulated span, so its `rate` is its own throughput.
        public var perLink: [DeliveryMetrics]
        /// Heralds lost because they fell into a dead window.
        public var lostHeralds: Int
        /// Fraction of the simulated span during which the station was dead (busy).
        public var stationUtilisation: Double
        /// Simulated span (seconds).
        public var simulatedSeconds: Double
    }

    /// Simulates until `pairs` pairs in total have been delivered.
    ///
    /// - Throws: the Stats error for an invalid binning.
    public func run(
        pairs: Int, stream: RandomStream, configuration: MetricsConfiguration = .summariesOnly
    ) throws -> Outcome {
        var s = stream
        var queue = EventQueue<Int>(reservingCapacity: links.count + 1)
        var started = [Double](repeating: 0, count: links.count)
        for (k, link) in links.enumerated() {
            queue.schedule(k, at: link.generationTime(using: &s))
        }
        var perLink = try links.map { _ in try DeliveryMetrics(configuration: configuration) }
        var deadUntil = 0.0
        var deadTotal = 0.0
        var lost = 0
        var delivered = 0
        var now = 0.0
        while delivered < pairs, let e = queue.pop() {
            now = e.time
            let k = e.event
            if now < deadUntil {
                lost += 1
                queue.schedule(k, at: deadUntil + links[k].generationTime(using: &s))
                continue
            }
            perLink[k].record(waiting: now - started[k], fidelity: links[k].heraldedState.fidelity)
            delivered += 1
            deadUntil = now + deadTimeSeconds
            deadTotal += deadTimeSeconds
            started[k] = now
            queue.schedule(k, at: now + links[k].generationTime(using: &s))
        }
        for k in perLink.indices { perLink[k].advance(by: now) }
        return Outcome(
            perLink: perLink, lostHeralds: lost,
            stationUtilisation: now > 0 ? min(1, deadTotal / now) : 0, simulatedSeconds: now)
    }
}
