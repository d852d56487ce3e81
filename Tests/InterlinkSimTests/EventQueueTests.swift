import Testing
@testable import InterlinkSim

@Suite("Event queue")
struct EventQueueTests {
    enum Tag: Sendable, Equatable { case a(Int), b }

    @Test("events come out in time order, ties in scheduling order")
    func ordering() {
        var q = EventQueue<Tag>(reservingCapacity: 8)
        q.schedule(.a(1), at: 2.0)
        q.schedule(.a(2), at: 1.0)
        q.schedule(.b, at: 2.0)
        q.schedule(.a(3), at: 1.0)
        q.schedule(.a(4), at: 0.5)
        var out: [Tag] = []
        while let e = q.pop() { out.append(e.event) }
        #expect(out == [.a(4), .a(2), .a(3), .a(1), .b])
    }

    @Test("many equal-time events keep FIFO order")
    func manyTies() {
        var q = EventQueue<Int>(reservingCapacity: 1000)
        for i in 0..<1000 { q.schedule(i, at: Double(i % 3)) }
        var last = (-1.0, -1)
        var n = 0
        while let e = q.pop() {
            #expect(e.time > last.0 || (e.time == last.0 && e.event > last.1))
            last = (e.time, e.event)
            n += 1
        }
        #expect(n == 1000 && q.isEmpty)
    }
}
