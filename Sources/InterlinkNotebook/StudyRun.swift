import InterlinkCore

/// Everything one run of a study produced, ready for the report and the output folder.
public struct StudyRun: Sendable {
    /// The study identifier.
    public let identifier: StudyIdentifier
    /// The study title.
    public let title: String
    /// The study summary.
    public let summary: String
    /// The study version.
    public let version: Int
    /// The study's report template name (`nil`: default).
    public let reportTemplate: String?
    /// The study's one-line finding template (`Study.finding`).
    public let finding: String?
    /// Units of parameter columns by dotted field path.
    public let parameterUnits: [String: String]
    /// The study's base parameters (what every point starts from), as JSON.
    public let baseParameters: JSONValue
    /// The result table, one row per point in sweep order.
    public let table: ResultTable
    /// The derived results, in the study's order.
    public let derived: [DerivedResult]
    /// The published tables, in the study's order.
    public let tables: [PublishedTable]
    /// The figures, in the study's order.
    public let figures: [PublishedFigure]
    /// Provenance (becomes `manifest.json`).
    public let provenance: Provenance
    /// Where the points' results came from.
    public let counts: RunCounts
    /// The presets the study uses, with their status (`Study.presets`).
    public let presets: [PresetUse]
}

/// A preset a study uses, as its report lists it.
public struct PresetUse: Sendable, Equatable {
    /// The preset's name (`ion.sr88.422`).
    public let name: String
    /// `demonstrated` or `projected`.
    public let status: String
    /// The calibrating experiment and how it is reproduced, or what the projection assumes.
    public let summary: String

    /// The row of `preset`.
    public init(_ preset: any PresetDescribing) {
        name = preset.presetName
        status = preset.statusLabel
        summary = preset.statusSummary
    }
}

/// A table ready to publish.
public struct PublishedTable: Sendable {
    /// File name without extension (`data/<fileName>.csv`).
    public let fileName: String
    /// Caption.
    public let caption: String
    /// The table.
    public let table: DataTable
}
