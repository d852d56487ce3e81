extension Circuit {
    /// One operation of a circuit (nested in `Circuit` so that it cannot clash with Foundation's
    /// `Operation`): a gate, a measurement, a reset or a barrier, optionally conditioned on
    /// classical bits.
    ///
    /// The operation is a flat record so that schedulers and counters need no pattern matching: `kind`
    /// says what it is, `name` is the gate name (`"measure"`, `"reset"`, `"barrier"` for the others),
    /// `qubits` the qubit operands in order, `clbits` the classical targets (one per measured qubit),
    /// `parameters` the real gate parameters (angles in radians).
    public struct Operation: Sendable, Hashable {
        /// What an operation does.
        public enum Kind: String, Sendable, Hashable, CaseIterable {
            /// A unitary gate, named by `name`, acting on `qubits` with `parameters`.
            case gate
            /// A measurement of `qubits[0]` into `clbits[0]` in the computational basis.
            case measure
            /// A reset of `qubits[0]` to |0⟩.
            case reset
            /// A scheduling barrier across `qubits` (no physical action).
            case barrier
        }

        /// What this operation does.
        public let kind: Kind
        /// The gate name (for `.gate`) or the kind's name (`"measure"`, `"reset"`, `"barrier"`).
        public let name: String
        /// The qubit operands, in order (for a controlled gate the controls come first).
        public let qubits: [Int]
        /// The classical bits written (for `.measure`: one bit); empty otherwise.
        public let clbits: [Int]
        /// The real parameters of a gate (angles in radians); empty for the other kinds.
        public let parameters: [Double]
        /// The classical condition under which the operation runs, or `nil` when unconditional.
        public let condition: ClassicalCondition?

        /// The number of qubit operands.
        public var arity: Int { qubits.count }

        /// The memberwise initialiser; prefer the static constructors below.
        public init(
            kind: Kind, name: String, qubits: [Int], clbits: [Int] = [], parameters: [Double] = [],
            condition: ClassicalCondition? = nil
        ) {
            self.kind = kind
            self.name = name
            self.qubits = qubits
            self.clbits = clbits
            self.parameters = parameters
            self.condition = condition
        }

        /// A gate named `name` on `qubits` with real `parameters`.
        public static func gate(
            _ name: String, _ qubits: [Int], parameters: [Double] = [], condition: ClassicalCondition? = nil
        ) -> Operation {
            Operation(kind: .gate, name: name, qubits: qubits, parameters: parameters, condition: condition)
        }

        /// A measurement of `qubit` into classical bit `clbit`.
        public static func measure(_ qubit: Int, into clbit: Int, condition: ClassicalCondition? = nil)
            -> Operation
        {
            Operation(kind: .measure, name: "measure", qubits: [qubit], clbits: [clbit], condition: condition)
        }

        /// A reset of `qubit` to |0⟩.
        public static func reset(_ qubit: Int, condition: ClassicalCondition? = nil) -> Operation {
            Operation(kind: .reset, name: "reset", qubits: [qubit], condition: condition)
        }

        /// A barrier across `qubits`.
        public static func barrier(_ qubits: [Int]) -> Operation {
            Operation(kind: .barrier, name: "barrier", qubits: qubits)
        }

        /// The same operation with `condition` attached (replacing any previous one).
        public func conditioned(on condition: ClassicalCondition?) -> Operation {
            Operation(
                kind: kind, name: name, qubits: qubits, clbits: clbits, parameters: parameters,
                condition: condition)
        }
    }
}
