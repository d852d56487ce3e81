import Foundation
import Interlink

/// The machine and the workload circuits of a modality-mix point.
extension ModalityMixStudy {
    /// The filter on the broader photon of an unlike pair, chosen as the mode-matching study chooses it
    /// (`ModeMatchingStudy.optimumFilter`: maximal transmission × hashing yield of the heralded pair),
    /// or nil for like pairs, when filtering does not pay, or when `filterUnlike` is off.
    /// - Returns: which end (0 or 1) carries the filter, and the filter.
    static func unlikeFilter(_ a: Kind, _ b: Kind, _ p: Parameters) throws -> (end: Int, filter: SpectralFilterStage)? {
        guard p.filterUnlike, a != b else { return nil }
        let armA = ModalityPreset.arm(a.preset), armB = ModalityPreset.arm(b.preset)
        let broadEnd = armA.node.photon.linewidthMHz >= armB.node.photon.linewidthMHz ? 0 : 1
        let (broad, narrow) = broadEnd == 0 ? (armA, armB) : (armB, armA)
        let broadMode = try ArmBudget(arm: broad, path: "filter.broad").spectrum
        let narrowMode = try ArmBudget(arm: narrow, path: "filter.narrow").spectrum
        let best = try ModeMatchingStudy.optimumFilter(broad: broadMode, broadLinewidthMHz: broad.node.photon.linewidthMHz,
                                                       narrow: narrowMode, residualVisibility: p.residualVisibility)
        guard best.interior else { return nil }
        return (broadEnd, SpectralFilterStage(bandwidthMHz: best.bandwidthMHz, peakTransmission: 1))
    }

    /// The photonic link between modules i and j of kinds a and b (filter override on the broader arm).
    static func link(_ i: Int, _ j: Int, _ a: Kind, _ b: Kind, _ p: Parameters) throws -> LinkDescription {
        var link = LinkDescription.photonic(i, j, lengthKm: p.lengthKm, residualVisibility: p.residualVisibility,
                                            analysers: p.communicationQubits)
        var overrides: [[String: JSONValue]] = [[:], [:]]
        if let f = try unlikeFilter(a, b, p) { overrides[f.end]["filter"] = try JSONValue(encoding: f.filter) }
        if p.sensitivity == "collection" {
            for (end, kind) in [a, b].enumerated() {
                let eta = ModalityPreset.arm(kind.preset).collection.efficiency
                overrides[end]["collection"] = .object(["efficiency": .number(min(1, eta * p.sensitivityFactor))])
            }
        }
        if !overrides[0].isEmpty { link.armA = .object(overrides[0]) }
        if !overrides[1].isEmpty { link.armB = .object(overrides[1]) }
        return link
    }

    /// A module of `kind` with the point's communication qubits and its sensitivity scaling (T₁ and T₂
    /// together, or the readout time).
    static func module(_ kind: Kind, index k: Int, _ p: Parameters) throws -> ModuleDescription {
        var m = ModuleDescription(preset: kind.preset.rawValue, dataQubits: p.dataQubitsPerModule,
                                  communicationQubits: p.communicationQubits, name: "\(kind.tag)-\(k)")
        let node = ModalityPreset.arm(kind.preset).node
        switch p.sensitivity {
        case "coherence":
            m.t1Seconds = node.memory.t1Seconds.map { $0 * p.sensitivityFactor }
            m.t2Seconds = node.memory.t2Seconds.map { $0 * p.sensitivityFactor }
        case "readout":
            m.readoutSeconds = node.operations.readoutSeconds * p.sensitivityFactor
        default:
            break
        }
        ModuleRanges.apply(to: &m, preset: kind.preset, ionCalibrationProbability: p.ionCalibrationProbability,
                           transmonCoherenceSeconds: p.transmonCoherenceSeconds, atomCollection: p.atomCollection)
        return m
    }

