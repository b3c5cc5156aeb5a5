import Synchronization

/// The embedded broker of `marquee serve`: topics live in this process only.
public final class InProcessPubSub: PubSub {
    private struct Subscriber {
        let topics: [String]
        let continuation: AsyncStream<PubSubMessage>.Continuation
    }

    private struct State {
        var nextID = 0
        var subscribers: [Int: Subscriber] = [:]
        var byTopic: [String: Set<Int>] = [:]
    }

    private let state = Mutex(State())

    public init() {}

    /// The number of topics with at least one subscriber.
    public var activeTopicCount: Int { state.withLock { $0.byTopic.count } }

    public func publish(_ payload: [UInt8], to topic: String) async throws {
        let targets = state.withLock { state in
            (state.byTopic[topic] ?? []).compactMap { state.subscribers[$0]?.continuation }
        }
        let message = PubSubMessage(topic: topic, payload: payload)
        for continuation in targets {
            continuation.yield(message)
        }
    }

    public func subscribe(to topics: [String], bufferSize: Int = 256) async throws -> PubSubSubscription {
        let (stream, continuation) = AsyncStream<PubSubMessage>.makeStream(
            bufferingPolicy: .bufferingNewest(max(1, bufferSize)))
        let id = state.withLock { state in
            let id = state.nextID
            state.nextID += 1
            state.subscribers[id] = Subscriber(topics: topics, continuation: continuation)
            for topic in topics { state.byTopic[topic, default: []].insert(id) }
            return id
        }
        continuation.onTermination = { [weak self] _ in self?.remove(id) }
        return PubSubSubscription(stream)
    }

    private func remove(_ id: Int) {
        state.withLock { state in
            guard let subscriber = state.subscribers.removeValue(forKey: id) else { return }
            for topic in subscriber.topics {
                state.byTopic[topic]?.remove(id)
                if state.byTopic[topic]?.isEmpty == true { state.byTopic[topic] = nil }
            }
        }
    }
}
