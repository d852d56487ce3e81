/// Truncation of echoed user values in error messages (80 characters plus "…").
public enum CommandEcho {
    /// Longest echoed value before it is cut.
    public static let limit = 80

    /// `text` cut to `limit` characters plus "…" when longer, newlines as spaces.
    public static func truncated(_ text: String, limit: Int = CommandEcho.limit) -> String {
        let flat = text.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ")
        guard flat.count > limit else { return flat }
        return String(flat.prefix(limit)) + "…"
    }

    /// `"text"`, truncated.
    public static func quoted(_ text: String, limit: Int = CommandEcho.limit) -> String {
        "\"\(truncated(text, limit: limit))\""
    }
}
