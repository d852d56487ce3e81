import Foundation
import InterlinkArchitecture
import InterlinkCore
import InterlinkPhysics
import Testing

@Suite("Machine descriptions")
struct MachineDescriptionTests {
    @Test("a module takes its preset's figures unless overridden")
    func presetDefaults() throws {
        let preset = try ModalityPreset.arm(named: "transmon.transducer.eo")
        var d = ModuleDescription(preset: "transmon.transducer.eo", dataQubits: 8)
        d.twoQubitGateSeconds = 3e-7
        let m = try MachineModule(d, path: "m")
        #expect(m.operations.singleQubitGateSeconds == preset.node.operations.singleQubitGateSeconds)
        #expect(m.operations.twoQubitGateSeconds == 3e-7)
        #expect(m.memory == preset.node.memory)
        #expect(m.communicationQubits == preset.node.communicationQubits)
        #expect(m.name == "transmon.transducer.eo")
        d.transducerEfficiency = 0.25
        #expect(try MachineModule(d, path: "m").arm.transducer?.efficiency == 0.25)
    }

    @Test("a module's collection efficiency overrides its arm's, and out of [0, 1] names the field")
    func collectionOverride() throws {
        var d = ModuleDescription(preset: "ion.ca40.854.cavity", dataQubits: 2)
        d.collectionEfficiency = 0.02
        #expect(try MachineModule(d, path: "modules[0]").arm.collection.efficiency == 0.02)
        // Through a switch: the preset's own value changes nothing; half the collection at both ends
        // scales the true two-photon herald probability by ¼ (η_A·η_B), and the dark-count heralds,
        // which do not scale, keep the total between ¼ and 1 of the nominal.
        var a = ModuleDescription(preset: "ion.ca40.854.cavity", dataQubits: 2)
        var b = a
        let s = SwitchDescription(modules: [], analysers: 1)
        let nominal = try Machine(.star([a, b], through: s)).channels[0]
        let eta = try ModalityPreset.arm(named: "ion.ca40.854.cavity").collection.efficiency
        a.collectionEfficiency = eta
        #expect(try Machine(.star([a, b], through: s)).channels[0].successProbability == nominal.successProbability)
        a.collectionEfficiency = eta / 2
        b.collectionEfficiency = eta / 2
        let halved = try Machine(.star([a, b], through: s)).channels[0]
        let trueNominal = nominal.successProbability * nominal.trueHeraldFraction
        let trueHalved = halved.successProbability * halved.trueHeraldFraction
        #expect(abs(trueHalved / trueNominal - 0.25) < 1e-9)
        #expect(halved.successProbability > nominal.successProbability / 4 && halved.successProbability < nominal.successProbability)
        d.collectionEfficiency = 1.5
        #expect(throws: ParameterError.self) { try MachineModule(d, path: "modules[0]") }
        do {
            _ = try MachineModule(d, path: "modules[0]")
        } catch let e as ParameterError {
            #expect(e.description.contains("modules[0].collectionEfficiency"))
            #expect(e.description.contains("1.5"))
        }
    }

    @Test("JSON round trip keeps the description")
    func roundTrip() throws {
        let d = MachineDescription.star([Fixtures.module(), Fixtures.module("atom.rb87.780")],
                                        through: SwitchDescription(modules: [], insertionLossDB: 0.5, analysers: 2))
        let data = try JSONEncoder().encode(d)
        #expect(try JSONDecoder().decode(MachineDescription.self, from: data) == d)
    }

    @Test("topology builders produce the textbook edge counts")
    func topologies() throws {
        let modules = (0..<5).map { _ in Fixtures.module() }
        let link = Fixtures.link(p: 0.5, tau: 1e-6)
        #expect(try Machine(.line(modules, link: link)).channels.count == 4)
        #expect(try Machine(.ring(modules, link: link)).channels.count == 5)
        #expect(try Machine(.allToAll(modules, link: link)).channels.count == 10)
        let star = try Machine(.star(modules, through: SwitchDescription(modules: [], analysers: 3)))
        #expect(star.channels.count == 10)
        #expect(star.analyserPools == [3])
        // Every pair of a star is one hop through the switch.
        #expect(star.routes[1][4]?.channels.count == 1)
        // On the line 0 – 4 takes four hops through three relays.
        let line = try Machine(.line(modules, link: link))
        #expect(line.routes[0][4]?.modules == [0, 1, 2, 3, 4])
    }

