import InterlinkCore
import InterlinkCluster
import Testing
@testable import InterlinkNotebook

/// A batch with every option set, paths under /cluster/lab.
private func fullBatch(cache: SlurmBatch.CachePlacement = .perShard) throws -> SlurmBatch {
    try SlurmBatch(
        study: StudyIdentifier("link-budget"), tasks: 4,
        resources: SlurmBatch.Resources(
            partition: "short", timeLimit: "01:30:00", cpusPerTask: 2,
            extraDirectives: ["--mem=4G", "#SBATCH --account=qlab"]),
        binary: "/opt/interlink/bin/interlink", workingDirectory: "/cluster/lab/interlink",
        shardDirectory: "/cluster/lab/interlink/shards", scriptDirectory: "/cluster/lab/interlink/slurm",
        outputDirectory: "/cluster/lab/interlink/output", templatesDirectory: "/cluster/lab/interlink/templates",
        paper: "a4", cache: cache)
}

@Suite struct SlurmBatchScriptText {
    @Test func shardScriptIsTheExpectedArrayScript() throws {
        let expected = """
            #!/bin/bash
            # Interlink: study link-budget as a Slurm job array of 4 shard(s), written by `interlink slurm`.
            # Array task i (0-based) computes shard i+1 of 4 into the shard folder. A shard whose file
            # exists is complete (shard files are renamed into place only when every point succeeded), so
            # the task skips it: resubmitting this script reruns only the shards that did not finish.
            #SBATCH --job-name=interlink-link-budget-shards
            #SBATCH --array=0-3
            #SBATCH --output=/cluster/lab/interlink/slurm/link-budget.shards-%A_%a.out
            #SBATCH --chdir=/cluster/lab/interlink
            #SBATCH --partition=short
            #SBATCH --time=01:30:00
            #SBATCH --cpus-per-task=2
            #SBATCH --mem=4G
            #SBATCH --account=qlab
            set -euo pipefail
            cd '/cluster/lab/interlink'
            if [ -z "${SLURM_ARRAY_TASK_ID:-}" ]; then
              echo 'interlink: submit this script as a job array: sbatch /cluster/lab/interlink/slurm/link-budget.shards.sbatch' >&2
              exit 2
            fi
            shard=$((SLURM_ARRAY_TASK_ID + 1))
            file='/cluster/lab/interlink/shards'/"link-budget.shard-${shard}-of-4.json"
            if [ -s "$file" ]; then
              echo "link-budget: shard ${shard}/4 is already complete ($file); skipped"
              exit 0
            fi
            exec '/opt/interlink/bin/interlink' run link-budget --shard "${shard}/4" --shard-directory '/cluster/lab/interlink/shards' --jobs "${SLURM_CPUS_PER_TASK:-1}" --cache '/cluster/lab/interlink/shards'/"cache/link-budget.shard-${shard}-of-4"

            """
        #expect(try fullBatch().shardScript == expected)
    }

    @Test func mergeScriptRunsMergeWithTheReportOptions() throws {
        let expected = """
            #!/bin/bash
            # Interlink: merge the 4 shard(s) of study link-budget and write its report, written by `interlink slurm`.
            # Submit with --dependency=afterok:<array job id> so that it starts once every shard task succeeded.
            #SBATCH --job-name=interlink-link-budget-merge
            #SBATCH --output=/cluster/lab/interlink/slurm/link-budget.merge-%j.out
            #SBATCH --chdir=/cluster/lab/interlink
            #SBATCH --kill-on-invalid-dep=yes
            #SBATCH --partition=short
            #SBATCH --time=01:30:00
            #SBATCH --mem=4G
            #SBATCH --account=qlab
            set -euo pipefail
            cd '/cluster/lab/interlink'
            exec '/opt/interlink/bin/interlink' merge link-budget --shard-directory '/cluster/lab/interlink/shards' --output '/cluster/lab/interlink/output' --templates '/cluster/lab/interlink/templates' --paper a4

            """
        #expect(try fullBatch().mergeScript == expected)
    }

    @Test func minimalBatchHasNoResourceLines() throws {
        let batch = try SlurmBatch(
            study: StudyIdentifier("toy"), tasks: 1, resources: SlurmBatch.Resources(), binary: "/b/interlink",
            workingDirectory: "/w", shardDirectory: "/w/shards", scriptDirectory: "/w/slurm",
            outputDirectory: "/w/output", templatesDirectory: "/w/templates")
        #expect(batch.arrayRange == "0-0")
        #expect(batch.shardScript.contains("#SBATCH --array=0-0\n"))
        for text in [batch.shardScript, batch.mergeScript] {
            #expect(!text.contains("--partition"))
            #expect(!text.contains("--time"))
            #expect(!text.contains("--cpus-per-task"))
        }
        #expect(batch.shardScriptName == "toy.shards.sbatch")
        #expect(batch.mergeScriptName == "toy.merge.sbatch")
    }

