import Foundation
import InterlinkCore
import InterlinkPhysics
import InterlinkSim

/// The outcome of one shot.
struct ShotOutcome: Sendable {
    var makespan: Double
    var logFidelity: Double
    var pairsGenerated: Int
    var pairsDiscarded: Int
    /// Seconds of the critical path attributed to each resource (see ``ExecutionSimulator/resourceNames``).
    var attribution: [Double]
    /// Generation seconds per channel.
    var generationSeconds: [Double]
    /// Busy qubit-seconds per module.
    var busySeconds: [Double]
    /// Every remote operation with legs, in start order (see ``RemoteGateRecord``).
    var remoteGates: [RemoteGateRecord] = []
}

/// The event-driven execution of an ``ExecutionPlan`` (one shot per ``run(stream:)``).
///
/// A task becomes ready when its predecessors in the dependency graph have finished. A task without
/// legs starts at once. A task with legs takes buffered pairs where there are any and asks for the
/// remaining hops to be generated: all of them start together as soon as every communication qubit
/// and analyser they need is free (all-or-nothing, which rules out hold-and-wait deadlocks); each
/// hop then takes its channel's setup plus K attempts (K geometric, `GeometricSampler`). A
/// multi-hop leg is swapped at its relays when its last hop arrives (relay gate + readout + the
/// route's classical latency; `EntanglementSwapping.swap` with the relay's operations), which frees
/// the relays' communication qubits. The task starts when every leg has its pair; the pairs' ends are
/// freed when the task (for a burst, its last gate) finishes.
///
/// Buffered supply: each channel keeps up to `depth` pairs ahead for hops the circuit will still
/// need, never taking a module's communication qubits below the most one task needs there; a pair
/// older than the cutoff is discarded. Buffered pairs serve tasks when they become ready.
///
/// Fidelity: ln F = Σ static gate terms + Σ ln λ_I of every used pair after storage (both halves
/// decohere in their module's memory from delivery to use) + Σ over every gap between two
/// operations of a qubit of ln p_I(idle) (`GateAlgebra.idleFidelity`). Limits: errors are treated
/// as independent and never cancelling (a lower-bound style estimate, like
/// `RemoteOperations.remoteCNOT`); qubits idle before their first and after their last operation do
/// not count; a burst's shared qubit counts as busy during its joined gates; modules run any number of
/// gates in parallel.
struct ExecutionSimulator {
    enum Event: Sendable {
        case finish(Int)
        case hop(Int)
        case swap(Int)
        case buffered(Int)
        case expire(Int)
    }

    /// What the hot loop needs of a channel (copying `PairChannel`, which holds its `LinkModel`, would
    /// cost more than the event itself).
    struct Link: Sendable {
        let moduleA: Int, moduleB: Int, pool: Int
        let setupSeconds: Double, attemptSeconds: Double
        let pairState: BellDiagonalState
        /// True heralds / all heralds of the channel (1 for abstract channels).
        let trueHeraldFraction: Double
    }

    let plan: ExecutionPlan
    /// Whether each shot's outcome lists its remote gates (``ShotOutcome/remoteGates``).
    var recordsRemoteGates = true
    let machine: Machine
    let links: [Link]
    let memories: [MemoryParameters]
    let operations: [LocalOperations]
    let communicationQubits: [Int]
    let initialLegsLeft: [Int], initialHopsLeft: [Int]
    /// What each task's generations need when all its hops are pending (the on-demand supply): the
    /// communication qubits per module and analysers per pool, flat (`needRange[t]` indexes
    /// `needResource`/`needCount`; a resource below `moduleCount` is a module, above it a pool).
    /// The scan of waiting requests rejects most of them from these alone.
    let needRange: [Range<Int>]
    let needResource: [Int], needCount: [Int]
    /// The dependency graph's successors, flat: those of task t are
    /// `successorList[successorStart[t]..<successorStart[t + 1]]` (no nested arrays on the hot path).
    let successorStart: [Int], successorList: [Int]
    let samplers: [GeometricSampler]
    let depth: Int
    let cutoff: Double?

