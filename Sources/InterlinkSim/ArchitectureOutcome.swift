import InterlinkStats

/// Streaming results of a modular-architecture simulation; mergeable across chunks.
public struct ArchitectureOutcome: Sendable, Hashable {
    /// Delivered remote gates: waiting time (request → pair ready) and process fidelity; its
    /// `rate` is gates per simulated second.
    public private(set) var gates: DeliveryMetrics
    /// Queueing delay per gate (request → start of its pair's generation, or → assignment of a
    /// buffered pair), seconds.
    public private(set) var queueingDelay = RunningSummary()
    /// Busy communication-qubit seconds per module.
    public private(set) var portBusySeconds: [Double]
    /// Busy analyser seconds.
    public private(set) var analyserBusySeconds: Double = 0
    /// Communication qubits per module (for utilisation).
    public let portsPerModule: [Int]
    /// Analysers in the pool.
    public let analysers: Int
    /// Pairs generated (heralded).
    public private(set) var generatedPairs = 0
    /// Buffered pairs discarded (cutoff, or evicted to free a port for a waiting request).
    public private(set) var discardedPairs = 0
    /// Requests rejected because the queues were full (the workload exceeds capacity).
    public private(set) var rejectedRequests = 0

    init(architecture: ModularArchitecture, configuration: MetricsConfiguration) throws {
        gates = try DeliveryMetrics(configuration: configuration)
        portBusySeconds = Array(repeating: 0, count: architecture.modules.count)
        portsPerModule = architecture.modules.map(\.communicationQubits)
        analysers = architecture.analysers
    }

    /// Fraction of time each module's communication qubits were busy (generating or holding a pair).
    public var portUtilisation: [Double] {
        let t = gates.simulatedSeconds
        return zip(portBusySeconds, portsPerModule).map { t > 0 ? $0 / (Double($1) * t) : 0 }
    }

    /// Fraction of time the analysers were busy.
    public var analyserUtilisation: Double {
        let t = gates.simulatedSeconds
        return t > 0 ? analyserBusySeconds / (Double(analysers) * t) : 0
    }

    /// Remote gates per simulated second.
    public var gateRate: Double { gates.rate }

    mutating func recordGate(waiting: Double, queueing: Double, fidelity: Double) {
        gates.record(waiting: waiting, fidelity: fidelity)
        try? queueingDelay.add(queueing)
    }

    mutating func addPortBusy(_ module: Int, _ seconds: Double) { portBusySeconds[module] += seconds }
    mutating func addAnalyserBusy(_ seconds: Double) { analyserBusySeconds += seconds }
    mutating func countGenerated() { generatedPairs += 1 }
    mutating func countDiscarded() { discardedPairs += 1 }
    mutating func countRejected() { rejectedRequests += 1 }
    mutating func advance(by seconds: Double) { gates.advance(by: seconds) }

    /// Merges another outcome of the same architecture (chunk order must be fixed by the caller).
    ///
    /// - Throws: the Stats error when histogram binnings differ.
    public mutating func merge(_ other: ArchitectureOutcome) throws {
        try gates.merge(other.gates)
        queueingDelay.merge(other.queueingDelay)
        for k in portBusySeconds.indices where k < other.portBusySeconds.count {
            portBusySeconds[k] += other.portBusySeconds[k]
        }
        analyserBusySeconds += other.analyserBusySeconds
        generatedPairs += other.generatedPairs
        discardedPairs += other.discardedPairs
        rejectedRequests += other.rejectedRequests
    }
}
