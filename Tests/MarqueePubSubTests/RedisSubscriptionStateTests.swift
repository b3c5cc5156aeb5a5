import Testing
@testable import MarqueePubSub

@Suite struct RedisSubscriptionStateTests {
    private func message(_ topic: String, _ payload: [UInt8]) -> RedisReply {
        .array([.bulk(Array("message".utf8)), .bulk(Array(topic.utf8)), .bulk(payload)])
    }

    private let pong = RedisReply.array([.bulk(Array("pong".utf8)), .bulk([])])

    private func connected() -> RedisSubscriptionState {
        var state = RedisSubscriptionState()
        _ = state.connectionEstablished()
        _ = state.receive(pong)
        return state
    }

    @Test func theFirstSubscriberOfATopicSubscribesTheOthersOnlyWaitForABarrier() {
        var state = connected()
        #expect(state.subscribe(1, to: ["a", "b"]) == [.subscribe(["a", "b"]), .ping])
        #expect(state.subscribe(2, to: ["b"]) == [.ping])
        #expect(state.subscribe(3, to: ["b", "c"]) == [.subscribe(["c"]), .ping])
        #expect(state.subscriberCount(of: "b") == 3)
    }

    @Test func onlyTheLastSubscriberToLeaveUnsubscribes() {
        var state = connected()
        _ = state.subscribe(1, to: ["a", "b"])
        _ = state.subscribe(2, to: ["b"])
        #expect(state.unsubscribe(2) == [])
        #expect(state.unsubscribe(1) == [.unsubscribe(["a", "b"])])
        #expect(state.liveTopics == [])
        #expect(state.unsubscribe(1) == [], "leaving twice does nothing")
    }

    @Test func eachPongPassesTheOldestBarrier() {
        var state = connected()
        _ = state.subscribe(1, to: ["a"])
        _ = state.subscribe(2, to: ["a"])
        #expect(state.receive(.array([.bulk(Array("subscribe".utf8)), .bulk([97]), .integer(1)])) == .ignored)
        #expect(state.receive(pong) == .barrierPassed(.init(subscribers: [1], resubscribe: false)))
        // Outside subscribed mode PING answers +PONG.
        #expect(state.receive(.status("PONG")) == .barrierPassed(.init(subscribers: [2], resubscribe: false)))
        #expect(state.receive(pong) == .ignored)
    }

    @Test func messagesGoToTheTopicsSubscribers() {
        var state = connected()
        _ = state.subscribe(1, to: ["a"])
        _ = state.subscribe(2, to: ["a", "b"])
        #expect(state.receive(message("a", [0])) == .message(PubSubMessage(topic: "a", payload: [0]), subscribers: [1, 2]))
        #expect(state.receive(message("b", [1])) == .message(PubSubMessage(topic: "b", payload: [1]), subscribers: [2]))
        #expect(state.receive(message("z", [2])) == .ignored, "a message in flight for a topic just left")
    }

    @Test func whileDisconnectedNothingIsSentAndTheNewConnectionResubscribesEverything() {
        var state = RedisSubscriptionState()
        #expect(state.subscribe(1, to: ["b", "a"]) == [])
        #expect(state.subscribe(2, to: ["c"]) == [])
        #expect(state.unsubscribe(2) == [])
        #expect(state.connectionEstablished() == [.subscribe(["a", "b"]), .ping])
        #expect(state.receive(pong) == .barrierPassed(.init(subscribers: [1], resubscribe: true)))
    }

    @Test func barriersInFlightWhenTheConnectionDropsWaitForTheNextOne() {
        var state = connected()
        _ = state.subscribe(1, to: ["a"])
        _ = state.subscribe(2, to: ["b"])
        state.connectionLost()
        #expect(state.unsubscribe(2) == [])
        #expect(state.subscribe(3, to: ["a"]) == [])
        #expect(state.connectionEstablished() == [.subscribe(["a"]), .ping])
        #expect(state.receive(pong) == .barrierPassed(.init(subscribers: [1, 3], resubscribe: true)))
    }

    @Test func aServerErrorIsReported() {
        var state = connected()
        #expect(state.receive(.error("ERR nope")) == .serverError("ERR nope"))
    }

    @Test func manyTopicsAreSubscribedInChunks() {
        var state = RedisSubscriptionState()
        let topics = (0..<1200).map { "t\(1000 + $0)" }
        _ = state.subscribe(1, to: Set(topics))
        let commands = state.connectionEstablished()
        #expect(commands.count == 4)
        #expect(commands.dropLast().map { $0.arguments.count - 1 } == [512, 512, 176])
        #expect(commands.dropLast().flatMap { $0.arguments.dropFirst() } == topics.map { Array($0.utf8) })
        #expect(state.unsubscribe(1).count == 3)
    }
}