    // Per-shot state (reset by `run`).
    var queue = EventQueue<Event>(reservingCapacity: 256)
    var predecessorsLeft: [Int] = []
    var readyAt: [Double] = [], startAt: [Double] = [], finishAt: [Double] = []
    var binding: [Int] = []
    var legsLeft: [Int] = []
    var legReadyAt: [Double] = [], legState: [BellDiagonalState] = [], legBindingHop: [Int] = [], legHopsLeft: [Int] = []
    var hopReadyAt: [Double] = [], hopStartAt: [Double] = []
    var hopPending: [Bool] = []
    var commFree: [Int] = [], poolFree: [Int] = []
    /// Modules with a free communication qubit, and free analysers in all pools.
    var freeModules = 0, freeAnalysers = 0
    /// Waiting generation requests in order of request (see ``Want``).
    var wants: [Want] = []
    var remaining: [Int] = [], inFlight: [Int] = [], queuedTopUps: [Int] = []
    var buffers: [[Int]] = []
    var bufferReadyAt: [Double] = [], bufferChannel: [Int] = [], bufferAlive: [Bool] = []
    var lastEnd: [Double] = []
    var needComm: [Int] = [], needPool: [Int] = []
    var finished = 0
    var outcome = ShotOutcome(makespan: 0, logFidelity: 0, pairsGenerated: 0, pairsDiscarded: 0, attribution: [],
                              generationSeconds: [], busySeconds: [])

    init(plan: ExecutionPlan, machine: Machine, supply: PairSupply) throws {
        self.plan = plan
        self.machine = machine
        links = machine.channels.map {
            Link(moduleA: $0.moduleA, moduleB: $0.moduleB, pool: $0.pool, setupSeconds: $0.setupSeconds,
                 attemptSeconds: $0.attemptSeconds, pairState: $0.pairState,
                 trueHeraldFraction: $0.trueHeraldFraction)
        }
        memories = machine.modules.map(\.memory)
        operations = machine.modules.map(\.operations)
        communicationQubits = machine.modules.map(\.communicationQubits)
        initialLegsLeft = plan.tasks.map { $0.legs.count }
        initialHopsLeft = plan.legs.map { $0.hops.count }
        var ranges: [Range<Int>] = [], resources: [Int] = [], counts: [Int] = []
        let moduleCount = machine.modules.count
        for task in plan.tasks {
            var need: [Int: Int] = [:]
            for l in task.legs {
                for h in plan.legs[l].hops {
                    let ch = machine.channels[plan.hopChannel[h]]
                    need[ch.moduleA, default: 0] += 1
                    need[ch.moduleB, default: 0] += 1
                    need[moduleCount + ch.pool, default: 0] += 1
                }
            }
            let start = resources.count
            for (r, n) in need.sorted(by: { $0.key < $1.key }) {
                resources.append(r)
                counts.append(n)
            }
            ranges.append(start..<resources.count)
        }
        needRange = ranges
        needResource = resources
        needCount = counts
        successorStart = plan.successors.reduce(into: [0]) { $0.append($0[$0.count - 1] + $1.count) }
        successorList = plan.successors.flatMap { $0 }
        samplers = try machine.channels.enumerated().map { c, ch in
            try GeometricSampler(successProbability: ch.successProbability, parameter: "channels[\(c)].successProbability")
        }
        depth = supply.bufferDepth
        cutoff = supply.policy == .buffered ? supply.cutoffSeconds : nil
    }

    /// Names of the attribution categories: each module's operations, each channel's generation,
    /// each channel's wait for communication qubits and analysers, swapping, classical latency.
    static func resourceNames(_ machine: Machine) -> [String] {
        machine.modules.enumerated().map { "module \($0.offset) (\($0.element.name)) operations" }
            + machine.channels.map { "\($0.label) pair generation" }
            + machine.channels.map { "\($0.label) waiting for communication qubits or analysers" }
            + ["entanglement swapping", "classical latency"]
    }

