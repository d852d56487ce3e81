import Foundation

@testable import InterlinkCircuits

/// A minimal real-amplitude state-vector simulator for the gates the generators emit with real
/// matrices (h, x, cx, ccx, mcx, cz), written from the gate definitions, to check generated circuits
/// independently of their gate counts. Qubit i is bit i of the basis index.
struct StateVector {
    var amplitudes: [Double]

    init(qubits: Int) {
        amplitudes = [Double](repeating: 0, count: 1 << qubits)
        amplitudes[0] = 1
    }

    mutating func apply(_ operation: Circuit.Operation) {
        let q = operation.qubits
        switch operation.name {
        case "h":
            let bit = 1 << q[0]
            let s = 1 / (2.0).squareRoot()
            for i in amplitudes.indices where i & bit == 0 {
                let (a, b) = (amplitudes[i], amplitudes[i | bit])
                amplitudes[i] = s * (a + b)
                amplitudes[i | bit] = s * (a - b)
            }
        case "x", "cx", "ccx", "mcx":
            let target = 1 << q.last!
            let controls = q.dropLast().reduce(0) { $0 | (1 << $1) }
            for i in amplitudes.indices where i & target == 0 && i & controls == controls {
                amplitudes.swapAt(i, i | target)
            }
        case "cz":
            let both = (1 << q[0]) | (1 << q[1])
            for i in amplitudes.indices where i & both == both { amplitudes[i] = -amplitudes[i] }
        default:
            fatalError("StateVector does not simulate \(operation.name)")
        }
    }

    static func run(_ circuit: Circuit) -> StateVector {
        var state = StateVector(qubits: circuit.qubitCount)
        for operation in circuit.operations { state.apply(operation) }
        return state
    }
}
