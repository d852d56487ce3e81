/// RFC 4180 CSV text: records end in CRLF; a field containing a comma, a double quote, CR or LF
/// is enclosed in double quotes with inner quotes doubled.
package enum CSVWriter {
    /// One field, quoted when RFC 4180 requires it.
    public static func field(_ text: String) -> String {
        let needsQuotes = text.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }
        guard needsQuotes else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A whole document: every record (header included) followed by CRLF.
    public static func document(_ records: [[String]]) -> String {
        records.map { $0.map(field).joined(separator: ",") + "\r\n" }.joined()
    }
}
