/// A result computed from the whole result table: a fit, a root (break-even point), an optimum.
/// Its metrics go to `data/derived.csv` and the report.
public struct Derivation: Sendable {
    /// What is derived (`attenuation fit`); prefixes the error message if the closure throws.
    public let name: String
    /// Computes named values with their uncertainty from the table.
    public let compute: @Sendable (ResultTable) throws -> [Metric]

    /// Creates a derivation.
    public init(_ name: String, _ compute: @escaping @Sendable (ResultTable) throws -> [Metric]) {
        self.name = name
        self.compute = compute
    }
}

/// The values one derivation produced.
public struct DerivedResult: Sendable, Hashable {
    /// The derivation's name.
    public let derivation: String
    /// Its values.
    public let metrics: [Metric]
}
