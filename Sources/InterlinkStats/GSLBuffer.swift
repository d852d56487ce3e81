import InterlinkCore
import CGSL

/// Small helpers for the GSL vectors and matrices used inside one function call. Every object is
/// allocated through ``GSL/allocate(_:_:)`` and freed by the caller's `defer`; none escapes.
enum GSLBuffer {
    /// `gsl_vector_alloc(n)` filled with `values`.
    static func vector(_ values: [Double]) throws -> UnsafeMutablePointer<gsl_vector> {
        let v = try GSL.allocate("gsl_vector_alloc") { gsl_vector_alloc(values.count) }
        write(values, to: v)
        return v
    }

    /// `gsl_matrix_alloc(rows, columns)`.
    static func matrix(rows: Int, columns: Int) throws -> UnsafeMutablePointer<gsl_matrix> {
        try GSL.allocate("gsl_matrix_alloc") { gsl_matrix_alloc(rows, columns) }
    }

    /// Copies `values` into `v` (which must have `values.count` elements), honouring its stride.
    static func write(_ values: [Double], to v: UnsafeMutablePointer<gsl_vector>) {
        let stride = v.pointee.stride
        for (i, value) in values.enumerated() { v.pointee.data[i * stride] = value }
    }

    /// The elements of `v`, honouring its stride.
    static func read(_ v: UnsafePointer<gsl_vector>) -> [Double] {
        let stride = v.pointee.stride
        return (0..<v.pointee.size).map { v.pointee.data[$0 * stride] }
    }

    /// The rows of `m`, honouring its leading dimension `tda`.
    static func read(_ m: UnsafePointer<gsl_matrix>) -> [[Double]] {
        let tda = m.pointee.tda
        return (0..<m.pointee.size1).map { i in
            (0..<m.pointee.size2).map { j in m.pointee.data[i * tda + j] }
        }
    }
}