    mutating func reset() {
        let n = plan.tasks.count, l = plan.legs.count, h = plan.hopChannel.count
        let k = machine.modules.count, c = machine.channels.count
        queue.removeAll()
        predecessorsLeft = plan.predecessorCount
        readyAt = [Double](repeating: 0, count: n); startAt = readyAt; finishAt = readyAt
        binding = [Int](repeating: -1, count: n)
        legsLeft = initialLegsLeft
        legReadyAt = [Double](repeating: 0, count: l)
        legState = [BellDiagonalState](repeating: .perfect, count: l)
        legBindingHop = [Int](repeating: -1, count: l)
        legHopsLeft = initialHopsLeft
        hopReadyAt = [Double](repeating: 0, count: h); hopStartAt = hopReadyAt
        hopPending = [Bool](repeating: false, count: h)
        commFree = communicationQubits
        poolFree = machine.analyserPools
        freeModules = commFree.count
        freeAnalysers = poolFree.reduce(0, +)
        wants.removeAll(keepingCapacity: true)
        remaining = plan.hopsPerChannel
        inFlight = [Int](repeating: 0, count: c); queuedTopUps = inFlight
        buffers = [[Int]](repeating: [], count: c)
        bufferReadyAt.removeAll(keepingCapacity: true); bufferChannel.removeAll(keepingCapacity: true)
        bufferAlive.removeAll(keepingCapacity: true)
        lastEnd = [Double](repeating: -1, count: plan.qubitCount)
        needComm = [Int](repeating: 0, count: k); needPool = [Int](repeating: 0, count: machine.analyserPools.count)
        finished = 0
        outcome = ShotOutcome(makespan: 0, logFidelity: 0, pairsGenerated: 0, pairsDiscarded: 0,
                              attribution: [Double](repeating: 0, count: k + 2 * c + 2),
                              generationSeconds: [Double](repeating: 0, count: c),
                              busySeconds: [Double](repeating: 0, count: k))
    }

    /// Runs one shot.
    ///
    /// - Throws: ``ParameterError`` if the execution stalls (it cannot with validated inputs; the check
    ///   guards the invariant instead of looping or returning a wrong makespan).
    mutating func run(stream: inout RandomStream) throws -> ShotOutcome {
        reset()
        for c in machine.channels.indices { refill(c) }
        for t in plan.tasks.indices where predecessorsLeft[t] == 0 { ready(t, at: 0, stream: &stream) }
        startWants(at: 0, stream: &stream)
        while finished < plan.tasks.count, let e = queue.pop() {
            let now = e.time
            switch e.event {
            case .finish(let t): finish(t, at: now, stream: &stream)
            case .hop(let h):
                releasePool(links[plan.hopChannel[h]].pool)
                hopDone(h, at: now, stream: &stream)
            case .swap(let l): swapDone(l, at: now, stream: &stream)
            case .buffered(let p): bufferDone(p, at: now)
            case .expire(let p): expire(p)
            }
            startWants(at: now, stream: &stream)
        }
        guard finished == plan.tasks.count else {
            throw ParameterError(kind: .inconsistent, path: "architecture",
                                 message: "execution stalled with \(plan.tasks.count - finished) operations left (communication qubits or analysers can never be allocated)")
        }
        attribute()
        return outcome
    }

    // MARK: Tasks

    mutating func ready(_ t: Int, at now: Double, stream: inout RandomStream) {
        readyAt[t] = now
        let task = plan.tasks[t]
        if task.legs.isEmpty { start(t, at: now); return }
        var unserved = false
        var served = false
        for l in task.legs {
            for h in plan.legs[l].hops {
                let c = plan.hopChannel[h]
                if depth > 0, let p = takeBuffered(c) {
                    hopStartAt[h] = bufferReadyAt[p]
                    hopReadyAt[h] = bufferReadyAt[p]
                    served = true
                } else {
                    hopPending[h] = true
                    unserved = true
                }
            }
        }
        if unserved { wants.append(Want(request: t)) }
        guard served else { return }
        for l in task.legs {
            for h in plan.legs[l].hops where !hopPending[h] {
                hopDone(h, at: now, stream: &stream, readyTime: hopReadyAt[h])
            }
        }
    }

