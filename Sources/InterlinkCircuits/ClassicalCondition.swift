/// A classical condition on an operation: the operation runs only when the classical bits `clbits`,
/// read as an unsigned integer with `clbits[0]` as the least significant bit, equal `value`.
///
/// OpenQASM 2.0's `if (c == 5) x q[0];` becomes `ClassicalCondition(register: "c", clbits: c's bits,
/// value: 5)`; OpenQASM 3's `if (c[1] == 1)` conditions on one bit.
public struct ClassicalCondition: Sendable, Hashable {
    /// The name of the register the condition reads, for display (`"c"`, or `"c[1]"` for one bit).
    public let register: String
    /// The global classical-bit indices read, least significant first.
    public let clbits: [Int]
    /// The value the bits must equal.
    public let value: Int

    /// A condition that the bits `clbits` (least significant first) equal `value`.
    public init(register: String, clbits: [Int], value: Int) {
        self.register = register
        self.clbits = clbits
        self.value = value
    }
}
