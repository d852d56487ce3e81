import Foundation
@testable import InterlinkPlot

/// Layout and placement of a figure measured with the figure fonts on a scratch surface, for tests
/// that check where things land without rendering.
enum LayoutProbe {
    /// Runs `body` with a canvas on a scratch surface.
    static func withCanvas<T>(_ body: (Canvas) throws -> T) throws -> T {
        try RenderEnvironment.shared.withFonts { fonts in
            let surface = try CairoSurface.image(pixelWidth: 10, pixelHeight: 10)
            let canvas = try Canvas(surface: surface, fonts: fonts)
            defer { _ = try? surface.finish() }
            return try body(canvas)
        }
    }

    /// The laid-out panels of `figure`.
    static func plans(_ figure: Figure) throws -> [PanelPlan] {
        try withCanvas { try FigureLayout.plan(figure, canvas: $0) }
    }
}
