import HeapModule

/// An event scheduled at a time, ordered by (time, insertion sequence number).
///
/// The sequence number breaks ties deterministically: two events at the same time come out in the
/// order they were scheduled (first in, first out), independent of heap layout.
public struct ScheduledEvent<Event: Sendable>: Sendable, Comparable {
    /// Simulation time in seconds.
    public let time: Double
    /// Insertion sequence number, unique within one ``EventQueue``.
    public let sequence: UInt64
    /// The event payload (a small value type, typically an enum).
    public let event: Event

    /// Creates a scheduled event.
    @inlinable
    public init(time: Double, sequence: UInt64, event: Event) {
        self.time = time
        self.sequence = sequence
        self.event = event
    }

    /// Orders by time, then by sequence number.
    @inlinable
    public static func < (lhs: Self, rhs: Self) -> Bool {
        lhs.time < rhs.time || (lhs.time == rhs.time && lhs.sequence < rhs.sequence)
    }

    /// Equal when time and sequence number are equal (the sequence number is unique per queue).
    @inlinable
    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.time == rhs.time && lhs.sequence == rhs.sequence
    }
}

/// A priority queue of timed events on swift-collections' `Heap`, with deterministic tie-breaking.
///
/// Events are value types stored inline in the heap's contiguous buffer, so once capacity is
/// reserved (``init(reservingCapacity:)``) scheduling and popping allocate nothing.
public struct EventQueue<Event: Sendable>: Sendable {
    /// The underlying min-heap.
    @usableFromInline var heap: Heap<ScheduledEvent<Event>>
    /// The next insertion sequence number.
    @usableFromInline var nextSequence: UInt64

    /// Creates an empty queue with room for `capacity` events without reallocation.
    @inlinable
    public init(reservingCapacity capacity: Int = 64) {
        heap = Heap(minimumCapacity: max(capacity, 0))
        nextSequence = 0
    }

    /// The number of pending events.
    @inlinable
    public var count: Int { heap.count }

    /// Whether no event is pending.
    @inlinable
    public var isEmpty: Bool { heap.isEmpty }

    /// The time of the earliest pending event, if any.
    @inlinable
    public var nextTime: Double? { heap.min?.time }

    /// Schedules `event` at `time`.
    @inlinable
    public mutating func schedule(_ event: Event, at time: Double) {
        heap.insert(ScheduledEvent(time: time, sequence: nextSequence, event: event))
        nextSequence &+= 1
    }

    /// Removes and returns the earliest event (ties: earliest scheduled), or `nil` when empty.
    @inlinable
    public mutating func pop() -> ScheduledEvent<Event>? {
        heap.popMin()
    }

    /// Removes every pending event, keeping the capacity; the sequence counter continues.
    @inlinable
    public mutating func removeAll() {
        heap.removeAll(where: { _ in true })
    }
}
