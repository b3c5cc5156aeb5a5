import MarqueeGraphQL
import MarqueeProto
import MarqueePubSub
import MarqueeRPC
import SwiftProtobuf

extension Resolvers {
    /// The subscription fields: each subscribes to its topic in the broker after
    /// checking the caller may watch it, and each message (a service's protobuf
    /// message) becomes the root value its selection set is executed against.
    func installSubscriptions(pubsub: any PubSub) {
        subscription("eventUpdated", pubsub, Marquee_V1_Event.self) { args, state in
            let id = try Self.eventID(args, "id")
            try await Self.requireVisibleEvent(id, state)
            return Topic.eventUpdated(eventID: id)
        }
        subscription("ticketAvailability", pubsub, Marquee_V1_Event.self) { args, state in
            let id = try Self.eventID(args, "eventId")
            try await Self.requireVisibleEvent(id, state)
            return Topic.inventoryChanged(eventID: id)
        }
        subscription("orderStatus", pubsub, Marquee_V1_Order.self) { args, state in
            guard let id = GlobalID.id(args.string("orderId") ?? "", as: "Order") else {
                throw codedError("`orderId` is not an order id.", "BAD_USER_INPUT")
            }
            // The orders service answers NOT_FOUND for another user's order.
            _ = try await serviceCall { try await state.clients.orders.getOrder(.with { $0.id = id }) }
            return Topic.orderStatus(orderID: id)
        }
        subscription("notificationAdded", pubsub, Marquee_V1_Notification.self) { _, state in
            Topic.notificationCreated(userID: try state.requireCaller().userID)
        }
        subscription("checkIns", pubsub, Marquee_V1_Ticket.self) { args, state in
            let caller = try state.requireCaller()
            let id = try Self.eventID(args, "eventId")
            let event = try await serviceCall { try await state.clients.events.getEvent(.with { $0.id = id }) }
            guard caller.isAdmin || caller.has("STAFF") || event.organizerID == caller.userID else {
                throw codedError("Only the event's organiser and staff can watch its check-ins.", "FORBIDDEN")
            }
            return Topic.ticketCheckedIn(eventID: id)
        }
        value("TicketAvailability", "event", Marquee_V1_Event.self) { $0 }
        value("TicketAvailability", "ticketTypes", Marquee_V1_Event.self) { $0.ticketTypes }
        value("CheckIn", "ticket", Marquee_V1_Ticket.self) { $0 }
        value("CheckIn", "checkedInAt", Marquee_V1_Ticket.self) { $0.checkedInAt }
    }

    /// Sets `Subscription.name`: `topic` authorises and names the topic; messages
    /// decode as `Message` and are the field's value.
    private func subscription<Message: SwiftProtobuf.Message & Sendable>(
        _ name: String, _ pubsub: any PubSub, _: Message.Type,
        topic: @escaping @Sendable (Arguments, RequestState) async throws -> String
    ) {
        guard let field = (schema.type(named: "Subscription") as? GraphQLObjectType)?.field(named: name) else {
            preconditionFailure("schema.graphql has no field Subscription.\(name)")
        }
        field.resolve = { source, _, _, _ in .value(source) }
        field.subscribe = { _, args, context, _ in
            let name = try await topic(args, state(context))
            return TopicEvents(pubsub: pubsub, topic: name) { try? Message(serializedBytes: $0) }
        }
    }

    static func eventID(_ args: Arguments, _ name: String) throws -> String {
        guard let id = GlobalID.id(args.string(name) ?? "", as: "Event") else {
            throw codedError("`\(name)` is not an event id.", "BAD_USER_INPUT")
        }
        return id
    }

    /// NOT_FOUND unless the caller can see the event (published, or their own draft).
    static func requireVisibleEvent(_ id: String, _ state: RequestState) async throws {
        _ = try await serviceCall { try await state.clients.events.getEvent(.with { $0.id = id }) }
    }
}

/// A subscription field's source: the messages of one broker topic, decoded.
/// The WebSocket fan-out (``SubscriptionHub``) reads `topic` and `decode` and
/// shares one broker subscription between all the topic's subscribers; anyone
/// else iterating it gets a broker subscription of their own.
struct TopicEvents: AsyncSequence, Sendable {
    typealias Element = any Sendable
    let pubsub: any PubSub
    let topic: String
    let decode: @Sendable ([UInt8]) -> (any Sendable)?

    func makeAsyncIterator() -> AsyncThrowingStream<any Sendable, any Error>.Iterator {
        let (stream, continuation) = AsyncThrowingStream<any Sendable, any Error>.makeStream(bufferingPolicy: .bufferingNewest(64))
        let task = Task { [pubsub, topic, decode] in
            do {
                for await message in try await pubsub.subscribe(to: [topic], bufferSize: 64) {
                    if let decoded = decode(message.payload) { continuation.yield(decoded) }
                }
                continuation.finish()
            } catch {
                continuation.finish(throwing: error)
            }
        }
        continuation.onTermination = { _ in task.cancel() }
        return stream.makeAsyncIterator()
    }
}
