import Foundation

/// Process-wide serialisation of all rendering.
///
/// Pango and fontconfig are not safe to drive from several threads at once, so every render takes
/// one (re-entrant) lock; the private ``FontLibrary`` is created on first use under the same lock.
final class RenderEnvironment: @unchecked Sendable {
    /// The single instance.
    static let shared = RenderEnvironment()

    private let lock = NSRecursiveLock()
    private var fonts: FontLibrary?

    private init() {}

    /// Runs `body` while holding the process-wide lock (re-entrant).
    func withLock<Result>(_ body: () throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    /// Runs `body` with the font library while holding the process-wide render lock.
    func withFonts<Result>(_ body: (FontLibrary) throws -> Result) throws -> Result {
        lock.lock()
        defer { lock.unlock() }
        let library: FontLibrary
        if let fonts {
            library = fonts
        } else {
            library = try FontLibrary()
            fonts = library
        }
        return try body(library)
    }
}

/// The process-wide lock that serialises all Cairo, Pango and fontconfig work of InterlinkPlot.
///
/// Other modules that drive Pango or fontconfig themselves (e.g. a typeset PDF report) should do so
/// inside ``withLock(_:)`` so that they never run concurrently with a figure render. The lock is
/// re-entrant: rendering a figure inside `withLock` is fine.
package enum RenderLock {
    /// Runs `body` while holding the lock.
    public static func withLock<Result>(_ body: () throws -> Result) rethrows -> Result {
        try RenderEnvironment.shared.withLock(body)
    }
}
