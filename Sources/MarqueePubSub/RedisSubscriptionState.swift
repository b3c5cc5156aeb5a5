/// The bookkeeping of the one subscriber connection, as a state machine without
/// I/O: local subscribers (by id) and their topics, reference-counted per topic
/// so that only the first subscriber of a topic sends SUBSCRIBE and only the last
/// one to leave sends UNSUBSCRIBE; and the PING barriers by which a subscriber
/// learns that the server has processed its SUBSCRIBE (Redis answers a
/// connection's commands in order, so the PONG after a SUBSCRIBE confirms it).
///
/// Its methods return the commands to write, in order, on the current connection.
struct RedisSubscriptionState {
    /// What the PONG of one PING confirms.
    struct Barrier: Hashable {
        /// The subscribers waiting for their topics to be subscribed.
        var subscribers: [Int]
        /// Whether it follows the re-SUBSCRIBE of every live topic on a new connection.
        var resubscribe: Bool
    }

    enum Event: Hashable {
        /// A published message, for these local subscribers.
        case message(PubSubMessage, subscribers: Set<Int>)
        case barrierPassed(Barrier)
        case serverError(String)
        /// A SUBSCRIBE/UNSUBSCRIBE confirmation, or a reply this state has no use for.
        case ignored
    }

    /// Keeps SUBSCRIBE commands to a reasonable size when re-subscribing many topics.
    static let topicsPerCommand = 512

    private(set) var isConnected = false
    private var topicsBySubscriber: [Int: Set<String>] = [:]
    private var subscribersByTopic: [String: Set<Int>] = [:]
    /// The barriers sent on the current connection, oldest first.
    private var awaitingPong: [Barrier] = []
    /// Subscribers whose barrier will be sent once connected.
    private var awaitingConnection: [Int] = []

    /// The topics with at least one local subscriber, sorted.
    var liveTopics: [String] { subscribersByTopic.keys.sorted() }

    func subscriberCount(of topic: String) -> Int { subscribersByTopic[topic]?.count ?? 0 }

    /// Subscriber `id` joins on `topics` (not empty): SUBSCRIBE for the topics new
    /// to this process, then the PING whose PONG confirms them.
    mutating func subscribe(_ id: Int, to topics: Set<String>) -> [RedisCommand] {
        precondition(!topics.isEmpty && topicsBySubscriber[id] == nil)
        topicsBySubscriber[id] = topics
        var fresh: [String] = []
        for topic in topics.sorted() {
            if subscribersByTopic[topic, default: []].insert(id).inserted, subscribersByTopic[topic]!.count == 1 {
                fresh.append(topic)
            }
        }
        guard isConnected else {
            awaitingConnection.append(id)
            return []
        }
        awaitingPong.append(Barrier(subscribers: [id], resubscribe: false))
        return Self.subscribeCommands(fresh) + [.ping]
    }

    /// Subscriber `id` leaves: UNSUBSCRIBE for the topics nobody else here wants.
    mutating func unsubscribe(_ id: Int) -> [RedisCommand] {
        guard let topics = topicsBySubscriber.removeValue(forKey: id) else { return [] }
        awaitingConnection.removeAll { $0 == id }
        var gone: [String] = []
        for topic in topics.sorted() {
            subscribersByTopic[topic]?.remove(id)
            if subscribersByTopic[topic]?.isEmpty == true {
                subscribersByTopic[topic] = nil
                gone.append(topic)
            }
        }
        guard isConnected, !gone.isEmpty else { return [] }
        return stride(from: 0, to: gone.count, by: Self.topicsPerCommand).map { start in
            .unsubscribe(Array(gone[start..<min(start + Self.topicsPerCommand, gone.count)]))
        }
    }

    /// A new connection is up: SUBSCRIBE every live topic, then one PING that
    /// confirms them and releases the subscribers that joined while disconnected.
    mutating func connectionEstablished() -> [RedisCommand] {
        precondition(!isConnected)
        isConnected = true
        awaitingPong = [Barrier(subscribers: awaitingConnection, resubscribe: true)]
        awaitingConnection = []
        return Self.subscribeCommands(liveTopics) + [.ping]
    }

    /// The connection is gone: the server forgot our subscriptions; the barriers
    /// in flight wait for the next connection.
    mutating func connectionLost() {
        guard isConnected else { return }
        isConnected = false
        for barrier in awaitingPong {
            awaitingConnection += barrier.subscribers.filter { topicsBySubscriber[$0] != nil }
        }
        awaitingPong = []
    }

    /// A reply or push on the subscriber connection.
    mutating func receive(_ reply: RedisReply) -> Event {
        switch reply {
        case .array(let items) where items.count == 3 && items[0] == Self.messageKind:
            guard case .bulk(let channel) = items[1], case .bulk(let payload) = items[2] else { return .ignored }
            let topic = String(decoding: channel, as: UTF8.self)
            let subscribers = subscribersByTopic[topic] ?? []
            return subscribers.isEmpty
                ? .ignored : .message(PubSubMessage(topic: topic, payload: payload), subscribers: subscribers)
        case .array(let items) where items.first == Self.pongKind:
            return passBarrier()
        case .status(let text) where text == "PONG":
            // Outside subscribed mode (no topic left), PING answers as usual.
            return passBarrier()
        case .error(let text):
            return .serverError(text)
        default:
            return .ignored
        }
    }

    private mutating func passBarrier() -> Event {
        guard !awaitingPong.isEmpty else { return .ignored }
        return .barrierPassed(awaitingPong.removeFirst())
    }

    private static let messageKind = RedisReply.bulk(Array("message".utf8))
    private static let pongKind = RedisReply.bulk(Array("pong".utf8))

    private static func subscribeCommands(_ topics: [String]) -> [RedisCommand] {
        stride(from: 0, to: topics.count, by: topicsPerCommand).map { start in
            .subscribe(Array(topics[start..<min(start + topicsPerCommand, topics.count)]))
        }
    }
}
