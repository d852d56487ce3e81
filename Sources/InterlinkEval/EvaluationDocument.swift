import InterlinkCore
import InterlinkPhysics
import Foundation

/// The JSON document read by `Evaluation.evaluate(json:)` (`interlink eval`).
///
/// Exactly one top-level key (`EvaluationDocument.topLevelKeys`):
///
/// - `"link"`: a `LinkConfiguration` — `scheme`, `armA`, `armB`, `residualVisibility`,
///   optional `detuningMHz`, optional `purification` `{"protocol": "dejmps"|"bbpssw", "rounds": n}`.
/// - `"repeater"`: a `RepeaterConfiguration` — `linkA`, `linkB` (each a link as above) and optional
///   `cutoffSeconds`.
/// - `"microwaveLink"`: a `MicrowaveLinkConfiguration` — deterministic state transfer or remote
///   entanglement between superconducting modules over a cryogenic line.
/// - `"nodePhotonLink"`: a `NodePhotonLinkConfiguration` — `receiver` (`analyser` or
///   `absorbingMemory`), `arm` (full or preset reference, like `armA`) and, for a memory, `memory`.
///
/// Every arm (`armA`, `armB`) is either a full `ArmConfiguration` object, or a preset reference
/// `{"preset": "<name>", "overrides": {...}}` where `overrides` is merged recursively into the
/// preset's arm (objects merge key by key; numbers, strings, arrays and `null` replace; `null`
/// removes an optional stage). Preset names: `ModalityPreset.names`.
///
/// Decoding errors name the JSON path of the offending field (inside overrides, the path shows
/// `...armA.overrides.<field>`); unknown fields are rejected; numeric ranges are checked by the
/// configuration types' `validate(at:)`.
public struct EvaluationDocument: Codable, Sendable, Equatable {
    /// A single link, or nil.
    public var link: LinkConfiguration?
    /// A two-link repeater, or nil.
    public var repeater: RepeaterConfiguration?
    /// A deterministic microwave link, or nil.
    public var microwaveLink: MicrowaveLinkConfiguration?
    /// A node–photon link without a midpoint station, or nil.
    public var nodePhotonLink: NodePhotonLinkConfiguration?

    /// The allowed top-level keys.
    public static let topLevelKeys = ["link", "repeater", "microwaveLink", "nodePhotonLink"]

    /// Creates a document (exactly one of the four should be non-nil).
    public init(link: LinkConfiguration? = nil, repeater: RepeaterConfiguration? = nil,
                microwaveLink: MicrowaveLinkConfiguration? = nil, nodePhotonLink: NodePhotonLinkConfiguration? = nil) {
        self.link = link
        self.repeater = repeater
        self.microwaveLink = microwaveLink
        self.nodePhotonLink = nodePhotonLink
    }

    /// Validates: exactly one top-level configuration, and its fields.
    public func validate() throws {
        let present = [link != nil, repeater != nil, microwaveLink != nil, nodePhotonLink != nil].filter { $0 }.count
        guard present == 1 else {
            throw ParameterError(kind: .invalidDocument, path: "",
                               message: "the document must have exactly one top-level key, one of 'link', 'repeater', 'microwaveLink', 'nodePhotonLink'")
        }
        try link?.validate(at: "link")
        try repeater?.validate(at: "repeater")
        try microwaveLink?.validate(at: "microwaveLink")
        try nodePhotonLink?.validate(at: "nodePhotonLink")
    }

    /// Decodes and validates a JSON document, expanding presets; every error is a `ParameterError`
    /// naming the field path.
    public static func decode(json data: Data) throws -> EvaluationDocument {
        var decoder = ConfigurationDecoder()
        return try decoder.decode(data)
    }
}

/// Preset expansion, typed decoding and error mapping (internal).
struct ConfigurationDecoder {
    /// Preset arms found in the document: their rendered path → override tree.
    private(set) var presetArms: [String: JSONValue] = [:]

