/// Errors of the partitioning layer: invalid input (naming the field) or a failure reported by METIS.
public enum PartitionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A numeric parameter lies outside its allowed range.
    case outOfRange(parameter: String, value: Double, allowed: String)
    /// A structural parameter (placement, capacity, cost matrix shape) is invalid.
    case invalid(parameter: String, reason: String)
    /// A METIS function returned a status other than `METIS_OK`.
    case metis(function: String, status: METIS.Status)

    /// A human-readable description naming the field or the METIS function and status.
    public var description: String {
        switch self {
        case let .outOfRange(parameter, value, allowed):
            return "\(parameter) = \(value) is outside the allowed range \(allowed)"
        case let .invalid(parameter, reason):
            return "\(parameter): \(reason)"
        case let .metis(function, status):
            return "\(function) failed: \(status)"
        }
    }
}
