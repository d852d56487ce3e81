import InterlinkCore
import InterlinkCore
import Foundation

/// Runs studies: expands and validates the sweep, loads finished points from the cache, computes
/// the rest in parallel (each point on its own random stream), commits each point as it finishes,
/// and assembles the result table, derived results, tables and figures.
public struct StudyRunner: Sendable {
    /// The run settings.
    public var options: RunOptions

    /// Creates a runner.
    public init(options: RunOptions = RunOptions()) {
        self.options = options
    }

    /// The validated, expanded sweep of `study` (nothing is computed): points in sweep order
    /// with their keys. Throws before any computation for a bad identifier, sweep or point.
    public func plan<S: Study>(_ study: S) throws -> StudyPlan {
        try prepare(study).plan
    }

    /// Runs every point of `study` (cached points are loaded, the rest computed).
    public func run<S: Study>(_ study: S) async throws -> StudyRun {
        let prepared = try prepare(study)
        let outcomes = try await compute(prepared, selection: Array(prepared.plan.points.indices), label: prepared.plan.identifier.rawValue)
        return try finish(prepared, outcomes: outcomes.outcomes, counts: outcomes.counts)
    }

    // MARK: Preparation

    package struct Prepared<S: Study>: Sendable {
        package let study: S
        package let plan: StudyPlan
        package let values: [S.Parameters]
    }

    package func prepare<S: Study>(_ study: S) throws -> Prepared<S> {
        let identifier = try StudyIdentifier(study.identifier)
        let name = identifier.rawValue
        let git = GitState.current(root: options.repository)
        if options.requireClean {
            guard let dirty = git.dirty else {
                throw NotebookError.dirtyWorkingTree(paths: ["git state unknown: not a git repository or git is missing"])
            }
            if dirty { throw NotebookError.dirtyWorkingTree(paths: git.changedPaths) }
        }
        do { try study.engine.validateSettings() } catch {
            throw NotebookError.invalidEngine(study: name, reason: "\(error)")
        }
        let values: [S.Parameters]
        do { values = try study.sweep.points(from: study.base) } catch {
            throw NotebookError.invalidSweep(study: name, reason: "\(error)")
        }
        guard !values.isEmpty else { throw NotebookError.invalidSweep(study: name, reason: "the sweep has no points") }

        var points: [SweepPoint] = []
        points.reserveCapacity(values.count)
        var seen: [String: Int] = [:]
        for (index, value) in values.enumerated() {
            let json: JSONValue
            do { json = try JSONValue(encoding: value) } catch {
                throw NotebookError.invalidPoint(
                    study: name, index: index, point: "(not encodable)", field: StudyRunner.field(of: error),
                    reason: StudyRunner.reason(of: error))
            }
            do { try study.validate(value) } catch {
                throw NotebookError.invalidPoint(
                    study: name, index: index, point: json.canonicalText, field: StudyRunner.field(of: error),
                    reason: StudyRunner.reason(of: error))
            }
            let point = SweepPoint(index: index, parameters: json, study: identifier, version: study.version)
            if let earlier = seen[point.key] {
                throw NotebookError.invalidSweep(
                    study: name, reason: "points #\(earlier) and #\(index) are identical: \(json.canonicalText)")
            }
            seen[point.key] = index
            points.append(point)
        }
        let fingerprint: CodeFingerprint? = try options.fingerprint
            ?? CodeFingerprint.build(studySourceFiles: study.sourceFiles, studySources: options.studySources)
        let rootSeed = options.rootSeed ?? study.rootSeed
        let baseParameters: JSONValue
        do { baseParameters = try JSONValue(encoding: study.base) } catch {
            throw NotebookError.invalidPoint(
                study: name, index: -1, point: "(base parameters)", field: StudyRunner.field(of: error),
                reason: StudyRunner.reason(of: error))
        }
        let provenance = Provenance(
            git: git, codeFingerprint: fingerprint?.description ?? "unknown",
            sweep: study.sweep.description, engine: study.engine.description,
            rootSeed: rootSeed, pointCount: points.count, baseParameters: baseParameters)
        let plan = StudyPlan(
            identifier: identifier, version: study.version, points: points, fingerprint: fingerprint,
            rootSeed: rootSeed, engineDescription: study.engine.description, sweepFields: study.sweep.fields,
            provenance: provenance)
        return Prepared(study: study, plan: plan, values: values)
    }

    /// The field named by a thrown error: a `ParameterError`'s path (every module reports an
    /// invalid parameter that way) or an encoding error's coding path; `"(unknown field)"` otherwise.
    static func field(of error: any Error) -> String {
        if let error = error as? ParameterError { return error.path }
        if let error = error as? EncodingError, case .invalidValue(_, let context) = error {
            return context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
        }
        return "(unknown field)"
    }

    static func reason(of error: any Error) -> String {
        if let error = error as? EncodingError, case .invalidValue(let value, _) = error {
            return "\(value) cannot be encoded (JSON has no NaN or infinity)"
        }
        return "\(error)"
    }

