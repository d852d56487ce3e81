import Foundation
@testable import InterlinkNotebook

/// A thread-safe counter of engine calls.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    @discardableResult
    func increment() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value
    }

    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return value
    }
}

struct EngineFailure: Error, CustomStringConvertible {
    var description: String
}

/// A small study exercising every part of the runner: a two-axis grid, a metric with a unit, a
/// random metric with uncertainty, a derived result and a table.
struct ToyStudy: Study {
    struct Parameters: Codable, Sendable {
        var x = 0.0
        var y = 1.0
    }

    var identifier = "toy"
    var title = "Toy study"
    var summary = "Squares and noise."
    var version = 1
    var base = Parameters()
    var xs: [Double] = [0, 1, 2, 3, 4, 5]
    var counter = Counter()
    /// Points whose x is listed throw.
    var failingX: Set<Double> = []
    /// Throw once this many points have been computed (simulates an interrupted run).
    var stopAfter: Int?

    var parameterUnits: [String: String] { ["x": "m"] }
    var rules: [ParameterRule<Parameters>] { [.range(\.x, 0...100), .positive(\.y)] }
    var sweep: Sweep<Parameters> { .grid(.values(\.x, xs), .values(\.y, [1.0, 2.0])) }
    var engine: Engine<Parameters> {
        let counter = counter, failingX = failingX, stopAfter = stopAfter
        return .custom("toy") { p, rng in
            let calls = counter.increment()
            if let stopAfter, calls > stopAfter { throw EngineFailure(description: "interrupted") }
            if failingX.contains(p.x) { throw EngineFailure(description: "x = \(p.x) is cursed") }
            return [
                Metric("area", p.x * p.x * p.y, unit: "m2"),
                Metric("noise", rng.nextUniform(), uncertainty: 0.25),
            ]
        }
    }
    var derived: [Derivation] {
        [Derivation("total area") { table in [Metric("sum", try table.values("area").reduce(0, +), unit: "m2")] }]
    }
    var tables: [TableSpec] { [TableSpec("areas", caption: "Areas", columns: ["x", "y", "area"])] }
    var sourceFile: String? { #filePath }
}

/// A fresh temporary folder.
func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("interlink-notebook-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Every file under `folder`, by relative path.
func filesUnder(_ folder: URL) throws -> [String: Data] {
    var out: [String: Data] = [:]
    let base = folder.standardizedFileURL.path
    guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else { return out }
    for case let url as URL in enumerator {
        let values = try url.resourceValues(forKeys: [.isRegularFileKey])
        if values.isRegularFile == true {
            out[String(url.standardizedFileURL.path.dropFirst(base.count + 1))] = try Data(contentsOf: url)
        }
    }
    return out
}

/// Writes a run's bundle into a fresh output root and returns the study folder's files.
func writtenFiles(_ run: StudyRun) throws -> [String: Data] {
    let root = try temporaryFolder()
    let folder = try run.outputBundle().write(into: root)
    return try filesUnder(folder)
}

/// Options for tests: quiet, fixed fingerprint, given cache folder (nil: no cache).
func testOptions(jobs: Int = 2, cache: URL? = nil, policy: FailurePolicy = .failFast, fingerprint: String = "test-code-v1") -> RunOptions {
    RunOptions(
        jobs: jobs, failurePolicy: policy, cacheDirectory: cache, progress: .never, messages: false,
        fingerprint: CodeFingerprint(explicit: fingerprint))
}
