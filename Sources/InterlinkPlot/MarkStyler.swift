/// A mark with its colours resolved from the theme palette.
struct StyledMark {
    /// The mark as given.
    var mark: Mark
    /// Its colour (explicit, or the next palette colour).
    var color: Color
    /// Colours of the series of a bar group (empty for other marks).
    var seriesColors: [Color]
}

/// Assigns palette colours to marks without an explicit colour, in order.
enum MarkStyler {
    /// Lines, markers, steps, bars and histograms take the next palette colour; a band takes the
    /// colour the next line will get without advancing the cycle, so a band drawn before its line
    /// matches it.
    static func style(_ marks: [Mark], palette: Palette) -> [StyledMark] {
        var next = 0
        var styled: [StyledMark] = []
        for mark in marks {
            switch mark.kind {
            case .line, .scatter, .errorBars, .step, .histogram:
                let color = mark.color ?? palette[next]
                if mark.color == nil { next += 1 }
                styled.append(StyledMark(mark: mark, color: color, seriesColors: []))
            case .band:
                styled.append(StyledMark(mark: mark, color: mark.color ?? palette[next], seriesColors: []))
            case let .bars(_, series, _, _):
                var colors: [Color] = []
                for s in series {
                    if let c = s.color {
                        colors.append(c)
                    } else {
                        colors.append(palette[next])
                        next += 1
                    }
                }
                styled.append(StyledMark(mark: mark, color: colors.first ?? .black, seriesColors: colors))
            case let .tornado(_, low, high):
                var colors: [Color] = []
                for c in [low, high] {
                    if let c { colors.append(c) } else { colors.append(palette[next]); next += 1 }
                }
                styled.append(StyledMark(mark: mark, color: colors[0], seriesColors: colors))
            default:
                styled.append(StyledMark(mark: mark, color: mark.color ?? .black, seriesColors: []))
            }
        }
        return styled
    }
}
