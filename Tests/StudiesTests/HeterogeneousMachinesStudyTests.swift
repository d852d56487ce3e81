import Foundation
import Interlink
import Testing
@testable import Studies

@Suite("heterogeneous-machines study")
struct HeterogeneousMachinesStudyTests {
    /// The study with few shots so that the 75 points run in seconds (48: enough for the standard
    /// errors of the skewed makespans to be trusted at 4σ).
    static let study: HeterogeneousMachinesStudy = {
        var p = HeterogeneousMachinesStudy.Parameters()
        p.shots = 48
        return HeterogeneousMachinesStudy(base: p)
    }()

    static let shared = Task { try await StudyRunner(options: RunOptions(jobs: 1, cacheDirectory: nil)).run(study) }

    func run() async throws -> StudyRun { try await Self.shared.value }

    @Test("the sweep covers 3 circuits × 5 mixes × 5 efficiencies")
    func coverage() async throws {
        let run = try await run()
        #expect(run.table.rows.count == 75)
        #expect(Set(run.table.rows.map { $0.parameters["circuit"] }).count == 3)
    }

    @Test("a 16-qubit GHZ chain on four 4-qubit modules consumes 3 pairs; the QFT needs pairs for its cut")
    func pairs() async throws {
        let run = try await run()
        for row in run.table.rows where row.parameters["circuit"] == .string("ghz") {
            #expect(row.number("pairsConsumed") == 3)   // k − 1 boundaries of the chain
        }
        // QFT: every qubit pair shares a gate; with 4 qubits per module, 16·15/2 − 4·(4·3/2) = 96 pairs
        // are split across modules, plus the swaps that cross (any placement: at least 96).
        for row in run.table.rows where row.parameters["circuit"] == .string("qft") {
            #expect((row.number("pairsConsumed") ?? 0) >= 96)
        }
    }

