/// A failure reported by METIS (invalid input is the one `ParameterError` of InterlinkCore, naming
/// the field).
public enum PartitionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A METIS function returned a status other than `METIS_OK`.
    case metis(function: String, status: METIS.Status)

    /// A human-readable description naming the METIS function and status.
    public var description: String {
        switch self {
        case let .metis(function, status):
            return "\(function) failed: \(status)"
        }
    }
}
