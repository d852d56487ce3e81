import Foundation
import InterlinkCore

/// Foundation errors reduced to a short reason for error messages instead of raw `NSError` dumps
/// (echoed user values are truncated by `CommandEcho`).
package enum CommandText {
    /// A short, one-line reason for a file-system or Foundation error: the POSIX reason
    /// ("No such file or directory", "Permission denied", ...) when there is one, else a plain
    /// description of the Cocoa error code; never the raw `NSError` dump.
    public static func describe(_ error: any Error) -> String {
        if let error = error as? NotebookError { return error.description }
        let ns = error as NSError
        if ns.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(ns.code))) }
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if ns.domain == NSCocoaErrorDomain {
            switch CocoaError.Code(rawValue: ns.code) {
            case .fileNoSuchFile, .fileReadNoSuchFile: return "No such file or directory"
            case .fileReadNoPermission, .fileWriteNoPermission: return "Permission denied"
            case .fileWriteOutOfSpace: return "No space left on device"
            case .fileWriteVolumeReadOnly: return "Read-only file system"
            case .fileWriteFileExists: return "File exists"
            case .fileReadCorruptFile: return "unreadable (corrupt) file"
            case .fileReadInapplicableStringEncoding, .fileReadUnknownStringEncoding: return "not valid text"
            case .fileReadTooLarge: return "file too large"
            default: return "file operation failed (error \(ns.code))"
            }
        }
        if error is DecodingError || error is EncodingError { return "malformed content" }
        return CommandEcho.truncated(String(describing: error).split(separator: "\n").joined(separator: " "), limit: 1000)
    }
}
