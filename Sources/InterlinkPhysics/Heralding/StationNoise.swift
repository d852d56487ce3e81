import InterlinkCore
import Foundation

/// Noise-click probabilities of the two station detectors, per detector window.
///
/// Model: each detector window (one detector in one time bin, or one polarisation-resolving detector)
/// independently shows a noise click with probability d_k, k = 1, 2: a dark count of that detector
/// or a noise photon (transducer / conversion noise). Noise photons of both arms, n_A + n_B per
/// window in total, are split by the 50:50 beam splitter onto the two detectors and taken as
/// Poissonian, so d_k = 1 − (1 − p_dk)·e^(−(n_A + n_B)/2). A window with two or more noise events is
/// counted as one noise click (an O(d²) simplification, negligible when d ≪ 1; exact for dark
/// counts defined as a click probability per window).
public struct StationNoise: Codable, Sendable, Equatable {
    /// Noise-click probability per window of detector 1.
    public let detector1: Double
    /// Noise-click probability per window of detector 2.
    public let detector2: Double

    /// Noise-click probabilities of the two detectors, each clamped to [0, 1].
    public init(detector1: Double, detector2: Double) {
        self.detector1 = min(1, max(0, detector1))
        self.detector2 = min(1, max(0, detector2))
    }

    /// Both detectors with noise-click probability `d` per window.
    public static func symmetric(_ d: Double) -> StationNoise {
        StationNoise(detector1: d, detector2: d)
    }

    /// No noise at all.
    public static let none = StationNoise(detector1: 0, detector2: 0)

    /// From the detectors' dark-click probabilities per window and the mean noise photons per window
    /// of both arms together (see the type's documentation).
    public init(darkClick1: Double, darkClick2: Double, noisePhotons n: Double) {
        let e = exp(-max(0, n) / 2)
        self.init(detector1: 1 - (1 - darkClick1) * e, detector2: 1 - (1 - darkClick2) * e)
    }

    /// The symmetric station equivalent to a probability `pn` of at least one noise click over the two
    /// detectors in a window: d = 1 − √(1 − pn) (the meaning of `noiseClickProbability` in the
    /// older single-number API).
    public static func fromWindowNoiseClick(_ pn: Double) -> StationNoise {
        symmetric(1 - (1 - min(1, max(0, pn))).squareRoot())
    }

    /// Probability that neither detector shows a noise click in a window, z = (1 − d₁)(1 − d₂).
    var quiet: Double { (1 - detector1) * (1 - detector2) }

    /// Probability that exactly one of the two detectors shows a noise click in a window,
    /// q = d₁(1 − d₂) + d₂(1 − d₁).
    var exactlyOne: Double { detector1 * (1 - detector2) + detector2 * (1 - detector1) }

    /// Probability that a window holding one photon (in detector 1 or 2 with probability ½ each) shows
    /// exactly the photon's click: PNR needs both detectors free of noise, z; a threshold detector
    /// needs only the other detector quiet, ((1 − d₁) + (1 − d₂))/2.
    func singlePhotonWindow(_ kind: DetectorKind) -> Double {
        switch kind {
        case .numberResolving: return quiet
        case .threshold: return ((1 - detector1) + (1 - detector2)) / 2
        }
    }
}
