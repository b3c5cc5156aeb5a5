import Logging
import NIOCore
import NIOPosix
import Synchronization

/// The broker of a deployment with several processes: topics live in Redis.
///
/// Publishing goes through a small pool of connections; all the subscriptions of
/// the process share ONE subscriber connection, on which a topic is subscribed
/// while at least one local subscriber wants it. Messages fan out to the local
/// subscribers' bounded streams as `InProcessPubSub` does. When the connection
/// drops, `run()` reconnects with backoff and re-subscribes every live topic; the
/// streams stay open (messages published in the gap are lost, as Redis pub/sub
/// keeps nothing).
public final class RedisPubSub: PubSub {
    private let url: RedisURL
    private let logger: Logger
    private let pool: RedisConnectionPool
    private let subscriber: RedisSubscriber
    private let publishTimeout: Duration
    private let subscribeTimeout: Duration
    private let nextSubscriberID = Atomic<Int>(0)
    private let stats = Mutex(Stats())
    private let lifecycle = Mutex(Lifecycle.idle)

    private struct Stats {
        var reconnects = 0
        var lastGap: Duration?
    }

    private enum Lifecycle { case idle, running, finished }

    /// - Parameters:
    ///   - url: `redis://[[user]:password@]host[:port][/db]` (the database is ignored:
    ///     pub/sub channels are global to the server).
    ///   - publishConnections: the size of the publishing pool.
    ///   - publishTimeout: how long `publish` retries while Redis is unreachable.
    ///   - subscribeTimeout: how long `subscribe` waits for the server to confirm.
    public init(
        url: String,
        logger: Logger,
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        publishConnections: Int = 3,
        publishTimeout: Duration = .seconds(2),
        subscribeTimeout: Duration = .seconds(2)
    ) throws {
        self.url = try RedisURL(url)
        self.logger = logger
        self.pool = RedisConnectionPool(url: self.url, group: eventLoopGroup, size: min(max(publishConnections, 1), 16))
        self.subscriber = RedisSubscriber(eventLoop: eventLoopGroup.next(), logger: logger)
        self.publishTimeout = publishTimeout
        self.subscribeTimeout = subscribeTimeout
    }

    /// How many times the subscriber connection came back after it was lost.
    public var reconnects: Int { stats.withLock { $0.reconnects } }

    /// How long the subscriber connection was down the last time it came back.
    public var lastGap: Duration? { stats.withLock { $0.lastGap } }

    /// Keeps the subscriber connection up until the task is cancelled, then ends
    /// every subscription's stream and closes the connections. Afterwards
    /// `publish` and `subscribe` throw `RedisError.shutDown`.
    public func run() async {
        let starting = lifecycle.withLock { lifecycle in
            guard case .idle = lifecycle else { return false }
            lifecycle = .running
            return true
        }
        guard starting else {
            logger.error("RedisPubSub.run() called more than once")
            return
        }
        await subscriber.maintainConnection(to: url) { gap in
            stats.withLock { stats in
                stats.reconnects += 1
                stats.lastGap = gap
            }
        }
        try? await subscriber.shutDown().get()
        await pool.shutDown()
        lifecycle.withLock { $0 = .finished }
    }

    /// Publishes on one of the pool's connections. While Redis is unreachable it
    /// retries (with backoff) for up to `publishTimeout`, then throws
    /// `RedisError.unavailable`. A message may be published twice if a connection
    /// drops between sending it and reading the server's answer.
    public func publish(_ payload: [UInt8], to topic: String) async throws {
        let command = RedisCommand.publish(payload, to: topic)
        let deadline = NIODeadline.now() + TimeAmount(publishTimeout)
        var backoff = RedisBackoff()
        var random = SystemRandomNumberGenerator()
        while true {
            do {
                let client = try await pool.client()
                let reply = try await client.send(command, deadline: deadline)
                if case .error(let text) = reply {
                    logger.error("Redis refused a PUBLISH", metadata: ["topic": "\(topic)", "error": "\(text)"])
                    throw RedisError(.serverError, detail: text)
                }
                return
            } catch let error as RedisError where error.isTransient {
                let delay = backoff.next(using: &random)
                guard NIODeadline.now() + TimeAmount(delay) < deadline else {
                    logger.warning(
                        "Redis is unavailable; a message was not published",
                        metadata: ["redis": "\(url.endpoint)", "topic": "\(topic)", "error": "\(error.detail)"])
                    throw RedisError(.unavailable, detail: error.detail)
                }
                try await Task.sleep(for: delay)
            }
        }
    }

    /// Subscribes to `topics`. Returns once Redis has confirmed them, so that
    /// every message published afterwards is delivered; if the subscriber
    /// connection is down, after `subscribeTimeout` at most (the subscription
    /// then starts receiving when the connection is back).
    public func subscribe(to topics: [String], bufferSize: Int = 256) async throws -> PubSubSubscription {
        let (stream, continuation) = AsyncStream<PubSubMessage>.makeStream(
            bufferingPolicy: .bufferingNewest(max(1, bufferSize)))
        let id = nextSubscriberID.add(1, ordering: .relaxed).newValue
        continuation.onTermination = { [subscriber] _ in subscriber.remove(id) }
        let confirmed = try await subscriber.add(
            id, topics: Set(topics), continuation: continuation, timeout: TimeAmount(subscribeTimeout)
        ).get()
        if !confirmed {
            logger.warning(
                "Redis has not confirmed a subscription yet; it will receive once the connection is up",
                metadata: ["redis": "\(url.endpoint)", "topics": "\(topics.count)"])
        }
        return PubSubSubscription(stream)
    }

    /// The number of topics with at least one local subscriber.
    public var activeTopicCount: Int {
        get async { (try? await subscriber.liveTopicCount().get()) ?? 0 }
    }
}
