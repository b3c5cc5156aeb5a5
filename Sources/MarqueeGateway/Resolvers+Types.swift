import MarqueeGraphQL
import MarqueeProto
import SwiftProtobuf

extension Resolvers {
    /// Resolvers of the object types, from the services' messages.
    func installTypes() {
        money()
        value("User", "id", Marquee_V1_User.self) { GlobalID.encode("User", $0.id) }
        value("User", "displayName", Marquee_V1_User.self) { $0.displayName }
        value("User", "email", Marquee_V1_User.self) { $0.email.isEmpty ? nil : $0.email }
        value("User", "roles", Marquee_V1_User.self) { $0.roles.compactMap(EnumNames.role) }
        value("User", "createdAt", Marquee_V1_User.self) { $0.createdAt }

        value("Organizer", "id", OrganizerValue.self) { GlobalID.encode("Organizer", $0.id) }
        value("Organizer", "name", OrganizerValue.self) { $0.name }
        async("Organizer", "events", OrganizerValue.self) { organizer, args, state in
            let page = try pageRequest(args)
            let reply = try await serviceCall {
                try await state.clients.events.listEvents(.with {
                    $0.page = page
                    $0.organizerID = organizer.id
                })
            }
            return connection(reply.events, reply.pageInfo, hadCursor: !page.after.isEmpty)
        }

        value("Venue", "id", Marquee_V1_Venue.self) { GlobalID.encode("Venue", $0.id) }
        value("Venue", "name", Marquee_V1_Venue.self) { $0.name }
        value("Venue", "address", Marquee_V1_Venue.self) { $0.address }
        value("Venue", "city", Marquee_V1_Venue.self) { $0.city }
        value("Venue", "country", Marquee_V1_Venue.self) { $0.country }

        value("Event", "id", Marquee_V1_Event.self) { GlobalID.encode("Event", $0.id) }
        value("Event", "slug", Marquee_V1_Event.self) { $0.slug }
        value("Event", "title", Marquee_V1_Event.self) { $0.title }
        value("Event", "description", Marquee_V1_Event.self) { $0.description_p }
        value("Event", "status", Marquee_V1_Event.self) { EnumNames.eventStatus($0.status) }
        value("Event", "startsAt", Marquee_V1_Event.self) { $0.startsAt }
        value("Event", "endsAt", Marquee_V1_Event.self) { $0.endsAt }
        value("Event", "imageUrl", Marquee_V1_Event.self) { $0.imageURL.isEmpty ? nil : $0.imageURL }
        value("Event", "venue", Marquee_V1_Event.self) { $0.venue }
        value("Event", "ticketTypes", Marquee_V1_Event.self) { $0.ticketTypes }
        on("Event", "organizer", Marquee_V1_Event.self) { event, _, state in
            let id = event.organizerID
            // `resolve` enqueues the key now, so every organiser of a list is one batch.
            return state.users.resolve(id).map { OrganizerValue($0 as? Marquee_V1_User, id: id) }
        }

        value("TicketType", "id", Marquee_V1_TicketType.self) { GlobalID.encode("TicketType", "\($0.eventID)/\($0.id)") }
        value("TicketType", "name", Marquee_V1_TicketType.self) { $0.name }
        value("TicketType", "price", Marquee_V1_TicketType.self) { $0.price }
        value("TicketType", "capacity", Marquee_V1_TicketType.self) { Int($0.capacity) }
        value("TicketType", "remaining", Marquee_V1_TicketType.self) { Int(max(0, $0.capacity - $0.reserved)) }
        value("TicketType", "perOrderLimit", Marquee_V1_TicketType.self) { Int($0.perOrderLimit) }
        value("TicketType", "salesStart", Marquee_V1_TicketType.self) { $0.hasSalesStart ? $0.salesStart : nil }
        value("TicketType", "salesEnd", Marquee_V1_TicketType.self) { $0.hasSalesEnd ? $0.salesEnd : nil }

        orderTypes()
        ticketTypes()
    }

    private func money() {
        value("Money", "amountMinor", Marquee_V1_Money.self) { Int($0.amountMinor) }
        value("Money", "currency", Marquee_V1_Money.self) { $0.currency }
        value("Money", "formatted", Marquee_V1_Money.self) { MoneyFormat.format($0) }
    }

