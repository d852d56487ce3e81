import InterlinkCore
import InterlinkNotebook

/// The two Slurm batch scripts that run one study's sweep on a cluster: a job array in which task
/// `i` (0-based, `--array=0-(N-1)`) computes shard `i + 1` of `N` into a shared shard folder, and
/// a merge job, submitted with `--dependency=afterok:<array job id>`, that combines the shards and
/// writes the report (`interlink merge`: the bytes of a single-machine run).
///
/// Resubmitting is safe: a task whose shard file exists skips its work. Shard files are written
/// atomically (temporary file + `rename`, see `AtomicFile`) and only after every point of the
/// shard succeeded, so a file that exists is complete; a task that failed or was killed left no
/// file and runs again. The text depends only on the stored values (no dates, no host names), so
/// the same options give the same bytes.
public struct SlurmBatch: Sendable, Hashable {
    /// Where each shard task keeps its result cache (finished points, for resuming a killed task).
    public enum CachePlacement: Sendable, Hashable {
        /// One cache per shard, `<shard folder>/cache/<study>.shard-K-of-N`: no two tasks ever
        /// open the same SQLite file, which matters on network file systems where SQLite's
        /// locking is unreliable. The default.
        case perShard
        /// One cache folder shared by every task (`interlink run --cache DIR`).
        case shared(String)
        /// No cache (`interlink run --no-cache`): a rerun shard recomputes all of its points.
        case disabled
    }

    /// The `#SBATCH` resource requests, validated.
    public struct Resources: Sendable, Hashable {
        /// `--partition`, or `nil` for the cluster's default.
        public let partition: String?
        /// `--time` as `[D-]HH:MM:SS`, or `nil` for the partition's default.
        public let timeLimit: String?
        /// `--cpus-per-task` of the shard tasks (each task computes that many points at once).
        public let cpusPerTask: Int?
        /// Further `#SBATCH` options for both jobs, each an option such as `--mem=4G`.
        public let extraDirectives: [String]

        /// Validates the requests. `extraDirectives` may be written with or without a leading
        /// `#SBATCH`; each must be one line starting with `-`.
        public init(partition: String? = nil, timeLimit: String? = nil, cpusPerTask: Int? = nil, extraDirectives: [String] = []) throws {
            if let partition {
                let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.,")
                guard !partition.isEmpty, partition.allSatisfy({ allowed.contains($0) }) else {
                    throw ParameterError(path: "--partition", value: partition,
                        allowed: "a partition name (letters, digits, '_', '-', '.'; several separated by ',')")
                }
            }
            if let timeLimit, !SlurmBatch.isTimeLimit(timeLimit) {
                throw ParameterError(path: "--time", value: timeLimit,
                    allowed: "HH:MM:SS or D-HH:MM:SS with minutes and seconds below 60, e.g. 02:30:00")
            }
            if let cpusPerTask, cpusPerTask < 1 {
                throw ParameterError(path: "--cpus-per-task", value: "\(cpusPerTask)", allowed: "an integer ≥ 1")
            }
            self.partition = partition
            self.timeLimit = timeLimit
            self.cpusPerTask = cpusPerTask
            self.extraDirectives = try extraDirectives.map(SlurmBatch.directive)
        }
    }

    /// The study, a valid file name.
    public let study: StudyIdentifier
    /// N, the number of array tasks and of shards.
    public let tasks: Int
    /// The resource requests.
    public let resources: Resources
    /// Absolute path of the `interlink` executable the tasks run.
    public let binary: String
    /// Absolute folder the jobs run in (`--chdir` and `cd`).
    public let workingDirectory: String
    /// Absolute folder of the shard files, shared by all tasks.
    public let shardDirectory: String
    /// Absolute folder of the scripts and of the jobs' log files.
    public let scriptDirectory: String
    /// Absolute output folder the merge writes (`output/<study>/` and `index.md`).
    public let outputDirectory: String
    /// Absolute folder of the report templates.
    public let templatesDirectory: String
    /// Paper size of the PDF report (`a4` or `us-letter`, as `interlink merge --paper` takes it).
    public let paper: String
    /// Where the shard tasks keep their result caches.
    public let cache: CachePlacement