    @Test func cachePlacementSelectsTheRunOption() throws {
        let shared = try fullBatch(cache: .shared("/scratch/cache")).shardScript
        #expect(shared.hasSuffix("--jobs \"${SLURM_CPUS_PER_TASK:-1}\" --cache '/scratch/cache'\n"))
        let none = try fullBatch(cache: .disabled).shardScript
        #expect(none.hasSuffix("--jobs \"${SLURM_CPUS_PER_TASK:-1}\" --no-cache\n"))
    }

    @Test func sameOptionsGiveTheSameBytes() throws {
        #expect(try fullBatch().shardScript == fullBatch().shardScript)
        #expect(try fullBatch().mergeScript == fullBatch().mergeScript)
    }

    @Test func pathsAreShellQuoted() throws {
        let batch = try SlurmBatch(
            study: StudyIdentifier("toy"), tasks: 2, resources: SlurmBatch.Resources(),
            binary: "/home/o'neil/my bin/interlink", workingDirectory: "/w", shardDirectory: "/w/my shards",
            scriptDirectory: "/w/slurm", outputDirectory: "/w/out", templatesDirectory: "/w/templates")
        #expect(batch.shardScript.contains("exec '/home/o'\\''neil/my bin/interlink' run toy"))
        #expect(batch.shardScript.contains("file='/w/my shards'/\"toy.shard-${shard}-of-2.json\""))
        #expect(SlurmBatch.shellQuoted("a'b") == "'a'\\''b'")
        #expect(SlurmBatch.shellQuoted("") == "''")
    }
}

@Suite struct SlurmBatchValidation {
    private func batch(tasks: Int = 2, working: String = "/w", scripts: String = "/w/slurm", binary: String = "/b/interlink") throws -> SlurmBatch {
        try SlurmBatch(
            study: StudyIdentifier("toy"), tasks: tasks, resources: SlurmBatch.Resources(), binary: binary,
            workingDirectory: working, shardDirectory: "/w/shards", scriptDirectory: scripts,
            outputDirectory: "/w/output", templatesDirectory: "/w/templates")
    }

    @Test(arguments: [0, -1, -100])
    func rejectsTaskCountsBelowOne(_ tasks: Int) {
        #expect(throws: ParameterError(path: "--tasks", value: "\(tasks)", allowed: "an integer ≥ 1 (the number of array tasks)")) {
            try batch(tasks: tasks)
        }
    }

    @Test(arguments: ["1:00:00", "01:00:00", "100:00:00", "2-00:30:00", "0:59:59"])
    func acceptsTimeLimits(_ text: String) throws {
        #expect(try SlurmBatch.Resources(timeLimit: text).timeLimit == text)
    }

    @Test(arguments: ["", "60", "1:00", "01:60:00", "01:00:60", "1:0:00", "a-01:00:00", "-01:00:00", "01:00:00\n#SBATCH --x", "1:00:00:00"])
    func rejectsMalformedTimeLimits(_ text: String) {
        #expect(throws: ParameterError.self) { try SlurmBatch.Resources(timeLimit: text) }
    }

    @Test(arguments: ["", "gpu queue", "short\n#SBATCH --x", "a;b"])
    func rejectsMalformedPartitions(_ text: String) {
        #expect(throws: ParameterError.self) { try SlurmBatch.Resources(partition: text) }
    }

    @Test func acceptsPartitionLists() throws {
        #expect(try SlurmBatch.Resources(partition: "short,long").partition == "short,long")
    }

    @Test(arguments: [0, -2])
    func rejectsCPUCountsBelowOne(_ cpus: Int) {
        #expect(throws: ParameterError.self) { try SlurmBatch.Resources(cpusPerTask: cpus) }
    }

    @Test func normalisesExtraDirectives() throws {
        let resources = try SlurmBatch.Resources(extraDirectives: ["#SBATCH --mem=4G", "  --qos=long  ", "#SBATCH\t-A lab"])
        #expect(resources.extraDirectives == ["--mem=4G", "--qos=long", "-A lab"])
    }

    @Test(arguments: ["mem=4G", "", "#SBATCH", "--mem=4G\nrm -rf /", "--x\u{7}"])
    func rejectsExtraDirectivesThatAreNotOneOption(_ text: String) {
        #expect(throws: ParameterError.self) { try SlurmBatch.Resources(extraDirectives: [text]) }
    }

    @Test func rejectsRelativePaths() {
        #expect(throws: ParameterError.self) { try batch(binary: "interlink") }
        #expect(throws: ParameterError.self) { try batch(working: "work") }
    }

    @Test(arguments: ["/w/my slurm", "/w/100%", "/w/\"x\"", "/w/a\\b"])
    func rejectsScriptFoldersThatBreakSBATCHLines(_ path: String) {
        #expect(throws: ParameterError.self) { try batch(scripts: path) }
    }

    @Test func messageNamesOptionValueAndRange() {
        do {
            _ = try SlurmBatch.Resources(timeLimit: "90 minutes")
            Issue.record("accepted 90 minutes")
        } catch {
            let message = "\(error)"
            #expect(message.contains("--time"))
            #expect(message.contains("90 minutes"))
            #expect(message.contains("HH:MM:SS"))
        }
    }
}