    private func orderTypes() {
        value("Order", "id", Marquee_V1_Order.self) { GlobalID.encode("Order", $0.id) }
        on("Order", "event", Marquee_V1_Order.self) { order, _, state in state.events.resolve(order.eventID) }
        on("Order", "buyer", Marquee_V1_Order.self) { order, _, state in state.users.resolve(order.userID) }
        value("Order", "items", Marquee_V1_Order.self) { order in order.items.map { OrderItemValue(item: $0, eventID: order.eventID) } }
        value("Order", "total", Marquee_V1_Order.self) { $0.total }
        value("Order", "status", Marquee_V1_Order.self) { EnumNames.orderStatus($0.status) }
        value("Order", "expiresAt", Marquee_V1_Order.self) { $0.status == .pending ? $0.expiresAt : nil }
        value("Order", "createdAt", Marquee_V1_Order.self) { $0.createdAt }
        on("Order", "payment", Marquee_V1_Order.self) { order, _, state in
            order.status == .pending || order.status == .cancelled || order.status == .expired ? .null : state.payments.resolve(order.id)
        }
        on("Order", "tickets", Marquee_V1_Order.self) { order, _, state in
            guard order.status == .paid || order.status == .refunded else { return .value([any Sendable]()) }
            return state.ticketsByOrder.resolve(order.id).map { $0 ?? [Marquee_V1_Ticket]() }
        }

        on("OrderItem", "ticketType", OrderItemValue.self) { line, _, state in
            state.ticketType(eventID: line.eventID, id: line.item.ticketTypeID)
        }
        value("OrderItem", "quantity", OrderItemValue.self) { Int($0.item.quantity) }
        value("OrderItem", "unitPrice", OrderItemValue.self) { $0.item.unitPrice }

        value("Payment", "id", Marquee_V1_Payment.self) { GlobalID.encode("Payment", $0.orderID) }
        value("Payment", "amount", Marquee_V1_Payment.self) { $0.amount }
        value("Payment", "refunded", Marquee_V1_Payment.self) { $0.refunded }
        value("Payment", "status", Marquee_V1_Payment.self) { EnumNames.paymentStatus($0.status) }
        value("Payment", "cardLast4", Marquee_V1_Payment.self) { $0.cardLast4 }
        value("Payment", "createdAt", Marquee_V1_Payment.self) { $0.createdAt }
    }

    private func ticketTypes() {
        value("Ticket", "id", Marquee_V1_Ticket.self) { GlobalID.encode("Ticket", "\($0.orderID)/\($0.id)") }
        value("Ticket", "code", Marquee_V1_Ticket.self) { $0.code }
        on("Ticket", "event", Marquee_V1_Ticket.self) { ticket, _, state in state.events.resolve(ticket.eventID) }
        on("Ticket", "ticketType", Marquee_V1_Ticket.self) { ticket, _, state in
            state.ticketType(eventID: ticket.eventID, id: ticket.ticketTypeID)
        }
        value("Ticket", "status", Marquee_V1_Ticket.self) { EnumNames.ticketStatus($0.status) }
        value("Ticket", "qrPayload", Marquee_V1_Ticket.self) { $0.qrPayload }
        value("Ticket", "checkedInAt", Marquee_V1_Ticket.self) { $0.hasCheckedInAt ? $0.checkedInAt : nil }

        value("Notification", "id", Marquee_V1_Notification.self) { GlobalID.encode("Notification", $0.id) }
        value("Notification", "kind", Marquee_V1_Notification.self) { $0.kind }
        value("Notification", "title", Marquee_V1_Notification.self) { $0.title }
        value("Notification", "body", Marquee_V1_Notification.self) { $0.body }
        value("Notification", "read", Marquee_V1_Notification.self) { $0.read }
        value("Notification", "createdAt", Marquee_V1_Notification.self) { $0.createdAt }

        on("TicketTypeStats", "ticketType", TicketTypeStatsValue.self) { value, _, state in
            state.ticketType(eventID: value.eventID, id: value.stats.ticketTypeID)
        }
        value("TicketTypeStats", "sold", TicketTypeStatsValue.self) { Int($0.stats.sold) }
        value("TicketTypeStats", "remaining", TicketTypeStatsValue.self) { Int($0.stats.remaining) }
        value("TicketTypeStats", "revenue", TicketTypeStatsValue.self) { $0.stats.revenue }

        on("EventStats", "event", Marquee_V1_EventStats.self) { stats, _, state in state.events.resolve(stats.eventID) }
        value("EventStats", "ticketTypes", Marquee_V1_EventStats.self) { stats in
            stats.ticketTypes.map { TicketTypeStatsValue(stats: $0, eventID: stats.eventID) }
        }
        value("EventStats", "ticketsSold", Marquee_V1_EventStats.self) { Int($0.ticketsSold) }
        value("EventStats", "revenue", Marquee_V1_EventStats.self) { $0.revenue }
        value("EventStats", "checkedIn", Marquee_V1_EventStats.self) { Int($0.checkedIn) }
    }

    /// Which object type a value of `Node` or `SearchResult` is.
    func installAbstractTypes() {
        let resolve: TypeResolver = { value, _, _ in
            switch value {
            case is Marquee_V1_User: "User"
            case is OrganizerValue: "Organizer"
            case is Marquee_V1_Venue: "Venue"
            case is Marquee_V1_Event: "Event"
            case is Marquee_V1_TicketType: "TicketType"
            case is Marquee_V1_Order: "Order"
            case is Marquee_V1_Payment: "Payment"
            case is Marquee_V1_Ticket: "Ticket"
            case is Marquee_V1_Notification: "Notification"
            default: nil
            }
        }
        (schema.type(named: "Node") as? GraphQLInterfaceType)?.resolveType = resolve
        (schema.type(named: "SearchResult") as? GraphQLUnionType)?.resolveType = resolve
    }
}