    mutating func decode(_ data: Data) throws -> EvaluationDocument {
        do {
            try JSONInputCheck.check(data)
        } catch let problem as JSONInputCheck.Problem {
            throw ParameterError(kind: .invalidDocument, path: problem.path, message: problem.message)
        }
        let raw: JSONValue
        do {
            raw = try JSONDecoder().decode(JSONValue.self, from: data)
        } catch {
            throw ParameterError(kind: .invalidDocument, path: "", message: "not valid JSON (\(Self.describe(error)))")
        }
        try Self.checkMagnitudes(raw, path: [])
        guard case .object(let top) = raw else {
            throw ParameterError(kind: .invalidDocument, path: "",
                               message: "expected a JSON object with key 'link', 'repeater', 'microwaveLink' or 'nodePhotonLink', found \(raw.typeName)")
        }
        for k in top.keys.sorted() where !EvaluationDocument.topLevelKeys.contains(k) {
            throw ParameterError(kind: .unknownField, path: k,
                                 message: "unknown top-level field (expected 'link', 'repeater', 'microwaveLink' or 'nodePhotonLink')")
        }
        var expanded = top
        if let link = top["link"] {
            expanded["link"] = try expandLink(link, path: [.key("link")])
        }
        if let rep = top["repeater"] {
            guard case .object(var r) = rep else {
                throw ParameterError(kind: .wrongType, path: "repeater", message: "expected an object, found \(rep.typeName)")
            }
            for key in ["linkA", "linkB"] {
                if let l = r[key] { r[key] = try expandLink(l, path: [.key("repeater"), .key(key)]) }
            }
            expanded["repeater"] = .object(r)
        }
        if let n = top["nodePhotonLink"] {
            expanded["nodePhotonLink"] = try expandLink(n, path: [.key("nodePhotonLink")], arms: ["arm"])
        }
        let merged = JSONValue.object(expanded)
        let encoded = try JSONEncoder().encode(merged)
        let doc: EvaluationDocument
        do {
            doc = try JSONDecoder().decode(EvaluationDocument.self, from: encoded)
        } catch let e as DecodingError {
            throw mapped(e)
        }
        try checkUnknownFields(input: merged, decoded: doc)
        do {
            try doc.validate()
        } catch let e as ParameterError {
            throw ParameterError(kind: e.kind, path: userPath(e.path), message: e.message)
        }
        return doc
    }

    /// Largest magnitude of any number in a document. No physical input of the model comes near
    /// it (rates in Hz, lengths in km, times in s, linewidths in MHz), and it keeps every derived
    /// quantity (angular frequencies, products of rates and times) far from overflow.
    static let maximumMagnitude = 1e12

    /// Rejects any number whose magnitude exceeds `maximumMagnitude`, naming its path.
    static func checkMagnitudes(_ value: JSONValue, path: [JSONPathComponent]) throws {
        switch value {
        case .number, .integer:
            // Integral values within ±2⁵³ are parsed as `.integer`: they are held to the bound too.
            let x = value.doubleValue ?? 0
            guard abs(x) <= maximumMagnitude else {
                throw ParameterError(kind: .outOfRange, path: JSONPathComponent.render(path),
                                     message: "value \(Validate.format(x)) is outside the supported magnitude range [-1e12, 1e12]")
            }
        case .array(let items):
            for (n, item) in items.enumerated() { try checkMagnitudes(item, path: path + [.index(n)]) }
        case .object(let fields):
            for key in fields.keys.sorted() { try checkMagnitudes(fields[key] ?? .null, path: path + [.key(key)]) }
        default:
            return
        }
    }

