import InterlinkCore
import CGSL

/// One GSL 1-D iterative solver (`gsl_root_fsolver`, `gsl_min_fminimizer`) together with the
/// `gsl_function` it calls through.
///
/// GSL's `*_set` functions store the `gsl_function *` in the solver state and call through it on every
/// `*_iterate`. The solver therefore owns its target (``ScalarFunctionBox``, which owns the
/// `gsl_function` storage): `deinit` frees the GSL solver first, and only then are the target and its
/// storage released (Swift destroys stored properties after the `deinit` body). Every GSL call goes
/// through a method of this object, so the storage is alive whenever GSL can reach it.
final class GSLScalarSolver<Solver> {
    /// The GSL solver state.
    private let solver: UnsafeMutablePointer<Solver>
    /// The function the solver evaluates, with its stable `gsl_function`.
    let target: ScalarFunctionBox
    private let free: (UnsafeMutablePointer<Solver>) -> Void

    /// Allocates the solver through ``GSL/allocate(_:_:)``.
    ///
    /// - Parameters:
    ///   - target: the function, kept alive until the solver is freed.
    ///   - allocator: the GSL allocator's name (e.g. `"gsl_root_fsolver_alloc"`), for errors.
    ///   - allocate: the allocation call.
    ///   - free: the matching free (e.g. `gsl_root_fsolver_free`).
    init(
        target: ScalarFunctionBox, allocator: String, allocate: () -> UnsafeMutablePointer<Solver>?,
        free: @escaping (UnsafeMutablePointer<Solver>) -> Void
    ) throws {
        solver = try GSL.allocate(allocator, allocate)
        self.target = target
        self.free = free
    }

    deinit {
        GSL.call { free(solver) }
    }

    /// Runs a status-returning GSL call on the solver that may evaluate the target (`*_set`,
    /// `*_iterate`), given the solver and the stable `gsl_function *`; a failure of the target wins
    /// over GSL's `GSL_EBADFUNC` (``ScalarFunctionBox/check(_:_:)``).
    func run(_ function: String, _ body: (UnsafeMutablePointer<Solver>, UnsafeMutablePointer<gsl_function>) -> Int32) throws {
        try target.check(function) { body(solver, target.function) }
    }

    /// Reads a value from the solver state (`gsl_root_fsolver_root`, `gsl_min_fminimizer_x_lower`, ...).
    func read<Value>(_ body: (UnsafeMutablePointer<Solver>) -> Value) -> Value {
        GSL.call { body(solver) }
    }
}
