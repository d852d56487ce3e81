/// Dotted field paths from key paths, for column names and error messages.
enum FieldName {
    /// `\Parameters.link.lengthKm` → `link.lengthKm`. Uses the key path's description, which the
    /// Swift runtime spells as `\Root.a.b` for stored properties; anything else (a computed
    /// property without metadata) falls back to the full description.
    static func of<Root, Value>(_ keyPath: KeyPath<Root, Value>) -> String {
        let text = String(describing: keyPath)
        let rootPrefix = "\\" + String(describing: Root.self) + "."
        if text.hasPrefix(rootPrefix) { return String(text.dropFirst(rootPrefix.count)) }
        if text.hasPrefix("\\"), let dot = text.firstIndex(of: ".") {
            return String(text[text.index(after: dot)...])
        }
        return text
    }
}
