import Testing
@testable import MarqueePubSub

@Suite struct InProcessPubSubTests {
    @Test func deliversOnlyTheSubscribedTopicsInOrder() async throws {
        let broker = InProcessPubSub()
        let subscription = try await broker.subscribe(to: ["a", "b"], bufferSize: 16)
        try await broker.publish([1], to: "a")
        try await broker.publish([2], to: "c")
        try await broker.publish([3], to: "b")
        var iterator = subscription.makeAsyncIterator()
        #expect(await iterator.next() == PubSubMessage(topic: "a", payload: [1]))
        #expect(await iterator.next() == PubSubMessage(topic: "b", payload: [3]))
    }

    @Test func everySubscriberOfATopicReceivesTheMessage() async throws {
        let broker = InProcessPubSub()
        let first = try await broker.subscribe(to: ["t"], bufferSize: 4)
        let second = try await broker.subscribe(to: ["t"], bufferSize: 4)
        try await broker.publish([9], to: "t")
        var a = first.makeAsyncIterator()
        var b = second.makeAsyncIterator()
        #expect(await a.next()?.payload == [9])
        #expect(await b.next()?.payload == [9])
    }

    @Test func aSlowSubscriberKeepsTheNewestMessagesOnly() async throws {
        let broker = InProcessPubSub()
        let subscription = try await broker.subscribe(to: ["t"], bufferSize: 2)
        for byte in UInt8(1)...5 { try await broker.publish([byte], to: "t") }
        var iterator = subscription.makeAsyncIterator()
        #expect(await iterator.next()?.payload == [4])
        #expect(await iterator.next()?.payload == [5])
    }

    @Test func endingASubscriptionRemovesItsTopics() async throws {
        let broker = InProcessPubSub()
        let task = Task {
            let subscription = try await broker.subscribe(to: ["x"], bufferSize: 1)
            for await _ in subscription {}
        }
        while broker.activeTopicCount == 0 { await Task.yield() }
        task.cancel()
        _ = await task.result
        while broker.activeTopicCount != 0 { await Task.yield() }
        #expect(broker.activeTopicCount == 0)
    }
}
