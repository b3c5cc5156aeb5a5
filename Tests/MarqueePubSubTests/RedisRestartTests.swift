import Foundation
import Glibc
import Synchronization
import Testing
@testable import MarqueePubSub

/// A redis-server of the test's own, so that it can be shut down and started again
/// on the same port.
private final class RedisServerProcess: Sendable {
    let port: Int
    private let process = Mutex<Process?>(nil)

    var url: String { "redis://127.0.0.1:\(port)" }

    init(port: Int) {
        self.port = port
    }

    func start() async throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "redis-server", "--bind", "127.0.0.1", "--port", "\(port)", "--save", "", "--appendonly", "no",
            "--dir", NSTemporaryDirectory(),
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        self.process.withLock { $0 = process }
        try await waitUntil("redis-server answers on port \(port)") {
            guard let client = try? await RedisTestClient.connect(url) else { return false }
            defer { client.close() }
            return (try? await client.command("PING")) == .status("PONG")
        }
    }

    /// SHUTDOWN NOSAVE, as an operator restarting Redis would.
    func shutDown() async throws {
        let client = try await RedisTestClient.connect(url)
        _ = try? await client.command("SHUTDOWN", "NOSAVE")
        client.close()
        try await waitUntil("redis-server exits") { process.withLock { $0?.isRunning != true } }
    }

    /// SIGKILL: the test runner's threads block SIGTERM, and a child inherits the mask.
    func kill() {
        process.withLock { process in
            guard let process, process.isRunning else { return }
            _ = Glibc.kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }
}

@Suite(.enabled(if: redisTestURL != nil, "MARQUEE_TEST_REDIS_URL is not set"))
struct RedisRestartTests {
    @Test func subscribersSurviveARedisRestart() async throws {
        let server = RedisServerProcess(port: try await freePort())
        try await server.start()
        defer { server.kill() }
        try await withBroker(url: server.url) { broker in
            let topics = [uniqueTopic(), uniqueTopic()]
            let first = Collector(try await broker.subscribe(to: [topics[0]], bufferSize: 16))
            let both = Collector(try await broker.subscribe(to: topics, bufferSize: 16))
            try await broker.publish([1], to: topics[0])
            _ = try await both.wait(for: 1)
            #expect(broker.reconnects == 0)
            #expect(broker.lastGap == nil)

            try await server.shutDown()
            try await Task.sleep(for: .milliseconds(200))
            try await server.start()
            try await waitUntil("the subscriber connection is back") { broker.reconnects >= 1 }

            try await broker.publish([2], to: topics[0])
            try await broker.publish([3], to: topics[1])
            #expect(try await first.wait(for: 2).map(\.payload) == [[1], [2]])
            #expect(try await both.wait(for: 3).map(\.payload) == [[1], [2], [3]])
            #expect(!first.isFinished && !both.isFinished)
            #expect(broker.reconnects >= 1)
            let gap = try #require(broker.lastGap)
            #expect(gap >= .milliseconds(200) && gap < .seconds(10))
            await first.cancel()
            await both.cancel()
        }
    }

    @Test func publishingWaitsOutAShortOutage() async throws {
        let server = RedisServerProcess(port: try await freePort())
        try await server.start()
        defer { server.kill() }
        try await withBroker(url: server.url) { broker in
            let topic = uniqueTopic()
            try await broker.publish([1], to: topic)
            try await server.shutDown()
            let restart = Task {
                try await Task.sleep(for: .milliseconds(300))
                try await server.start()
            }
            // Within the 2 s bound, the pool reconnects and the message goes out.
            try await broker.publish([2], to: topic)
            try await restart.value
        }
    }
}
