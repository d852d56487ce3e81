import ArgumentParser
import Foundation
import Interlink

/// `interlink eval`: evaluate one link or two-link repeater configuration (JSON) in closed form.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Evaluate a link or repeater configuration (JSON) and print its results as JSON.",
        discussion: """
            Reads CONFIG (a file, or - for standard input). Prints success probability, attempt \
            period, rate, fidelity, the Bell-diagonal state, the repeaterless bounds and each arm's \
            efficiency and visibility. An invalid configuration exits with status 2 and one line \
            naming the field. `interlink eval --example` prints a complete example.
            """)

    @Argument(help: "Configuration file, or - for standard input.")
    var config: String?

    @Flag(name: .long, help: "Print a complete example link configuration.")
    var example = false

    @Flag(name: .long, help: "Print a complete example two-link repeater configuration.")
    var repeaterExample = false

    func run() throws {
        if example || repeaterExample {
            let data = example ? Evaluation.exampleJSON : Evaluation.repeaterExampleJSON
            FileHandle.standardOutput.write(data)
            if data.last != UInt8(ascii: "\n") { print() }
            return
        }
        guard let config else {
            throw fail(ValidationError("eval needs a configuration file, - for standard input, or --example"))
        }
        let input: Data
        do {
            input = config == "-"
                ? FileHandle.standardInput.readDataToEndOfFile()
                : try Data(contentsOf: URL(fileURLWithPath: config))
        } catch {
            throw fail(CommandMessage("cannot read \(config): \(error.localizedDescription)"))
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
}
