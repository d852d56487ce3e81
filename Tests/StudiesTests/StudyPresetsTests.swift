import Foundation
import Interlink
import Testing
@testable import Studies

/// Every study lists the presets it uses (`Study.presets`); every listed demonstrated preset passes its
/// calibration check (the same `CalibrationExperiment.check()` the validation study shows), and every
/// preset a study looks up — by name in its source files, or through the link-budget configurations it
/// borrows — is listed.
@Suite("study presets")
struct StudyPresetsTests {
    /// The `studies/` folder.
    static let studiesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("studies")

    /// The listed presets of `study` as typed handles (every entry must be a `PresetName`).
    static func listed(_ study: any Study) throws -> [PresetName] {
        try study.presets.map { entry in
            try #require(entry as? PresetName, "\(study.identifier) lists \(entry.presetName), which is not a PresetName")
        }
    }

    /// The presets named in `text` (comments removed): quoted names and typed handles.
    static func named(in text: String) -> Set<PresetName> {
        let code = text.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("//") }
            .joined(separator: "\n")
        var found = Set<PresetName>()
        for preset in PresetName.allCases {
            let handle = String(describing: preset)
            // A handle must end at a word boundary (`calcium854Cavity` is not `calcium854CavityProjected`).
            let pattern = #"(ModalityPreset\.arm\(\.|ModalityPreset\.|PresetName\.)"# + handle + #"\b"#
            if code.contains("\"\(preset.rawValue)\"") || code.range(of: pattern, options: .regularExpression) != nil {
                found.insert(preset)
            }
        }
        return found
    }

    /// The text of the study's own files: `Stem.swift` and `Stem+*.swift`.
    static func sourceText(of study: any Study) throws -> String {
        let file = URL(fileURLWithPath: try #require(study.sourceFile, "\(study.identifier) has no sourceFile"))
        let stem = file.deletingPathExtension().lastPathComponent
        let names = try FileManager.default.contentsOfDirectory(atPath: studiesFolder.path)
            .filter { $0 == "\(stem).swift" || ($0.hasPrefix("\(stem)+") && $0.hasSuffix(".swift")) }
        #expect(!names.isEmpty)
        return try names.sorted().map { try String(contentsOf: studiesFolder.appendingPathComponent($0), encoding: .utf8) }
            .joined(separator: "\n")
    }

    @Test("every catalogue study lists presets, and each listed demonstrated preset reproduces its experiment")
    func calibrated() throws {
        for study in try Catalogue.studies().studies {
            let presets = try Self.listed(study)
            #expect(!presets.isEmpty, "\(study.identifier) lists no presets")
            #expect(Set(presets).count == presets.count, "\(study.identifier) lists a preset twice")
            for preset in presets where preset.status.isDemonstrated {
                let calibration = try #require(preset.calibration, "\(preset.rawValue) is demonstrated without an experiment")
                for check in try calibration.check() {
                    #expect(check.passes, "\(study.identifier) uses \(preset.rawValue), whose calibration fails: \(check.summary)")
                }
            }
        }
    }

    @Test("the check can fail: the projected Ca+ and Rb arms do not reproduce the demonstrated presets' experiments")
    func checkCanFail() throws {
        let ca = try CalibrationExperiment.krutyanskiy2023.check(arm: ModalityPreset.arm(.calcium854CavityProjected))
        #expect(ca.contains { !$0.passes })
        let rb = try CalibrationExperiment.vanLeent2022.check(arm: ModalityPreset.arm(.rubidium780Projected))
        #expect(rb.contains { !$0.passes })
    }

    @Test("every preset a study names in its source files is listed")
    func namedAreListed() throws {
        for study in try Catalogue.studies().studies {
            let named = Self.named(in: try Self.sourceText(of: study))
            let missing = named.subtracting(try Self.listed(study)).map(\.rawValue).sorted()
            #expect(missing.isEmpty, "\(study.identifier) uses \(missing) without listing them in `presets`")
        }
        // The scan itself: a quoted name, a handle and a static accessor are found; a comment is not.
        let sample = "let a = ModalityPreset.arm(.strontium422)\n// \"atom.rb87.780\"\nlet b = \"ion.ca40.854.cavity\""
            + "\nlet c = ModalityPreset.siliconVacancy1350\nlet d = PresetName.rubidium780Projected"
        #expect(Self.named(in: sample) == [.strontium422, .calcium854Cavity, .siliconVacancy1350, .rubidium780Projected])
    }

    /// The presets (from the arms' provenance) of a link-budget route's configuration.
    static func presets(of route: LinkBudgetStudy.Route) throws -> Set<PresetName> {
        let p = LinkBudgetStudy.Parameters()
        let arms: [ArmConfiguration]
        if let c = try LinkBudgetStudy.linkConfiguration(route, p, lengthKm: 10) {
            arms = [c.armA, c.armB]
        } else {
            let r = try LinkBudgetStudy.relayConfiguration(p, lengthKm: 10)
            arms = [r.linkA.armA, r.linkA.armB, r.linkB.armA, r.linkB.armB]
        }
        return Set(try arms.map { arm in
            let name = try #require(arm.provenance?.preset, "route \(route) has an arm without provenance")
            return try PresetName(validating: name)
        })
    }

    @Test("studies that borrow the link-budget configurations list the presets those configurations use")
    func borrowedAreListed() throws {
        let linkBudget = Set(try Self.listed(LinkBudgetStudy()))
        let validation = Set(try Self.listed(ValidationStudy()))
        let purification = Set(try Self.listed(PurificationStudy()))
        for route in LinkBudgetStudy.Route.allCases {
            let used = try Self.presets(of: route)
            #expect(used.isSubset(of: linkBudget), "link-budget route \(route) uses \(used.subtracting(linkBudget))")
            // Validation's Monte Carlo draws every direct route and the relay (its repeaters).
            #expect(used.isSubset(of: validation), "validation draws route \(route): \(used.subtracting(validation))")
        }
        for link in PurificationStudy.Link.allCases {
            let used = try Self.presets(of: link.route)
            #expect(used.isSubset(of: purification), "purification link \(link) uses \(used.subtracting(purification))")
        }
    }
}