    /// Replaces preset references in a link's arms by the merged arm JSON.
    private mutating func expandLink(_ link: JSONValue, path: [JSONPathComponent],
                                     arms: [String] = ["armA", "armB"]) throws -> JSONValue {
        guard case .object(var l) = link else { return link }
        for key in arms {
            guard case .object(let arm)? = l[key], arm["preset"] != nil else { continue }
            let armPath = path + [.key(key)]
            for k in arm.keys.sorted() where k != "preset" && k != "overrides" {
                throw ParameterError(kind: .unknownField, path: JSONPathComponent.render(armPath + [.key(k)]),
                                   message: "a preset arm takes only 'preset' and 'overrides'")
            }
            guard case .string(let name)? = arm["preset"] else {
                throw ParameterError(kind: .wrongType, path: JSONPathComponent.render(armPath + [.key("preset")]),
                                   message: "expected a preset name (string), found \(arm["preset"]?.typeName ?? "nothing")")
            }
            let base = try ModalityPreset.arm(named: name, path: JSONPathComponent.render(armPath + [.key("preset")]))
            let baseJSON = try JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(base))
            var overrides = JSONValue.object([:])
            if let o = arm["overrides"] {
                guard case .object = o else {
                    throw ParameterError(kind: .wrongType, path: JSONPathComponent.render(armPath + [.key("overrides")]),
                                       message: "expected an object of fields to override, found \(o.typeName)")
                }
                overrides = o
            }
            presetArms[JSONPathComponent.render(armPath)] = overrides
            l[key] = baseJSON.merged(with: overrides)
        }
        return .object(l)
    }

    /// Maps a path in the merged document to what the user wrote: inside a preset arm, a field the
    /// user overrode is reported under `overrides`.
    func userPath(_ path: String) -> String {
        for (armPath, overrides) in presetArms where path == armPath || path.hasPrefix(armPath + ".") {
            let rest = String(path.dropFirst(armPath.count)).drop { $0 == "." }
            let restPath = JSONPathComponent.parse(String(rest))
            guard !restPath.isEmpty else { continue }
            for n in 1...restPath.count {
                guard let v = overrides.value(at: Array(restPath.prefix(n))) else { break }
                if case .object = v, n < restPath.count { continue }
                return "\(armPath).overrides.\(rest)"
            }
        }
        return path
    }

    private func mapped(_ error: DecodingError) -> ParameterError {
        switch error {
        case .keyNotFound(let key, let ctx):
            let p = JSONPathComponent.render(JSONPathComponent.from(ctx.codingPath + [key]))
            // A field missing from an object the user wrote under `overrides` (a stage the preset
            // does not have) is named there, under the object's user path.
            let parent = JSONPathComponent.render(JSONPathComponent.from(ctx.codingPath))
            let userParent = userPath(parent)
            let path = userPath(p) == p && userParent != parent ? "\(userParent).\(key.stringValue)" : userPath(p)
            return ParameterError(kind: .missingField, path: path, message: "required field is missing")
        case .typeMismatch(let type, let ctx):
            let p = JSONPathComponent.render(JSONPathComponent.from(ctx.codingPath))
            return ParameterError(kind: .wrongType, path: userPath(p), message: "expected \(Self.typeName(type))")
        case .valueNotFound(let type, let ctx):
            let p = JSONPathComponent.render(JSONPathComponent.from(ctx.codingPath))
            return ParameterError(kind: .wrongType, path: userPath(p), message: "expected \(Self.typeName(type)), found null")
        case .dataCorrupted(let ctx):
            let p = JSONPathComponent.render(JSONPathComponent.from(ctx.codingPath))
            return ParameterError(kind: .wrongType, path: userPath(p), message: "invalid value (\(ctx.debugDescription))")
        @unknown default:
            return ParameterError(kind: .invalidDocument, path: "", message: Self.describe(error))
        }
    }

    private static func typeName(_ t: Any.Type) -> String {
        switch t {
        case is Double.Type: return "a number"
        case is Int.Type: return "an integer"
        case is String.Type: return "a string"
        case is Bool.Type: return "a boolean"
        case is [Double].Type: return "an array of numbers"
        case is [String].Type: return "an array of strings"
        default: return "an object or value of type \(t)"
        }
    }

    static func describe(_ error: Error) -> String {
        if let d = error as? DecodingError, case .dataCorrupted(let ctx) = d {
            let under = (ctx.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
            return (under ?? ctx.debugDescription).replacingOccurrences(of: "\n", with: " ")
        }
        return "\(error)".replacingOccurrences(of: "\n", with: " ")
    }

    /// Rejects any non-null input key that the typed model does not carry (misspellings).
    private func checkUnknownFields(input: JSONValue, decoded: EvaluationDocument) throws {
        let back = try JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(decoded))
        try compare(input, back, path: [])
    }

    private func compare(_ input: JSONValue, _ known: JSONValue, path: [JSONPathComponent]) throws {
        switch (input, known) {
        case (.object(let i), .object(let k)):
            for key in i.keys.sorted() {
                guard let v = i[key] else { continue }
                if case .null = v { continue }
                guard let kv = k[key] else {
                    let p = JSONPathComponent.render(path + [.key(key)])
                    throw ParameterError(kind: .unknownField, path: userPath(p), message: "unknown field")
                }
                try compare(v, kv, path: path + [.key(key)])
            }
        case (.array(let i), .array(let k)):
            for (n, v) in i.enumerated() where n < k.count {
                try compare(v, k[n], path: path + [.index(n)])
            }
        default:
            return
        }
    }
}
