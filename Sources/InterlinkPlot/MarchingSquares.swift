/// Contour lines of a scalar field on a rectilinear grid by marching squares
/// (W. E. Lorensen and H. E. Cline, "Marching cubes", SIGGRAPH 1987, in two dimensions).
///
/// Crossings are linearly interpolated along cell edges; saddle cells are resolved with the mean of
/// the four corners. Segments are joined into polylines through shared edge crossings.
package enum MarchingSquares {
    /// Polylines (data coordinates) where `z` equals `level`. `z[row][column]` sits at
    /// (`x[column]`, `y[row]`); cells with a non-finite corner are skipped.
    public static func contour(x: [Double], y: [Double], z: [[Double]], level: Double) -> [[DataPoint]] {
        let nx = x.count
        let ny = y.count
        guard nx >= 2, ny >= 2, z.count >= ny, z.prefix(ny).allSatisfy({ $0.count >= nx }), level.isFinite else {
            return []
        }
        // Edge keys: horizontal edge from (i, j) to (i+1, j) is 2(j·nx + i); vertical edge from
        // (i, j) to (i, j+1) is 2(j·nx + i) + 1.
        func hKey(_ i: Int, _ j: Int) -> Int { 2 * (j * nx + i) }
        func vKey(_ i: Int, _ j: Int) -> Int { 2 * (j * nx + i) + 1 }
        func point(_ key: Int) -> DataPoint {
            let node = key / 2
            let i = node % nx
            let j = node / nx
            if key % 2 == 0 {
                let a = z[j][i], b = z[j][i + 1]
                let t = (level - a) / (b - a)
                return DataPoint(x[i] + t * (x[i + 1] - x[i]), y[j])
            }
            let a = z[j][i], b = z[j + 1][i]
            let t = (level - a) / (b - a)
            return DataPoint(x[i], y[j] + t * (y[j + 1] - y[j]))
        }
        var segments: [(Int, Int)] = []
        for j in 0..<(ny - 1) {
            for i in 0..<(nx - 1) {
                let c0 = z[j][i], c1 = z[j][i + 1], c2 = z[j + 1][i + 1], c3 = z[j + 1][i]
                guard c0.isFinite, c1.isFinite, c2.isFinite, c3.isFinite else { continue }
                let b0 = c0 >= level, b1 = c1 >= level, b2 = c2 >= level, b3 = c3 >= level
                let bottom = hKey(i, j), right = vKey(i + 1, j), top = hKey(i, j + 1), left = vKey(i, j)
                var crossed: [Int] = []
                if b0 != b1 { crossed.append(bottom) }
                if b1 != b2 { crossed.append(right) }
                if b2 != b3 { crossed.append(top) }
                if b3 != b0 { crossed.append(left) }
                if crossed.count == 2 {
                    segments.append((crossed[0], crossed[1]))
                } else if crossed.count == 4 {
                    let center = (c0 + c1 + c2 + c3) / 4 >= level
                    if center == b0 {
                        // Corners 0 and 2 connect through the centre: cut off corners 1 and 3.
                        segments.append((bottom, right))
                        segments.append((top, left))
                    } else {
                        segments.append((left, bottom))
                        segments.append((right, top))
                    }
                }
            }
        }
        return join(segments).map { $0.map(point) }
    }

    /// Joins segments sharing endpoints into chains (open chains first, then closed loops).
    static func join(_ segments: [(Int, Int)]) -> [[Int]] {
        var byKey: [Int: [Int]] = [:]
        for (index, s) in segments.enumerated() {
            byKey[s.0, default: []].append(index)
            byKey[s.1, default: []].append(index)
        }
        var used = [Bool](repeating: false, count: segments.count)
        var chains: [[Int]] = []
        func walk(from start: Int, segment first: Int) -> [Int] {
            var chain = [start]
            var key = start
            var current = first
            while true {
                used[current] = true
                let s = segments[current]
                key = s.0 == key ? s.1 : s.0
                chain.append(key)
                guard let nextIndex = byKey[key]?.first(where: { !used[$0] }) else { break }
                current = nextIndex
            }
            return chain
        }
        // Open chains start at a key used by a single segment.
        for (index, s) in segments.enumerated() where !used[index] {
            for end in [s.0, s.1] where byKey[end]?.count == 1 && !used[index] {
                chains.append(walk(from: end, segment: index))
            }
        }
        for (index, s) in segments.enumerated() where !used[index] {
            chains.append(walk(from: s.0, segment: index))
        }
        return chains
    }
}
