import InterlinkPlot
import InterlinkStats

extension ToolchainVersions {
    /// Versions of the C libraries, read from the libraries at run time through their wrapping
    /// modules: `gsl` (InterlinkStats' `GSL.version`), `cairo` and `pango` (InterlinkPlot's
    /// `LibraryVersions`).
    public static var libraries: [String: String] {
        ["gsl": GSL.version, "cairo": LibraryVersions.cairo, "pango": LibraryVersions.pango]
    }
}
