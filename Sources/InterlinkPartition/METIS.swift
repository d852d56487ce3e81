import CMETIS
import Foundation

/// METIS 5 (Karypis & Kumar, "A fast and high quality multilevel scheme for partitioning irregular
/// graphs", SIAM J. Sci. Comput. 20, 359 (1998)) as seen from Swift: the one funnel through which every
/// METIS call in this module passes, and the typed status it maps METIS's return codes to.
///
/// Memory: every array handed to METIS is a Swift array passed `inout` for the duration of the call
/// only (Swift keeps it alive and pinned until the C function returns); METIS keeps no pointer after
/// returning, so nothing is freed on the C side.
///
/// Concurrency: METIS keeps process-global state (GKlib's random-number generator, seeded from
/// `METIS_OPTION_SEED` at the start of each call), so two concurrent calls could disturb each other's
/// random streams and give seed-dependent results that differ from run to run. Every call therefore
/// holds ``lock`` for its whole duration.
public enum METIS {
    /// Serialises all METIS calls (see the type's documentation).
    private static let lock = NSLock()

    /// The outcome of a METIS call other than success (`rstatus_et` in `metis.h`).
    public enum Status: Sendable, Hashable, CustomStringConvertible {
        /// `METIS_ERROR_INPUT` (−2): erroneous inputs or options.
        case input
        /// `METIS_ERROR_MEMORY` (−3): METIS could not allocate memory.
        case memory
        /// `METIS_ERROR` (−4) or any other code METIS is not documented to return.
        case other(Int32)

        /// The METIS constant and its documented meaning.
        public var description: String {
            switch self {
            case .input: return "METIS_ERROR_INPUT (erroneous inputs and/or options)"
            case .memory: return "METIS_ERROR_MEMORY (insufficient memory)"
            case let .other(code) where code == METIS_ERROR.rawValue: return "METIS_ERROR (some other error)"
            case let .other(code): return "unknown METIS status \(code)"
            }
        }
    }

    /// The integer width METIS was built with (`IDXTYPEWIDTH`); the wrapper requires 32.
    public static let indexWidth = Int(IDXTYPEWIDTH)

    /// Runs one status-returning METIS function and maps its status: `METIS_OK` returns normally,
    /// `METIS_ERROR_INPUT`, `METIS_ERROR_MEMORY` and `METIS_ERROR` throw
    /// ``PartitionError/metis(function:status:)`` naming `function`. The call runs under ``lock``.
    ///
    /// - Parameters:
    ///   - function: the C function's name, for the error.
    ///   - body: the call, returning METIS's `int` status.
    static func check(_ function: String, _ body: () -> Int32) throws {
        let status = lock.withLock { body() }
        switch status {
        case METIS_OK.rawValue: return
        case METIS_ERROR_INPUT.rawValue: throw PartitionError.metis(function: function, status: .input)
        case METIS_ERROR_MEMORY.rawValue: throw PartitionError.metis(function: function, status: .memory)
        default: throw PartitionError.metis(function: function, status: .other(status))
        }
    }
}
