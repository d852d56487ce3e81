import InterlinkCore

/// A study parameter with a distribution: a key path on the study's `Parameters` type (as in the
/// sweep DSL) and its ``ParameterUncertainty``. Parameters not declared stay exact.
///
/// ```swift
/// UncertainParameter(\.detectorEfficiency, .range(0.90, 0.98, source: "SNSPD 0.90–0.98 (Marsili 2013)"))
/// ```
public struct UncertainParameter<Parameters>: Sendable {
    /// Dotted field path (`link.armA.detector.efficiency`), the column and tornado label.
    public let field: String
    /// The distribution and its source.
    public let uncertainty: ParameterUncertainty
    let assign: @Sendable (inout Parameters, Double) throws -> Void

    /// A parameter at `keyPath` with `uncertainty`.
    public init(_ keyPath: WritableKeyPath<Parameters, Double> & Sendable, _ uncertainty: ParameterUncertainty) {
        field = FieldName.of(keyPath)
        self.uncertainty = uncertainty
        assign = { point, value in point[keyPath: keyPath] = value }
    }

    /// A parameter set by any closure (e.g. both arms' detector efficiency at once); `field` names it.
    public init(_ field: String, _ uncertainty: ParameterUncertainty,
                assign: @escaping @Sendable (inout Parameters, Double) throws -> Void) {
        self.field = field
        self.uncertainty = uncertainty
        self.assign = assign
    }

    /// Sets the parameter to its value at unit coordinate `u` (clamped to its limits).
    public func apply(_ u: Double, to point: inout Parameters) throws {
        try assign(&point, try uncertainty.value(at: u))
    }

    /// Checks the distribution; errors name the field.
    public func validate() throws {
        try uncertainty.validate(at: field)
    }
}