    /// Validates the description: `tasks` ≥ 1 and absolute paths; the working and script folders
    /// appear in `#SBATCH` lines, so they may not contain white space, quotes, `\` or `%`.
    public init(
        study: StudyIdentifier, tasks: Int, resources: Resources, binary: String, workingDirectory: String,
        shardDirectory: String, scriptDirectory: String, outputDirectory: String, templatesDirectory: String,
        paper: String = "a4", cache: CachePlacement = .perShard
    ) throws {
        guard tasks >= 1 else {
            throw ParameterError(path: "--tasks", value: "\(tasks)", allowed: "an integer ≥ 1 (the number of array tasks)")
        }
        let paths: [(String, String)] = [
            ("--binary", binary), ("working directory", workingDirectory), ("--shard-directory", shardDirectory),
            ("--script-directory", scriptDirectory), ("--output", outputDirectory), ("--templates", templatesDirectory),
        ]
        for (option, path) in paths where !path.hasPrefix("/") || path.contains("\n") || path.contains("\0") {
            throw ParameterError(path: option, value: path, allowed: "an absolute path on one line")
        }
        if case .shared(let path) = cache, !path.hasPrefix("/") || path.contains("\n") || path.contains("\0") {
            throw ParameterError(path: "--cache", value: path, allowed: "an absolute path on one line")
        }
        let awkward = Set(" \t\"'\\%")
        for (option, path) in [("working directory", workingDirectory), ("--script-directory", scriptDirectory)]
        where path.contains(where: { awkward.contains($0) || $0.isNewline }) {
            throw ParameterError(path: option, value: path,
                allowed: "a path without spaces, quotes, '\\' or '%' (it is written into #SBATCH lines)")
        }
        guard paper == "a4" || paper == "us-letter" else {
            throw ParameterError(path: "--paper", value: paper, allowed: "a4 or us-letter")
        }
        self.study = study
        self.tasks = tasks
        self.resources = resources
        self.binary = binary
        self.workingDirectory = workingDirectory
        self.shardDirectory = shardDirectory
        self.scriptDirectory = scriptDirectory
        self.outputDirectory = outputDirectory
        self.templatesDirectory = templatesDirectory
        self.paper = paper
        self.cache = cache
    }

    /// `<study>.shards.sbatch`.
    public var shardScriptName: String { "\(study.rawValue).shards.sbatch" }

    /// `<study>.merge.sbatch`.
    public var mergeScriptName: String { "\(study.rawValue).merge.sbatch" }

    /// The `--array` value: `0-(N-1)`.
    public var arrayRange: String { "0-\(tasks - 1)" }

    /// The job array: task `i` runs `interlink run STUDY --shard (i+1)/N` unless that shard's file
    /// exists already.
    public var shardScript: String {
        let name = study.rawValue
        let shardFile = "\(name).shard-${shard}-of-\(tasks)"
        var lines = [
            "#!/bin/bash",
            "# Interlink: study \(name) as a Slurm job array of \(tasks) shard(s), written by `interlink slurm`.",
            "# Array task i (0-based) computes shard i+1 of \(tasks) into the shard folder. A shard whose file",
            "# exists is complete (shard files are renamed into place only when every point succeeded), so",
            "# the task skips it: resubmitting this script reruns only the shards that did not finish.",
            "#SBATCH --job-name=interlink-\(name)-shards",
            "#SBATCH --array=\(arrayRange)",
            "#SBATCH --output=\(scriptDirectory)/\(name).shards-%A_%a.out",
            "#SBATCH --chdir=\(workingDirectory)",
        ]
        lines += commonDirectives()
        if let cpus = resources.cpusPerTask { lines.append("#SBATCH --cpus-per-task=\(cpus)") }
        lines += resources.extraDirectives.map { "#SBATCH \($0)" }
        lines += [
            "set -euo pipefail",
            "cd \(Self.shellQuoted(workingDirectory))",
            "if [ -z \"${SLURM_ARRAY_TASK_ID:-}\" ]; then",
            "  echo \(Self.shellQuoted("interlink: submit this script as a job array: sbatch \(scriptDirectory)/\(shardScriptName)")) >&2",
            "  exit 2",
            "fi",
            "shard=$((SLURM_ARRAY_TASK_ID + 1))",
            "file=\(Self.shellQuoted(shardDirectory))/\"\(shardFile).json\"",
            "if [ -s \"$file\" ]; then",
            "  echo \"\(name): shard ${shard}/\(tasks) is already complete ($file); skipped\"",
            "  exit 0",
            "fi",
        ]
        var command = [
            Self.shellQuoted(binary), "run", name, "--shard", "\"${shard}/\(tasks)\"",
            "--shard-directory", Self.shellQuoted(shardDirectory), "--jobs", "\"${SLURM_CPUS_PER_TASK:-1}\"",
        ]
        switch cache {
        case .perShard: command += ["--cache", "\(Self.shellQuoted(shardDirectory))/\"cache/\(shardFile)\""]
        case .shared(let path): command += ["--cache", Self.shellQuoted(path)]
        case .disabled: command += ["--no-cache"]
        }
        lines.append("exec " + command.joined(separator: " "))
        return lines.joined(separator: "\n") + "\n"
    }

