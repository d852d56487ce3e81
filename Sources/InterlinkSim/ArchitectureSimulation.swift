import InterlinkCore

/// Event-driven Monte Carlo of a ``ModularArchitecture`` (on ``EventQueue``).
///
/// Each generation costs one geometric draw, whatever the link loss. Requests wait in one FIFO
/// per module pair; the dispatcher serves the oldest request whose two modules have a free
/// communication qubit while an analyser is free. In buffered mode, a request that finds no
/// stored pair waits, and a stored pair of another module pair is evicted when it blocks the only
/// free port a waiting request needs (so the system cannot deadlock).
public enum ArchitectureSimulation: Sendable {
    /// Simulates one independent run from an empty system until `gates` remote gates are delivered.
    ///
    /// - Throws: the Stats error for an invalid binning.
    public static func simulate(
        _ architecture: ModularArchitecture, gates: Int, stream: inout RandomStream,
        configuration: MetricsConfiguration = .summariesOnly
    ) throws -> ArchitectureOutcome {
        var run = try ArchitectureRun(architecture: architecture, stream: stream, configuration: configuration)
        run.run(gates: gates)
        stream = run.stream
        return run.outcome
    }

    /// Simulates `gates` remote gates as fixed chunks of independent runs (each from an empty
    /// system) on `threads` threads, merged in chunk order: bit-identical for any thread count.
    ///
    /// - Throws: ``ParameterError`` for `threads` < 1 or the Stats error for an invalid binning.
    public static func run(
        _ architecture: ModularArchitecture, gates: Int, threads: Int = 1, stream: RandomStream,
        configuration: MetricsConfiguration = .summariesOnly, chunkSize: Int = 50_000
    ) throws -> ArchitectureOutcome {
        let parts = try ChunkedRun.map(trials: gates, chunkSize: chunkSize, threads: threads, stream: stream) {
            _, n, s in
            try simulate(architecture, gates: n, stream: &s, configuration: configuration)
        }
        var total = try ArchitectureOutcome(architecture: architecture, configuration: configuration)
        for p in parts { try total.merge(p) }
        return total
    }
}

/// Events of the architecture simulation (small values stored inline in the heap).
enum ArchitectureEvent: Sendable {
    /// A Poisson request arrives.
    case arrival
    /// A pair of module pair `pair` is heralded; generation started at `started`; `request` is the
    /// arrival time of the request it serves (on demand) or −1 (buffered).
    case herald(pair: Int32, started: Double, request: Double)
    /// The gate on module pair `pair` completes; its ports were taken at `since`.
    case gateDone(pair: Int32, since: Double)
}

/// A pair stored in the buffer of a module pair.
struct StoredPair: Sendable {
    /// Herald time.
    var ready: Double
    /// Time its ports were taken.
    var since: Double
}

/// A first-in-first-out list over an array with a moving head (compacted when half empty).
struct FIFO<Element: Sendable>: Sendable {
    private var items: [Element] = []
    private var head = 0

    var count: Int { items.count - head }
    var isEmpty: Bool { head == items.count }
    var first: Element? { isEmpty ? nil : items[head] }

    mutating func append(_ x: Element) { items.append(x) }

    mutating func popFirst() -> Element? {
        guard !isEmpty else { return nil }
        let x = items[head]
        head += 1
        if head == items.count {
            items.removeAll(keepingCapacity: true)
            head = 0
        } else if head >= 64 && head * 2 >= items.count {
            items.removeFirst(head)
            head = 0
        }
        return x
    }
}

/// Mutable state of one architecture run.
struct ArchitectureRun {
    let arch: ModularArchitecture
    var stream: RandomStream
    var queue: EventQueue<ArchitectureEvent>
    var freeQubits: [Int]
    var freeAnalysers: Int
    var waiting: [FIFO<Double>]
    var stored: [FIFO<StoredPair>]
    var inflight: [Int]
    var reserved: [Bool]
    /// Arrival time of the oldest waiting request per module pair (+∞ when none): a flat copy of
    /// the queue heads so the dispatcher scans contiguous doubles.
    var headArrival: [Double]
    /// Module indices of each module pair, flat.
    let firstModule: [Int]
    let secondModule: [Int]
    var outcome: ArchitectureOutcome
    var delivered = 0
    var queued = 0
    var target = 0
    var now = 0.0
    let depth: Int
    let cutoff: Double
    let buffered: Bool
    /// Closed-loop workload (a completed gate spawns a request).
    let saturated: Bool
    /// Poisson arrival rate (0 for a closed loop).
    let arrivalRate: Double
    /// Maximum number of waiting requests.
    let queueCapacity: Int

