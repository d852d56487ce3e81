import InterlinkCore
import CGSL
import Foundation
import Testing
@testable import InterlinkStats

@Suite("GSL error handling")
struct GSLErrorHandlingTests {
    @Test("A GSL domain error becomes a typed StatsError with GSL's reason, and the process continues")
    func domainError() throws {
        // ln Γ(0) is a pole: GSL signals GSL_EDOM through its error handler, which would abort()
        // the test process had the funnel not switched the handler off.
        var result = gsl_sf_result()
        do {
            try GSL.check("gsl_sf_lngamma_e") { gsl_sf_lngamma_e(0, &result) }
            Issue.record("expected a GSL error")
        } catch let StatsError.gsl(function, status, reason) {
            #expect(function == "gsl_sf_lngamma_e")
            #expect(status == Int32(GSL_EDOM))
            #expect(reason.contains("domain"))
        }
        // Still alive and GSL still usable.
        try GSL.check("gsl_sf_lngamma_e") { gsl_sf_lngamma_e(5, &result) }
        #expect(abs(result.val - log(24.0)) < 1e-14)
    }

    @Test("Error descriptions name the argument, the value and the requirement")
    func descriptions() {
        let invalid = ParameterError(path: "weights[3]", value: "-1.0", allowed: "finite and > 0")
        #expect(invalid.description == "weights[3]: value -1.0 is not allowed: must be finite and > 0")
        let gsl = GSL.error("gsl_fit_linear", status: Int32(GSL_EMAXITER))
        #expect(gsl.description.contains("gsl_fit_linear") && gsl.description.contains("exceeded max number of iterations"))
    }

    @Test("GSL version is 2.7.1 or later")
    func version() {
        let parts = GSL.version.split(separator: ".").compactMap { Int($0) }
        #expect(parts.count >= 2)
        #expect(parts[0] > 2 || (parts[0] == 2 && parts[1] >= 7))
    }
}
