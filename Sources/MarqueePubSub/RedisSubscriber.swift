import Logging
import NIOCore

/// The one subscriber connection of a `RedisPubSub` and its local subscribers.
/// Everything it holds is confined to one event loop (the connection's, across
/// reconnects); callers on other threads hop onto it.
final class RedisSubscriber: Sendable {
    let eventLoop: any EventLoop
    let logger: Logger
    private let core: NIOLoopBoundBox<Core>

    private final class Core {
        var state = RedisSubscriptionState()
        var continuations: [Int: AsyncStream<PubSubMessage>.Continuation] = [:]
        /// Subscribers waiting for their SUBSCRIBE to be confirmed.
        var confirmations: [Int: EventLoopPromise<Bool>] = [:]
        /// Completed when a new connection has re-subscribed every live topic.
        var resubscribed: EventLoopPromise<Void>?
        var channel: (any Channel)?
        var isShutDown = false
    }

    init(eventLoop: any EventLoop, logger: Logger) {
        self.eventLoop = eventLoop
        self.logger = logger
        self.core = .makeBoxSendingValue(Core(), eventLoop: eventLoop)
    }

    /// Registers a subscriber. The future is true once the server has confirmed
    /// its topics, false if that took longer than `timeout` (the subscription
    /// stands; its topics are subscribed as soon as the connection is up).
    func add(
        _ id: Int, topics: Set<String>, continuation: AsyncStream<PubSubMessage>.Continuation, timeout: TimeAmount
    ) -> EventLoopFuture<Bool> {
        eventLoop.flatSubmit { [self] in
            let core = core.value
            guard !core.isShutDown else {
                continuation.finish()
                return eventLoop.makeFailedFuture(RedisError(.shutDown))
            }
            core.continuations[id] = continuation
            guard !topics.isEmpty else { return eventLoop.makeSucceededFuture(true) }
            let confirmed = eventLoop.makePromise(of: Bool.self)
            core.confirmations[id] = confirmed
            write(core.state.subscribe(id, to: topics))
            let timer = eventLoop.scheduleTask(in: timeout) { [self] in
                self.core.value.confirmations.removeValue(forKey: id)?.succeed(false)
            }
            confirmed.futureResult.whenComplete { _ in timer.cancel() }
            return confirmed.futureResult
        }
    }

    /// Unregisters a subscriber (its stream ended).
    func remove(_ id: Int) {
        eventLoop.execute { [self] in
            let core = core.value
            core.continuations[id] = nil
            core.confirmations.removeValue(forKey: id)?.succeed(false)
            write(core.state.unsubscribe(id))
        }
    }

    /// Takes over a new connection: re-subscribes every live topic. The future
    /// completes once the server has confirmed them.
    func attach(_ channel: any Channel, timeout: TimeAmount) -> EventLoopFuture<Void> {
        eventLoop.flatSubmit { [self] in
            let core = core.value
            guard !core.isShutDown else { return eventLoop.makeFailedFuture(RedisError(.shutDown)) }
            guard channel.isActive else { return eventLoop.makeFailedFuture(RedisError(.connectionClosed)) }
            core.channel = channel
            let resubscribed = eventLoop.makePromise(of: Void.self)
            core.resubscribed = resubscribed
            write(core.state.connectionEstablished())
            let timer = eventLoop.scheduleTask(in: timeout) { channel.close(promise: nil) }
            resubscribed.futureResult.whenComplete { _ in timer.cancel() }
            return resubscribed.futureResult
        }
    }

    /// The connection closed (called on the event loop by its handler).
    func detach(_ channel: any Channel) {
        let core = core.value
        guard let current = core.channel, current === channel else { return }
        core.channel = nil
        core.state.connectionLost()
        core.resubscribed?.fail(RedisError(.connectionClosed))
        core.resubscribed = nil
    }

    /// A reply or push on the connection (called on the event loop by its handler).
    func received(_ reply: RedisReply) {
        let core = core.value
        switch core.state.receive(reply) {
        case .message(let message, let subscribers):
            // bufferingNewest: a slow subscriber drops its oldest messages, never
            // holding up the connection or the other subscribers.
            for id in subscribers {
                core.continuations[id]?.yield(message)
            }
        case .barrierPassed(let barrier):
            for id in barrier.subscribers {
                core.confirmations.removeValue(forKey: id)?.succeed(true)
            }
            if barrier.resubscribe {
                core.resubscribed?.succeed()
                core.resubscribed = nil
            }
        case .serverError(let text):
            // Replies and barriers may be out of step now: start afresh.
            logger.error("Redis subscriber connection got an error; reconnecting", metadata: ["error": "\(text)"])
            core.channel?.close(promise: nil)
        case .ignored:
            break
        }
    }

    /// Ends every subscriber's stream and closes the connection; later `add`s fail.
    func shutDown() -> EventLoopFuture<Void> {
        eventLoop.submit { [self] in
            let core = core.value
            core.isShutDown = true
            let continuations = core.continuations.values
            core.continuations = [:]
            for confirmed in core.confirmations.values { confirmed.succeed(false) }
            core.confirmations = [:]
            core.resubscribed?.fail(RedisError(.shutDown))
            core.resubscribed = nil
            core.channel?.close(promise: nil)
            for continuation in continuations { continuation.finish() }
        }
    }

    /// The number of topics with a local subscriber (for tests and metrics).
    func liveTopicCount() -> EventLoopFuture<Int> {
        eventLoop.submit { [self] in core.value.state.liveTopics.count }
    }

    private func write(_ commands: [RedisCommand]) {
        guard !commands.isEmpty, let channel = core.value.channel else { return }
        for command in commands {
            channel.write(RedisRequest(command: command, reply: nil), promise: nil)
        }
        channel.flush()
    }
}

/// The subscriber connection's last handler: hands its pushes to the subscriber.
final class RedisSubscriberHandler: ChannelInboundHandler {
    typealias InboundIn = RedisReply

    private let subscriber: RedisSubscriber

    init(subscriber: RedisSubscriber) {
        self.subscriber = subscriber
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        subscriber.received(unwrapInboundIn(data))
    }

    func channelInactive(context: ChannelHandlerContext) {
        subscriber.detach(context.channel)
        context.fireChannelInactive()
    }
}

@available(*, unavailable)
extension RedisSubscriberHandler: Sendable {}
