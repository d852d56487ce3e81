/// A metric over two numeric parameters, as the matrix a heatmap or contour plot draws.
public struct ResultGrid: Sendable, Hashable {
    /// The distinct values of the first parameter, ascending (the matrix's columns).
    public let x: [Double]
    /// The distinct values of the second parameter, ascending (the matrix's rows).
    public let y: [Double]
    /// `z[row][column]`: the metric at (`x[column]`, `y[row]`); NaN where no row has that pair.
    public let z: [[Double]]
}

extension ResultTable {
    /// The metric `value` over the parameters `x` and `y`: every row that has all three numbers
    /// fills one cell, matched by the numbers themselves (no text keys). Two rows at the same
    /// (x, y) are a study error.
    /// - Throws: `NotebookError.unknownColumn` for a missing column, `NotebookError.invalidTable`
    ///   when two rows share a cell.
    public func grid(x: String, y: String, value: String) throws -> ResultGrid {
        struct Cell: Hashable { let x: Double, y: Double }
        let xs = Array(Set(try values(x).filter { !$0.isNaN })).sorted()
        let ys = Array(Set(try values(y).filter { !$0.isNaN })).sorted()
        _ = try values(value)
        var cells: [Cell: Double] = [:]
        for row in rows {
            guard let a = row.number(x), let b = row.number(y), let v = row.number(value) else { continue }
            if cells.updateValue(v, forKey: Cell(x: a, y: b)) != nil {
                throw NotebookError.invalidTable(reason: "two rows have \(x) = \(a), \(y) = \(b); a grid needs one value per cell")
            }
        }
        return ResultGrid(x: xs, y: ys, z: ys.map { b in xs.map { a in cells[Cell(x: a, y: b)] ?? .nan } })
    }
}
