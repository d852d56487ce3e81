import InterlinkCore
import InterlinkCircuits

/// The cost a refinement minimises: interaction weight cut between modules, each unit weighted by the
/// cost of a remote gate between the two modules, plus a per-(qubit, module) placement cost.
///
///     cost(placement) = Σ_{edges (a,b)} w(a,b) · remote[m(a)][m(b)] + Σ_q local[q][m(q)]
///
/// `remote[a][a] = 0`. `local` expresses heterogeneity: for instance the time a qubit's gates take on
/// module m (gate count × the modality's gate time), or its expected idle error there (inverse T₂).
public struct PlacementCost: Sendable, Hashable {
    /// `remote[a][b]`: the cost of one unit of interaction weight between qubits on modules a ≠ b;
    /// symmetric, ≥ 0, zero diagonal.
    public let remote: [[Double]]
    /// `local[q][m]`: the cost of placing qubit q on module m (≥ 0); empty means no placement cost.
    public let local: [[Double]]

    /// A validated cost model.
    ///
    /// - Throws: ``ParameterError`` naming `cost.remote[a][b]` or `cost.local[q][m]` for a negative or
    ///   non-finite entry, a non-square or asymmetric `remote`, a non-zero diagonal, or a `local` row
    ///   whose length is not the number of modules.
    public init(remote: [[Double]], local: [[Double]] = []) throws {
        let k = remote.count
        for (a, row) in remote.enumerated() where row.count != k {
            throw ParameterError(invalid: "cost.remote[\(a)]", reason: "has \(row.count) entries; expected \(k) (square)")
        }
        for (a, row) in remote.enumerated() {
            for (b, value) in row.enumerated() {
                try Self.nonNegative(value, "cost.remote[\(a)][\(b)]")
                if a == b, value != 0 {
                    throw ParameterError(outOfRange: "cost.remote[\(a)][\(a)]", value: value, allowed: "0 (same module)")
                }
                if remote[b][a] != value {
                    throw ParameterError(invalid: "cost.remote[\(a)][\(b)]",
                        reason: "\(value) differs from cost.remote[\(b)][\(a)] = \(remote[b][a]); must be symmetric")
                }
            }
        }
        for (q, row) in local.enumerated() {
            guard row.count == k else {
                throw ParameterError(invalid: "cost.local[\(q)]", reason: "has \(row.count) entries; expected \(k) (one per module)")
            }
            for (m, value) in row.enumerated() { try Self.nonNegative(value, "cost.local[\(q)][\(m)]") }
        }
        self.remote = remote
        self.local = local
    }

    /// Unit remote cost between every two distinct modules and no placement cost: the cost is then
    /// the cut weight.
    public static func uniform(modules: Int) throws -> PlacementCost {
        guard modules >= 1 else {
            throw ParameterError(outOfRange: "modules", value: Double(modules), allowed: "[1, ∞)")
        }
        return try PlacementCost(
            remote: (0..<modules).map { a in (0..<modules).map { $0 == a ? 0 : 1 } })
    }

    private static func nonNegative(_ value: Double, _ parameter: String) throws {
        guard value >= 0, value.isFinite else {
            throw ParameterError(outOfRange: parameter, value: value, allowed: "[0, ∞)")
        }
    }

    /// The placement cost of qubit `q` on module `m` (0 without a placement-cost table).
    func local(_ q: Int, _ m: Int) -> Double { local.isEmpty ? 0 : local[q][m] }

    /// The total cost of `placement` for `graph`.
    public func total(of placement: Placement, graph: InteractionGraph) -> Double {
        let cut = graph.edges.reduce(0.0) {
            $0 + Double($1.weight) * remote[placement.modules[$1.a]][placement.modules[$1.b]]
        }
        return placement.modules.indices.reduce(cut) { $0 + local($1, placement.modules[$1]) }
    }

    /// Throws unless this model fits `moduleCount` modules and `qubitCount` qubits.
    func validate(moduleCount: Int, qubitCount: Int) throws {
        guard remote.count == moduleCount else {
            throw ParameterError(invalid: "cost.remote",
                reason: "is \(remote.count)×\(remote.count) but there are \(moduleCount) modules")
        }
        guard local.isEmpty || local.count == qubitCount else {
            throw ParameterError(invalid: "cost.local", reason: "has \(local.count) rows but there are \(qubitCount) qubits")
        }
    }
}
