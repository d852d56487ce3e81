import InterlinkCore
import Foundation

/// The physical platform of a network node.
public enum Modality: String, Codable, Sendable, Equatable, CaseIterable {
    /// Trapped ion (Sr⁺, Ba⁺, Ca⁺ ...).
    case trappedIon
    /// Neutral atom (single Rb atom, Yb tweezer array ...).
    case neutralAtom
    /// Superconducting transmon; its photons leave through a microwave-to-optical transducer.
    case superconductingTransmon
    /// Diamond colour centre (SiV) used as memory or relay node.
    case diamondColorCenter
}
