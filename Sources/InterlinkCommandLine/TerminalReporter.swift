import Foundation
import Interlink

/// The command-line tool's ``RunReporter``: one-line messages on standard error, and a progress
/// bar (points done/total, rate, ETA) redrawn at most ten times a second, drawn only when standard
/// error is a terminal. Wall-clock time appears only here, never in files.
final class TerminalReporter: RunReporter, @unchecked Sendable {
    // The runner calls a reporter from one task at a time (RunReporter's contract); the lock
    // makes the bar's state safe even if a caller breaks that contract.
    private let lock = NSLock()
    private let drawBar: Bool
    private var start: ContinuousClock.Instant?
    private var lastDraw: ContinuousClock.Instant?

    /// A reporter; `progressBar: false` keeps the messages but never draws the bar.
    init(progressBar: Bool = true) {
        drawBar = progressBar && isatty(STDERR_FILENO) == 1
    }

    func message(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    func progress(label: String, done: Int, total: Int) {
        guard drawBar, total > 0 else { return }
        lock.lock()
        defer { lock.unlock() }
        let now = ContinuousClock.now
        let begin = start ?? now
        if start == nil { start = now }
        if let lastDraw, now - lastDraw < .milliseconds(100), done < total { return }
        lastDraw = now
        let elapsed = Double((now - begin).components.seconds) + Double((now - begin).components.attoseconds) * 1e-18
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        let remaining = rate > 0 ? Double(total - done) / rate : 0
        let width = 30
        let filled = width * min(done, total) / total
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        let line = "\r\(label) [\(bar)] \(done)/\(total)  \(String(format: "%.1f", rate)) pt/s  ETA \(TerminalReporter.clock(remaining))\u{1B}[K"
        FileHandle.standardError.write(Data(line.utf8))
    }

    func finished(label: String, done: Int, total: Int) {
        lock.lock()
        defer { lock.unlock() }
        if drawBar, done > 0 { FileHandle.standardError.write(Data("\n".utf8)) }
        start = nil
        lastDraw = nil
    }

    /// `h:mm:ss`.
    static func clock(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded())
        return String(format: "%d:%02d:%02d", whole / 3600, whole / 60 % 60, whole % 60)
    }
}
