import Foundation

/// Process-wide serialisation of all rendering.
///
/// Pango and fontconfig are not safe to drive from several threads at once, so every render takes
/// one lock; the private ``FontLibrary`` is created on first use under the same lock.
final class RenderEnvironment: @unchecked Sendable {
    /// The single instance.
    static let shared = RenderEnvironment()

    private let lock = NSLock()
    private var fonts: FontLibrary?

    private init() {}

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