    mutating func start(_ t: Int, at now: Double) {
        startAt[t] = now
        let task = plan.tasks[t]
        var logF = task.logFidelity
        for l in task.legs {
            let leg = plan.legs[l]
            let age = now - legReadyAt[l]
            let state = age > 0
                ? MemoryDecoherence.stored(legState[l], memoryA: memories[leg.from], timeA: age,
                                           memoryB: memories[leg.to], timeB: age)
                : legState[l]
            logF += log(state.lambdaI)
        }
        for o in task.operands {
            let q = plan.operandQubit[o], m = plan.operandModule[o]
            if lastEnd[q] >= 0, now > lastEnd[q] {
                logF += log(GateAlgebra.idleFidelity(memories[m], seconds: now - lastEnd[q]))
            }
            outcome.busySeconds[m] += task.seconds
        }
        outcome.logFidelity += logF
        if recordsRemoteGates, !task.legs.isEmpty { recordRemote(t, logFidelity: logF, at: now) }
        queue.schedule(.finish(t), at: now + task.seconds)
    }

    mutating func finish(_ t: Int, at now: Double, stream: inout RandomStream) {
        finishAt[t] = now
        finished += 1
        outcome.makespan = max(outcome.makespan, now)
        for o in plan.tasks[t].operands { lastEnd[plan.operandQubit[o]] = now }
        for l in plan.tasks[t].legs {
            releaseComm(plan.legs[l].from)
            releaseComm(plan.legs[l].to)
        }
        for i in successorStart[t]..<successorStart[t + 1] {
            let s = successorList[i]
            predecessorsLeft[s] -= 1
            if predecessorsLeft[s] == 0 {
                binding[s] = t
                ready(s, at: now, stream: &stream)
            }
        }
    }

    // MARK: Pairs

    mutating func hopDone(_ h: Int, at now: Double, stream: inout RandomStream, readyTime: Double? = nil) {
        hopReadyAt[h] = readyTime ?? now
        let l = plan.hopLeg[h]
        if legBindingHop[l] < 0 || hopReadyAt[h] >= hopReadyAt[legBindingHop[l]] { legBindingHop[l] = h }
        legHopsLeft[l] -= 1
        guard legHopsLeft[l] == 0 else { return }
        let leg = plan.legs[l]
        if leg.hops.count == 1 {
            legState[l] = links[plan.hopChannel[h]].pairState
            legDone(l, at: now, readyTime: hopReadyAt[h])
        } else {
            queue.schedule(.swap(l), at: now + leg.relaySeconds + leg.latencySeconds)
        }
    }

    mutating func swapDone(_ l: Int, at now: Double, stream: inout RandomStream) {
        let leg = plan.legs[l]
        let swapStart = now - leg.relaySeconds - leg.latencySeconds
        var state: BellDiagonalState?
        for (k, h) in leg.hops.enumerated() {
            let ch = links[plan.hopChannel[h]]
            let age = max(0, swapStart - hopReadyAt[h])
            let aged = MemoryDecoherence.stored(ch.pairState, memoryA: memories[ch.moduleA], timeA: age,
                                                memoryB: memories[ch.moduleB], timeB: age)
            if let s = state {
                state = EntanglementSwapping.swap(s, aged, operations: operations[plan.relayModules[leg.relays.lowerBound + k - 1]])
            } else {
                state = aged
            }
        }
        for r in leg.relays {
            releaseComm(plan.relayModules[r])
            releaseComm(plan.relayModules[r])
        }
        legState[l] = state ?? .perfect
        legDone(l, at: now, readyTime: now)
    }

    mutating func legDone(_ l: Int, at now: Double, readyTime: Double) {
        legReadyAt[l] = readyTime
        let t = plan.legs[l].task
        legsLeft[t] -= 1
        if legsLeft[t] == 0 { start(t, at: now) }
    }

