extension MachineDescription {
    /// Every module attached to one photonic switch (`switch.modules` is replaced by all modules).
    public static func star(_ modules: [ModuleDescription], through switchTemplate: SwitchDescription)
        -> MachineDescription
    {
        var s = switchTemplate
        s.modules = Array(modules.indices)
        return MachineDescription(modules: modules, switches: [s])
    }

    /// Modules 0 – 1 – … – (n−1) joined in a line by copies of `link` (its `modules` replaced).
    public static func line(_ modules: [ModuleDescription], link: LinkDescription) -> MachineDescription {
        edges(modules, link: link, pairs: modules.indices.dropLast().map { ($0, $0 + 1) })
    }

    /// A line closed into a ring (n ≥ 3 adds the edge (n−1) – 0).
    public static func ring(_ modules: [ModuleDescription], link: LinkDescription) -> MachineDescription {
        let n = modules.count
        var pairs = modules.indices.dropLast().map { ($0, $0 + 1) }
        if n >= 3 { pairs.append((n - 1, 0)) }
        return edges(modules, link: link, pairs: pairs)
    }

    /// Every pair of modules joined directly by a copy of `link`.
    public static func allToAll(_ modules: [ModuleDescription], link: LinkDescription) -> MachineDescription {
        var pairs: [(Int, Int)] = []
        for a in modules.indices {
            for b in modules.indices where b > a { pairs.append((a, b)) }
        }
        return edges(modules, link: link, pairs: pairs)
    }

    /// The given module pairs joined by copies of `link` (edge by edge).
    public static func edges(_ modules: [ModuleDescription], link: LinkDescription, pairs: [(Int, Int)])
        -> MachineDescription
    {
        MachineDescription(modules: modules, links: pairs.map { a, b in
            var l = link
            l.modules = [a, b]
            return l
        })
    }
}
