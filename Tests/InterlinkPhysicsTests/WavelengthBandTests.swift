import Foundation
import Testing
import InterlinkCore
@testable import InterlinkPhysics

@Suite("Wavelength bands of detectors, fiber and converters")
struct WavelengthBandTests {
    static func link(_ arm: ArmConfiguration) -> LinkConfiguration {
        .midpoint(armA: arm, armB: arm, totalLengthKm: 1)
    }

    static func error(_ c: LinkConfiguration) -> ParameterError? {
        do { _ = try LinkModel(configuration: c); return nil } catch let e as ParameterError { return e } catch { return nil }
    }

    @Test("a 60 mm microwave photon sent straight to an SNSPD is rejected at node.photon.wavelengthNm with the band")
    func microwaveAtDetector() throws {
        var arm = try ModalityPreset.arm(named: "transmon.transducer.eo")
        arm.transducer = nil
        arm.conversion = nil
        arm.detector = .snspd
        let e = try #require(Self.error(Self.link(arm)))
        #expect(e.path == "link.armA.node.photon.wavelengthNm")
        #expect(e.message.contains("detector") && e.message.contains("250-2500 nm"))
        #expect(!e.description.contains("\n"))
    }

    @Test("fiber at 2.5 µm is rejected even with an explicit attenuation (silica window 350–2000 nm)")
    func fiberOutsideWindow() throws {
        var arm = try ModalityPreset.arm(named: "ion.sr88.422")
        arm.node.photon.wavelengthNm = 2400
        arm.fiber.attenuationDBPerKm = 0.5
        let e = try #require(Self.error(Self.link(arm)))
        #expect(e.path == "link.armA.node.photon.wavelengthNm")
        #expect(e.message.contains("fiber") && e.message.contains("350-2000 nm"))
    }

    @Test("a converter built for 780 nm refuses an 854 nm photon; a QFC refuses a microwave photon")
    func converterMismatch() throws {
        var arm = try ModalityPreset.arm(named: "ion.ca40.854.cavity")
        arm.conversion = FrequencyConversionStage(efficiency: 0.3, noiseRateHz: 0, outputWavelengthNm: 1550, inputWavelengthNm: 780)
        let e = try #require(Self.error(Self.link(arm)))
        #expect(e.path == "link.armA.conversion.inputWavelengthNm")
        #expect(e.message.contains("854"))
        arm.conversion?.inputWavelengthNm = 854.2   // within 0.1 %
        #expect(Self.error(Self.link(arm)) == nil)
        var sc = try ModalityPreset.arm(named: "transmon.transducer.eo")
        sc.transducer = nil
        sc.conversion = FrequencyConversionStage(efficiency: 0.3, noiseRateHz: 0, outputWavelengthNm: 1550)
        let m = try #require(Self.error(Self.link(sc)))
        #expect(m.path == "link.armA.node.photon.wavelengthNm" && m.message.contains("frequency converter"))
    }

    @Test("a transducer refuses an optical input and a microwave output")
    func transducerBands() throws {
        var sc = try ModalityPreset.arm(named: "transmon.transducer.eo")
        sc.node.photon.wavelengthNm = 1550
        let e = try #require(Self.error(Self.link(sc)))
        #expect(e.path == "link.armA.node.photon.wavelengthNm" && e.message.contains("1000000-1000000000 nm"))
        var out = try ModalityPreset.arm(named: "transmon.transducer.eo")
        out.transducer?.outputWavelengthNm = 5e7
        #expect(Self.error(Self.link(out))?.path == "link.armA.transducer.outputWavelengthNm")
    }

    @Test("every preset passes its own wavelength checks")
    func presetsPass() throws {
        for name in ModalityPreset.names {
            let arm = try ModalityPreset.arm(named: name)
            #expect(throws: Never.self) { try arm.validateWavelengths(at: "arm") }
        }
    }

    @Test("the 1092 nm band: 0.7 dB/km, so 2.8 km transmits 10^(-0.196) (hand)")
    func fiber1092() throws {
        #expect(try FiberAttenuationTable.attenuationDBPerKm(wavelengthNm: 1092, path: "x") == 0.7)
        let t = FiberSpan(lengthKm: 2.8).transmission(attenuationDBPerKm: 0.7)
        #expect(abs(t - pow(10, -0.196)) < 1e-15)
    }
}
