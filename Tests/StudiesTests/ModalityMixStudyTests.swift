import Foundation
import Interlink
import Testing
@testable import Studies

@Suite("modality-mix study")
struct ModalityMixStudyTests {
    /// A small version of the study (4 qubits per module, 4 layers, 3 shots, 1 and 2 communication
    /// qubits), so the whole sweep runs in seconds.
    static let small: ModalityMixStudy.Parameters = {
        var p = ModalityMixStudy.Parameters()
        p.dataQubitsPerModule = 4
        p.layers = 4
        p.shots = 3
        return p
    }()
    static let study = ModalityMixStudy(base: small, communicationQubits: [1, 2])

    static func fresh() async throws -> StudyRun {
        try await StudyRunner(options: RunOptions(jobs: 2, cacheDirectory: nil)).run(study)
    }

    /// One run shared by the tests (the sweep is the expensive part).
    static let shared = Task { try await fresh() }

    func run() async throws -> StudyRun { try await Self.shared.value }

    func derived(_ run: StudyRun, _ name: String) throws -> Metric {
        try #require(run.derived.flatMap(\.metrics).first { $0.name == name })
    }

    /// A point of the default study with a composition.
    static func point(_ a: Int, _ b: Int, _ c: Int, traffic: ModalityMixStudy.Traffic = .uniform, comm: Int = 2)
        -> ModalityMixStudy.Parameters {
        var p = ModalityMixStudy.Parameters()
        (p.superconducting, p.ions, p.atoms, p.traffic, p.communicationQubits) = (a, b, c, traffic, comm)
        return p
    }

    @Test("the sweep visits every composition once per traffic pattern and communication-qubit count")
    func allCompositions() async throws {
        let run = try await run()
        // Main sweep, plus 3 pure machines × 3 inputs × 2 factors of sensitivity points, plus 45
        // compositions per buffered pair supply.
        #expect(run.table.rows.count == 2 * 2 * 45 + 18 + 45 * ModalityMixStudy.bufferSettings.count)
        #expect(ModalityMixStudy.mainRows(run.table).rows.count == 2 * 2 * 45)
        for traffic in ModalityMixStudy.Traffic.allCases {
            for comm in [1, 2] {
                let rows = ModalityMixStudy.rows(run.table, traffic: traffic, comm: comm).rows
                let seen = Set(rows.map { r in ["superconducting", "ions", "atoms"].map { Int(r.number($0) ?? -1) } })
                #expect(rows.count == 45 && seen.count == 45)  // 45 = C(10, 2)
                #expect(seen.allSatisfy { $0.allSatisfy { $0 >= 0 } && $0.reduce(0, +) == 8 })
            }
        }
    }

    @Test("Pareto front: its points are non-dominated and every other point is dominated (brute force)")
    func paretoFront() async throws {
        let run = try await run()
        let rows = ModalityMixStudy.rows(run.table, traffic: .uniform, comm: Self.small.communicationQubits)
        let t = try rows.values("qualifiedRate"), f = try rows.values("gateFidelity")
        let front = Set(ModalityMixStudy.paretoFront(rate: t, fidelity: f))
        for i in t.indices {
            let dominated = t.indices.contains { j in
                j != i && t[j] >= t[i] && f[j] >= f[i] && (t[j] > t[i] || f[j] > f[i])
            }
            #expect(dominated != front.contains(i), "row \(i)")
        }
        #expect(try derived(run, "frontSize_uniform").value == Double(front.count))
    }