    // MARK: Computation

    package struct Computed: Sendable {
        package let outcomes: [Int: PointOutcome]
        package let counts: RunCounts
    }

    /// Loads cached points among `selection`, computes the rest, commits each as it finishes.
    package func compute<S: Study>(_ prepared: Prepared<S>, selection: [Int], label: String) async throws -> Computed {
        let plan = prepared.plan
        let cache: ResultCache? = try options.cacheDirectory.map { try ResultCache(directory: $0) }
        var outcomes: [Int: PointOutcome] = [:]
        var resumed = 0
        if let cache, plan.fingerprint != nil {
            let keys = selection.map { plan.cacheKey(of: $0) }
            let (found, rejected) = try await cache.loadVerified(cacheKeys: keys)
            if rejected > 0 {
                options.reporter?.message("\(label): \(rejected) cached point(s) failed verification (checksum or content); recomputing them")
            }
            for (index, key) in zip(selection, keys) {
                if let metrics = found[key] {
                    outcomes[index] = .success(metrics)
                    resumed += 1
                }
            }
        }
        let pending = selection.filter { outcomes[$0] == nil }
        if options.requireCached, !pending.isEmpty {
            throw NotebookError.cache(
                reason: "\(pending.count) of \(selection.count) points of study \(plan.identifier) are not cached for the current code; run the study first")
        }
        let reporter = options.reporter
        if let reporter {
            if resumed > 0 {
                reporter.message("\(label): resumed \(resumed) of \(selection.count) points from the cache; computing \(pending.count)")
            } else {
                reporter.message("\(label): computing \(pending.count) points")
            }
        }
        var done = 0
        let jobs = max(1, options.jobs)
        let engine = prepared.study.engine
        let values = prepared.values
        var computed = 0
        var failed = 0
        var firstFailure: NotebookError?

        try await withThrowingTaskGroup(of: (Int, Result<[Metric], PointFailure>).self) { group in
            var next = 0
            func schedule() {
                guard next < pending.count else { return }
                let index = pending[next]
                next += 1
                let value = values[index]
                let point = plan.points[index]
                let stream = RandomStream(rootSeed: plan.rootSeed, pointKey: point.key, replicate: 0)
                group.addTask {
                    if Task.isCancelled { return (index, .failure(PointFailure(message: "cancelled"))) }
                    do {
                        let metrics = try engine.evaluate(value, stream: stream)
                        try StudyRunner.checkMetrics(metrics)
                        return (index, .success(metrics))
                    } catch {
                        return (index, .failure(PointFailure(message: "\(error)")))
                    }
                }
            }
            for _ in 0..<min(jobs, pending.count) { schedule() }
            while let (index, result) = try await group.next() {
                switch result {
                case .success(let metrics):
                    if let cache, plan.fingerprint != nil {
                        try await cache.store(
                            cacheKey: plan.cacheKey(of: index), study: plan.identifier.rawValue,
                            pointKey: plan.points[index].key, metrics: metrics)
                    }
                    outcomes[index] = .success(metrics)
                    computed += 1
                case .failure(let failure):
                    failed += 1
                    outcomes[index] = .failure(failure.message)
                    if options.failurePolicy == .failFast, firstFailure == nil {
                        firstFailure = NotebookError.pointFailed(
                            study: plan.identifier.rawValue, index: index,
                            point: plan.points[index].parameters.canonicalText, reason: failure.message)
                    }
                }
                done += 1
                reporter?.progress(label: label, done: done, total: pending.count)
                if firstFailure == nil, !Task.isCancelled { schedule() }
            }
        }
        reporter?.finished(label: label, done: done, total: pending.count)
        if let firstFailure { throw firstFailure }
        try Task.checkCancellation()
        if let reporter, failed > 0 {
            reporter.message("\(label): \(failed) point(s) failed (kept going)")
        }
        return Computed(
            outcomes: outcomes,
            counts: RunCounts(total: plan.points.count, selected: selection.count, resumed: resumed, computed: computed, failed: failed))
    }

    /// Output file names must be unique and must not take the names the runner writes itself.
    static func checkFileNames(study: String, kind: String, _ names: [String], reserved: Set<String>) throws {
        var seen = Set<String>()
        for name in names {
            if reserved.contains(name) {
                throw NotebookError.postProcessingFailed(study: study, item: "\(kind) \"\(name)\"", reason: "the name is reserved for the runner's own data file")
            }
            if !seen.insert(name).inserted {
                throw NotebookError.postProcessingFailed(study: study, item: "\(kind) \"\(name)\"", reason: "two \(kind)s share this file name")
            }
        }
    }

    static func checkMetrics(_ metrics: [Metric]) throws {
        var names = Set<String>()
        for metric in metrics {
            guard !metric.name.isEmpty else { throw SweepError("a metric has an empty name") }
            guard names.insert(metric.name).inserted else { throw SweepError("metric \(metric.name) is returned twice") }
        }
    }

