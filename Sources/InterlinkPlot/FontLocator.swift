import CCairo
import Foundation

/// Finds font files by file name (`LiberationSans-Regular.ttf`) on Debian, Fedora and macOS.
///
/// Order, first hit wins: (1) the Debian paths the reference output was made with
/// (`/usr/share/fonts/truetype/liberation2`, `…/dejavu`), so the figures' bytes do not depend on
/// which copy another search would meet first; (2) the machine's own fontconfig
/// (`FcInitLoadConfigAndFonts` + `FcFontList` over every font, matched by file name); (3) a walk of
/// the standard font folders (`/usr/share/fonts`, `/usr/local/share/fonts`, `~/.local/share/fonts`,
/// `~/.fonts`, `/Library/Fonts`, `/System/Library/Fonts`, `~/Library/Fonts`,
/// `/opt/homebrew/share/fonts`). Steps 2 and 3 run once per process, and only when step 1 misses.
enum FontLocator {
    /// File name → path of every font file found by fontconfig or the folder walk (computed on
    /// first use).
    static let found: [String: String] = {
        var found: [String: String] = [:]
        for path in fontconfigFiles() + walkedFiles() {
            let name = (path as NSString).lastPathComponent
            if found[name] == nil { found[name] = path }
        }
        return found
    }()

    /// The preferred Debian locations (exact paths).
    static let debianPaths = [
        "/usr/share/fonts/truetype/liberation2", "/usr/share/fonts/truetype/liberation",
        "/usr/share/fonts/truetype/dejavu",
    ]

    /// Folders walked when fontconfig does not list a file.
    static var standardFolders: [String] {
        let home = FileManager.default.homeDirectoryForCurrentUser.path
        return [
            "/usr/share/fonts", "/usr/local/share/fonts", "\(home)/.local/share/fonts", "\(home)/.fonts",
            "/Library/Fonts", "/System/Library/Fonts", "\(home)/Library/Fonts", "/opt/homebrew/share/fonts",
        ]
    }

    /// The path of the font file called `name`, or `nil` when it is nowhere.
    static func path(of name: String) -> String? {
        for folder in FontLocator.debianPaths {
            let candidate = "\(folder)/\(name)"
            if FileManager.default.isReadableFile(atPath: candidate) { return candidate }
        }
        return found[name].flatMap { FileManager.default.isReadableFile(atPath: $0) ? $0 : nil }
    }

    /// Every font file the machine's fontconfig knows, in its listing order.
    static func fontconfigFiles() -> [String] {
        guard let config = FcInitLoadConfigAndFonts() else { return [] }
        defer { FcConfigDestroy(config) }
        guard let pattern = FcPatternCreate() else { return [] }
        defer { FcPatternDestroy(pattern) }
        guard let objects = FcObjectSetCreate() else { return [] }
        defer { FcObjectSetDestroy(objects) }
        _ = FcObjectSetAdd(objects, FC_FILE)
        guard let set = FcFontList(config, pattern, objects) else { return [] }
        defer { FcFontSetDestroy(set) }
        var paths: [String] = []
        for index in 0..<Int(set.pointee.nfont) {
            guard let font = set.pointee.fonts[index] else { continue }
            var file: UnsafeMutablePointer<FcChar8>?
            if FcPatternGetString(font, FC_FILE, 0, &file) == FcResultMatch, let file {
                paths.append(String(cString: UnsafeRawPointer(file).assumingMemoryBound(to: CChar.self)))
            }
        }
        return paths.sorted()
    }

    /// Every `.ttf`/`.otf` file under the standard font folders, in sorted order.
    static func walkedFiles() -> [String] {
        var paths: [String] = []
        for folder in standardFolders {
            guard let walker = FileManager.default.enumerator(atPath: folder) else { continue }
            for case let relative as String in walker where relative.hasSuffix(".ttf") || relative.hasSuffix(".otf") {
                paths.append("\(folder)/\(relative)")
            }
        }
        return paths.sorted()
    }
}
