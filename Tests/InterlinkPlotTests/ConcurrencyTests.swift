import Foundation
import Testing
import InterlinkPlot

/// Rendering from many tasks at once is safe and gives the same bytes.
@Suite("Concurrency")
struct ConcurrencyTests {
    @Test("Eight concurrent renders of two figures match the sequential renders")
    func concurrentRenders() async throws {
        let figures = [Fixtures.rateFigure(), Fixtures.scatterFigure()]
        let expectedPDF = try figures.map { try $0.render(.pdf) }
        let expectedSVG = try figures.map { try $0.render(.svg) }
        let results = try await withThrowingTaskGroup(of: (Int, [UInt8], [UInt8]).self) { group in
            for task in 0..<8 {
                group.addTask {
                    let figure = figures[task % 2]
                    return (task % 2, try figure.render(.pdf), try figure.render(.svg))
                }
            }
            var collected: [(Int, [UInt8], [UInt8])] = []
            for try await result in group { collected.append(result) }
            return collected
        }
        #expect(results.count == 8)
        for (index, pdf, svg) in results {
            #expect(pdf == expectedPDF[index])
            #expect(svg == expectedSVG[index])
        }
    }
}