    @Test("weak transducers make pair generation the bottleneck of the all-transmon machine")
    func generationBound() async throws {
        let run = try await run()
        let p = Self.study.base
        var q = p
        q.ions = 0
        q.transducerEfficiency = 0.01
        let machine = try Machine(HeterogeneousMachinesStudy.machine(q))
        // Independent check of the premise: a pair takes far longer than the teleported gate's local part.
        let pair = machine.channels[0].expectedPairSeconds
        let transmon = try ModalityPreset.arm(named: "transmon.transducer.eo").node.operations
        #expect(pair > 100 * (transmon.twoQubitGateSeconds + transmon.readoutSeconds))
        for circuit in HeterogeneousMachinesStudy.circuits {
            let row = try #require(run.table.rows.first {
                $0.parameters["circuit"] == .string(circuit) && $0.number("ions") == 0
                    && $0.number("transducerEfficiency") == 0.01
            })
            #expect(row.number("bottleneckKind") == 1, "\(circuit): generation is kind 1")
        }
    }

    @Test("the count of generation-bound points matches the shares: generation's share is the largest there")
    func generationBottleneckCount() async throws {
        let run = try await run()
        // Recounted from the five share columns (not from the recorded bottleneck kind).
        let count = run.table.rows.filter { row in
            let shares = ExecutionSummary.kinds.map { row.number("share_\($0)") ?? 0 }
            return shares[1] >= shares.max()!
        }.count
        let derived = try #require(run.derived.flatMap(\.metrics).first { $0.name == "generationBottleneckPoints" })
        #expect(derived.value == Double(count))
        // The bottleneck figure draws generation, operations and waiting (each reaches 1 % somewhere).
        let figure = try #require(run.figures.first { $0.fileName == "bottleneck-map" })
        #expect(figure.figure.panels.count >= 2 * HeterogeneousMachinesStudy.circuits.count)
    }

    @Test("sharded runs (2 shards, merged) equal the one-job run")
    func shards() async throws {
        let single = try await run()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("het-shards-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let runner = StudyRunner(options: RunOptions(jobs: 2, cacheDirectory: nil))
        var files: [URL] = []
        for k in 1...2 {
            let url = folder.appendingPathComponent("heterogeneous-machines.shard-\(k)-of-2.json")
            _ = try await runner.runShard(Self.study, shard: try Shard(index: k, count: 2), to: url)
            files.append(url)
        }
        let merged = try await runner.merge(Self.study, shardFiles: files)
        #expect(merged.table.rows.count == single.table.rows.count)
        for (a, b) in zip(single.table.rows, merged.table.rows) {
            #expect(a.parameters == b.parameters)
            #expect(a.metrics == b.metrics)
        }
    }

    @Test("no headline rests on pairs with F ≤ 1/2: the findings' machines all use entangled links")
    func headlinesEntangled() async throws {
        let run = try await run()
        let metrics = run.derived.flatMap(\.metrics)
        func value(_ name: String) throws -> Double { try #require(metrics.first { $0.name == name }).value }
        #expect(try value("pointsWithoutEntanglement")
                == Double(run.table.rows.filter { ($0.number("minPairFidelity") ?? 0) <= 0.5 }.count))
        for circuit in HeterogeneousMachinesStudy.circuits {
            for kind in ["fastest", "mostFaithful"] {
                let ions = try value("\(kind)_\(circuit)_ions")
                let row = try #require(run.table.rows.first {
                    $0.parameters["circuit"] == .string(circuit) && $0.number("ions") == ions
                        && $0.number("transducerEfficiency") == 0.9
                })
                #expect((row.number("minPairFidelity") ?? 0) > 0.5, "\(kind) \(circuit)")
            }
        }
    }

    @Test("the headline band: its nominal makespan is the sweep's (same shots), its interval contains it, and a draw at F ≤ ½ throws")
    func headlineBand() async throws {
        let run = try await run()
        let metrics = run.derived.flatMap(\.metrics)
        func value(_ name: String) throws -> Double { try #require(metrics.first { $0.name == name }).value }
        for l in try HeterogeneousMachinesStudy.leaders(run.table) {
            let row = try #require(run.table.rows.first {
                $0.parameters["circuit"] == .string(l.circuit) && $0.number("ions") == Double(l.fastest)
                    && $0.number("transducerEfficiency") == HeterogeneousMachinesStudy.headlineEfficiency
            })
            let sweep = try #require(row.metrics["makespan"])
            let band = try value("band_makespan_\(l.circuit)")
            // The same parameters and the same point's random stream: the same Monte Carlo mean, to rounding.
            #expect(abs(band - sweep.value) <= 1e-12 * sweep.value, "\(l.circuit): band \(band) vs sweep \(sweep.value)")
            #expect(try value("band_makespan_\(l.circuit)_low") <= band && band <= value("band_makespan_\(l.circuit)_high"))
        }
        // V₀ = 0: no two-photon interference, every heralded pair is a classical mixture with F ≤ ½,
        // and the headline refuses to be computed there.
        var p = Self.study.base
        p.residualVisibility = 0
        #expect(throws: (any Error).self) {
            try HeterogeneousMachinesStudy.headlineMakespan(p, circuit: "ghz", ions: 0, rootSeed: 19, pointKey: "ghz-0")
        }
    }

    @Test("a circuit fidelity near 10⁻¹⁶³ keeps its standard error (its squared deviations would underflow unscaled)")
    func tinyFidelityUncertainty() async throws {
        let run = try await run()
        let tiny = run.table.rows.filter { ($0.number("fidelity") ?? 1) < 1e-150 && ($0.number("fidelity") ?? 0) > 0 }
        #expect(!tiny.isEmpty)
        for row in tiny {
            // Shots wait different times (the makespan varies), so their fidelities differ: the standard error is
            // positive, and below the mean's size times √(shots) (a sample of non-negative values).
            let f = try #require(row.metrics["fidelity"])
            #expect((row.metrics["makespan"]?.uncertainty ?? 0) > 0)
            #expect((f.uncertainty ?? 0) > 0, "\(row.parameters)")
            #expect((f.uncertainty ?? .infinity) <= f.value * Double(Self.study.base.shots).squareRoot())
        }
    }

    @Test("the placement of a machine of identical modules does not jump when a link time changes in its last digits")
    func placementStable() throws {
        // Four identical ion modules: every remote gate costs the same, so the refinement's choices are
        // ties that rounding must not decide (before the fix, 1.2589e-6 s of reconfiguration gave a
        // placement needing 26 pairs per shot instead of 16).
        var placements: [[Int]] = []
        for rc in [1e-5, 1.2589254117941672e-6, 1.26e-6, 7.94328234724282e-5, 2e-5, 5e-6] {
            var p = HeterogeneousMachinesStudy.Parameters()
            p.circuit = "grover"
            p.ions = 4
            p.reconfigurationTime = rc * 1e6
            let machine = try Machine(HeterogeneousMachinesStudy.machine(p))
            placements.append(try machine.place(HeterogeneousMachinesStudy.circuit(p)))
        }
        #expect(Set(placements).count == 1, "\(placements)")
    }

    @Test("the all-ion machine's true-herald share is the ion–ion link's, from its herald outcome")
    func trueHeraldShare() async throws {
        let run = try await run()
        var p = Self.study.base
        p.ions = 4
        let machine = try Machine(HeterogeneousMachinesStudy.machine(p))
        let herald = try #require(machine.channels.first?.link).herald
        let share = herald.trueHeraldProbability / herald.successProbability
        for row in run.table.rows where row.number("ions") == 4 {
            // One pair per two-qubit gate (QFT, GHZ): the share itself. The Grover ladder's three-qubit gates
            // may take two pairs, both of which must be true: between share² and share.
            let measured = row.number("trueHeraldShare") ?? 0
            if row.parameters["circuit"] == .string("grover") {
                #expect(measured <= share + 1e-12 && measured >= share * share - 1e-12)
            } else {
                #expect(abs(measured - share) < 1e-9)
            }
            // A remote gate is never better than its pair.
            #expect((row.number("remoteGateFidelity") ?? 1) <= herald.state.fidelity + 1e-12)
        }
    }
}
