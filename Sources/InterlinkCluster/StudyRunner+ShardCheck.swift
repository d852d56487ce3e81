import InterlinkCore
import InterlinkNotebook
import Foundation

extension StudyRunner {
    /// Why the existing shard file at `file` would not count as a finished shard of `study` as it
    /// is now, or `nil` when it would: it must decode as a shard file of the same study, version,
    /// root seed, code fingerprint, engine, sweep and point count (what `merge` checks), with no
    /// failed point recorded. Slurm array tasks skip every shard whose file exists, so
    /// `interlink slurm` uses this before a resubmission to remove shards that would be skipped
    /// but could never merge (made by other code, or recorded failures with keep-going).
    public func staleShardReason<S: Study>(_ study: S, file: URL) throws -> String? {
        try staleShardReasons(study, files: [file]).first?.reason
    }

    /// `staleShardReason` for each of `files` (the study is prepared once): the stale ones, in
    /// the order given, with the reason.
    public func staleShardReasons<S: Study>(_ study: S, files: [URL]) throws -> [(file: URL, reason: String)] {
        let plan = try prepare(study).plan
        return files.compactMap { file in Self.staleness(of: file, plan: plan).map { (file, $0) } }
    }

    /// Why `file` is not a finished shard of `plan`, or `nil`.
    private static func staleness(of file: URL, plan: StudyPlan) -> String? {
        guard let data = try? Data(contentsOf: file) else { return "it cannot be read" }
        guard let shard = try? JSONDecoder().decode(ShardFile.self, from: data) else { return "it is not a shard file" }
        let checks: [(String, String, String)] = [
            ("format", shard.format, ShardFile.formatName),
            ("study", shard.study, plan.identifier.rawValue),
            ("version", "\(shard.version)", "\(plan.version)"),
            ("root seed", shard.rootSeed, "\(plan.rootSeed)"),
            ("code fingerprint", shard.codeFingerprint, plan.provenance.codeFingerprint),
            ("engine", shard.engine, plan.engineDescription),
            ("sweep", shard.sweep, plan.provenance.sweep),
            ("point count", "\(shard.pointCount)", "\(plan.points.count)"),
        ]
        if let (what, found, expected) = checks.first(where: { $0.1 != $0.2 }) {
            if what == "sweep" { return "its sweep differs from the current one" }
            return "its \(what) is \(found), the current one is \(expected)"
        }
        let failed = shard.points.filter { $0.metrics == nil }.count
        if failed > 0 { return "it records \(failed) failed point(s)" }
        return nil
    }
}
