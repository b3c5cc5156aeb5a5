import NIOCore
import NIOWebSocket
import Synchronization

/// Writes one WebSocket connection's text frames straight to its NIO channel,
/// from any thread, in the order they are sent. At most `limit` messages may be
/// written and not yet handed to the socket: a client that stops reading fills
/// that queue, `send` then refuses (false) and the owner closes the connection
/// with 1013 — it never grows without bound, and it never delays anyone else.
final class SocketWriter: Sendable {
    let channel: any Channel
    private let pending = Atomic<Int>(0)
    private let limit: Int

    init(channel: any Channel, limit: Int) {
        self.channel = channel
        self.limit = limit
    }

    var eventLoop: any EventLoop { channel.eventLoop }

    /// Queues `text` as one text frame; false when the queue is full.
    func send(_ text: String) -> Bool {
        guard reserve() else { return false }
        let bytes = Array(text.utf8)
        if channel.eventLoop.inEventLoop {
            write(bytes, [], [])
            channel.flush()
        } else {
            channel.eventLoop.execute {
                self.write(bytes, [], [])
                self.channel.flush()
            }
        }
        return true
    }

    /// Takes a place in the queue for one message, or false when it is full.
    func reserve() -> Bool {
        guard pending.add(1, ordering: .relaxed).newValue <= limit else {
            pending.subtract(1, ordering: .relaxed)
            return false
        }
        return true
    }

    /// On the event loop, after `reserve()`: writes the frame `a + b + c` (not flushed).
    func write(_ a: [UInt8], _ b: [UInt8], _ c: [UInt8]) {
        var buffer = channel.allocator.buffer(capacity: a.count + b.count + c.count)
        buffer.writeBytes(a)
        buffer.writeBytes(b)
        buffer.writeBytes(c)
        let promise = channel.eventLoop.makePromise(of: Void.self)
        promise.futureResult.whenComplete { _ in self.pending.subtract(1, ordering: .relaxed) }
        channel.write(WebSocketFrame(fin: true, opcode: .text, data: buffer), promise: promise)
    }
}