    @Test("no headline counts a gate below the threshold: true-herald ≤ heralded rate, qualified ≤ true-herald")
    func headlineOrdering() async throws {
        let run = try await run()
        for row in run.table.rows {
            let q = try #require(row.number("qualifiedRate")), t = try #require(row.number("trueHeraldRate"))
            let h = try #require(row.number("heraldedRate"))
            #expect(q <= t * (1 + 1e-12) && t <= h * (1 + 1e-12))
            if (row.number("qualifiedFraction") ?? 0) == 0 { #expect(q == 0) }
        }
    }

    @Test("every modality gets the same communication qubits and no hidden multiplexing", arguments: [1, 2, 10])
    func equalCommunicationQubits(_ comm: Int) throws {
        let machine = try Machine(ModalityMixStudy.machine(Self.point(3, 3, 2, comm: comm)))
        #expect(machine.modules.allSatisfy { $0.communicationQubits == comm })
        // The Yb preset lists 10 emitters; one generation uses one of them on every link.
        #expect(try ModalityPreset.arm(named: "atom.yb171.array.telecom").node.communicationQubits == 10)
        #expect(machine.channels.count == 28)  // 8·7/2 dedicated links
        for ch in machine.channels { #expect(try #require(ch.link).multiplexing == 1) }
        // The report's preset table shows the preset's own count next to the one used.
        let table = try ModalityMixStudy.presetTable(communication: [1, 2, 10])
        let atom = try #require(table.rows.first { $0.first == .text("atom.yb171.array.telecom") })
        #expect(atom[1] == .integer(10) && atom[2] == .text("1, 2, 10"))
    }

    @Test("unlike photons: raw overlap by hand, the mode-matching study's filter, higher overlap after it")
    func filteredUnlikePhotons() throws {
        let p = ModalityMixStudy.Parameters()
        var raw = p
        raw.filterUnlike = false
        // Exponential photons of linewidths Γ₁, Γ₂: |∫ψ₁ψ₂|² = 4Γ₁Γ₂/(Γ₁ + Γ₂)² (Yb 0.5 MHz, Ca⁺ cavity 0.03 MHz).
        let g1 = try ModalityPreset.arm(named: "atom.yb171.array.telecom").node.photon.linewidthMHz
        let g2 = try ModalityPreset.arm(named: "ion.ca40.854.cavity").node.photon.linewidthMHz
        let unfiltered = try #require(ModalityMixStudy.channel(.ion, .atom, raw).link)
        #expect(abs(unfiltered.modeOverlap - 4 * g1 * g2 / ((g1 + g2) * (g1 + g2))) < 1e-6)
        let filtered = try #require(try ModalityMixStudy.channel(.ion, .atom, p).link)
        #expect(filtered.modeOverlap > unfiltered.modeOverlap + 0.3)
        // The filter is the one the mode-matching optimiser picks for these two photons, on the broader (atom) arm.
        let f = try #require(try ModalityMixStudy.unlikeFilter(.ion, .atom, p))
        #expect(f.end == 1)
        let broad = try ArmBudget(arm: ModalityPreset.arm(named: "atom.yb171.array.telecom"), path: "a").spectrum
        let narrow = try ArmBudget(arm: ModalityPreset.arm(named: "ion.ca40.854.cavity"), path: "b").spectrum
        let best = try ModeMatchingStudy.optimumFilter(broad: broad, broadLinewidthMHz: g1, narrow: narrow,
                                                       residualVisibility: p.residualVisibility)
        #expect(f.filter.bandwidthMHz == best.bandwidthMHz)
        // Like pairs are never filtered.
        #expect(try ModalityMixStudy.unlikeFilter(.atom, .atom, p) == nil)
    }

    @Test("uniform traffic: remote fraction 1 − (d − 1)/(n − 1); local traffic: the cross fraction, found by METIS")
    func traffic() throws {
        let p = Self.point(8, 0, 0)
        let circuit = try ModalityMixStudy.circuit(p)
        let n = 8 * p.dataQubitsPerModule
        var remote = 0, two = 0
        for op in circuit.operations where op.qubits.count == 2 {
            two += 1
            if op.qubits[0] % 8 != op.qubits[1] % 8 { remote += 1 }
        }
        // A random perfect matching pairs a qubit with one of the n − 1 others, d − 1 of them on its module.
        let expected = 1 - Double(p.dataQubitsPerModule - 1) / Double(n - 1)
        #expect(abs(Double(remote) / Double(two) - expected) < 0.05)
        // Local: exactly round(f·g/2) rewired pairs per layer, so 2·round(f·g/2)/g of the gates cross clusters.
        let local = try ModalityMixStudy.localCircuit(clusters: 8, size: 10, layers: 5, crossFraction: 0.1, seed: 3)
        #expect(local.operations.filter { $0.qubits.count == 2 }.count == 5 * 40)
        let machine = try Machine(ModalityMixStudy.machine(Self.point(0, 0, 8, traffic: .local)))
        let placed = try MachineExecution(machine: machine, circuit: local)
        #expect(placed.remoteOperations <= 5 * 4 + 5)  // 4 cross gates per layer, METIS may cut a few more
        #expect(placed.remoteOperations >= 5 * 4 - 5)
    }

    @Test("all-ion machine: remote-gate fidelity and rate bound by hand")
    func pureIon() throws {
        let p = Self.point(0, 8, 0)
        let machine = try Machine(ModalityMixStudy.machine(p))
        let link = try #require(machine.channels.first?.link)
        let circuit = try ModalityMixStudy.circuit(p)
        let e = try MachineExecution(machine: machine, circuit: circuit,
                                     options: ExecutionOptions(placement: (0..<circuit.qubitCount).map { $0 % 8 }))
        let s = try e.runRemoteGates(shots: 3, stream: RandomStream(rootSeed: 5, pointKey: "ion", replicate: 0),
                                     fidelityThreshold: p.fidelityThreshold)
        // Teleported gate: both modules' two-qubit gates (process fidelity (5·0.99 − 1)/4 = 0.9875) and
        // readouts (0.999), the pair, and both data qubits' idle factor (1 + e^(−t/T₁) + 2e^(−t/T₂))/4,
        // which decreases with t, and no qubit idles longer than the makespan.
        let ceiling = link.fidelity * pow(0.9875 * 0.999, 2)
        let memory = try ModalityPreset.arm(named: "ion.ca40.854.cavity").node.memory
        let t = s.makespan.maximum
        let idle = (1 + memory.relaxationFactor(after: t) + 2 * memory.coherenceFactor(after: t)) / 4
        let f = try #require(s.gateFidelity).mean
        #expect(f <= ceiling && f >= ceiling * idle * idle)
        // Each gate holds a communication qubit at both ends for generation + gate (100 µs) + readout
        // (1 ms): with 8·2 qubits at most 8 gates run at once.
        let service = link.attemptPeriod.periodSeconds / link.successProbabilityPerRound + 100e-6 + 1e-3
        #expect(s.gateRate.mean <= 8 / service * 1.05)
        #expect(s.trueHeraldGateRate.mean <= s.gateRate.mean)
    }

    @Test("preset ranges: the Ca⁺ collection scales as √p (4× p doubles it), each draw reaches only its own preset's modules")
    func presetRanges() throws {
        let eta = ModalityPreset.arm(.calcium854Cavity).collection.efficiency
        #expect(ModuleRanges.ionCollection(calibrationProbability: 4e-5) == eta)
        #expect(abs(ModuleRanges.ionCollection(calibrationProbability: 1.6e-4) - 2 * eta) < 1e-15)
        var p = Self.small
        p.ionCalibrationProbability = 1.6e-4
        p.transmonCoherenceSeconds = 5e-4
        p.atomCollection = 0.2
        let ion = try ModalityMixStudy.module(.ion, index: 0, p)
        let sc = try ModalityMixStudy.module(.superconducting, index: 1, p)
        let atom = try ModalityMixStudy.module(.atom, index: 2, p)
        #expect(ion.collectionEfficiency.map { abs($0 - 2 * eta) < 1e-15 } == true && ion.t2Seconds == nil)
        #expect(sc.t1Seconds == 5e-4 && sc.t2Seconds == 5e-4 && sc.collectionEfficiency == nil)
        #expect(atom.collectionEfficiency == 0.2 && atom.t2Seconds == nil)
        // Every headline of the band is finite at the 5 % and 95 % point of every range.
        let run = ModalityMixStudy.headlineUncertainty(
            [.init(traffic: .uniform, fastest: (0, 0, 8), runnerUp: (0, 8, 0))], rootSeed: 7)
        let tornado = try run.tornadoes(around: Self.small)
        #expect(tornado.count == 2)
        for t in tornado { #expect(t.bars.allSatisfy { $0.lowOutput.isFinite && $0.highOutput.isFinite }) }
        // The atom collection is the only range the all-atom machine feels.
        let atomBar = try #require(tornado[0].bars.first { $0.field == "Yb array collection" })
        #expect(atomBar.highOutput > atomBar.lowOutput)
        for bar in tornado[0].bars where bar.field != "Yb array collection" && bar.field != "residual visibility V₀" {
            #expect(bar.lowOutput == bar.highOutput, "\(bar.field)")
        }
    }

    @Test("bad parameters are named")
    func badParameters() throws {
        var p = Self.point(4, 4, 0)
        p.communicationQubits = 0
        #expect(throws: ParameterError.self) { try ModalityMixStudy().validate(p) }
        p = Self.point(1, 0, 0)
        #expect(throws: ParameterError.self) { try ModalityMixStudy().validate(p) }
    }

    @Test("pair supply: every buffered setting runs all 45 compositions; none enters the main sweep; bad supplies are named")
    func pairSupply() async throws {
        let run = try await run()
        for supply in ModalityMixStudy.bufferSettings {
            let rows = ModalityMixStudy.supplyRows(run.table, supply, comm: Self.small.communicationQubits).rows
            #expect(rows.count == 45)
            #expect(rows.allSatisfy { !ModalityMixStudy.isOnDemand($0) })
        }
        #expect(ModalityMixStudy.mainRows(run.table).rows.allSatisfy(ModalityMixStudy.isOnDemand))
        #expect(ModalityMixStudy.supplyWords(ModalityMixStudy.bufferSettings[0]) == "2 ahead, cutoff 100 µs")
        #expect(ModalityMixStudy.supplyTag(ModalityMixStudy.bufferSettings[1]) == "c100ms")
        var p = Self.point(0, 0, 8)
        p.pairs = PairSupply(policy: .buffered, depth: 2, cutoffSeconds: -1)
        #expect { try ModalityMixStudy().validate(p) } throws: { error in
            "\(error)".contains("pairs.cutoffSeconds") && "\(error)".contains("-1")
        }
    }

    @Test("pair supply: a stored pair only loses fidelity, so a cutoff that discards every pair before use gives the on-demand fidelity")
    func bufferedFidelity() async throws {
        // All-atom machine, small workload: pairs take milliseconds (true-herald rate ~10³/s per
        // channel), far longer than a 1 ns cutoff, so every buffered pair expires and each gate's pair is
        // generated on demand; without a cutoff, stored pairs decay in the memories (T₂ = 1 s) before use,
        // which can only lower the mean gate fidelity. Compared within 4 combined standard errors.
        func fidelity(_ supply: PairSupply) throws -> (Double, Double) {
            var p = Self.small
            (p.superconducting, p.ions, p.atoms) = (0, 0, 8)
            p.pairs = supply
            let s = try ModalityMixStudy.remoteGates(p, stream: RandomStream(rootSeed: 11, pointKey: "pair-supply", replicate: 0)).summary
            let f = try #require(s.gateFidelity)
            return (f.mean, f.standardError)
        }
        let (f0, e0) = try fidelity(.onDemand)
        let (fCut, eCut) = try fidelity(PairSupply(policy: .buffered, depth: 2, cutoffSeconds: 1e-9))
        let (fStore, eStore) = try fidelity(PairSupply(policy: .buffered, depth: 2))
        #expect(abs(fCut - f0) <= 4 * (e0 * e0 + eCut * eCut).squareRoot())
        #expect(fStore <= f0 + 4 * (e0 * e0 + eStore * eStore).squareRoot())
    }

    @Test("same seed, same numbers: the Monte Carlo is deterministic")
    func deterministic() async throws {
        let a = try await run(), b = try await Self.fresh()
        #expect(try a.table.values("qualifiedRate") == b.table.values("qualifiedRate"))
        #expect(try a.table.values("gateFidelity") == b.table.values("gateFidelity"))
    }

    @Test("sensitivity: longer coherence never lowers the all-atom fidelity; halving collection lowers its rate")
    func sensitivity() async throws {
        let run = try await run()
        let rows = ModalityMixStudy.sensitivityRows(run.table, .atom)
        func row(_ input: String, _ factor: Double) throws -> ResultTable.Row {
            try #require(rows.first { $0.parameters["sensitivity"] == .string(input) && $0.number("sensitivityFactor") == factor })
        }
        let pure = try ModalityMixStudy.pureRow(ModalityMixStudy.rows(run.table, traffic: .uniform, comm: Self.small.communicationQubits), .atom)
        // Idle fidelity (1 + e^(−t/T₁) + 2e^(−t/T₂))/4 grows with T at fixed t and the schedule does not
        // depend on T; the points draw other shots, so compare within 4 combined standard errors.
        func fidelity(_ r: ResultTable.Row) throws -> (Double, Double) {
            let m = try #require(r.metrics["gateFidelity"])
            return (m.value, m.uncertainty ?? 0)
        }
        let (f0, e0) = try fidelity(pure), (fUp, eUp) = try fidelity(row("coherence", 2))
        let (fDown, eDown) = try fidelity(row("coherence", 0.5))
        #expect(fUp >= f0 - 4 * (e0 * e0 + eUp * eUp).squareRoot())
        #expect(fDown <= f0 + 4 * (e0 * e0 + eDown * eDown).squareRoot())
        // Half the collection: p per attempt falls (two-photon: ∝ η_A η_B, a quarter), so pairs take longer.
        #expect(try #require(row("collection", 0.5).number("heraldedRate")) < (pure.number("heraldedRate") ?? 0))
        var p = ModalityMixStudy.Parameters()
        p.sensitivity = "bogus"
        #expect(throws: ParameterError.self) { try ModalityMixStudy().validate(p) }
    }
}