    /// A waiting generation request: a task's pending hops (`request` ≥ 0) or a top-up of channel
    /// −1 − `request`. A demand refused for want of a resource remembers it (`blocker`, an index as in
    /// ``needResource``, and the count it needs there): while that resource stays short the request
    /// is refused again without looking at the rest of its needs.
    struct Want: Sendable {
        var request: Int
        var blocker = -1, blockerNeed = 0
    }

    /// Starts every waiting generation whose resources are free, in order of request.
    mutating func startWants(at now: Double, stream: inout RandomStream) {
        guard !wants.isEmpty else { return }
        var kept = 0, i = 0
        // Every generation needs a communication qubit at two modules and an analyser: once fewer
        // are free, no later request can start either.
        while i < wants.count, freeModules >= 2, freeAnalysers > 0 {
            var w = wants[i]
            i += 1
            if w.blocker >= 0, free(w.blocker) < w.blockerNeed {
                wants[kept] = w; kept += 1
                continue
            }
            let started: Bool
            if w.request < 0 {
                started = startTopUp(-1 - w.request, at: now, stream: &stream)
            } else if depth == 0, let short = shortfall(w.request) {
                (w.blocker, w.blockerNeed) = short
                started = false
            } else {
                started = startDemand(w.request, at: now, stream: &stream)
            }
            if !started { wants[kept] = w; kept += 1 }
        }
        if kept < i { wants.removeSubrange(kept..<i) }
    }

    /// Free communication qubits (resource < module count) or analysers of a pool (the rest).
    func free(_ r: Int) -> Int {
        r < commFree.count ? commFree[r] : poolFree[r - commFree.count]
    }

    /// The first resource whose free count does not cover every hop of task `t`, and the count needed
    /// there; nil if all fit (exact when all its hops are pending, as with the on-demand supply).
    func shortfall(_ t: Int) -> (resource: Int, need: Int)? {
        for i in needRange[t] where free(needResource[i]) < needCount[i] {
            return (needResource[i], needCount[i])
        }
        return nil
    }

    mutating func startDemand(_ t: Int, at now: Double, stream: inout RandomStream) -> Bool {
        let task = plan.tasks[t]
        // Count what every pending hop needs (scratch counters, reset below), then compare.
        var fits = true
        for l in task.legs {
            for h in plan.legs[l].hops where hopPending[h] {
                let ch = links[plan.hopChannel[h]]
                needComm[ch.moduleA] += 1
                needComm[ch.moduleB] += 1
                needPool[ch.pool] += 1
                if needComm[ch.moduleA] > commFree[ch.moduleA] || needComm[ch.moduleB] > commFree[ch.moduleB]
                    || needPool[ch.pool] > poolFree[ch.pool] { fits = false }
            }
        }
        for l in task.legs {
            for h in plan.legs[l].hops where hopPending[h] {
                let ch = links[plan.hopChannel[h]]
                needComm[ch.moduleA] = 0
                needComm[ch.moduleB] = 0
                needPool[ch.pool] = 0
            }
        }
        guard fits else { return false }
        for l in task.legs {
            for h in plan.legs[l].hops where hopPending[h] {
                hopPending[h] = false
                let c = plan.hopChannel[h]
                remaining[c] -= 1
                let end = generate(c, at: now, stream: &stream)
                hopStartAt[h] = now
                queue.schedule(.hop(h), at: end)
            }
        }
        return true
    }

    /// Acquires a channel's resources and draws when its generation ends.
    mutating func generate(_ c: Int, at now: Double, stream: inout RandomStream) -> Double {
        let ch = links[c]
        acquireComm(ch.moduleA)
        acquireComm(ch.moduleB)
        poolFree[ch.pool] -= 1
        freeAnalysers -= 1
        let seconds = ch.setupSeconds + samplers[c].attempts(using: &stream) * ch.attemptSeconds
        outcome.generationSeconds[c] += seconds
        outcome.pairsGenerated += 1
        return now + seconds
    }

    mutating func acquireComm(_ m: Int) {
        commFree[m] -= 1
        if commFree[m] == 0 { freeModules -= 1 }
    }

