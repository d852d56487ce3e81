import CGSL

/// The bridge from GSL's `gsl_function` callback to a Swift closure `(Double) throws -> Double`.
///
/// The `params` void pointer GSL passes back is an `Unmanaged` reference to this box. Swift errors
/// cannot cross the C frames, so a thrown error (or a non-finite value) is stored here and NaN is
/// returned; GSL then reports `GSL_EBADFUNC` and the Swift side rethrows the stored error.
final class ScalarFunctionBox {
    private let body: (Double) throws -> Double
    private let name: String
    private(set) var failure: StatsError?

    init(name: String, _ body: @escaping (Double) throws -> Double) {
        self.name = name
        self.body = body
    }

    /// Evaluates the closure from Swift, turning errors and non-finite values into ``StatsError``.
    func evaluate(_ x: Double) throws -> Double {
        let value: Double
        do { value = try body(x) } catch let error as StatsError { throw error } catch {
            throw StatsError.evaluationFailed(function: name, message: "\(error) at x = \(x)")
        }
        guard value.isFinite else {
            throw StatsError.evaluationFailed(function: name, message: "non-finite value \(value) at x = \(x)")
        }
        return value
    }

    fileprivate func evaluateForC(_ x: Double) -> Double {
        do { return try evaluate(x) } catch {
            if failure == nil { failure = error as? StatsError }
            return .nan
        }
    }

    /// Runs `body` with a `gsl_function` whose callback reaches this box, keeping the box alive.
    func withGSLFunction<Result>(_ body: (inout gsl_function) throws -> Result) rethrows -> Result {
        let unmanaged = Unmanaged.passRetained(self)
        defer { unmanaged.release() }
        var function = gsl_function(function: Self.callback, params: unmanaged.toOpaque())
        return try body(&function)
    }

    /// Runs a status-returning GSL call that evaluates the closure; a stored closure failure wins
    /// over GSL's `GSL_EBADFUNC`.
    func check(_ function: String, _ body: () -> Int32) throws {
        let status = GSL.call(body)
        if let failure { throw failure }
        guard status == GSLStatus.success else { throw GSL.error(function, status: status) }
    }

    private static let callback: @convention(c) (Double, UnsafeMutableRawPointer?) -> Double = { x, params in
        guard let params else { return .nan }
        return Unmanaged<ScalarFunctionBox>.fromOpaque(params).takeUnretainedValue().evaluateForC(x)
    }
}
