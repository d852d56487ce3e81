import InterlinkStats

/// Streaming, mergeable metrics of delivered pairs: count, simulated time, running summaries of
/// waiting time and fidelity, and optional fixed-bin histograms.
///
/// Memory is constant in the number of deliveries. Merging is exact for counts and histograms and
/// uses Chan–Golub–LeVeque for summaries, which is order-sensitive in the last bits: the engine
/// always merges chunk results in chunk order, so results do not depend on thread count.
public struct DeliveryMetrics: Sendable, Hashable {
    /// Number of delivered pairs (or gates).
    public private(set) var delivered: Int = 0
    /// Total simulated time (seconds) covered by the recorded deliveries.
    public private(set) var simulatedSeconds: Double = 0
    /// Waiting time per delivery (seconds): from the start of generation (or request) to delivery.
    public private(set) var waitingTime = RunningSummary()
    /// Fidelity of each delivered pair (or process fidelity of each gate).
    public private(set) var fidelity = RunningSummary()
    /// Waiting-time histogram, when configured.
    public private(set) var waitingTimeHistogram: Histogram?
    /// Fidelity histogram, when configured.
    public private(set) var fidelityHistogram: Histogram?
    /// Values that were not finite and were therefore left out of the summaries.
    public private(set) var nonFiniteValues: Int = 0

    /// Empty metrics with the histograms of `configuration`.
    ///
    /// - Throws: the Stats error for an invalid binning.
    public init(configuration: MetricsConfiguration = .summariesOnly) throws {
        waitingTimeHistogram = try configuration.waitingTimeBinning.map { try Histogram(binning: $0) }
        fidelityHistogram = try configuration.fidelityBinning.map { try Histogram(binning: $0) }
    }

    /// Records one delivery after `waiting` seconds with fidelity `fidelity`.
    public mutating func record(waiting: Double, fidelity value: Double) {
        delivered += 1
        recordSummaries(waiting: waiting, fidelity: value)
    }

    /// Adds summaries and histograms of one delivery.
    mutating func recordSummaries(waiting: Double, fidelity value: Double) {
        do {
            try waitingTime.add(waiting)
            try fidelity.add(value)
            try waitingTimeHistogram?.add(waiting)
            try fidelityHistogram?.add(value)
        } catch {
            nonFiniteValues += 1
        }
    }

    /// Records one delivery after `waiting` seconds whose fidelity is recorded separately with
    /// ``recordFidelity(_:count:)`` (for processes whose delivered fidelity is constant).
    public mutating func record(waiting: Double) {
        delivered += 1
        do {
            try waitingTime.add(waiting)
            try waitingTimeHistogram?.add(waiting)
        } catch {
            nonFiniteValues += 1
        }
    }

    /// Records the fidelity `value` for `count` deliveries at once: the summary of `count` equal
    /// values is built by ⌈log₂ count⌉ exact pairwise merges (equal means add no spread) and the
    /// histogram gets one add of weight `count`.
    public mutating func recordFidelity(_ value: Double, count: Int) {
        guard count > 0 else { return }
        guard let one = try? RunningSummary([value]) else {
            nonFiniteValues += count
            return
        }
        var power = one, block = RunningSummary(), k = count
        while k > 0 {
            if k & 1 == 1 { block.merge(power) }
            k >>= 1
            if k > 0 { power.merge(power) }
        }
        fidelity.merge(block)
        try? fidelityHistogram?.add(value, weight: Double(count))
    }

    /// Adds `seconds` of simulated time.
    public mutating func advance(by seconds: Double) {
        simulatedSeconds += seconds
    }

    /// Merges `other` (recorded with the same configuration) into these metrics.
    ///
    /// - Throws: the Stats error when histogram binnings differ.
    public mutating func merge(_ other: DeliveryMetrics) throws {
        delivered += other.delivered
        simulatedSeconds += other.simulatedSeconds
        waitingTime.merge(other.waitingTime)
        fidelity.merge(other.fidelity)
        nonFiniteValues += other.nonFiniteValues
        if let h = other.waitingTimeHistogram { try waitingTimeHistogram?.merge(h) }
        if let h = other.fidelityHistogram { try fidelityHistogram?.merge(h) }
    }

    /// Delivery rate (per second): deliveries / simulated time.
    public var rate: Double { simulatedSeconds > 0 ? Double(delivered) / simulatedSeconds : 0 }

    /// Standard error of ``rate`` for renewal processes (each delivery one independent cycle whose
    /// length is its waiting time): by the delta method, rate · SE(mean wait) / mean wait.
    public var rateStandardError: Double {
        guard let se = waitingTime.standardErrorOfMean, waitingTime.mean > 0 else { return .infinity }
        return rate * se / waitingTime.mean
    }

    /// Mean fidelity of delivered pairs.
    public var meanFidelity: Double { fidelity.mean }

    /// Standard error of ``meanFidelity``.
    public var meanFidelityStandardError: Double { fidelity.standardErrorOfMean ?? .infinity }
}
