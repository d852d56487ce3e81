import InterlinkCore
import InterlinkNotebook

/// A Slurm batch description that cannot be turned into scripts: the option, the value given and
/// what is allowed.
public struct SlurmBatchError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The command-line option at fault, e.g. `--tasks`.
    public let option: String
    /// The value given.
    public let value: String
    /// What is allowed.
    public let allowed: String

    /// An error about `option`.
    public init(option: String, value: String, allowed: String) {
        self.option = option
        self.value = value
        self.allowed = allowed
    }

    /// `--tasks: value 0 is not allowed: <allowed>`.
    public var description: String {
        "\(option): value \(CommandEcho.quoted(value)) is not allowed: \(allowed)"
    }
}
