/// Makes cairo's SVG output independent of what was rendered before in the same process.
///
/// cairo 1.16 names SVG elements from process-global counters (`surface123`, `glyph0-1`, `clip1`,
/// `image5`, …), so the same figure rendered twice differs. The normaliser renames every id, and
/// every reference to it (`href="#…"`, `url(#…)`), to `<prefix><n>` numbered per prefix in order of
/// first appearance.
package enum SVGNormalizer {
    /// The normalised document.
    public static func normalize(_ svg: [UInt8]) -> [UInt8] {
        let idOpen = Array("id=\"".utf8)
        let hrefOpen = Array("href=\"#".utf8)
        let urlOpen = Array("url(#".utf8)
        var output: [UInt8] = []
        output.reserveCapacity(svg.count)
        var names: [[UInt8]: [UInt8]] = [:]
        var counters: [[UInt8]: Int] = [:]
        func rename(_ id: [UInt8]) -> [UInt8] {
            if let known = names[id] { return known }
            // Prefix: the leading letters (e.g. "glyph" in "glyph0-1").
            let prefix = Array(id.prefix { ($0 >= 97 && $0 <= 122) || ($0 >= 65 && $0 <= 90) || $0 == 95 })
            let n = (counters[prefix] ?? 0) + 1
            counters[prefix] = n
            let name = prefix + Array(String(n).utf8)
            names[id] = name
            return name
        }
        func matches(_ pattern: [UInt8], at index: Int) -> Bool {
            guard index + pattern.count <= svg.count else { return false }
            for k in 0..<pattern.count where svg[index + k] != pattern[k] { return false }
            return true
        }
        var i = 0
        while i < svg.count {
            var opener: [UInt8]?
            if svg[i] == 105, matches(idOpen, at: i), i == 0 || svg[i - 1] == 32 || svg[i - 1] == 10 {
                opener = idOpen
            } else if svg[i] == 104, matches(hrefOpen, at: i) {
                opener = hrefOpen
            } else if svg[i] == 117, matches(urlOpen, at: i) {
                opener = urlOpen
            }
            guard let open = opener else {
                output.append(svg[i])
                i += 1
                continue
            }
            output.append(contentsOf: open)
            var j = i + open.count
            var id: [UInt8] = []
            while j < svg.count, svg[j] != 34, svg[j] != 41 {  // '"' or ')'
                id.append(svg[j])
                j += 1
            }
            output.append(contentsOf: id.isEmpty ? id : rename(id))
            i = j
        }
        return output
    }
}
