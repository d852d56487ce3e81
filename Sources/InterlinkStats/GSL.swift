import InterlinkCore
import CGSL

/// The GNU Scientific Library (GSL) as seen from Swift: facts about the linked library and the single
/// funnel through which every GSL call in this module passes.
///
/// Modelled on apple/swift-system's `valueOrErrno`: a C function is never called directly from the
/// typed layer; it is wrapped in ``GSL/check(_:_:)`` (status-returning functions) or
/// ``GSL/call(_:)`` (value-returning functions). Both first touch ``errorHandlerIsOff``, a
/// `static let` whose once-initialiser calls `gsl_set_error_handler_off`, so GSL's default error
/// handler (which calls `abort()`) is disabled before the first GSL function can run, whichever
/// public API a caller reaches first.
public enum GSL {
    /// The version string of the linked GSL (`gsl_version`), e.g. `"2.7.1"`.
    public static var version: String {
        call { String(cString: cgsl_version()) }
    }

    /// Runs once, lazily and thread-safely (Swift global/static initialisation is `swift_once`):
    /// `gsl_set_error_handler_off` makes GSL return status codes instead of aborting.
    private static let errorHandlerIsOff: Bool = {
        _ = gsl_set_error_handler_off()
        return true
    }()

    /// Invokes a value-returning GSL function after making sure the abort handler is off.
    ///
    /// Every GSL call in this module passes through here (directly, or via ``check(_:_:)`` and
    /// ``allocate(_:_:)``).
    @inline(__always)
    static func call<Result>(_ body: () throws -> Result) rethrows -> Result {
        _ = errorHandlerIsOff
        return try body()
    }

    /// Invokes a status-returning GSL function and maps any status other than `GSL_SUCCESS` to
    /// ``StatsError/gsl(function:status:reason:)`` carrying GSL's own reason (`gsl_strerror`).
    ///
    /// - Parameters:
    ///   - function: the name of the GSL function, for the error message.
    ///   - body: the call, returning GSL's `int` status.
    static func check(_ function: String, _ body: () throws -> Int32) throws {
        let status = try call(body)
        guard status == GSLStatus.success else { throw error(function, status: status) }
    }

    /// Invokes a GSL allocator (`gsl_vector_alloc`, `gsl_spline_alloc`, ...) and maps a `NULL`
    /// result to ``StatsError/gsl(function:status:reason:)`` with status `GSL_ENOMEM`.
    static func allocate<Pointee>(
        _ function: String, _ body: () -> UnsafeMutablePointer<Pointee>?
    ) throws -> UnsafeMutablePointer<Pointee> {
        guard let pointer = call(body) else { throw error(function, status: Int32(GSL_ENOMEM)) }
        return pointer
    }

    /// The typed error for a GSL status, with GSL's reason string (`gsl_strerror`).
    static func error(_ function: String, status: Int32) -> StatsError {
        let reason = call { gsl_strerror(status).map { String(cString: $0) } ?? "unknown GSL status" }
        return .gsl(function: function, status: status, reason: reason)
    }
}

/// GSL's status codes (`gsl_errno.h`, imported as `Int`) as the `Int32` its functions return.
enum GSLStatus {
    static let success = Int32(GSL_SUCCESS)
    static let `continue` = Int32(GSL_CONTINUE)
    static let invalid = Int32(GSL_EINVAL)
    static let badFunction = Int32(GSL_EBADFUNC)
    static let noProgress = Int32(GSL_ENOPROG)
    static let stepTolerance = Int32(GSL_ETOLX)
    static let gradientTolerance = Int32(GSL_ETOLG)
    static let residualTolerance = Int32(GSL_ETOLF)
    static let maxIterations = Int32(GSL_EMAXITER)
}
