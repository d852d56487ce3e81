import Foundation
import Testing
import InterlinkPhysics

@Suite("Repeaterless bounds at tiny transmissivity")
struct RepeaterlessBoundsSmallTransmissivityTests {
    /// Taylor expansion by hand: −log₂(1 − η) = (η + η²/2 + …)/ln 2 and
    /// log₂((1 + η)/(1 − η)) = 2(η + η³/3 + …)/ln 2; at η = 10⁻³⁰ the first term is exact in double.
    @Test("PLOB and TGW keep their first-order value instead of rounding to zero")
    func tiny() {
        let eta = 1e-30
        #expect(abs(RepeaterlessBounds.plob(transmissivity: eta) - eta / log(2)) <= 1e-15 * eta)
        #expect(abs(RepeaterlessBounds.tgw(transmissivity: eta) - 2 * eta / log(2)) <= 1e-15 * eta)
    }
}
