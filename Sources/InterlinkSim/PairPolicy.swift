/// When the architecture generates the pairs that remote gates consume.
public enum PairPolicy: Sendable, Hashable {
    /// A pair is generated for a request once the request holds ports and an analyser.
    case onDemand
    /// Up to `depth` pairs per module pair (with traffic) are generated ahead and stored, holding a
    /// communication qubit at each end and decohering until consumed; pairs older than the cutoff
    /// are discarded when encountered.
    case buffered(depth: Int, cutoff: CutoffPolicy)
}