    /// The merge job: `interlink merge STUDY` over the shard folder, writing the report into the
    /// output folder. Submit it with `--dependency=afterok:<array job id>`; `--kill-on-invalid-dep`
    /// removes it from the queue when a shard task fails (instead of leaving it pending forever).
    public var mergeScript: String {
        let name = study.rawValue
        var lines = [
            "#!/bin/bash",
            "# Interlink: merge the \(tasks) shard(s) of study \(name) and write its report, written by `interlink slurm`.",
            "# Submit with --dependency=afterok:<array job id> so that it starts once every shard task succeeded.",
            "#SBATCH --job-name=interlink-\(name)-merge",
            "#SBATCH --output=\(scriptDirectory)/\(name).merge-%j.out",
            "#SBATCH --chdir=\(workingDirectory)",
            "#SBATCH --kill-on-invalid-dep=yes",
        ]
        lines += commonDirectives()
        lines += resources.extraDirectives.map { "#SBATCH \($0)" }
        let command = [
            Self.shellQuoted(binary), "merge", name, "--shard-directory", Self.shellQuoted(shardDirectory),
            "--output", Self.shellQuoted(outputDirectory), "--templates", Self.shellQuoted(templatesDirectory),
            "--paper", paper,
        ]
        lines += [
            "set -euo pipefail",
            "cd \(Self.shellQuoted(workingDirectory))",
            "exec " + command.joined(separator: " "),
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    /// The partition and time-limit lines both jobs carry.
    private func commonDirectives() -> [String] {
        var lines: [String] = []
        if let partition = resources.partition { lines.append("#SBATCH --partition=\(partition)") }
        if let time = resources.timeLimit { lines.append("#SBATCH --time=\(time)") }
        return lines
    }

    /// `text` as one POSIX shell word: in single quotes, with each `'` written as `'\''`.
    public static func shellQuoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// Whether `text` is a Slurm time limit `[D-]HH:MM:SS` (hours of one or more digits, minutes
    /// and seconds of two digits below 60).
    static func isTimeLimit(_ text: String) -> Bool {
        var clock = Substring(text)
        if let dash = text.firstIndex(of: "-") {
            let days = text[..<dash]
            guard !days.isEmpty, days.allSatisfy(\.isASCIIDigit) else { return false }
            clock = text[text.index(after: dash)...]
        }
        let parts = clock.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, parts[0].allSatisfy(\.isASCIIDigit) else { return false }
        for part in parts.dropFirst() {
            guard part.count == 2, part.allSatisfy(\.isASCIIDigit), let value = Int(part), value < 60 else { return false }
        }
        return true
    }

    /// One extra `#SBATCH` option: the leading `#SBATCH` (if given) and surrounding spaces removed;
    /// one line starting with `-`.
    static func directive(_ text: String) throws -> String {
        var option = Substring(text)
        if option.hasPrefix("#SBATCH") { option = option.dropFirst("#SBATCH".count) }
        option = option.drop(while: { $0 == " " || $0 == "\t" })
        while let last = option.last, last == " " || last == "\t" { option = option.dropLast() }
        guard option.hasPrefix("-"), !option.contains(where: { character in character.isNewline || (character.asciiValue ?? 0x20) < 0x20 }) else {
            throw ParameterError(path: "--sbatch-line", value: text,
                allowed: "one sbatch option on one line, such as --mem=4G or \"#SBATCH --account=lab\"")
        }
        return String(option)
    }
}

extension Character {
    /// Whether this is one of the ASCII digits 0-9.
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
