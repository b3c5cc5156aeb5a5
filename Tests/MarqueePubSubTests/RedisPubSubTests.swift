import Foundation
import Testing
@testable import MarqueePubSub

/// The Redis broker against a real redis-server (MARQUEE_TEST_REDIS_URL).
@Suite(.enabled(if: redisTestURL != nil, "MARQUEE_TEST_REDIS_URL is not set"))
struct RedisPubSubTests {
    let url = redisTestURL ?? ""

    @Test func binaryPayloadsMakeTheRoundTrip() async throws {
        try await withBroker(url: url) { broker in
            let topic = uniqueTopic()
            let collector = Collector(try await broker.subscribe(to: [topic], bufferSize: 16))
            let large = (0..<(1 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ $0 >> 9) }
            let payloads: [[UInt8]] = [[], [0], [0, 0, 13, 10, 0], Array(0...255), large]
            for payload in payloads {
                try await broker.publish(payload, to: topic)
            }
            let received = try await collector.wait(for: payloads.count)
            #expect(received.map(\.topic) == Array(repeating: topic, count: payloads.count))
            #expect(received.map(\.payload) == payloads)
            await collector.cancel()
        }
    }

    @Test func onlyTheSubscribedTopicsAreDelivered() async throws {
        try await withBroker(url: url) { broker in
            let (a, b, c) = (uniqueTopic(), uniqueTopic(), uniqueTopic())
            let collector = Collector(try await broker.subscribe(to: [a, b], bufferSize: 16))
            try await broker.publish([1], to: a)
            try await broker.publish([2], to: c)
            try await broker.publish([3], to: b)
            #expect(try await collector.wait(for: 2) == [
                PubSubMessage(topic: a, payload: [1]), PubSubMessage(topic: b, payload: [3]),
            ])
            try await Task.sleep(for: .milliseconds(50))
            #expect(collector.messages.count == 2)
            await collector.cancel()
        }
    }

    @Test func twoBrokersSeeEachOthersMessages() async throws {
        try await withBroker(url: url) { first in
            try await withBroker(url: url) { second in
                let topic = uniqueTopic()
                let atFirst = Collector(try await first.subscribe(to: [topic], bufferSize: 16))
                let atSecond = Collector(try await second.subscribe(to: [topic], bufferSize: 16))
                try await first.publish([1], to: topic)
                try await second.publish([2], to: topic)
                #expect(try await atFirst.wait(for: 2).map(\.payload) == [[1], [2]])
                #expect(try await atSecond.wait(for: 2).map(\.payload) == [[1], [2]])
                await atFirst.cancel()
                await atSecond.cancel()
            }
        }
    }

    @Test func subscriptionsAreReferenceCountedPerTopic() async throws {
        let plain = try await RedisTestClient.connect(url)
        defer { plain.close() }
        try await withBroker(url: url) { broker in
            let topic = uniqueTopic()
            let first = Collector(try await broker.subscribe(to: [topic], bufferSize: 16))
            let second = Collector(try await broker.subscribe(to: [topic], bufferSize: 16))
            #expect(try await plain.subscriberCount(topic) == 1, "one connection carries every local subscriber")
            try await broker.publish([1], to: topic)
            _ = try await first.wait(for: 1)
            _ = try await second.wait(for: 1)

            await first.cancel()
            #expect(await broker.activeTopicCount == 1)
            try await broker.publish([2], to: topic)
            #expect(try await second.wait(for: 2).map(\.payload) == [[1], [2]])
            #expect(try await plain.subscriberCount(topic) == 1)

            await second.cancel()
            try await waitUntil("the server has no subscriber left") { try await plain.subscriberCount(topic) == 0 }
            #expect(await broker.activeTopicCount == 0)
        }
    }

    @Test func manyTopicsShareTheOneConnection() async throws {
        let plain = try await RedisTestClient.connect(url)
        defer { plain.close() }
        try await withBroker(url: url) { broker in
            let topics = (0..<300).map { uniqueTopic("many\($0)") }
            let all = Collector(try await broker.subscribe(to: topics, bufferSize: 1000))
            let singles = try await withThrowingTaskGroup(of: Collector.self) { group in
                for topic in topics.prefix(50) {
                    group.addTask { Collector(try await broker.subscribe(to: [topic], bufferSize: 4)) }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(await broker.activeTopicCount == 300)
            for (index, topic) in topics.enumerated() {
                try await broker.publish([UInt8(index % 256)], to: topic)
            }
            let received = try await all.wait(for: 300)
            #expect(received.map(\.topic) == topics)
            for single in singles {
                #expect(try await single.wait(for: 1).count == 1)
            }
            #expect(try await plain.subscriberCount(topics[0]) == 1)
            #expect(try await plain.subscriberCount(topics[299]) == 1)
            for single in singles { await single.cancel() }
            await all.cancel()
            try await waitUntil("every topic is unsubscribed") { try await plain.subscriberCount(topics[0]) == 0 }
        }
    }

    @Test func aSlowSubscriberDoesNotHoldUpAnother() async throws {
        try await withBroker(url: url) { broker in
            let topic = uniqueTopic()
            let slow = try await broker.subscribe(to: [topic], bufferSize: 4)
            let fast = Collector(try await broker.subscribe(to: [topic], bufferSize: 1000))
            for index in 0..<500 {
                try await broker.publish(Array("\(index)".utf8), to: topic)
            }
            let received = try await fast.wait(for: 500)
            #expect(received.map { String(decoding: $0.payload, as: UTF8.self) } == (0..<500).map { "\($0)" })
            // The slow one kept the newest four.
            var iterator = slow.makeAsyncIterator()
            var kept: [String] = []
            for _ in 0..<4 {
                if let message = await iterator.next() { kept.append(String(decoding: message.payload, as: UTF8.self)) }
            }
            #expect(kept == ["496", "497", "498", "499"])
            await fast.cancel()
        }
    }

    @Test func stoppingTheBrokerEndsTheStreamsAndRefusesNewWork() async throws {
        let topic = uniqueTopic()
        let broker = try RedisPubSub(url: url, logger: testLogger)
        let running = Task { await broker.run() }
        let collector = Collector(try await broker.subscribe(to: [topic], bufferSize: 4))
        running.cancel()
        await running.value
        try await waitUntil("the stream ends") { collector.isFinished }
        await #expect(throws: RedisError.shutDown) { try await broker.subscribe(to: [topic], bufferSize: 4) }
        await #expect(throws: RedisError.shutDown) { try await broker.publish([1], to: topic) }
    }

    @Test func aWrongPasswordFailsWithoutShowingIt() async throws {
        // The test server has no password: AUTH is refused.
        let url = self.url.replacingOccurrences(of: "redis://", with: "redis://:hunter2@")
        try await withBroker(url: url) { broker in
            do {
                try await broker.publish([1], to: uniqueTopic())
                Issue.record("expected an error")
            } catch {
                #expect(error as? RedisError == .authenticationFailed)
                #expect(!"\(error)".contains("hunter2"))
            }
        }
    }
}

@Suite struct RedisPubSubUnavailableTests {
    @Test func publishingGivesUpAfterItsBoundWhenRedisIsDown() async throws {
        let port = try await freePort()
        try await withBroker(url: "redis://:hunter2@127.0.0.1:\(port)", publishTimeout: .milliseconds(300)) { broker in
            let started = ContinuousClock.now
            do {
                try await broker.publish([1], to: "t")
                Issue.record("expected an error")
            } catch {
                #expect(error as? RedisError == .unavailable)
                #expect("\(error)" == "Redis is unavailable")
            }
            #expect(ContinuousClock.now - started < .seconds(2))
        }
    }

    @Test func subscribingWhileRedisIsDownReturnsAnOpenSubscription() async throws {
        let port = try await freePort()
        let broker = try RedisPubSub(
            url: "redis://127.0.0.1:\(port)", logger: testLogger, subscribeTimeout: .milliseconds(100))
        let subscription = try await broker.subscribe(to: ["t"], bufferSize: 1)
        #expect(await broker.activeTopicCount == 1)
        _ = subscription
    }
}
