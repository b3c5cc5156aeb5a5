import Foundation
import Logging
import NIOCore
import NIOPosix
import Synchronization
import Testing
@testable import MarqueePubSub

/// The Redis server of the integration tests (scripts/test starts one); the
/// tests that need Redis are skipped when it is not set.
let redisTestURL = ProcessInfo.processInfo.environment["MARQUEE_TEST_REDIS_URL"]

let testLogger: Logger = {
    var logger = Logger(label: "marquee.pubsub.test")
    logger.logLevel = .warning
    return logger
}()

/// A topic name no other test uses (the tests share one server).
func uniqueTopic(_ name: String = #function) -> String {
    "test.\(name.prefix { $0 != "(" }).\(UUID().uuidString)"
}

/// Runs `body` with a broker whose `run()` is going, and stops it afterwards.
func withBroker<Result>(
    url: String, publishTimeout: Duration = .seconds(2), _ body: (RedisPubSub) async throws -> Result
) async throws -> Result {
    let broker = try RedisPubSub(url: url, logger: testLogger, publishTimeout: publishTimeout)
    let running = Task { await broker.run() }
    do {
        let result = try await body(broker)
        running.cancel()
        await running.value
        return result
    } catch {
        running.cancel()
        await running.value
        throw error
    }
}

/// Waits until `condition` holds, failing the test after `timeout`.
func waitUntil(
    timeout: Duration = .seconds(10), _ what: String, sourceLocation: SourceLocation = #_sourceLocation,
    _ condition: () async throws -> Bool
) async throws {
    let deadline = ContinuousClock.now + timeout
    while try await !condition() {
        guard ContinuousClock.now < deadline else {
            Issue.record("timed out waiting until \(what)", sourceLocation: sourceLocation)
            throw CancellationError()
        }
        try await Task.sleep(for: .milliseconds(5))
    }
}

/// Consumes a subscription in the background, keeping what it receives.
final class Collector: Sendable {
    private final class Storage: Sendable {
        let received = Mutex<[PubSubMessage]>([])
        let finished = Atomic(false)
    }

    private let storage = Storage()
    private let task: Task<Void, Never>

    init(_ subscription: PubSubSubscription) {
        let storage = self.storage
        task = Task {
            for await message in subscription {
                storage.received.withLock { $0.append(message) }
            }
            storage.finished.store(true, ordering: .sequentiallyConsistent)
        }
    }

    var messages: [PubSubMessage] { storage.received.withLock { $0 } }

    /// Whether the stream has ended.
    var isFinished: Bool { storage.finished.load(ordering: .sequentiallyConsistent) }

    /// Waits for `count` messages in all and returns them.
    func wait(for count: Int, sourceLocation: SourceLocation = #_sourceLocation) async throws -> [PubSubMessage] {
        try await waitUntil("\(count) messages arrive", sourceLocation: sourceLocation) { messages.count >= count }
        return messages
    }

    /// Ends the subscription (as a consumer that goes away does).
    func cancel() async {
        task.cancel()
        await task.value
    }
}

/// A plain connection to the server, apart from any broker's.
struct RedisTestClient {
    let client: RedisClient

    static func connect(_ url: String) async throws -> RedisTestClient {
        RedisTestClient(client: try await RedisClient.connect(to: try RedisURL(url), on: MultiThreadedEventLoopGroup.singleton))
    }

    func command(_ arguments: String...) async throws -> RedisReply {
        try await client.send(RedisCommand(arguments.map { Array($0.utf8) }))
    }

    /// PUBSUB NUMSUB: the number of connections subscribed to `topic` on the server.
    func subscriberCount(_ topic: String) async throws -> Int {
        guard case .array(let items) = try await command("PUBSUB", "NUMSUB", topic), items.count == 2,
            case .integer(let count) = items[1]
        else { throw RedisError(.protocolError) }
        return count
    }

    func close() { client.close() }
}

/// A loopback port that nothing listens on (just now).
func freePort() async throws -> Int {
    let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
        .bind(host: "127.0.0.1", port: 0).get()
    let port = channel.localAddress!.port!
    try await channel.close()
    return port
}
