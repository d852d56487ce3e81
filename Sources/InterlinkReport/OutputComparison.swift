import Foundation

/// The result of comparing a freshly generated output folder with the committed one.
///
/// `interlink verify` builds one of these: every file present on only one side, and every file
/// whose bytes differ. For CSV and JSON files the difference is described by the first differing
/// value (row and column, or JSON path) and the largest relative difference over all numeric cells.
public struct OutputComparison: Sendable, Equatable {
    /// One file whose bytes differ.
    public struct Difference: Sendable, Equatable, CustomStringConvertible {
        /// Path relative to the compared folders.
        public var path: String
        /// A human-readable description of the first difference.
        public var detail: String
        /// The largest relative difference between numeric cells, when the file is CSV or JSON and
        /// both sides have the same shape.
        public var largestRelativeDifference: Double?

        /// `path: detail (largest relative difference …)`.
        public var description: String {
            var s = "\(path): \(detail)"
            if let r = largestRelativeDifference { s += " (largest relative difference \(r))" }
            return s
        }
    }

    /// Files present in the committed folder but not regenerated.
    public var missing: [String]
    /// Files regenerated but absent from the committed folder.
    public var unexpected: [String]
    /// Files on both sides whose bytes differ.
    public var differences: [Difference]

    /// True when both folders hold the same files with the same bytes.
    public var isIdentical: Bool { missing.isEmpty && unexpected.isEmpty && differences.isEmpty }

    /// Compares every regular file under `expected` (the committed output) with `actual` (the
    /// regenerated output). With `restrictedTo`, only those top-level entries (folders such as a
    /// study's identifier, or files such as `index.md`) are compared.
    public init(expected: URL, actual: URL, restrictedTo entries: [String]? = nil) throws {
        func keep(_ path: String) -> Bool {
            guard let entries else { return true }
            let top = path.split(separator: "/", maxSplits: 1).first.map(String.init) ?? path
            return entries.contains(top)
        }
        let lhs = try Self.files(under: expected).filter(keep)
        let rhs = try Self.files(under: actual).filter(keep)
        missing = lhs.subtracting(rhs).sorted()
        unexpected = rhs.subtracting(lhs).sorted()
        var diffs: [Difference] = []
        for path in lhs.intersection(rhs).sorted() {
            let a = try Data(contentsOf: expected.appendingPathComponent(path))
            let b = try Data(contentsOf: actual.appendingPathComponent(path))
            if a != b { diffs.append(Self.describe(path: path, expected: a, actual: b)) }
        }
        differences = diffs
    }

    /// A multi-line report naming every differing file.
    public var report: String {
        var lines: [String] = []
        for m in missing { lines.append("missing (not regenerated): \(m)") }
        for u in unexpected { lines.append("not committed: \(u)") }
        for d in differences { lines.append("differs: \(d)") }
        return lines.joined(separator: "\n")
    }

