import InterlinkCore

/// Whether a preset is demonstrated or projected, carried as data in its `PresetProvenance`.
///
/// - `demonstrated`: the values are calibrated to a cited experiment (`CalibrationExperiment`), and
///   the preset reproduces that experiment's published numbers within their uncertainty (checked by
///   `CalibrationExperiment.check()`, by the validation study and by the tests).
/// - `projected`: no experiment has shown the device as modelled; `assumes` lists what it takes
///   beyond any demonstration.
public enum PresetStatus: Codable, Sendable, Equatable {
    /// Calibrated to `experiment` (a citation); `caveats` say which values the experiment does not
    /// test, or why the check is circular.
    case demonstrated(experiment: String, caveats: [String])
    /// Assumes each item of `assumes` beyond any demonstration.
    case projected(assumes: [String])

    /// `demonstrated` or `projected`.
    public var label: String {
        switch self {
        case .demonstrated: "demonstrated"
        case .projected: "projected"
        }
    }

    /// True for a demonstrated preset.
    public var isDemonstrated: Bool {
        if case .demonstrated = self { return true }
        return false
    }
}
