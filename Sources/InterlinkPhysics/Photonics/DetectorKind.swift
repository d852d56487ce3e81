import InterlinkCore
import Foundation

/// How a station detector responds to photons.
///
/// - `numberResolving` (PNR): the detector reports the number of counts in its window, photons plus
///   noise (a dark or noise click adds one count). A herald demands exactly the counts of the pattern,
///   so two photons in one detector, or a photon plus a noise click, are rejected.
/// - `threshold` (click / no click, e.g. a plain SNSPD or APD): any number ≥ 1 of photons or noise
///   clicks gives one click, so two photons bunched into one detector look like one.
///
/// JSON: `"numberResolving"` or `"threshold"` in `detector.kind`; an absent kind means
/// `numberResolving`, which is the behaviour of versions without this field.
public enum DetectorKind: String, Codable, Sendable, Equatable, CaseIterable {
    /// Photon-number-resolving detection (default).
    case numberResolving
    /// Threshold (click / no-click) detection.
    case threshold
}