    init(architecture: ModularArchitecture, stream: RandomStream, configuration: MetricsConfiguration) throws {
        arch = architecture
        self.stream = stream
        let slots = architecture.modules.reduce(0) { $0 + $1.communicationQubits }
        queue = EventQueue(reservingCapacity: slots + architecture.analysers + 8)
        freeQubits = architecture.modules.map(\.communicationQubits)
        freeAnalysers = architecture.analysers
        waiting = Array(repeating: FIFO(), count: architecture.pairs.count)
        stored = Array(repeating: FIFO(), count: architecture.pairs.count)
        inflight = Array(repeating: 0, count: architecture.pairs.count)
        reserved = Array(repeating: false, count: architecture.modules.count)
        headArrival = Array(repeating: .infinity, count: architecture.pairs.count)
        firstModule = architecture.pairs.map(\.first)
        secondModule = architecture.pairs.map(\.second)
        outcome = try ArchitectureOutcome(architecture: architecture, configuration: configuration)
        switch architecture.workload.arrivals {
        case let .poisson(rate):
            saturated = false
            arrivalRate = rate
        case .saturated:
            saturated = true
            arrivalRate = 0
        }
        queueCapacity = architecture.workload.queueCapacity
        switch architecture.pairPolicy {
        case .onDemand:
            buffered = false
            depth = 0
            cutoff = .infinity
        case let .buffered(d, c):
            buffered = true
            depth = d
            cutoff = c.maximumAgeSeconds
        }
    }

    mutating func run(gates: Int) {
        target = max(0, gates)
        guard target > 0 else { return }
        switch arch.workload.arrivals {
        case let .poisson(rate):
            queue.schedule(.arrival, at: stream.nextExponential(rate: rate))
        case let .saturated(outstanding):
            for _ in 0..<outstanding { newRequest() }
        }
        dispatch()
        while delivered < target, let e = queue.pop() {
            now = e.time
            switch e.event {
            case .arrival:
                queue.schedule(.arrival, at: now + stream.nextExponential(rate: arrivalRate))
                newRequest()
            case let .herald(pair, started, request):
                heralded(Int(pair), started: started, request: request)
            case let .gateDone(pair, since):
                let p = arch.pairs[Int(pair)]
                release(p.first, since: since)
                release(p.second, since: since)
            }
            dispatch()
        }
        outcome.advance(by: now)
    }

    mutating func enqueue(_ t: Int, arrival: Double) {
        if waiting[t].isEmpty { headArrival[t] = arrival }
        waiting[t].append(arrival)
        queued += 1
    }

    mutating func dequeue(_ t: Int) -> Double? {
        guard let r = waiting[t].popFirst() else { return nil }
        headArrival[t] = waiting[t].first ?? .infinity
        queued -= 1
        return r
    }

    mutating func release(_ module: Int, since: Double) {
        freeQubits[module] += 1
        outcome.addPortBusy(module, now - since)
    }

    /// A new request arrives now: served from the buffer, queued, or rejected when the queues
    /// already hold ``RemoteGateWorkload/queueCapacity`` requests (bounded memory under overload).
    mutating func newRequest() {
        let t = arch.drawPair(using: &stream)
        if buffered, let pair = takeStored(t) {
            consume(t, pair: pair, request: now)
        } else if queued >= queueCapacity {
            outcome.countRejected()
        } else {
            enqueue(t, arrival: now)
        }
    }

    /// The oldest stored pair of `t` within the cutoff (older ones are discarded).
    mutating func takeStored(_ t: Int) -> StoredPair? {
        while let s = stored[t].popFirst() {
            if now - s.ready <= cutoff { return s }
            discard(t, s)
        }
        return nil
    }

    mutating func discard(_ t: Int, _ s: StoredPair) {
        let p = arch.pairs[t]
        release(p.first, since: s.since)
        release(p.second, since: s.since)
        outcome.countDiscarded()
    }

    /// Gate on a (possibly stored) pair of module pair `t` requested at `request`.
    mutating func consume(_ t: Int, pair s: StoredPair, request: Double) {
        let p = arch.pairs[t]
        let age = now - s.ready
        var state = p.link.heraldedState
        if age > 0 {
            state = arch.modules[p.second].memory.decohere(arch.modules[p.first].memory.decohere(state, for: age), for: age)
        }
        outcome.recordGate(waiting: now - request, queueing: now - request, fidelity: state.fidelity * p.gateFactor)
        queue.schedule(.gateDone(pair: Int32(t), since: s.since), at: now + p.gateSeconds)
        delivered += 1
        if saturated, delivered < target { newRequest() }
    }

