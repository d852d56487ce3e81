import Foundation
import Testing
import InterlinkCore
@testable import InterlinkStats

@Suite("Quantiles")
struct QuantileTests {
    @Test("Type-7 quantiles by hand")
    func hand() throws {
        // Sorted 1, 2, 3, 4, 5: h = 4p. p = 0.25 → h = 1 → 2; p = 0.1 → h = 0.4 → 1.4.
        #expect(try Quantile.of([5, 1, 4, 2, 3], probability: 0.25) == 2)
        #expect(abs(try Quantile.of([5, 1, 4, 2, 3], probability: 0.1) - 1.4) < 1e-15)
        // Even count: 1, 2, 3, 4, median h = 1.5 → 2.5.
        #expect(try Quantile.median([4, 3, 2, 1]) == 2.5)
        #expect(try Quantile.of([3, 1, 2], probabilities: [0, 1]) == [1, 3])
    }

    @Test("Bad inputs are rejected")
    func invalid() {
        #expect(throws: ParameterError.self) { try Quantile.median([]) }
        #expect(throws: ParameterError.self) { try Quantile.of([1, 2], probability: 1.5) }
        #expect(throws: ParameterError.self) { try Quantile.of([1, .nan], probability: 0.5) }
    }
}
