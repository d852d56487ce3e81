import InterlinkCore
import Testing
@testable import InterlinkStats

@Suite("Sobol' indices (Jansen estimators)")
struct SobolIndicesTests {
    /// Additive model f = Σ c_i x_i with independent uniform x_i: V_i = c_i² Var(x), no interactions,
    /// so S_i = ST_i = c_i² / Σ c_j².
    @Test("Additive linear model: S_i = ST_i = c_i²/Σc_j²")
    func additive() throws {
        let c = [1.0, 2.0, 3.0]
        let n = 16000
        var stream = RandomStream(key: 11, replicate: 0)
        let a = (0..<n).map { _ in c.map { _ in stream.nextUniform() } }
        let b = (0..<n).map { _ in c.map { _ in stream.nextUniform() } }
        func f(_ x: [Double]) -> Double { zip(c, x).map(*).reduce(0, +) }
        let ab = c.indices.map { i in (0..<n).map { j -> Double in var m = a[j]; m[i] = b[j][i]; return f(m) } }
        var boot = RandomStream(key: 12, replicate: 0)
        let s = try SobolIndices(a: a.map(f), b: b.map(f), ab: ab, resamples: 500, level: 0.99, using: &boot)
        let total = c.map { $0 * $0 }.reduce(0, +)
        for i in c.indices {
            let exact = c[i] * c[i] / total
            #expect(s.firstOrder[i].contains(exact), "S\(i + 1): \(s.firstOrder[i]) vs \(exact)")
            #expect(s.total[i].contains(exact), "ST\(i + 1): \(s.total[i]) vs \(exact)")
            #expect(s.total[i].width < 0.05)
        }
        // Var of Σ c_i U(0,1) = Σ c_i²/12
        #expect(abs(s.variance - total / 12) < 0.05 * total / 12)
    }

    @Test("Bad input is rejected with the parameter named")
    func validation() {
        var stream = RandomStream(key: 1, replicate: 0)
        #expect(throws: ParameterError.self) { try SobolIndices(a: [1, 2], b: [1], ab: [[1, 2]], using: &stream) }
        #expect(throws: ParameterError.self) { try SobolIndices(a: [1, 1, 1], b: [1, 1, 1], ab: [[1, 1, 1]], using: &stream) }
        #expect(throws: ParameterError.self) { try SobolIndices(a: [1, 2], b: [1, 2], ab: [], using: &stream) }
    }
}
