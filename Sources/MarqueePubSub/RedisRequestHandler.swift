import NIOCore

/// A command to write, and the promise of its reply when the caller wants one.
struct RedisRequest: Sendable {
    var command: RedisCommand
    var reply: EventLoopPromise<RedisReply>?
}

/// Writes commands and pairs replies with their promises in order (Redis answers
/// a connection's commands in the order it received them). Replies nobody asked
/// for (a subscriber connection's pushes) go on down the pipeline.
final class RedisRequestHandler: ChannelDuplexHandler {
    typealias InboundIn = RedisReply
    typealias InboundOut = RedisReply
    typealias OutboundIn = RedisRequest
    typealias OutboundOut = ByteBuffer

    private var waiting = CircularBuffer<EventLoopPromise<RedisReply>>()
    private var closedError: RedisError?

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let request = unwrapOutboundIn(data)
        if let closedError {
            request.reply?.fail(closedError)
            promise?.fail(closedError)
            return
        }
        var buffer = context.channel.allocator.buffer(capacity: 0)
        request.command.write(into: &buffer)
        if let reply = request.reply { waiting.append(reply) }
        context.write(wrapOutboundOut(buffer), promise: promise)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if let reply = waiting.popFirst() {
            reply.succeed(unwrapInboundIn(data))
        } else {
            context.fireChannelRead(data)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        failWaiting(RedisError(.connectionClosed))
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        failWaiting(error as? RedisError ?? RedisError(.connectionClosed, detail: "\(error)"))
        context.close(promise: nil)
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        failWaiting(RedisError(.connectionClosed))
    }

    private func failWaiting(_ error: RedisError) {
        if closedError == nil { closedError = error }
        while let reply = waiting.popFirst() {
            reply.fail(error)
        }
    }
}

@available(*, unavailable)
extension RedisRequestHandler: Sendable {}
