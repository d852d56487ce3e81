/// A named device preset as a report lists it: its name, whether it is demonstrated or projected,
/// and one line saying on what that rests.
///
/// Lives in the core module so that the notebook and report layers (which do not import the physics
/// module) can carry a study's presets; the physics module's `PresetName` conforms.
public protocol PresetDescribing: Sendable {
    /// The preset's name as documents spell it (`ion.sr88.422`).
    var presetName: String { get }
    /// `demonstrated` (calibrated to a cited experiment) or `projected` (assumes more than any
    /// demonstration).
    var statusLabel: String { get }
    /// One line: the calibrating experiment and how the preset reproduces it, or what the projection
    /// assumes beyond any demonstration.
    var statusSummary: String { get }
}
