import InterlinkCore
import Foundation
import Testing
@testable import InterlinkPhysics

@Suite("Fiber attenuation table and transmission")
struct FiberAttenuationTableTests {
    @Test("Tabulated values at the cited wavelengths")
    func values() throws {
        #expect(try FiberAttenuationTable.attenuationDBPerKm(wavelengthNm: 1550, path: "f") == 0.18)
        #expect(try FiberAttenuationTable.attenuationDBPerKm(wavelengthNm: 1310, path: "f") == 0.33)
        #expect(try FiberAttenuationTable.attenuationDBPerKm(wavelengthNm: 854, path: "f") == 3.0)
        #expect(try FiberAttenuationTable.attenuationDBPerKm(wavelengthNm: 780, path: "f") == 3.5)
        #expect(FiberAttenuationTable.entry(wavelengthNm: 422)?.isAssumption == true)
        #expect(FiberAttenuationTable.entry(wavelengthNm: 493)?.isAssumption == true)
        #expect(FiberAttenuationTable.entry(wavelengthNm: 1550)?.isAssumption == false)
    }

    @Test("A wavelength outside every band throws at the fiber's attenuation path")
    func outside() {
        do {
            _ = try FiberSpan(lengthKm: 1).attenuation(wavelengthNm: 1200, path: "link.armA.fiber")
            Issue.record("no error")
        } catch let e as ParameterError {
            #expect(e.path == "link.armA.fiber.attenuationDBPerKm")
        } catch {
            Issue.record("wrong error")
        }
    }

    @Test("10 km at 0.2 dB/km transmits 10^(-0.2); delay is 4.9 us/km")
    func transmission() {
        let f = FiberSpan(lengthKm: 10)
        #expect(close(f.transmission(attenuationDBPerKm: 0.2), pow(10, -0.2)))
        #expect(close(f.delaySeconds, 10 * 1.47 / 299_792.458))
        #expect(relClose(f.delaySeconds / 10, 4.9e-6, 0.01))
        #expect(close(Decibels.transmission(lossDB: 3), 0.5011872336272722))
        #expect(close(Decibels.loss(transmission: 0.5), 3.010299956639812))
    }
}
