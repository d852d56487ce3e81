import Foundation

/// A one-line progress bar on stderr (points done/total, rate, ETA), redrawn at most ten times a
/// second; drawn only when stderr is a terminal. Wall-clock time appears only here, never in files.
struct ProgressBar {
    private let total: Int
    private let label: String
    private let enabled: Bool
    private let start = ContinuousClock.now
    private var lastDraw: ContinuousClock.Instant?
    private var done = 0

    init(label: String, total: Int, mode: ProgressMode) {
        self.label = label
        self.total = total
        self.enabled = mode == .automatic && isatty(STDERR_FILENO) == 1 && total > 0
    }

    mutating func advance() {
        done += 1
        guard enabled else { return }
        let now = ContinuousClock.now
        if let lastDraw, now - lastDraw < .milliseconds(100), done < total { return }
        lastDraw = now
        let elapsed = Double((now - start).components.seconds) + Double((now - start).components.attoseconds) * 1e-18
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        let remaining = rate > 0 ? Double(total - done) / rate : 0
        let width = 30
        let filled = total > 0 ? width * done / total : width
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        let line = "\r\(label) [\(bar)] \(done)/\(total)  \(String(format: "%.1f", rate)) pt/s  ETA \(ProgressBar.clock(remaining))\u{1B}[K"
        FileHandle.standardError.write(Data(line.utf8))
    }

    func finish() {
        guard enabled, done > 0 else { return }
        FileHandle.standardError.write(Data("\n".utf8))
    }

    static func clock(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded())
        return String(format: "%d:%02d:%02d", whole / 3600, whole / 60 % 60, whole % 60)
    }
}

/// One-line messages on stderr.
enum StandardError {
    static func print(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
