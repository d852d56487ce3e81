import InterlinkCore
import InterlinkCircuits

/// An assignment of qubits to modules that respects the modules' capacities: `modules[q]` is the
/// module of qubit `q`, and no module `m` holds more than `capacities[m]` qubits.
public struct Placement: Sendable, Hashable {
    /// The module index of every qubit.
    public let modules: [Int]
    /// The capacity (data qubits) of every module.
    public let capacities: [Int]

    /// A validated placement, e.g. one given by the user.
    ///
    /// - Parameters:
    ///   - modules: the module of every qubit.
    ///   - capacities: every module's capacity.
    ///   - qubitCount: when given, the number of qubits the placement must cover.
    /// - Throws: ``ParameterError`` naming the field: `capacities[m]` when negative or exceeded,
    ///   `placement` when it does not place exactly `qubitCount` qubits, `placement[q]` when a module
    ///   index is outside `0..<capacities.count`.
    public init(modules: [Int], capacities: [Int], qubitCount: Int? = nil) throws {
        try Self.validate(capacities: capacities)
        if let qubitCount, modules.count != qubitCount {
            throw ParameterError(invalid: "placement",
                reason: "places \(modules.count) qubit(s) but the circuit has \(qubitCount); every qubit "
                    + "must be placed exactly once")
        }
        let loads = try Self.loads(of: modules, moduleCount: capacities.count)
        for (module, load) in loads.enumerated() where load > capacities[module] {
            throw ParameterError(invalid: "capacities[\(module)]",
                reason: "module \(module) is given \(load) qubits but its capacity is \(capacities[module])")
        }
        self.modules = modules
        self.capacities = capacities
    }

    /// The number of qubits on each of `moduleCount` modules.
    ///
    /// - Throws: ``ParameterError`` naming `placement[q]` when a module
    ///   index is outside `0..<moduleCount`.
    static func loads(of modules: [Int], moduleCount: Int) throws -> [Int] {
        var loads = [Int](repeating: 0, count: moduleCount)
        for (qubit, module) in modules.enumerated() {
            guard module >= 0, module < moduleCount else {
                throw ParameterError(invalid: "placement[\(qubit)]", reason: "module index \(module) is outside 0..<\(moduleCount)")
            }
            loads[module] += 1
        }
        return loads
    }

    /// Throws unless there is at least one module and every capacity is ≥ 0.
    static func validate(capacities: [Int]) throws {
        guard !capacities.isEmpty else {
            throw ParameterError(invalid: "capacities", reason: "at least one module is needed")
        }
        for (module, capacity) in capacities.enumerated() where capacity < 0 {
            throw ParameterError(outOfRange: "capacities[\(module)]", value: Double(capacity), allowed: "[0, ∞)")
        }
    }

    /// The number of modules.
    public var moduleCount: Int { capacities.count }

    /// The number of qubits on every module.
    public var loads: [Int] {
        // Validated at construction, so the indices are in range.
        (try? Self.loads(of: modules, moduleCount: capacities.count)) ?? []
    }

    /// The qubits placed on `module`, ascending.
    public func qubits(on module: Int) -> [Int] {
        modules.indices.filter { modules[$0] == module }
    }

    /// The total weight of the edges of `graph` whose endpoints are on different modules.
    public func cutWeight(of graph: InteractionGraph) -> Int {
        graph.edges.reduce(0) { $0 + (modules[$1.a] != modules[$1.b] ? $1.weight : 0) }
    }

    /// The number of edges of `graph` whose endpoints are on different modules.
    public func cutEdgeCount(of graph: InteractionGraph) -> Int {
        graph.edges.reduce(0) { $0 + (modules[$1.a] != modules[$1.b] ? 1 : 0) }
    }
}
