import NIOCore

/// Turns the bytes of a connection into replies through hiredis's reader, which
/// lives and dies with the handler on the channel's event loop.
final class RedisReplyDecoder: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = RedisReply

    private let reader = RedisReplyReader()
    private var failed = false

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !failed else { return }
        let buffer = unwrapInboundIn(data)
        do {
            try buffer.withUnsafeReadableBytes { bytes throws(RedisError) in try reader.feed(bytes) }
            while let reply = try reader.next() {
                context.fireChannelRead(wrapInboundOut(reply))
            }
        } catch {
            // The stream is out of step: nothing more on it can be trusted.
            failed = true
            context.fireErrorCaught(error)
            context.close(promise: nil)
        }
    }
}

@available(*, unavailable)
extension RedisReplyDecoder: Sendable {}
