import MarqueeGraphQL
import MarqueeProto
import MarqueeRPC

/// Everything one GraphQL request's resolvers share: who is calling, the
/// service clients, and the request's DataLoaders (so each level of a list
/// costs one batched RPC, not one per item).
final class RequestState: Sendable {
    let call: CallContext
    let clients: ServiceClients
    let users: DataLoader<String, Marquee_V1_User>
    let events: DataLoader<String, Marquee_V1_Event>
    let venues: DataLoader<String, Marquee_V1_Venue>
    let orders: DataLoader<String, Marquee_V1_Order>
    let payments: DataLoader<String, Marquee_V1_Payment>
    let ticketsByOrder: DataLoader<String, [Marquee_V1_Ticket]>

    init(call context: CallContext, clients: ServiceClients) {
        self.call = context
        self.clients = clients
        users = DataLoader { ids in
            try await serviceCall {
                try await clients.users.batchGetUsers(.with { $0.ids = ids }).users.keyed(by: \.id)
            }
        }
        events = DataLoader { ids in
            try await serviceCall {
                try await clients.events.batchGetEvents(.with { $0.ids = ids }).events.keyed(by: \.id)
            }
        }
        venues = DataLoader { ids in
            try await serviceCall {
                try await clients.events.batchGetVenues(.with { $0.ids = ids }).venues.keyed(by: \.id)
            }
        }
        orders = DataLoader { ids in
            try await serviceCall {
                try await clients.orders.batchGetOrders(.with { $0.ids = ids }).orders.keyed(by: \.id)
            }
        }
        payments = DataLoader { ids in
            try await serviceCall {
                try await clients.payments.batchGetPayments(.with { $0.orderIds = ids }).payments.keyed(by: \.orderID)
            }
        }
        ticketsByOrder = DataLoader { ids in
            let tickets = try await serviceCall {
                try await clients.tickets.batchGetTicketsByOrder(.with { $0.orderIds = ids }).tickets
            }
            var grouped: [String: [Marquee_V1_Ticket]] = Dictionary(uniqueKeysWithValues: ids.map { ($0, []) })
            for ticket in tickets { grouped[ticket.orderID, default: []].append(ticket) }
            return grouped
        }
    }

    /// A ticket type, through its event (batched with the other events of the request).
    func ticketType(eventID: String, id: String) -> Resolved {
        events.resolve(eventID).map { ($0 as? Marquee_V1_Event)?.ticketTypes.first { $0.id == id } }
    }

    /// The signed-in caller, or UNAUTHENTICATED.
    func requireCaller() throws -> Caller {
        guard let caller = call.caller else { throw codedError("Sign in to use this field.", "UNAUTHENTICATED") }
        return caller
    }
}

extension Array {
    func keyed(by key: (Element) -> String) -> [String: Element] {
        var map: [String: Element] = [:]
        for element in self { map[key(element)] = element }
        return map
    }
}

/// The request state a resolver was given (the engine's `context`).
@inline(__always)
func state(_ context: (any Sendable)?) -> RequestState {
    context as! RequestState
}
