import Foundation
import InterlinkPlot

/// A figure a study publishes: drawn from the result table (and, when it needs them, the derived
/// results), written as `figures/<fileName>.pdf` and `.svg`, and shown in the report with its caption.
public struct FigureSpec: Sendable {
    /// File name without extension (file-safe like a study identifier).
    public let fileName: String
    /// Caption shown under the figure in the report.
    public let caption: String
    /// Draws the figure from the study's results.
    public let draw: @Sendable (StudyResults) throws -> Figure

    /// A figure drawn from the result table alone.
    public init(_ fileName: String, caption: String, _ draw: @escaping @Sendable (ResultTable) throws -> Figure) {
        self.init(fileName, caption: caption, results: { try draw($0.table) })
    }

    /// A figure drawn from the result table and the derived results (a fitted line, a root, an
    /// optimum marked on the curve, without solving it again).
    @_disfavoredOverload
    public init(_ fileName: String, caption: String, results draw: @escaping @Sendable (StudyResults) throws -> Figure) {
        self.fileName = fileName
        self.caption = caption
        self.draw = draw
    }
}

/// A drawn figure ready to publish.
public struct PublishedFigure: Sendable {
    /// File name without extension.
    public let fileName: String
    /// Caption.
    public let caption: String
    /// The figure value (the report draws it again into its own PDF, as vectors).
    public let figure: Figure

    /// The formats written to `figures/`.
    public static let formats: [OutputFormat] = [.pdf, .svg]

    /// The figure rendered in every published format, as (file extension, bytes).
    public func rendered() throws -> [(String, Data)] {
        try PublishedFigure.formats.map { format in (format.fileExtension, Data(try figure.render(format))) }
    }
}
