import InterlinkCore
import Foundation

/// Writing a rendered ``Figure`` to disk.
extension Figure {
    /// Renders the figure and writes it to `url`. The format follows the file extension
    /// (`.pdf`, `.svg`, `.png`) unless `format` is given; PNGs default to `dpi` 300.
    public func write(to url: URL, format: OutputFormat? = nil, dpi: Double = 300) throws {
        let chosen: OutputFormat
        if let format {
            chosen = format
        } else {
            switch url.pathExtension.lowercased() {
            case "pdf": chosen = .pdf
            case "svg": chosen = .svg
            case "png": chosen = .png(dpi: dpi)
            default:
                throw ParameterError(
                    path: "figure.write.url", value: url.lastPathComponent, allowed: "a .pdf, .svg or .png file name")
            }
        }
        try Data(try render(chosen)).write(to: url)
    }
}
