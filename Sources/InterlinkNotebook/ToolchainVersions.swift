/// Versions recorded in every manifest, all fixed at build time (no subprocess, so they are
/// deterministic and cheap).
public enum ToolchainVersions {
    /// The Interlink toolkit version.
    public static let toolkit = "0.3.0"

    /// The Swift compiler version that built this module, from `#if compiler(...)` checks
    /// (major.minor; the patch level is not visible to conditional compilation).
    public static var swift: String {
        #if compiler(>=7.0)
        return "7.0 or later"
        #elseif compiler(>=6.4)
        return "6.4"
        #elseif compiler(>=6.3)
        return "6.3"
        #elseif compiler(>=6.2)
        return "6.2"
        #elseif compiler(>=6.1)
        return "6.1"
        #else
        return "6.0"
        #endif
    }

    /// Every version by name: `toolkit`, `swift`, and the C libraries (`gsl`, `cairo`, `pango`).
    public static var all: [String: String] {
        var versions = libraries
        versions["toolkit"] = toolkit
        versions["swift"] = swift
        return versions
    }
}