    mutating func releaseComm(_ m: Int) {
        if commFree[m] == 0 { freeModules += 1 }
        commFree[m] += 1
    }

    mutating func releasePool(_ p: Int) {
        poolFree[p] += 1
        freeAnalysers += 1
    }

    // MARK: Buffered supply

    /// Queues top-up generations so that buffered + in flight + queued = min(depth, hops still needed).
    mutating func refill(_ c: Int) {
        guard depth > 0 else { return }
        let target = min(depth, remaining[c])
        var covered = buffers[c].count + inFlight[c] + queuedTopUps[c]
        while covered < target {
            wants.append(Want(request: -1 - c))
            queuedTopUps[c] += 1
            covered += 1
        }
    }

    mutating func startTopUp(_ c: Int, at now: Double, stream: inout RandomStream) -> Bool {
        let ch = links[c]
        if buffers[c].count + inFlight[c] >= min(depth, remaining[c]) {
            queuedTopUps[c] -= 1
            return true  // no longer needed: drop the request
        }
        let reserve = plan.maxCommunicationNeed
        guard commFree[ch.moduleA] > reserve[ch.moduleA], commFree[ch.moduleB] > reserve[ch.moduleB],
              ch.moduleA != ch.moduleB, poolFree[ch.pool] > 0 else { return false }
        queuedTopUps[c] -= 1
        inFlight[c] += 1
        let end = generate(c, at: now, stream: &stream)
        bufferReadyAt.append(0)
        bufferChannel.append(c)
        bufferAlive.append(false)
        queue.schedule(.buffered(bufferAlive.count - 1), at: end)
        return true
    }

    mutating func bufferDone(_ p: Int, at now: Double) {
        let c = bufferChannel[p]
        releasePool(links[c].pool)
        inFlight[c] -= 1
        bufferReadyAt[p] = now
        bufferAlive[p] = true
        buffers[c].append(p)
        if let cutoff { queue.schedule(.expire(p), at: now + cutoff) }
    }

    mutating func takeBuffered(_ c: Int) -> Int? {
        guard !buffers[c].isEmpty else { return nil }
        let p = buffers[c].removeFirst()
        bufferAlive[p] = false
        remaining[c] -= 1
        refill(c)
        return p
    }

    mutating func expire(_ p: Int) {
        guard bufferAlive[p] else { return }
        let c = bufferChannel[p]
        bufferAlive[p] = false
        buffers[c].removeAll { $0 == p }
        let ch = links[c]
        releaseComm(ch.moduleA)
        releaseComm(ch.moduleB)
        outcome.pairsDiscarded += 1
        refill(c)
    }

    // MARK: Critical path

    /// Walks back from the last operation along the predecessor that made each operation ready,
    /// attributing its run time to its module (less the classical latency) and its wait for pairs to
    /// the binding hop's channel (waiting for resources, then generating) and to swapping.
    mutating func attribute() {
        guard var t = finishAt.indices.max(by: { finishAt[$0] < finishAt[$1] }) else { return }
        let k = machine.modules.count, c = machine.channels.count
        while t >= 0 {
            let task = plan.tasks[t]
            let run = finishAt[t] - startAt[t]
            if task.module >= 0 { outcome.attribution[task.module] += max(0, run - task.latencySeconds) }
            outcome.attribution[k + 2 * c + 1] += min(run, task.latencySeconds)
            let wait = startAt[t] - readyAt[t]
            if wait > 0, let l = task.legs.max(by: { legReadyAt[$0] < legReadyAt[$1] }), legBindingHop[l] >= 0 {
                let h = legBindingHop[l], ch = plan.hopChannel[h]
                func clamp(_ x: Double) -> Double { min(max(x, readyAt[t]), startAt[t]) }
                let queueEnd = clamp(hopStartAt[h]), hopEnd = clamp(hopReadyAt[h])
                outcome.attribution[k + c + ch] += queueEnd - readyAt[t]
                outcome.attribution[k + ch] += hopEnd - queueEnd
                outcome.attribution[k + 2 * c] += startAt[t] - hopEnd
            }
            t = binding[t]
        }
    }
}