    // MARK: Assembly

    /// Builds the table, derived results, tables and figures from outcomes of every point.
    package func finish<S: Study>(_ prepared: Prepared<S>, outcomes: [Int: PointOutcome], counts: RunCounts) throws -> StudyRun {
        let plan = prepared.plan
        let study = prepared.study
        let name = plan.identifier.rawValue
        let ordered: [PointOutcome] = try plan.points.indices.map { index in
            guard let outcome = outcomes[index] else {
                throw NotebookError.pointFailed(study: name, index: index, point: plan.points[index].parameters.canonicalText, reason: "no result")
            }
            return outcome
        }
        let table = try ResultTable.assemble(
            study: name, points: plan.points, outcomes: ordered, declaredFields: plan.sweepFields,
            parameterUnits: study.parameterUnits)
        var derived: [DerivedResult] = []
        for derivation in study.derived {
            do {
                let metrics = try derivation.compute(table)
                try StudyRunner.checkMetrics(metrics)
                derived.append(DerivedResult(derivation: derivation.name, metrics: metrics))
            } catch {
                throw NotebookError.postProcessingFailed(study: name, item: "derived result \"\(derivation.name)\"", reason: "\(error)")
            }
        }
        let results = StudyResults(table: table, derived: derived)
        try StudyRunner.checkFileNames(study: name, kind: "table", study.tables.map(\.fileName), reserved: ["results", "derived"])
        try StudyRunner.checkFileNames(study: name, kind: "figure", study.figures.map(\.fileName), reserved: [])
        var tables: [PublishedTable] = []
        for spec in study.tables {
            guard StudyIdentifier.problem(with: spec.fileName) == nil else {
                throw NotebookError.postProcessingFailed(study: name, item: "table \"\(spec.fileName)\"", reason: "file name must be lowercase letters, digits and '-'")
            }
            do {
                tables.append(PublishedTable(fileName: spec.fileName, caption: spec.caption, table: try spec.build(results)))
            } catch {
                throw NotebookError.postProcessingFailed(study: name, item: "table \"\(spec.fileName)\"", reason: "\(error)")
            }
        }
        var figures: [PublishedFigure] = []
        for spec in study.figures {
            guard StudyIdentifier.problem(with: spec.fileName) == nil else {
                throw NotebookError.postProcessingFailed(study: name, item: "figure \"\(spec.fileName)\"", reason: "file name must be lowercase letters, digits and '-'")
            }
            do {
                figures.append(PublishedFigure(fileName: spec.fileName, caption: spec.caption, figure: try spec.draw(results)))
            } catch {
                throw NotebookError.postProcessingFailed(study: name, item: "figure \"\(spec.fileName)\"", reason: "\(error)")
            }
        }
        return StudyRun(
            identifier: plan.identifier, title: study.title, summary: study.summary, version: study.version,
            reportTemplate: study.reportTemplate, finding: study.finding, parameterUnits: study.parameterUnits,
            baseParameters: try JSONValue(encoding: study.base), table: table, derived: derived, tables: tables, figures: figures,
            provenance: plan.provenance, counts: counts, presets: study.presets.map(PresetUse.init))
    }
}

/// A point's failure message, carried out of a child task.
struct PointFailure: Error, Sendable {
    let message: String
}

/// The expanded, validated sweep of a study and everything that identifies its points.
public struct StudyPlan: Sendable {
    /// The study identifier.
    public let identifier: StudyIdentifier
    /// The study version.
    public let version: Int
    /// The points in sweep order.
    public let points: [SweepPoint]
    /// The code fingerprint (`nil`: unknown, the cache is not read).
    public let fingerprint: CodeFingerprint?
    /// The root seed in effect.
    public let rootSeed: UInt64
    /// The engine description.
    public let engineDescription: String
    /// The fields the sweep sets.
    public let sweepFields: [String]
    /// Provenance of a run of this plan.
    public let provenance: Provenance

    /// Cache key of point `index`: SHA-256 of the point key, the code fingerprint, the root seed
    /// and the engine description.
    public func cacheKey(of index: Int) -> String {
        SHA256.hex(of: "interlink-cache\n\(points[index].key)\n\(fingerprint?.description ?? "unknown")\n\(rootSeed)\n\(engineDescription)")
    }
}

/// How many points a run covered and where their results came from.
public struct RunCounts: Sendable, Hashable {
    /// Points in the sweep.
    public let total: Int
    /// Points this run was responsible for (all, or a shard's slice).
    public let selected: Int
    /// Points loaded from the cache.
    public let resumed: Int
    /// Points computed now.
    public let computed: Int
    /// Points that failed (keep-going).
    public let failed: Int

    /// Creates the counts of a run (the runner, shards and merges fill them in).
    package init(total: Int, selected: Int, resumed: Int, computed: Int, failed: Int) {
        self.total = total
        self.selected = selected
        self.resumed = resumed
        self.computed = computed
        self.failed = failed
    }
}