    /// The machine of a point: the modules (superconducting first) with `communicationQubits` each, and
    /// a dedicated link between every two modules.
    static func machine(_ p: Parameters) throws -> MachineDescription {
        let kinds = kinds(p)
        let modules = try kinds.enumerated().map { k, kind in try module(kind, index: k, p) }
        var cache: [Int: LinkDescription] = [:]
        var links: [LinkDescription] = []
        for i in kinds.indices {
            for j in kinds.indices where j > i {
                let key = kinds[i].rawValue * 3 + kinds[j].rawValue
                var l = try cache[key] ?? link(0, 1, kinds[i], kinds[j], p)
                cache[key] = l
                l.modules = [i, j]
                links.append(l)
            }
        }
        return MachineDescription(modules: modules, links: links)
    }

    /// The workload circuit of a point (the same for every composition).
    static func circuit(_ p: Parameters) throws -> Circuit {
        let modules = p.superconducting + p.ions + p.atoms
        switch p.traffic {
        case .uniform:
            return try .randomLayered(qubits: modules * p.dataQubitsPerModule, layers: p.layers, seed: p.circuitSeed)
        case .local:
            return try localCircuit(clusters: modules, size: p.dataQubitsPerModule, layers: p.layers,
                                    crossFraction: p.crossFraction, seed: p.circuitSeed)
        }
    }

    /// A circuit with local traffic: `layers` times a Hadamard on every qubit, then a perfect matching
    /// of `cx` gates drawn inside each of `clusters` hidden clusters of `size` qubits, of which a
    /// fraction `crossFraction` is rewired across clusters (two gates (a, b), (c, d) in different
    /// clusters become (a, c), (b, d)). The qubit numbering is shuffled so that only a partitioner
    /// that reads the interaction graph finds the clusters.
    static func localCircuit(clusters: Int, size: Int, layers: Int, crossFraction: Double, seed: UInt64) throws -> Circuit {
        var rng = SplitMix64(seed: seed)
        let n = clusters * size
        var label = Array(0..<n)
        label.shuffle(using: &rng)
        var circuit = try Circuit(qubits: n)
        for _ in 0..<layers {
            for q in 0..<n { try circuit.append("h", q) }
            var gates: [(Int, Int)] = []
            for c in 0..<clusters {
                var slots = Array((c * size)..<((c + 1) * size))
                slots.shuffle(using: &rng)
                for k in stride(from: 0, to: size - 1, by: 2) { gates.append((slots[k], slots[k + 1])) }
            }
            let rewires = Int((crossFraction * Double(gates.count) / 2).rounded())
            var order = Array(gates.indices)
            order.shuffle(using: &rng)
            var done = 0, k = 0
            while done < rewires, k + 1 < order.count {
                let g = gates[order[k]], h = gates[order[k + 1]]
                if g.0 / size != h.0 / size {
                    gates[order[k]] = (g.0, h.0)
                    gates[order[k + 1]] = (g.1, h.1)
                    done += 1
                    k += 2
                } else {
                    k += 1
                }
            }
            for (a, b) in gates { try circuit.append("cx", label[a], label[b]) }
        }
        return circuit
    }

    /// The link between two kinds as the machine builds it (one generation: one communication qubit
    /// at each end), from a two-module machine.
    static func channel(_ a: Kind, _ b: Kind, _ p: Parameters) throws -> PairChannel {
        var q = p
        q.superconducting = 0
        q.ions = 0
        q.atoms = 0
        let modules = [a, b].map { ModuleDescription(preset: $0.preset.rawValue, dataQubits: 1, communicationQubits: 1) }
        let machine = try Machine(MachineDescription(modules: modules, links: [link(0, 1, a, b, q)]))
        guard let c = machine.channels.first else { throw SweepError("no channel between \(a.preset.rawValue) and \(b.preset)") }
        return c
    }
}

extension ModalityMixStudy {
    /// This file, one of the study's sources (`sourceFiles`).
    static let machineSource = #filePath
}
