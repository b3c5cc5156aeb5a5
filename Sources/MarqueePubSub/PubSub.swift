/// A message published on a topic: the topic and opaque payload bytes (the
/// services publish protobuf-encoded domain messages).
public struct PubSubMessage: Sendable, Hashable {
    public var topic: String
    public var payload: [UInt8]

    public init(topic: String, payload: [UInt8]) {
        self.topic = topic
        self.payload = payload
    }
}

/// Domain events between the services and the gateways.
///
/// Publishing is fire-and-forget after a transaction commits; a subscription is a
/// stream of the messages published on its topics after it was made. Each
/// subscription buffers at most `bufferSize` messages: a subscriber that falls
/// further behind loses the oldest messages rather than slowing the publisher.
public protocol PubSub: Sendable {
    func publish(_ payload: [UInt8], to topic: String) async throws
    func subscribe(to topics: [String], bufferSize: Int) async throws -> PubSubSubscription
}

/// The messages of one subscription; cancelling the consuming task or dropping
/// the iterator unsubscribes.
public struct PubSubSubscription: AsyncSequence, Sendable {
    public typealias Element = PubSubMessage
    let stream: AsyncStream<PubSubMessage>

    public init(_ stream: AsyncStream<PubSubMessage>) {
        self.stream = stream
    }

    public func makeAsyncIterator() -> AsyncStream<PubSubMessage>.Iterator {
        stream.makeAsyncIterator()
    }
}

/// The topics the services publish on. Each names one kind of domain event and
/// the entity it concerns.
public enum Topic {
    /// An order changed status (payload: `marquee.v1.Order`).
    public static func orderStatus(orderID: String) -> String { "order.status:\(orderID)" }
    /// An event was updated, published or cancelled (payload: `marquee.v1.Event`).
    public static func eventUpdated(eventID: String) -> String { "event.updated:\(eventID)" }
    /// Seats of an event were reserved or released (payload: `marquee.v1.Event` with its ticket types).
    public static func inventoryChanged(eventID: String) -> String { "inventory.changed:\(eventID)" }
    /// A ticket of an event was checked in (payload: `marquee.v1.Ticket`).
    public static func ticketCheckedIn(eventID: String) -> String { "ticket.checked_in:\(eventID)" }
    /// An entity that gateways may cache changed (payload: UTF-8 `event:<id>`,
    /// `user:<id>`): one topic for all, so each gateway needs one subscription.
    public static let entityChanged = "entity.changed"
    /// A notification was created for a user (payload: `marquee.v1.Notification`).
    public static func notificationCreated(userID: String) -> String { "notification.created:\(userID)" }
}
