import InterlinkCore
import Foundation
import Testing
@testable import InterlinkPhysics

@Suite("Modality presets")
struct ModalityPresetTests {
    @Test("Every required modality has a preset")
    func coverage() {
        let names = Set(ModalityPreset.names)
        for n in ["ion.sr88.422", "ion.ba138.493", "ion.ca40.854.cavity", "ion.ca40.854.cavity.projected", "atom.rb87.780",
                  "atom.rb87.780.projected", "atom.yb171.array.telecom",
                  "transmon.transducer.eo", "diamond.siv.1350"] {
            #expect(names.contains(n), "missing \(n)")
        }
    }

    @Test("Each preset validates, carries sources and labelled assumptions, and evaluates over 10 km")
    func eachPreset() throws {
        for name in ModalityPreset.names {
            let arm = try ModalityPreset.arm(named: name)
            try arm.validate(at: name)
            let prov = try #require(arm.provenance)
            #expect(prov.preset == name)
            #expect(!prov.sources.isEmpty, "\(name) has no sources")
            #expect(!prov.assumptions.isEmpty, "\(name) lists no assumptions")
            // every assumption names a field of the arm: its first path component is a key of the arm JSON
            let json = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(arm)) as? [String: Any])
            for a in prov.assumptions {
                let field = String(a.split(separator: ":")[0].split(separator: ".")[0].split(separator: ",")[0])
                #expect(json[field] != nil || field == "node", "\(name): assumption '\(a)' names no field")
            }
            var converted = arm
            if converted.outputWavelengthNm < 1000 && converted.conversion == nil {
                converted.conversion = FrequencyConversionStage(efficiency: 0.3, noiseRateHz: 10, outputWavelengthNm: 1550)
                converted.detector = .snspd
            }
            let m = try LinkModel(configuration: .midpoint(armA: converted, armB: converted, totalLengthKm: 10, residualVisibility: 0.95))
            #expect(m.rateHz > 0 && m.fidelity > 0.25 && m.fidelity <= 1, "\(name)")
        }
    }

    @Test("The Yb array multiplexes over its 10 communication qubits")
    func ybMultiplexing() throws {
        let arm = try ModalityPreset.arm(named: "atom.yb171.array.telecom")
        let m = try LinkModel(configuration: .midpoint(armA: arm, armB: arm, totalLengthKm: 5, residualVisibility: 1))
        #expect(m.multiplexing == 10)
        #expect(close(m.successProbabilityPerRound, 1 - pow(1 - m.successProbabilityPerAttempt, 10)))
    }

    @Test("Transmon preset: the transducer limits the repetition rate and adds noise photons")
    func transmon() throws {
        let arm = try ModalityPreset.arm(named: "transmon.transducer.eo")
        let m = try LinkModel(configuration: .midpoint(armA: arm, armB: arm, totalLengthKm: 0.1, residualVisibility: 1))
        #expect(m.attemptPeriod.limitedBy == .repetitionLimit)
        #expect(close(m.attemptPeriod.periodSeconds, 1e-5))   // 100 kHz
        #expect(m.herald.falseHeraldProbability > 0)
        // 100 µs T1 = T2 memories lose fidelity while a 10 km herald travels (≈ 49 µs round trip)
        let far = try LinkModel(configuration: .midpoint(armA: arm, armB: arm, totalLengthKm: 10, residualVisibility: 1))
        #expect(far.fidelity < far.heraldedState.fidelity)
    }

    @Test("Unknown preset names throw with the list of known names")
    func unknown() {
        do {
            _ = try ModalityPreset.arm(named: "ion.xx", path: "link.armA.preset")
            Issue.record("accepted")
        } catch let e as ParameterError {
            #expect(e.kind == .unknownPreset && e.path == "link.armA.preset")
            #expect(e.description.contains("ion.sr88.422"))
        } catch {
            Issue.record("wrong error")
        }
    }
}
