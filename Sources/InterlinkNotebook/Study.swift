import InterlinkCore

/// A study: the unit a researcher writes, one file (or a few) in `studies/` or their own package.
///
/// Declare the parameter type, the base value, the sweep, the engine, and optionally derived
/// results, tables, figures and a report template; the runner does the rest (validation, seeds,
/// parallel evaluation, cache, outputs, provenance). Only the first seven members are required.
public protocol Study: Sendable {
    /// The parameters of one sweep point; its JSON encoding (sorted keys) identifies the point.
    associatedtype Parameters: Codable & Sendable

    /// File-safe identifier (`link-budget`): lowercase letters, digits and single '-';
    /// validated by `StudyIdentifier` before anything runs.
    var identifier: String { get }
    /// Title of the report.
    var title: String { get }
    /// One- or two-sentence summary (the catalogue line and the report's opening).
    var summary: String { get }
    /// Version of the study's meaning; part of every point key. Bump it when results should be
    /// recomputed for a reason no source file shows (the code fingerprint covers source edits).
    var version: Int { get }
    /// Parameters every sweep point starts from.
    var base: Parameters { get }
    /// The points to compute.
    var sweep: Sweep<Parameters> { get }
    /// How one point is computed.
    var engine: Engine<Parameters> { get }

    /// Root of every point's random stream. Default 1.
    var rootSeed: UInt64 { get }
    /// Validation rules checked on every point before any computation. Default none.
    var rules: [ParameterRule<Parameters>] { get }
    /// Validates one point; the default checks `rules`. Override to call validating
    /// constructors of the physics types; throw `ParameterError` to name the field.
    func validate(_ parameters: Parameters) throws
    /// Units of parameter columns, keyed by dotted field path (`["lengthKm": "km"]`). Default none.
    var parameterUnits: [String: String] { get }
    /// Results computed from the whole table (fits, roots, optima). Default none.
    var derived: [Derivation] { get }
    /// Tables written as `data/<name>.csv`. Default none (the full table is always written).
    var tables: [TableSpec] { get }
    /// Figures drawn from the table. Default none.
    var figures: [FigureSpec] { get }
    /// Name of a report template in `templates/`, or `nil` for the default template.
    var reportTemplate: String? { get }
    /// The study's main finding in one line, as a Mustache template over the report context
    /// (e.g. `"Converted photons still give 1 pair/s at {{values.distance_1550}}."`); shown in
    /// `output/index.md`. Default `nil`: the index shows the summary.
    var finding: String? { get }
    /// Path of the study's source file, for the code fingerprint; write
    /// `var sourceFile: String? { #filePath }`. Default `nil`: every file of the study's package
    /// is fingerprinted instead (safe, but an edit to any study then invalidates all of them).
    var sourceFile: String? { get }
    /// Every source file the study consists of, for the code fingerprint (editing any of them
    /// invalidates the study's cached points). A study spread over several files lists each one's
    /// `#filePath` (e.g. a `static let source = #filePath` in every extension file). Default:
    /// `[sourceFile]`, or empty (the whole study package) when `sourceFile` is `nil`.
    var sourceFiles: [String] { get }
    /// The device presets the study's configurations are built from (the physics module's
    /// `PresetName` values, e.g. `[PresetName.strontium422, PresetName.rubidium780]`). The report lists
    /// each with its status (demonstrated or projected, `partials/presets`), and the studies' tests
    /// check that every listed demonstrated preset reproduces its calibrating experiment and that every
    /// preset the study's source names is listed. Default none.
    var presets: [any PresetDescribing] { get }
}

extension Study {
    /// Default root seed: 1.
    public var rootSeed: UInt64 { 1 }
    /// Default: no rules.
    public var rules: [ParameterRule<Parameters>] { [] }
    /// Default: checks every rule in `rules`.
    public func validate(_ parameters: Parameters) throws {
        for rule in rules { try rule.validate(parameters) }
    }
    /// Default: no parameter units.
    public var parameterUnits: [String: String] { [:] }
    /// Default: no derived results.
    public var derived: [Derivation] { [] }
    /// Default: no extra tables.
    public var tables: [TableSpec] { [] }
    /// Default: no figures.
    public var figures: [FigureSpec] { [] }
    /// Default: the default report template.
    public var reportTemplate: String? { nil }
    /// Default: no finding line (the index shows the summary).
    public var finding: String? { nil }
    /// Default: fingerprint every file of the study's package.
    public var sourceFile: String? { nil }
    /// Default: `sourceFile` alone.
    public var sourceFiles: [String] { sourceFile.map { [$0] } ?? [] }
    /// Default: no presets.
    public var presets: [any PresetDescribing] { [] }

    /// The validated identifier.
    public func validatedIdentifier() throws -> StudyIdentifier {
        try StudyIdentifier(identifier)
    }
}
