import Foundation
import InterlinkCircuits
import InterlinkCore
import InterlinkPhysics

/// Where a circuit comes from in a document: OpenQASM text, an OpenQASM file, or a built-in
/// generator — exactly one of the three.
///
/// ```json
/// {"qasm": "OPENQASM 2.0; include \"qelib1.inc\"; qreg q[2]; h q[0]; cx q[0], q[1];"}
/// {"file": "circuits/adder.qasm"}         // relative to the current directory
/// {"generator": {"name": "qft", "qubits": 16}}
/// ```
public struct CircuitSource: Codable, Sendable, Equatable {
    /// OpenQASM 2.0 or 3 program text.
    public var qasm: String?
    /// Path of an OpenQASM file.
    public var file: String?
    /// A built-in generator.
    public var generator: CircuitGenerator?

    /// A source of exactly one kind.
    public init(qasm: String? = nil, file: String? = nil, generator: CircuitGenerator? = nil) {
        self.qasm = qasm
        self.file = file
        self.generator = generator
    }

    /// The circuit.
    ///
    /// - Throws: ``ParameterError`` naming `path` (none or several sources), `path.qasm` or `path.file`
    ///   with the importer's `line:column: message`, or `path.generator.<field>`.
    public func circuit(path: String = "circuit") throws -> Circuit {
        let given = [qasm != nil, file != nil, generator != nil].filter { $0 }.count
        guard given == 1 else {
            throw ParameterError(invalid: path, reason: "give exactly one of 'qasm', 'file' or 'generator' (found \(given))")
        }
        if let qasm { return try Self.imported(qasm, path: child(path, "qasm")) }
        if let file {
            let text: String
            do {
                text = try String(contentsOfFile: file, encoding: .utf8)
            } catch {
                throw ParameterError(invalid: child(path, "file"), reason: "cannot read '\(CommandEcho.truncated(file))' as UTF-8 text")
            }
            return try Self.imported(text, path: child(path, "file"))
        }
        return try (generator ?? CircuitGenerator(name: .ghz, qubits: 1)).circuit(path: child(path, "generator"))
    }

    static func imported(_ text: String, path: String) throws -> Circuit {
        do {
            return try Circuit(qasm: text)
        } catch let e as QASMError {
            throw ParameterError(kind: .invalidDocument, path: path, message: e.description)
        } catch let e as ParameterError {
            // The circuit names its own field (`circuit.registers`, `operations[3].qubits`): report it
            // against the document's `file` field, with the circuit's field in the message.
            throw ParameterError(kind: e.kind, path: path, message: e.description)
        }
    }
}

/// A built-in circuit generator and its parameters.
public struct CircuitGenerator: Codable, Sendable, Equatable {
    /// The generators.
    public enum Name: String, Codable, Sendable, Equatable, CaseIterable {
        /// `Circuit.ghz(qubits:measured:)`.
        case ghz
        /// `Circuit.qft(qubits:swaps:)`.
        case qft
        /// `Circuit.groverIteration(qubits:marked:multiControl:)` (named multi-controlled X).
        case grover
        /// `Circuit.randomLayered(qubits:layers:seed:)`.
        case random
    }
    /// Which generator.
    public var name: Name
    /// Number of qubits (search qubits for Grover).
    public var qubits: Int
    /// Grover: the marked item (default 0).
    public var marked: Int?
    /// Random: layers (default 1).
    public var layers: Int?
    /// Random: seed (default 1).
    public var seed: UInt64?
    /// QFT: final swaps (default true).
    public var swaps: Bool?
    /// GHZ: measure every qubit (default false).
    public var measured: Bool?

    /// A generator with defaults.
    public init(name: Name, qubits: Int, marked: Int? = nil, layers: Int? = nil, seed: UInt64? = nil) {
        self.name = name
        self.qubits = qubits
        self.marked = marked
        self.layers = layers
        self.seed = seed
    }

    /// Largest generated circuit, in operations (keeps a document from asking for billions).
    public static let maximumOperations = 1_000_000

    /// The generated circuit; errors name `path.<field>`.
    ///
    /// - Throws: ``ParameterError`` naming `path.qubits` or `path.layers` when the circuit would have
    ///   more than ``maximumOperations`` operations, or the generator's own range errors.
    public func circuit(path: String = "generator") throws -> Circuit {
        try Validate.count(qubits, atLeast: 1, atMost: 100_000, at: child(path, "qubits"))
        let n = Double(qubits)
        let operations: Double = switch name {
        case .ghz: 2 * n
        case .qft: n * (n + 1) / 2 + n / 2
        case .grover: 0
        case .random: 2 * n * Double(max(layers ?? 1, 0))
        }
        guard operations <= Double(Self.maximumOperations) else {
            throw ParameterError(path: child(path, name == .random ? "layers" : "qubits"),
                                 value: name == .random ? "\(layers ?? 1)" : "\(qubits)",
                                 allowed: "small enough for at most \(Self.maximumOperations) operations (this circuit would have about \(Int(operations)))")
        }
        do {
            switch name {
            case .ghz: return try .ghz(qubits: qubits, measured: measured ?? false)
            case .qft: return try .qft(qubits: qubits, swaps: swaps ?? true)
            case .grover: return try .groverIteration(qubits: qubits, marked: marked ?? 0)
            case .random: return try .randomLayered(qubits: qubits, layers: layers ?? 1, seed: seed ?? 1)
            }
        } catch let e as ParameterError {
            // The generators name `ghz.qubits`, `grover.marked`, …: keep the field, under `path`.
            let field = e.path.split(separator: ".").last.map(String.init) ?? e.path
            throw ParameterError(kind: e.kind, path: child(path, field), message: e.message)
        }
    }
}

extension CircuitGenerator {
    /// Decodes a generator; `qubits`, `marked`, `layers` and `seed` must be integral JSON numbers
    /// (the seed non-negative).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(Name.self, forKey: .name)
        qubits = try c.decodeInteger(forKey: .qubits)
        marked = try c.decodeIntegerIfPresent(forKey: .marked)
        layers = try c.decodeIntegerIfPresent(forKey: .layers)
        seed = try c.decodeSeedIfPresent(forKey: .seed)
        swaps = try c.decodeIfPresent(Bool.self, forKey: .swaps)
        measured = try c.decodeIfPresent(Bool.self, forKey: .measured)
    }
}
