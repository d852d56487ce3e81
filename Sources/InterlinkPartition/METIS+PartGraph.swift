import InterlinkCore
import CMETIS

extension METIS {
    /// Which METIS partitioning routine to call.
    public enum Method: String, Sendable, Hashable, CaseIterable {
        /// `METIS_PartGraphKway`: multilevel k-way partitioning.
        case kway
        /// `METIS_PartGraphRecursive`: multilevel recursive bisection.
        case recursiveBisection

        /// The C function's name.
        public var functionName: String {
            self == .kway ? "METIS_PartGraphKway" : "METIS_PartGraphRecursive"
        }
    }

    /// A graph in METIS's compressed-row form (0-based numbering): the neighbours of vertex `v` are
    /// `adjncy[xadj[v] ..< xadj[v+1]]` with weights `adjwgt` at the same positions.
    struct Graph {
        var xadj: [Int32]
        var adjncy: [Int32]
        var adjwgt: [Int32]

        var vertexCount: Int { xadj.count - 1 }
    }

    /// Partitions `graph` into `targetWeights.count` parts whose shares of the (unit) vertex weights
    /// approach `targetWeights` (`tpwgts`, summing to 1), minimising the weighted edge cut, with
    /// METIS's random seed fixed to `seed` (`METIS_OPTION_SEED`) so the result is reproducible.
    ///
    /// Calls `METIS_SetDefaultOptions`, then `METIS_PartGraphKway` or `METIS_PartGraphRecursive` with
    /// `ncon = 1`, `vwgt = NULL` (unit vertex weights), `vsize = NULL`, `ubvec = NULL` (METIS's default
    /// imbalance). Returns the part of every vertex and METIS's reported edge cut.
    ///
    /// - Throws: ``PartitionError/metis(function:status:)`` when METIS reports an error;
    ///   ``ParameterError`` when a count does not fit `idx_t`.
    static func partGraph(
        _ graph: Graph, targetWeights: [Float], method: Method, seed: Int32
    ) throws -> (parts: [Int], edgeCut: Int) {
        guard graph.vertexCount < Int(Int32.max), graph.adjncy.count < Int(Int32.max) else {
            throw ParameterError(outOfRange: "graph.vertexCount", value: Double(graph.vertexCount),
                allowed: "[0, \(Int32.max)) (METIS idx_t is 32-bit)")
        }
        var options = [idx_t](repeating: 0, count: Int(METIS_NOPTIONS))
        try check("METIS_SetDefaultOptions") { METIS_SetDefaultOptions(&options) }
        options[Int(METIS_OPTION_SEED.rawValue)] = seed
        options[Int(METIS_OPTION_NUMBERING.rawValue)] = 0
        var nvtxs = idx_t(graph.vertexCount)
        var ncon: idx_t = 1
        var nparts = idx_t(targetWeights.count)
        var xadj = graph.xadj
        var adjncy = graph.adjncy
        var adjwgt = graph.adjwgt
        var tpwgts = targetWeights.map { real_t($0) }
        var edgeCut: idx_t = 0
        var part = [idx_t](repeating: 0, count: graph.vertexCount)
        try check(method.functionName) {
            switch method {
            case .kway:
                return METIS_PartGraphKway(
                    &nvtxs, &ncon, &xadj, &adjncy, nil, nil, &adjwgt, &nparts, &tpwgts, nil, &options,
                    &edgeCut, &part)
            case .recursiveBisection:
                return METIS_PartGraphRecursive(
                    &nvtxs, &ncon, &xadj, &adjncy, nil, nil, &adjwgt, &nparts, &tpwgts, nil, &options,
                    &edgeCut, &part)
            }
        }
        return (part.map(Int.init), Int(edgeCut))
    }
}