    mutating func heralded(_ t: Int, started: Double, request: Double) {
        freeAnalysers += 1
        outcome.addAnalyserBusy(now - started)
        outcome.countGenerated()
        let p = arch.pairs[t]
        if !buffered {
            outcome.recordGate(
                waiting: now - request, queueing: started - request, fidelity: p.link.heraldedState.fidelity * p.gateFactor)
            queue.schedule(.gateDone(pair: Int32(t), since: started), at: now + p.gateSeconds)
            delivered += 1
            if saturated, delivered < target { newRequest() }
            return
        }
        inflight[t] -= 1
        let fresh = StoredPair(ready: now, since: started)
        if let r = dequeue(t) {
            consume(t, pair: fresh, request: r)
        } else {
            stored[t].append(fresh)
        }
    }

    mutating func startGeneration(_ t: Int, request: Double) {
        let p = arch.pairs[t]
        freeQubits[p.first] -= 1
        freeQubits[p.second] -= 1
        freeAnalysers -= 1
        let done = now + arch.switchSeconds + p.link.generationTime(using: &stream)
        queue.schedule(.herald(pair: Int32(t), started: now, request: request), at: done)
    }

    func portsFree(_ t: Int) -> Bool {
        freeQubits[firstModule[t]] > 0 && freeQubits[secondModule[t]] > 0
    }

    mutating func dispatch() {
        if buffered { dispatchBuffered() } else { dispatchOnDemand() }
    }

    mutating func dispatchOnDemand() {
        while freeAnalysers > 0 {
            var best = -1
            var oldest = Double.infinity
            for t in headArrival.indices {
                let a = headArrival[t]
                if a < oldest, portsFree(t) {
                    best = t
                    oldest = a
                }
            }
            guard best >= 0, let r = dequeue(best) else { return }
            startGeneration(best, request: r)
        }
    }

    mutating func dispatchBuffered() {
        while freeAnalysers > 0 {
            // Ports of modules that waiting requests need are reserved for them: buffer-filling
            // generations never take them (otherwise fills and evictions could livelock).
            for m in reserved.indices { reserved[m] = false }
            for t in waiting.indices where waiting[t].count > inflight[t] {
                reserved[arch.pairs[t].first] = true
                reserved[arch.pairs[t].second] = true
            }
            // Priority: the module pair with the oldest waiting request not yet covered by an
            // in-flight generation; otherwise the emptiest buffer below its depth.
            var best = -1
            var bestKey = (1, Double.infinity)
            var blocked = -1
            for t in waiting.indices {
                let want = waiting[t].count > inflight[t]
                let fill = stored[t].count + inflight[t]
                guard want || fill < depth else { continue }
                let p = arch.pairs[t]
                if !want && (reserved[p.first] || reserved[p.second]) { continue }
                guard portsFree(t) else {
                    if want && blocked < 0 { blocked = t }
                    continue
                }
                let key = want ? (0, waiting[t].first ?? 0) : (1, Double(fill))
                if key < bestKey {
                    bestKey = key
                    best = t
                }
            }
            if best >= 0 && bestKey.0 == 0 {
                inflight[best] += 1
                startGeneration(best, request: -1)
                continue
            }
            // A waiting request is blocked by ports held in other buffers: evict the oldest
            // stored pair occupying one of its modules.
            if blocked >= 0, evict(for: blocked) { continue }
            if best >= 0 {
                inflight[best] += 1
                startGeneration(best, request: -1)
                continue
            }
            return
        }
    }

    /// Discards the oldest stored pair that holds a port of a module `t` needs; false if none.
    mutating func evict(for t: Int) -> Bool {
        let need = arch.pairs[t]
        var victim = -1
        var oldest = Double.infinity
        for u in stored.indices where u != t {
            let q = arch.pairs[u]
            let touches = (freeQubits[need.first] == 0 && (q.first == need.first || q.second == need.first))
                || (freeQubits[need.second] == 0 && (q.first == need.second || q.second == need.second))
            if touches, let s = stored[u].first, s.ready < oldest {
                victim = u
                oldest = s.ready
            }
        }
        guard victim >= 0, let s = stored[victim].popFirst() else { return false }
        discard(victim, s)
        return true
    }
}