    static func files(under root: URL) throws -> Set<String> {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return []
        }
        let base = root.standardizedFileURL.resolvingSymlinksInPath().path
        var out: Set<String> = []
        guard let walker = fm.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else {
            return []
        }
        for case let url as URL in walker {
            let values = try url.resourceValues(forKeys: [.isRegularFileKey])
            guard values.isRegularFile == true else { continue }
            let full = url.standardizedFileURL.resolvingSymlinksInPath().path
            guard full.hasPrefix(base + "/") else { continue }
            out.insert(String(full.dropFirst(base.count + 1)))
        }
        return out
    }

    static func describe(path: String, expected: Data, actual: Data) -> Difference {
        let ext = (path as NSString).pathExtension.lowercased()
        if ext == "csv", let a = String(data: expected, encoding: .utf8), let b = String(data: actual, encoding: .utf8) {
            return csvDifference(path: path, a, b)
        }
        if ext == "json",
           let a = try? JSONSerialization.jsonObject(with: expected, options: [.fragmentsAllowed]),
           let b = try? JSONSerialization.jsonObject(with: actual, options: [.fragmentsAllowed]) {
            var state = JSONDiffState()
            jsonDifference(a, b, path: "$", state: &state)
            return Difference(
                path: path,
                detail: state.first ?? "bytes differ (same JSON values, different formatting)",
                largestRelativeDifference: state.largest)
        }
        let index = zip(expected, actual).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset
            ?? min(expected.count, actual.count)
        return Difference(
            path: path,
            detail: "bytes differ from offset \(index) (sizes \(expected.count) and \(actual.count))",
            largestRelativeDifference: nil)
    }

    static func relative(_ a: Double, _ b: Double) -> Double {
        if a == b { return 0 }
        let scale = max(abs(a), abs(b))
        return scale == 0 ? 0 : abs(a - b) / scale
    }

    static func csvDifference(path: String, _ a: String, _ b: String) -> Difference {
        let rowsA = CSVCells.parse(a), rowsB = CSVCells.parse(b)
        let header = rowsA.first ?? []
        var first: String?
        var largest: Double?
        if rowsA.count != rowsB.count {
            first = "row count \(rowsA.count - 1) committed, \(rowsB.count - 1) regenerated"
        }
        for (r, (ra, rb)) in zip(rowsA, rowsB).enumerated() {
            if ra.count != rb.count, first == nil {
                first = "line \(r + 1): \(ra.count) cells committed, \(rb.count) regenerated"
            }
            for (c, (x, y)) in zip(ra, rb).enumerated() where x != y {
                let column = c < header.count ? header[c] : "column \(c + 1)"
                if first == nil {
                    first = "line \(r + 1), column \"\(column)\": committed \(x), regenerated \(y)"
                }
                if let dx = Double(x), let dy = Double(y) {
                    largest = max(largest ?? 0, relative(dx, dy))
                }
            }
        }
        return Difference(
            path: path, detail: first ?? "bytes differ (same cells, different line endings or quoting)",
            largestRelativeDifference: largest)
    }

    struct JSONDiffState {
        var first: String?
        var largest: Double?
        mutating func note(_ s: String) { if first == nil { first = s } }
    }

    static func jsonDifference(_ a: Any, _ b: Any, path: String, state: inout JSONDiffState) {
        switch (a, b) {
        case let (x as [String: Any], y as [String: Any]):
            for key in Set(x.keys).union(y.keys).sorted() {
                let sub = "\(path).\(key)"
                guard let xv = x[key] else { state.note("\(sub): only in the regenerated file"); continue }
                guard let yv = y[key] else { state.note("\(sub): only in the committed file"); continue }
                jsonDifference(xv, yv, path: sub, state: &state)
            }
        case let (x as [Any], y as [Any]):
            if x.count != y.count { state.note("\(path): \(x.count) elements committed, \(y.count) regenerated") }
            for (i, (xv, yv)) in zip(x, y).enumerated() {
                jsonDifference(xv, yv, path: "\(path)[\(i)]", state: &state)
            }
        case let (x as NSNumber, y as NSNumber):
            if x != y {
                state.note("\(path): committed \(x), regenerated \(y)")
                state.largest = max(state.largest ?? 0, relative(x.doubleValue, y.doubleValue))
            }
        case let (x as String, y as String):
            if x != y { state.note("\(path): committed \"\(x)\", regenerated \"\(y)\"") }
        default:
            if String(describing: a) != String(describing: b) {
                state.note("\(path): committed \(a), regenerated \(b)")
            }
        }
    }
}

/// A minimal RFC 4180 reader used to compare CSV files cell by cell.
enum CSVCells {
    /// Splits CSV text into rows of cells, honouring quoted cells with embedded commas, quotes and
    /// line breaks.
    static func parse(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var cell = ""
        var quoted = false
        var iterator = Array(text.unicodeScalars).makeIterator()
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? {
            if let p = pending { pending = nil; return p }
            return iterator.next()
        }
        while let ch = next() {
            if quoted {
                if ch == "\"" {
                    if let n = next() {
                        if n == "\"" { cell.unicodeScalars.append("\"") } else { quoted = false; pending = n }
                    } else { quoted = false }
                } else {
                    cell.unicodeScalars.append(ch)
                }
                continue
            }
            switch ch {
            case "\"": quoted = true
            case ",": row.append(cell); cell = ""
            case "\r": break
            case "\n": row.append(cell); rows.append(row); row = []; cell = ""
            default: cell.unicodeScalars.append(ch)
            }
        }
        if !cell.isEmpty || !row.isEmpty { row.append(cell); rows.append(row) }
        return rows
    }
}
