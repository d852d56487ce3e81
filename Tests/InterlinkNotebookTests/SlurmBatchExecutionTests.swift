import InterlinkCluster
import Foundation
import Testing
@testable import InterlinkNotebook

/// Runs the generated scripts with bash as Slurm would (the array task id in the environment),
/// with a stand-in `interlink` that records its arguments, so the skip and failure behaviour is
/// checked without a cluster (scripts/slurm-integration-test does it on a real one).
@Suite struct SlurmBatchExecution {
    /// A temporary folder with a recording stand-in binary and the batch's scripts written out.
    struct Sandbox {
        let folder: URL
        let batch: SlurmBatch
        var calls: URL { folder.appendingPathComponent("calls.txt") }
        var shards: URL { folder.appendingPathComponent("shards") }

        init(exitStatus: Int = 0) throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("slurm-batch-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let binary = folder.appendingPathComponent("interlink")
            // Records one line of arguments per call, then exits with the given status.
            try AtomicFile.write("#!/bin/bash\necho \"$*\" >> '\(folder.path)/calls.txt'\nexit \(exitStatus)\n", to: binary)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: binary.path)
            batch = try SlurmBatch(
                study: StudyIdentifier("toy"), tasks: 3, resources: SlurmBatch.Resources(), binary: binary.path,
                workingDirectory: folder.path, shardDirectory: folder.appendingPathComponent("shards").path,
                scriptDirectory: folder.path, outputDirectory: folder.appendingPathComponent("output").path,
                templatesDirectory: folder.appendingPathComponent("templates").path)
            try FileManager.default.createDirectory(at: shards, withIntermediateDirectories: true)
        }

        /// Runs `script` with bash and `environment`; returns the exit status and standard output.
        func run(_ script: String, environment: [String: String]) throws -> (status: Int32, output: String) {
            let file = folder.appendingPathComponent("job.sh")
            try AtomicFile.write(script, to: file)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/bash")
            process.arguments = [file.path]
            process.environment = environment.merging(["PATH": "/usr/bin:/bin"]) { first, _ in first }
            let output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return (process.terminationStatus, String(decoding: data, as: UTF8.self))
        }

        func recordedCalls() -> [String] {
            guard let text = try? String(contentsOf: calls, encoding: .utf8) else { return [] }
            return text.split(separator: "\n").map(String.init)
        }
    }

    @Test func taskIRunsShardIPlusOne() throws {
        let sandbox = try Sandbox()
        defer { try? FileManager.default.removeItem(at: sandbox.folder) }
        let result = try sandbox.run(sandbox.batch.shardScript, environment: ["SLURM_ARRAY_TASK_ID": "1"])
        #expect(result.status == 0)
        let shards = sandbox.shards.path
        #expect(sandbox.recordedCalls() == [
            "run toy --shard 2/3 --shard-directory \(shards) --jobs 1 --cache \(shards)/cache/toy.shard-2-of-3",
        ])
    }

    @Test func jobsFollowTheAllocatedCPUs() throws {
        let sandbox = try Sandbox()
        defer { try? FileManager.default.removeItem(at: sandbox.folder) }
        _ = try sandbox.run(sandbox.batch.shardScript, environment: ["SLURM_ARRAY_TASK_ID": "2", "SLURM_CPUS_PER_TASK": "6"])
        let call = try #require(sandbox.recordedCalls().first)
        #expect(call.contains("--shard 3/3 "))
        #expect(call.contains("--jobs 6 "))
    }

    @Test func aFinishedShardIsSkipped() throws {
        let sandbox = try Sandbox()
        defer { try? FileManager.default.removeItem(at: sandbox.folder) }
        try AtomicFile.write("{}\n", to: sandbox.shards.appendingPathComponent("toy.shard-1-of-3.json"))
        let skipped = try sandbox.run(sandbox.batch.shardScript, environment: ["SLURM_ARRAY_TASK_ID": "0"])
        #expect(skipped.status == 0)
        #expect(skipped.output.contains("shard 1/3 is already complete"))
        #expect(sandbox.recordedCalls().isEmpty)
        // The other shards still run.
        _ = try sandbox.run(sandbox.batch.shardScript, environment: ["SLURM_ARRAY_TASK_ID": "1"])
        #expect(sandbox.recordedCalls().count == 1)
    }

    @Test func aHalfWrittenTemporaryFileDoesNotCountAsFinished() throws {
        let sandbox = try Sandbox()
        defer { try? FileManager.default.removeItem(at: sandbox.folder) }
        // What AtomicFile leaves behind when killed before its rename.
        try AtomicFile.write("{\"format\":", to: sandbox.shards.appendingPathComponent(".toy.shard-1-of-3.json.tmp-42-7"))
        _ = try sandbox.run(sandbox.batch.shardScript, environment: ["SLURM_ARRAY_TASK_ID": "0"])
        #expect(sandbox.recordedCalls().count == 1)
    }

    @Test func aFailingShardFailsTheTask() throws {
        let sandbox = try Sandbox(exitStatus: 3)
        defer { try? FileManager.default.removeItem(at: sandbox.folder) }
        let result = try sandbox.run(sandbox.batch.shardScript, environment: ["SLURM_ARRAY_TASK_ID": "0"])
        #expect(result.status == 3)
    }

    @Test func outsideAnArrayTheScriptRefuses() throws {
        let sandbox = try Sandbox()
        defer { try? FileManager.default.removeItem(at: sandbox.folder) }
        let result = try sandbox.run(sandbox.batch.shardScript, environment: [:])
        #expect(result.status == 2)
        #expect(sandbox.recordedCalls().isEmpty)
    }

    @Test func mergeScriptRunsMerge() throws {
        let sandbox = try Sandbox()
        defer { try? FileManager.default.removeItem(at: sandbox.folder) }
        let result = try sandbox.run(sandbox.batch.mergeScript, environment: [:])
        #expect(result.status == 0)
        let folder = sandbox.folder.path
        #expect(sandbox.recordedCalls() == [
            "merge toy --shard-directory \(folder)/shards --output \(folder)/output --templates \(folder)/templates --paper a4",
        ])
    }
}