    @Test("routing prefers the faster of two paths by expected pair time")
    func dijkstra() throws {
        // Square 0–1–2 (fast) and 0–3–2 (slow direct hops).
        let modules = (0..<4).map { _ in Fixtures.module(twoQubit: 0, readout: 0) }
        let fast = Fixtures.link(p: 1, tau: 1e-6), slow = Fixtures.link(p: 0.01, tau: 1e-6)
        var links: [LinkDescription] = []
        for (a, b, l) in [(0, 1, fast), (1, 2, fast), (0, 3, slow), (3, 2, slow)] {
            var x = l
            x.modules = [a, b]
            links.append(x)
        }
        let m = try Machine(MachineDescription(modules: modules, links: links))
        #expect(m.routes[0][2]?.modules == [0, 1, 2])
        #expect(m.routes[0][3]?.modules == [0, 3])
        // Expected time of one abstract hop: τ/p.
        #expect(abs((m.routes[0][3]?.expectedSeconds ?? 0) - 1e-4) < 1e-15)
    }

    @Test("photonic links take the physics of their modules' presets")
    func photonic() throws {
        let d = MachineDescription.line([Fixtures.module("atom.rb87.780"), Fixtures.module("atom.rb87.780")],
                                        link: .photonic(0, 1, lengthKm: 0.02, residualVisibility: 0.9))
        let m = try Machine(d)
        var arm = m.modules[0].arm
        arm.fiber.lengthKm = 0.01
        let expected = try LinkModel(configuration: LinkConfiguration(scheme: .twoPhoton, armA: arm, armB: arm,
                                                                      residualVisibility: 0.9))
        #expect(m.channels[0].successProbability == expected.successProbabilityPerRound)
        #expect(m.channels[0].attemptSeconds == expected.attemptPeriod.periodSeconds)
        #expect(m.channels[0].pairState == expected.deliveredState)
        // JSON arm overrides reach the physics: a lossier collection lowers the success probability.
        var lossy = d
        lossy.links?[0].armA = .object(["collection": .object(["efficiency": .number(arm.collection.efficiency / 2)])])
        #expect(try Machine(lossy).channels[0].successProbability < m.channels[0].successProbability)
    }

    @Test("invalid architectures name the field", arguments: [
        ("dataQubits", "architecture.modules[1].dataQubits"),
        ("preset", "architecture.modules[0].preset"),
        ("time", "architecture.modules[1].twoQubitGateSeconds"),
        ("disconnected", "architecture.modules[2]"),
        ("analysers", "architecture.switches[0].analysers"),
        ("link", "architecture.links[0].modules[1]"),
        ("probability", "architecture.links[0].successProbability"),
    ])
    func invalid(_ kind: String, _ path: String) throws {
        var modules = (0..<3).map { _ in Fixtures.module() }
        var links = [Fixtures.link(p: 0.5, tau: 1e-6)]
        var switches: [SwitchDescription] = []
        switch kind {
        case "dataQubits": modules[1].dataQubits = -1
        case "preset": modules[0].preset = "ion.unobtainium"
        case "time": modules[1].twoQubitGateSeconds = -1e-6
        case "analysers": switches = [SwitchDescription(modules: [0, 1, 2], analysers: 0)]
        case "link": links[0].modules = [0, 7]
        case "probability": links[0].successProbability = 0
        default: break
        }
        do {
            _ = try Machine(MachineDescription(modules: modules, links: links, switches: switches))
            Issue.record("expected an error at \(path)")
        } catch let e as ParameterError {
            #expect(e.path == path, "\(e)")
            if kind == "preset" { #expect(e.kind == .unknownPreset) }
        }
    }
}
