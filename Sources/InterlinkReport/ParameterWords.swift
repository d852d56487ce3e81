/// A parameter's field path in words for report tables and sweep lists: `snspdDarkCountRateHz` with
/// unit `Hz` → `SNSPD dark count rate`, `link.armA.lengthKm` → `link arm A length`,
/// `memoryT2Seconds` → `memory T₂`. camelCase and dotted paths are split into lower-case words;
/// known acronyms and unit symbols keep their spelling; trailing words that only repeat the unit
/// (shown in its own column) are dropped. The field path itself stays in the CSV files.
public enum ParameterWords {
    /// Words of `path`; `unit` is the parameter's unit ("" for none).
    public static func of(_ path: String, unit: String = "") -> String {
        var words = path.split(separator: ".").flatMap { split(String($0)) }
        let unitWords = Set(["km", "s", "seconds", "db", "hz", "mhz", "nm", "per"])
        if !unit.isEmpty {
            while words.count > 1, let last = words.last, unitWords.contains(last.lowercased()) { words.removeLast() }
        }
        let text = words.map(spelled).joined(separator: " ")
        return text.isEmpty ? path : text
    }

    /// camelCase runs: `armA` → [arm, A]; `snspdEfficiency` → [snspd, Efficiency];
    /// `attenuation1550DBPerKm` → [attenuation, 1550, DB, Per, Km]; `t2Seconds` → [t2, Seconds].
    static func split(_ name: String) -> [String] {
        var words: [String] = []
        var current = ""
        let chars = Array(name)
        for (i, c) in chars.enumerated() {
            if i > 0, !current.isEmpty {
                let p = chars[i - 1]
                let next = i + 1 < chars.count ? chars[i + 1] : nil
                let lowerToUpper = p.isLowercase && c.isUppercase
                let acronymEnd = p.isUppercase && c.isUppercase && (next?.isLowercase ?? false)
                // T₁/T₂ stay one word (`t2`, `T2`); other letter–digit boundaries split.
                let letterToDigit = p.isLetter && c.isNumber && !(current.count == 1 && "tT".contains(p))
                let digitToLetter = p.isNumber && c.isLetter
                if lowerToUpper || acronymEnd || letterToDigit || digitToLetter {
                    words.append(current)
                    current = ""
                }
            }
            current.append(c)
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// One word as a reader spells it.
    static func spelled(_ word: String) -> String {
        let lower = word.lowercased()
        let fixed: [String: String] = [
            "snspd": "SNSPD", "sc": "SC", "qft": "QFT", "mhz": "MHz", "hz": "Hz", "db": "dB",
            "t1": "T₁", "t2": "T₂", "plob": "PLOB", "siv": "SiV", "qasm": "QASM",
        ]
        if let f = fixed[lower] { return f }
        if word.count == 1, word.first?.isUppercase == true { return word }
        return lower
    }
}
