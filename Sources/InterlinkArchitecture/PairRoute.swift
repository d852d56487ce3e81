import InterlinkPhysics

/// The route of a pair between two modules: adjacent channels joined by entanglement swapping at
/// the intermediate modules.
public struct PairRoute: Sendable, Equatable {
    /// The channels, in order from the first module to the last.
    public let channels: [Int]
    /// The modules along the route, first to last (`channels.count + 1` entries).
    public let modules: [Int]
    /// Expected time of a pair: the slowest hop's expected generation time (hops run in parallel;
    /// the expectation of their maximum is bounded below by this) plus, per swap, the intermediate
    /// module's two-qubit gate and readout, plus the classical latency of the route.
    public let expectedSeconds: Double
    /// One-way classical latency from end to end (sum over hops).
    public let classicalLatencySeconds: Double
}

extension Machine {
    /// Every module pair's fastest route by Dijkstra on expected time: a hop costs its channel's
    /// expected generation time (the fastest channel between two modules), a relay adds its two-qubit
    /// gate, readout and the hop's classical latency. Relays need ≥ 2 communication qubits.
    ///
    /// The additive cost is the route's expected time when hops are generated one after another; it
    /// orders routes sensibly and equals ``PairRoute/expectedSeconds`` for one hop.
    static func routes(modules: [MachineModule], channels: [PairChannel]) -> [[PairRoute?]] {
        let k = modules.count
        // The fastest channel between every two adjacent modules.
        var best = [[Int?]](repeating: [Int?](repeating: nil, count: k), count: k)
        for (c, ch) in channels.enumerated() {
            for (a, b) in [(ch.moduleA, ch.moduleB), (ch.moduleB, ch.moduleA)] {
                if let old = best[a][b], channels[old].expectedPairSeconds <= ch.expectedPairSeconds { continue }
                best[a][b] = c
            }
        }
        func hopCost(_ c: Int) -> Double { channels[c].expectedPairSeconds + channels[c].classicalLatencySeconds }
        func relayCost(_ m: Int) -> Double { modules[m].operations.twoQubitGateSeconds + modules[m].operations.readoutSeconds }
        var routes = [[PairRoute?]](repeating: [PairRoute?](repeating: nil, count: k), count: k)
        for source in 0..<k {
            var distance = [Double](repeating: .infinity, count: k)
            var previous = [Int?](repeating: nil, count: k)
            var done = [Bool](repeating: false, count: k)
            distance[source] = 0
            for _ in 0..<k {
                var u = -1
                for v in 0..<k where !done[v] && distance[v] < .infinity && (u < 0 || distance[v] < distance[u]) { u = v }
                if u < 0 { break }
                done[u] = true
                if u != source, modules[u].communicationQubits < 2 { continue }
                for v in 0..<k where !done[v] {
                    guard let c = best[u][v] else { continue }
                    let d = distance[u] + hopCost(c) + (u == source ? 0 : relayCost(u))
                    if d < distance[v] { distance[v] = d; previous[v] = u }
                }
            }
            for target in 0..<k where target != source && distance[target] < .infinity {
                var path = [target]
                while let p = previous[path[0]] { path.insert(p, at: 0) }
                let hops = zip(path, path.dropFirst()).compactMap { best[$0][$1] }
                let latency = hops.reduce(0) { $0 + channels[$1].classicalLatencySeconds }
                let slowest = hops.map { channels[$0].expectedPairSeconds }.max() ?? 0
                let relays = path.dropFirst().dropLast().map(relayCost).max() ?? 0
                routes[source][target] = PairRoute(channels: hops, modules: path,
                                                   expectedSeconds: slowest + relays + (hops.count > 1 ? latency : 0),
                                                   classicalLatencySeconds: latency)
            }
        }
        return routes
    }
}
