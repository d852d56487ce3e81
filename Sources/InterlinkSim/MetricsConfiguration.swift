import InterlinkStats

/// Which distributions a simulation records besides its running summaries.
///
/// Histograms have a fixed number of bins, so memory never grows with the number of trials.
public struct MetricsConfiguration: Sendable, Hashable {
    /// Binning of the waiting-time histogram (seconds), or `nil` for none.
    public var waitingTimeBinning: Histogram.Binning?
    /// Binning of the fidelity histogram, or `nil` for none.
    public var fidelityBinning: Histogram.Binning?

    /// Creates a configuration.
    public init(waitingTimeBinning: Histogram.Binning? = nil, fidelityBinning: Histogram.Binning? = nil) {
        self.waitingTimeBinning = waitingTimeBinning
        self.fidelityBinning = fidelityBinning
    }

    /// Summaries only (mean, variance, extremes), no histograms.
    public static let summariesOnly = MetricsConfiguration()

    /// Fidelity in 100 bins over [0, 1) and waiting time in 60 logarithmic bins (10 per decade)
    /// from `minimumSeconds` (e.g. one attempt period) over six decades.
    public static func standard(minimumWaitSeconds minimumSeconds: Double) -> MetricsConfiguration {
        MetricsConfiguration(
            waitingTimeBinning: .logarithmic(lower: minimumSeconds, upper: minimumSeconds * 1e6, count: 60),
            fidelityBinning: .linear(lower: 0, upper: 1.000_000_1, count: 100))
    }
}
