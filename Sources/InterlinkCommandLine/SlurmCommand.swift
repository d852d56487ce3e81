import ArgumentParser
import Foundation
import Interlink

/// `interlink slurm`: write (and optionally submit) the Slurm job array of a study's shards and
/// the dependent merge job.
struct SlurmCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "slurm",
        abstract: "Run a study on a Slurm cluster: a job array of shards and a dependent merge job.",
        discussion: """
            Writes <script-directory>/<study>.shards.sbatch (a job array --array=0-(N-1); task i \
            runs `interlink run STUDY --shard i+1/N`) and <study>.merge.sbatch (`interlink merge`, \
            to be submitted with --dependency=afterok:<array job id>), and prints their paths. \
            With --submit both are submitted with `sbatch --parsable` and the job ids are printed. \
            Resubmitting is safe: tasks whose shard file exists skip, failed ones run again; \
            with --submit, shard files that could not merge (made by other code or sweep) are \
            removed first so that their tasks recompute them. Each task keeps its own result \
            cache in <shard-directory>/cache unless --cache DIR or --no-cache is given.
            """)

    @Argument(help: "The study to run (see `interlink list`).", completion: .custom { _, _, _ in ToolContext.studyIdentifiers() })
    var study: String

    @Option(name: .long, help: "Number of array tasks N, one shard each.")
    var tasks: String?

    @Option(name: .long, help: "Slurm partition of both jobs.")
    var partition: String?

    @Option(name: .long, help: "Time limit of each job, HH:MM:SS or D-HH:MM:SS.")
    var time: String?

    @Option(name: .long, help: "CPUs per shard task (the task computes that many points at once).")
    var cpusPerTask: String?

    @Option(name: .customLong("sbatch-line"), parsing: .unconditionalSingleValue, help: "An extra #SBATCH option for both jobs, e.g. --mem=4G (repeatable).")
    var sbatchLines: [String] = []

    @Option(name: .long, help: "Shared folder of the shard files.")
    var shardDirectory: String = "shards"

    @Option(name: .long, help: "Folder for the two scripts and the jobs' logs.")
    var scriptDirectory: String = "slurm"

    @Option(name: .long, help: "The interlink executable the jobs run (default: this one).")
    var binary: String?

    @Flag(name: .long, help: "Submit both scripts with sbatch and print the job ids.")
    var submit = false

    @OptionGroup var project: ProjectOptions
    @OptionGroup var cacheOptions: CacheOptions

    func run() async throws {
        do {
            let (batch, chosen) = try makeBatch()
            // Find sbatch before anything is written or removed.
            let sbatch = submit ? try SlurmCommand.findExecutable("sbatch") : nil
            try SlurmCommand.refuseForeignShards(of: batch)
            try SlurmCommand.handleStaleShards(of: batch, study: chosen, remove: submit)
            let scripts = try SlurmCommand.write(batch)
            guard let sbatch else {
                print(scripts.shards.path)
                print(scripts.merge.path)
                note("submit with: id=$(sbatch --parsable \(scripts.shards.path)) && sbatch --dependency=afterok:${id%%;*} \(scripts.merge.path)")
                return
            }
            let arrayJob = try SlurmCommand.submit(sbatch, arguments: ["--parsable", scripts.shards.path])
            print("array job \(arrayJob): \(batch.tasks) task(s), \(scripts.shards.path)")
            let mergeJob = try SlurmCommand.submit(
                sbatch, arguments: ["--parsable", "--dependency=afterok:\(arrayJob)", scripts.merge.path])
            print("merge job \(mergeJob): after \(arrayJob) succeeds, \(scripts.merge.path)")
        } catch let error as ExitCode {
            throw error
        } catch {
            throw fail(error)
        }
    }

    /// The validated batch description, with every path made absolute, and the study.
    func makeBatch() throws -> (SlurmBatch, any Study) {
        guard let tasks else { throw CommandMessage("--tasks N is required (the number of array tasks)") }
        guard let count = Int(tasks) else {
            throw ParameterError(path: "--tasks", value: tasks, allowed: "an integer ≥ 1 (the number of array tasks)")
        }
        var cpus: Int?
        if let cpusPerTask {
            guard let value = Int(cpusPerTask) else {
                throw ParameterError(path: "--cpus-per-task", value: cpusPerTask, allowed: "an integer ≥ 1")
            }
            cpus = value
        }
        let chosen = try ToolContext.current.catalogue().study(study)
        let identifier = try chosen.validatedIdentifier()
        let points = try StudyRunner(options: RunOptions(cacheDirectory: nil, studySources: ToolContext.current.studySources)).plan(chosen).points.count
        guard (1...points).contains(count) else {
            throw ParameterError(path: "--tasks", value: tasks,
                allowed: "an integer in [1, \(points)] (one shard per task; study \(identifier) has \(points) sweep points)")
        }
        let resources = try SlurmBatch.Resources(
            partition: partition, timeLimit: time, cpusPerTask: cpus, extraDirectives: sbatchLines)
        guard let folder = project.templatesURL else {
            throw CommandMessage("--templates: the project has no templates/ folder; the merge job needs one (pass --templates DIR)")
        }
        let templates = SlurmCommand.absolute(folder.path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: templates, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CommandMessage("--templates: \(templates) is not a folder (run from the package folder or pass --templates)")
        }
        let executable = try binary.map(SlurmCommand.absolute) ?? SlurmCommand.runningExecutable()
        guard FileManager.default.isExecutableFile(atPath: executable) else {
            throw CommandMessage("--binary: \(executable) is not an executable file")
        }
        let cache: SlurmBatch.CachePlacement
        if cacheOptions.noCache {
            cache = .disabled
        } else if let shared = cacheOptions.cache {
            cache = .shared(SlurmCommand.absolute(shared))
        } else {
            cache = .perShard
        }
        let batch = try SlurmBatch(
            study: identifier, tasks: count, resources: resources, binary: executable,
            workingDirectory: SlurmCommand.absolute("."), shardDirectory: SlurmCommand.absolute(shardDirectory),
            scriptDirectory: SlurmCommand.absolute(scriptDirectory), outputDirectory: SlurmCommand.absolute(project.output),
            templatesDirectory: templates, paper: try SlurmCommand.paperName(project.paper), cache: cache)
        return (batch, chosen)
    }

    /// `path` made absolute against the current folder, with `.` and `..` resolved.
    static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path, isDirectory: true).standardizedFileURL.path
    }

    /// The normalised paper name `interlink merge --paper` takes.
    static func paperName(_ text: String) throws -> String {
        switch text.lowercased() {
        case "a4": return "a4"
        case "us-letter", "letter", "usletter": return "us-letter"
        default: throw ParameterError(path: "--paper", value: text, allowed: "a4 or us-letter")
        }
    }

    /// The absolute path of the running `interlink` (what the jobs run unless `--binary` is given).
    static func runningExecutable() throws -> String {
        if let linked = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return linked
        }
        if let path = Bundle.main.executableURL?.resolvingSymlinksInPath().path, path.hasPrefix("/") {
            return path
        }
        throw CommandMessage("cannot find the path of this executable; pass --binary PATH")
    }

    /// Refuses when the shard folder holds shard files of this study for another task count:
    /// `interlink merge` combines every shard file of the study, so they would not merge.
    static func refuseForeignShards(of batch: SlurmBatch) throws {
        let folder = URL(fileURLWithPath: batch.shardDirectory, isDirectory: true)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        let prefix = batch.study.rawValue + ".shard-"
        let suffix = "-of-\(batch.tasks).json"
        let foreign = names.filter { $0.hasPrefix(prefix) && !$0.hasSuffix(suffix) }.sorted()
        if let first = foreign.first {
            throw CommandMessage(
                "\(batch.shardDirectory) holds \(foreign.count) shard file(s) of \(batch.study) for another task count "
                    + "(\(first)); remove them or choose another --shard-directory")
        }
    }

    /// Finds shard files of this batch that exist but would not merge (made by other code or
    /// sweep, or recording failed points). Array tasks skip every existing shard file, so before a
    /// submission (`remove`) these are deleted and their tasks compute them again; otherwise each
    /// is reported on stderr.
    static func handleStaleShards(of batch: SlurmBatch, study: any Study, remove: Bool) throws {
        let runner = StudyRunner(options: RunOptions(cacheDirectory: nil, reporter: TerminalReporter(progressBar: false), studySources: ToolContext.current.studySources))
        let folder = URL(fileURLWithPath: batch.shardDirectory, isDirectory: true)
        let existing = try (1...batch.tasks).map { index in
            folder.appendingPathComponent(try Shard(index: index, count: batch.tasks).fileName(study: batch.study))
        }.filter { FileManager.default.fileExists(atPath: $0.path) }
        guard !existing.isEmpty else { return }
        for (file, reason) in try runner.staleShardReasons(study, files: existing) {
            if remove {
                do { try FileManager.default.removeItem(at: file) } catch {
                    throw CommandMessage("cannot remove the stale shard \(file.path): \(CommandText.describe(error))")
                }
                note("removed stale shard \(file.path) (\(reason)); its task computes it again")
            } else {
                note("stale shard \(file.path): \(reason); --submit removes it so that its task computes it again")
            }
        }
    }

    /// Writes both scripts (atomically, mode 0755) into the script folder and creates the shard folder.
    static func write(_ batch: SlurmBatch) throws -> (shards: URL, merge: URL) {
        let folder = URL(fileURLWithPath: batch.scriptDirectory, isDirectory: true)
        let shards = folder.appendingPathComponent(batch.shardScriptName)
        let merge = folder.appendingPathComponent(batch.mergeScriptName)
        for (url, text) in [(shards, batch.shardScript), (merge, batch.mergeScript)] {
            try AtomicFile.write(text, to: url)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        }
        try FileManager.default.createDirectory(
            at: URL(fileURLWithPath: batch.shardDirectory, isDirectory: true), withIntermediateDirectories: true)
        return (shards, merge)
    }

    /// The absolute path of `name` found on `PATH`.
    static func findExecutable(_ name: String) throws -> URL {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for folder in path.split(separator: ":") where !folder.isEmpty {
            let candidate = URL(fileURLWithPath: String(folder), isDirectory: true).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw CommandMessage("\(name) not found on PATH (is Slurm installed here?); without --submit the scripts are only written")
    }

    /// Runs `sbatch` with `arguments` and returns the job id it prints (`--parsable`: `id[;cluster]`).
    static func submit(_ sbatch: URL, arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = sbatch
        process.arguments = arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch {
            throw CommandMessage("cannot start \(sbatch.path): \(CommandText.describe(error))")
        }
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let complaint = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let command = ([sbatch.path] + arguments).joined(separator: " ")
        guard process.terminationStatus == 0 else {
            let reason = complaint.split(whereSeparator: \.isNewline).joined(separator: " ")
            throw CommandMessage("\(command) failed with status \(process.terminationStatus): \(reason)")
        }
        let firstLine = printed.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        let id = firstLine.split(separator: ";").first.map(String.init) ?? ""
        guard !id.isEmpty, id.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw CommandMessage("\(command) printed no job id (\(printed.debugDescription))")
        }
        return id
    }
}
