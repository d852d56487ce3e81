import InterlinkCore
import CGSL

/// The bridge from GSL's `gsl_function` callback to a Swift closure `(Double) throws -> Double`.
///
/// GSL's 1-D solvers (`gsl_root_fsolver_set`, `gsl_min_fminimizer_set_with_values`) keep the
/// `gsl_function *` they are given and call through it on every iteration, so the struct cannot be a
/// Swift `&local` (lent for one call only). The box owns it in ``function``: allocated and
/// initialised once, deinitialised and deallocated in `deinit`. Its `params` is an unretained
/// reference to the box itself, valid for exactly as long as the storage is. Whoever hands
/// ``function`` to GSL must keep the box alive for as long as GSL may call it (``GSLScalarSolver``
/// holds it).
///
/// Swift errors cannot cross the C frames, so a thrown error (or a non-finite value) is stored here
/// and NaN is returned; GSL then reports `GSL_EBADFUNC` and the Swift side rethrows the stored error.
final class ScalarFunctionBox {
    private let body: (Double) throws -> Double
    private let name: String
    private(set) var failure: StatsError?
    /// The `gsl_function` handed to GSL; stable for the box's lifetime.
    let function: UnsafeMutablePointer<gsl_function>

    init(name: String, _ body: @escaping (Double) throws -> Double) {
        self.name = name
        self.body = body
        function = UnsafeMutablePointer<gsl_function>.allocate(capacity: 1)
        function.initialize(to: gsl_function(function: Self.callback, params: nil))
        function.pointee.params = Unmanaged.passUnretained(self).toOpaque()
    }

    deinit {
        function.deinitialize(count: 1)
        function.deallocate()
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
