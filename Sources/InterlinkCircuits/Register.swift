/// A named register: a contiguous run of `size` qubits (or classical bits) starting at global index
/// `offset`. OpenQASM's `qreg q[3];` after a two-qubit register is `Register(name: "q", offset: 2,
/// size: 3)`.
public struct Register: Sendable, Hashable {
    /// The register's name as declared.
    public let name: String
    /// The global index of its first bit.
    public let offset: Int
    /// The number of bits.
    public let size: Int

    /// A register `name` of `size` bits starting at global index `offset`.
    public init(name: String, offset: Int, size: Int) {
        self.name = name
        self.offset = offset
        self.size = size
    }

    /// The global indices of its bits, in order.
    public var indices: Range<Int> { offset..<(offset + size) }
}
