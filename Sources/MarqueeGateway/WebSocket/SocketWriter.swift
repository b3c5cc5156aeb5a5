import NIOCore
import NIOWebSocket
import Synchronization

/// Writes one WebSocket connection's text frames straight to its NIO channel,
/// from any thread, in the order they are sent.
///
/// Frames are encoded here and enter the pipeline below its frame encoder (one
/// buffer, one iovec each). A client that stops reading fills the socket's
/// buffers; every message written while the channel is over its high-water
/// mark counts, and after `limit` of them in a row `reserve()` refuses and the
/// owner closes the connection with 1013 — the queue never grows without bound
/// and never delays anyone else.
final class SocketWriter: @unchecked Sendable {
    let channel: any Channel
    /// Messages written in a row while the channel was not writable (fan-out writes).
    private let backlog = Atomic<Int>(0)
    /// The connection's own messages (answers, errors, acks) not yet handed to the socket.
    private let pending = Atomic<Int>(0)
    private let limit: Int
    private let overflowed = Atomic<Bool>(false)
    /// Told once when the queue overflows (the owner closes the connection).
    private let overflowHandler = Mutex<(@Sendable () -> Void)?>(nil)
    /// The frame encoder's context, looked up at the first write (event loop only).
    private var encoder: ChannelHandlerContext?
    private var lookedUp = false

    init(channel: any Channel, limit: Int) {
        self.channel = channel
        self.limit = limit
    }

    var eventLoop: any EventLoop { channel.eventLoop }

    /// What to do when the queue overflows (set before the first message).
    func onOverflow(_ handler: @escaping @Sendable () -> Void) {
        overflowHandler.withLock { $0 = handler }
    }

    /// Queues `text` as one text frame; false when the queue is full. Counted
    /// until the socket took it (these are few: answers, errors, acknowledgements).
    func send(_ text: String) -> Bool {
        guard reserve(), pending.add(1, ordering: .relaxed).newValue <= limit else {
            return false
        }
        let bytes = Array(text.utf8)
        let write: @Sendable () -> Void = {
            let promise = self.channel.eventLoop.makePromise(of: Void.self)
            promise.futureResult.whenComplete { _ in self.pending.subtract(1, ordering: .relaxed) }
            self.write(bytes, [], [], promise: promise)
            self.flush()
        }
        if channel.eventLoop.inEventLoop { write() } else { channel.eventLoop.execute(write) }
        return true
    }

    /// Whether one more message may be queued.
    func reserve() -> Bool {
        backlog.load(ordering: .relaxed) < limit && pending.load(ordering: .relaxed) < limit
    }

    /// On the event loop: writes the text frame `a + b + c` (not flushed).
    func write(_ a: [UInt8], _ b: [UInt8], _ c: [UInt8], promise: EventLoopPromise<Void>? = nil) {
        guard channel.isActive else {
            promise?.fail(ChannelError.ioOnClosedChannel)
            return
        }
        // Messages queued before the backlog was seen (other threads reserve
        // concurrently) are checked again here, in write order.
        guard backlog.load(ordering: .relaxed) < limit else {
            if !overflowed.exchange(true, ordering: .relaxed), let handler = overflowHandler.withLock({ $0 }) { handler() }
            promise?.fail(ChannelError.outputClosed)
            return
        }
        let length = a.count + b.count + c.count
        if let encoder = encoderContext() {
            var buffer = channel.allocator.buffer(capacity: length + 10)
            buffer.writeInteger(UInt8(0x81))  // FIN, text
            if length < 126 {
                buffer.writeInteger(UInt8(length))
            } else if length <= Int(UInt16.max) {
                buffer.writeInteger(UInt8(126))
                buffer.writeInteger(UInt16(length))
            } else {
                buffer.writeInteger(UInt8(127))
                buffer.writeInteger(UInt64(length))
            }
            buffer.writeBytes(a)
            buffer.writeBytes(b)
            buffer.writeBytes(c)
            encoder.write(NIOAny(buffer), promise: promise)
        } else {
            var buffer = channel.allocator.buffer(capacity: length)
            buffer.writeBytes(a)
            buffer.writeBytes(b)
            buffer.writeBytes(c)
            channel.write(WebSocketFrame(fin: true, opcode: .text, data: buffer), promise: promise)
        }
        if channel.isWritable {
            backlog.store(0, ordering: .relaxed)
        } else {
            backlog.add(1, ordering: .relaxed)
        }
    }

    /// On the event loop: sends what was written.
    func flush() {
        if let encoder { encoder.flush() } else { channel.flush() }
    }

    private func encoderContext() -> ChannelHandlerContext? {
        if !lookedUp {
            lookedUp = true
            encoder = try? channel.pipeline.syncOperations.context(handlerType: WebSocketFrameEncoder.self)
        }
        return encoder
    }
}

