import Foundation

/// Whole-file writes that never leave a half-written file: the bytes go to a temporary file in
/// the same folder (same file system), are flushed, and the temporary file is renamed over the
/// target (POSIX `rename` is atomic). On any error the temporary file is removed and the target
/// is untouched.
package enum AtomicFile {
    /// Writes `data` to `url` atomically, creating parent folders.
    public static func write(_ data: Data, to url: URL) throws {
        let folder = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw NotebookError.file(path: folder.path, reason: "cannot create folder: \(CommandText.describe(error))")
        }
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)-\(UInt64.random(in: 0...UInt64.max))")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
            throw NotebookError.file(path: temporary.path, reason: "cannot create temporary file")
        }
        do {
            let handle = try FileHandle(forWritingTo: temporary)
            defer { try? handle.close() }
            try handle.write(contentsOf: data)
            try handle.synchronize()
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw NotebookError.file(path: url.path, reason: "cannot write: \(CommandText.describe(error))")
        }
        if rename(temporary.path, url.path) != 0 {
            let code = errno
            try? FileManager.default.removeItem(at: temporary)
            throw NotebookError.file(path: url.path, reason: "cannot rename into place: \(String(cString: strerror(code)))")
        }
    }

    /// Writes the UTF-8 bytes of `text` atomically.
    public static func write(_ text: String, to url: URL) throws {
        try write(Data(text.utf8), to: url)
    }
}
