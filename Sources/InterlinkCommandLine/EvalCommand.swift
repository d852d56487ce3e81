import ArgumentParser
import Foundation
import Interlink

/// `interlink eval`: evaluate one link or two-link repeater configuration (JSON) in closed form.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Evaluate a link, repeater or architecture-and-circuit document (JSON) and print its results as JSON.",
        discussion: """
            Reads CONFIG (a file, or - for standard input). Prints success probability, attempt \
            period, rate, fidelity, the Bell-diagonal state, the repeaterless bounds and each arm's \
            efficiency and visibility. An invalid configuration exits with status 2 and one line \
            naming the field. `interlink eval --example` prints a complete example. A document \
            {"architecture": …, "circuit": …, "execution": …} runs the circuit on the machine by \
            event-driven Monte Carlo (makespan, pairs, fidelity, utilisation, bottleneck); \
            `interlink eval --architecture-example` prints one.
            """)

    @Argument(help: "Configuration file, or - for standard input.")
    var config: String?

    @Flag(name: .long, help: "Print a complete example link configuration.")
    var example = false

    @Flag(name: .long, help: "Print a complete example two-link repeater configuration.")
    var repeaterExample = false

    @Option(name: .long, help: "Print the named example: link, repeater, microwaveLink, nodePhoton, senderReceiver, architecture.")
    var exampleOf: String?

    @Flag(name: .long, help: "Print a complete example architecture-and-circuit document.")
    var architectureExample = false

    func run() throws {
        if let name = exampleOf {
            guard let data = Evaluation.examples.first(where: { $0.name == name })?.json else {
                let names = Evaluation.examples.map(\.name).joined(separator: ", ")
                throw fail(ValidationError("--example-of: unknown example \(CommandEcho.quoted(name)) (one of \(names))"))
            }
            FileHandle.standardOutput.write(data)
            return
        }
        if example || repeaterExample || architectureExample {
            let data = example ? Evaluation.exampleJSON
                : repeaterExample ? Evaluation.repeaterExampleJSON : Evaluation.architectureExampleJSON
            FileHandle.standardOutput.write(data)
            if data.last != UInt8(ascii: "\n") { print() }
            return
        }
        guard let config else {
            throw fail(ValidationError("eval needs a configuration file, - for standard input, or --example"))
        }
        let input: Data
        do {
            input = try EvalCommand.readBounded(config == "-" ? FileHandle.standardInput : FileHandle(forReadingFrom: URL(fileURLWithPath: config)))
        } catch let error as CommandMessage {
            throw fail(CommandMessage("\(config == "-" ? "standard input" : CommandEcho.truncated(config)): \(error.description)"))
        } catch {
            throw fail(CommandMessage("cannot read \(CommandEcho.truncated(config)): \(CommandText.describe(error))"))
        }
        let output: Data
        do {
            output = try Evaluation.evaluate(json: input)
        } catch {
            throw fail(error)
        }
        FileHandle.standardOutput.write(output)
        if output.last != UInt8(ascii: "\n") { print() }
    }

    /// Reads at most `JSONInputCheck.defaultMaximumBytes` (1 MiB) from `handle`; stops reading and
    /// throws as soon as the input is longer, so an endless stream cannot exhaust memory.
    static func readBounded(_ handle: FileHandle) throws -> Data {
        let limit = JSONInputCheck.defaultMaximumBytes
        var data = Data()
        while true {
            guard let chunk = try handle.read(upToCount: 65_536), !chunk.isEmpty else { return data }
            data.append(chunk)
            if data.count > limit {
                throw CommandMessage("the document is larger than the limit of \(limit) bytes (1 MiB)")
            }
        }
    }
}
