import InterlinkNotebook
import InterlinkCore
import Foundation

/// Recovery after a process was killed while publishing: `OutputBundle.write(into:)` stages a
/// study's files in `.<study>.staging-<pid>-<n>`, moves the published folder aside to
/// `.<study>.old-<pid>-<n>` and renames the staging folder into place. A kill between those renames
/// leaves the study folder absent; a kill at any point leaves hidden folders (and `AtomicFile`'s
/// `.<name>.tmp-<pid>-<n>` files) behind. The next publish repairs that first.
extension OutputBundle {
    /// What `recoverLeftovers(in:)` did.
    public struct Recovery: Sendable, Hashable {
        /// Study folders restored from their `.old-*` copy.
        public var restored: [String] = []
        /// Leftover hidden folders and temporary files removed.
        public var removed: [String] = []
    }

    /// A hidden leftover name: `.<study>.staging-<pid>-<n>`, `.<study>.old-<pid>-<n>` or
    /// `.<file>.tmp-<pid>-<n>`.
    struct Leftover {
        enum Kind { case staging, old, temporary }
        let kind: Kind
        let owner: String
        let pid: Int32

        init?(name: String) {
            guard name.hasPrefix(".") else { return nil }
            for (marker, kind) in [(".staging-", Kind.staging), (".old-", .old), (".tmp-", .temporary)] {
                guard let range = name.range(of: marker, options: .backwards) else { continue }
                let owner = String(name[name.index(after: name.startIndex)..<range.lowerBound])
                let token = name[range.upperBound...].split(separator: "-")
                guard !owner.isEmpty, token.count == 2, let pid = Int32(token[0]), UInt64(token[1]) != nil else { return nil }
                self.kind = kind
                self.owner = owner
                self.pid = pid
                return
            }
            return nil
        }
    }

    /// Whether process `pid` is alive (so its staging folder is in use and must be left alone).
    static func isAlive(_ pid: Int32) -> Bool {
        guard pid > 0 else { return false }
        if pid == ProcessInfo.processInfo.processIdentifier { return true }
        return kill(pid, 0) == 0 || errno == EPERM
    }

    /// Repairs `outputRoot` after an interrupted publish by a process that is no longer alive: a
    /// study folder that is absent is restored from its `.old-*` copy (the complete previous
    /// output); then every leftover staging folder, `.old-*` folder and temporary file of a dead
    /// process is removed. Leftovers of live processes (a concurrent publish) are left alone.
    @discardableResult
    public static func recoverLeftovers(in outputRoot: URL) throws -> Recovery {
        let manager = FileManager.default
        var recovery = Recovery()
        guard let names = try? manager.contentsOfDirectory(atPath: outputRoot.path) else { return recovery }
        let leftovers = names.sorted().compactMap { name in Leftover(name: name).map { (name, $0) } }
            .filter { !isAlive($0.1.pid) }
        for (name, leftover) in leftovers where leftover.kind == .old {
            let target = outputRoot.appendingPathComponent(leftover.owner, isDirectory: true)
            if !manager.fileExists(atPath: target.path),
               rename(outputRoot.appendingPathComponent(name).path, target.path) == 0 {
                recovery.restored.append(leftover.owner)
            }
        }
        for (name, _) in leftovers {
            let url = outputRoot.appendingPathComponent(name)
            guard manager.fileExists(atPath: url.path) else { continue }
            do { try manager.removeItem(at: url) } catch {
                throw NotebookError.file(path: url.path, reason: "cannot remove a leftover of an interrupted run: \(CommandText.describe(error))")
            }
            recovery.removed.append(name)
        }
        return recovery
    }
}
