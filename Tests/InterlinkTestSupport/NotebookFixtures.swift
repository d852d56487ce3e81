import Foundation
@testable import InterlinkNotebook
import InterlinkReport

/// A thread-safe counter of engine calls.
public final class Counter: @unchecked Sendable {
    public init() {}
    private let lock = NSLock()
    private var value = 0

    @discardableResult
    public func increment() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value
    }

    public var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return value
    }
}

public struct EngineFailure: Error, CustomStringConvertible {
    public init(description: String) { self.description = description }
    public var description: String
}

/// A small study exercising every part of the runner: a two-axis grid, a metric with a unit, a
/// random metric with uncertainty, a derived result and a table.
public struct ToyStudy: Study {
    public struct Parameters: Codable, Sendable {
        public init() {}
        public var x = 0.0
        public var y = 1.0
    }

    public var identifier = "toy"
    public var title = "Toy study"
    public var summary = "Squares and noise."
    public var version = 1
    public var base = Parameters()
    public var xs: [Double] = [0, 1, 2, 3, 4, 5]
    public var counter = Counter()

    public init(version: Int = 1, xs: [Double] = [0, 1, 2, 3, 4, 5], failingX: Set<Double> = [], stopAfter: Int? = nil) {
        self.version = version
        self.xs = xs
        self.failingX = failingX
        self.stopAfter = stopAfter
    }
    /// Points whose x is listed throw.
    public var failingX: Set<Double> = []
    /// Throw once this many points have been computed (simulates an interrupted run).
    public var stopAfter: Int?

    public var parameterUnits: [String: String] { ["x": "m"] }
    public var rules: [ParameterRule<Parameters>] { [.range(\.x, 0...100), .positive(\.y)] }
    public var sweep: Sweep<Parameters> { .grid(.values(\.x, xs), .values(\.y, [1.0, 2.0])) }
    public var engine: Engine<Parameters> {
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
    public var derived: [Derivation] {
        [Derivation("total area") { table in [Metric("sum", try table.values("area").reduce(0, +), unit: "m2")] }]
    }
    public var tables: [TableSpec] { [TableSpec("areas", caption: "Areas", columns: ["x", "y", "area"])] }
    public var sourceFile: String? { #filePath }
}

/// A fresh temporary folder.
public func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("interlink-notebook-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Every file under `folder`, by relative path.
public func filesUnder(_ folder: URL) throws -> [String: Data] {
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
public func writtenFiles(_ run: StudyRun) throws -> [String: Data] {
    let root = try temporaryFolder()
    let folder = try run.outputBundle().write(into: root)
    return try filesUnder(folder)
}

/// Options for tests: quiet, fixed fingerprint, given cache folder (nil: no cache).
public func testOptions(jobs: Int = 2, cache: URL? = nil, policy: FailurePolicy = .failFast, fingerprint: String = "test-code-v1") -> RunOptions {
    RunOptions(
        jobs: jobs, failurePolicy: policy, cacheDirectory: cache,
        fingerprint: CodeFingerprint(explicit: fingerprint))
}
