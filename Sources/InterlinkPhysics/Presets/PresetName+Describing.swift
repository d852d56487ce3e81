import InterlinkCore
import Foundation

extension PresetName: PresetDescribing {
    /// The name as documents spell it.
    public var presetName: String { rawValue }

    /// `demonstrated` or `projected`.
    public var statusLabel: String { status.label }

    /// For a demonstrated preset: the experiment, each published number against the model (with the
    /// published band and whether the number was calibrated or predicted) and the caveats; for a
    /// projected preset: what it assumes beyond any demonstration.
    public var statusSummary: String {
        switch status {
        case let .projected(assumes):
            return "assumes " + assumes.joined(separator: "; ")
        case let .demonstrated(experiment, caveats):
            var text = experiment
            if let calibration {
                do {
                    let checks = try calibration.check()
                    text += ": " + checks.map(\.summary).joined(separator: "; ")
                    if checks.contains(where: { !$0.passes }) { text += " — CALIBRATION FAILS" }
                } catch {
                    text += ": the calibration check could not be evaluated (\(error))"
                }
            }
            return caveats.isEmpty ? text : text + ". Caveats: " + caveats.joined(separator: "; ")
        }
    }
}

extension CalibrationCheck {
    /// `F 0.820 against 0.882 (+0.023 −0.060), ratio 0.930, predicted` (three significant digits); a band
    /// that is not a published uncertainty but the rounding of quoted digits (its basis names the digits)
    /// reads `(rounding band ± 0.005)`.
    public var summary: String {
        let p = target.published
        let rounding = p.basis.contains("digit") ? "rounding band " : ""
        let band = p.lowerUncertainty == p.upperUncertainty
            ? "\(rounding)± \(Self.digits(p.upperUncertainty))"
            : "+\(Self.digits(p.upperUncertainty)) −\(Self.digits(p.lowerUncertainty))"
        let name: String
        switch target.quantity {
        case .successProbability: name = "p"
        case .rate: name = "rate (1/s)"
        case .fidelity: name = "F"
        }
        return "\(name) \(Self.digits(model)) against \(Self.digits(p.value)) (\(band)), ratio \(Self.digits(ratio)), \(target.role.rawValue)"
    }

    /// Three significant digits, a power of ten written as `× 10⁻⁵` (never `1.05e-05`).
    static func digits(_ x: Double) -> String {
        let text = String(format: "%.3g", x)
        guard let e = text.firstIndex(of: "e"), let exponent = Int(text[text.index(after: e)...]) else { return text }
        return "\(text[..<e]) × 10\(Superscript.of(exponent))"
    }
}
