import MarqueeGraphQL
import MarqueeProto
import MarqueeRPC
import Synchronization

/// Everything one GraphQL request's resolvers share: who is calling, the
/// service clients, and the request's DataLoaders (so each level of a list
/// costs one batched RPC, not one per item).
final class RequestState: Sendable {
    let call: CallContext
    let clients: ServiceClients
    let cache: EntityCache
    /// Made on first use: a request answered from the cache needs none.
    private let made = Mutex<Loaders?>(nil)

    init(call context: CallContext, clients: ServiceClients, cache: EntityCache) {
        self.call = context
        self.clients = clients
        self.cache = cache
    }

    var loaders: Loaders {
        made.withLock { made in
            if let loaders = made { return loaders }
            let loaders = Loaders(clients: clients, cache: cache)
            made = loaders
            return loaders
        }
    }

    /// A user (a cached public profile when the caller would see just that).
    var users: CachedLoader<Marquee_V1_User> {
        CachedLoader(state: self, hit: { $0.cache.user($1, for: $0.call.caller) }, loader: \.users)
    }
    /// An event (cached when published).
    var events: CachedLoader<Marquee_V1_Event> { CachedLoader(state: self, hit: { $0.cache.event($1) }, loader: \.events) }
    var venues: DataLoader<String, Marquee_V1_Venue> { loaders.venues }
    var orders: DataLoader<String, Marquee_V1_Order> { loaders.orders }
    var payments: DataLoader<String, Marquee_V1_Payment> { loaders.payments }
    var ticketsByOrder: DataLoader<String, [Marquee_V1_Ticket]> { loaders.ticketsByOrder }

    /// The request's DataLoaders.
    final class Loaders: Sendable {
        let users: DataLoader<String, Marquee_V1_User>
        let events: DataLoader<String, Marquee_V1_Event>
        let venues: DataLoader<String, Marquee_V1_Venue>
        let orders: DataLoader<String, Marquee_V1_Order>
        let payments: DataLoader<String, Marquee_V1_Payment>
        let ticketsByOrder: DataLoader<String, [Marquee_V1_Ticket]>

        init(clients: ServiceClients, cache: EntityCache) {
            users = DataLoader { ids in
                let readAt = cache.now()
                let users = try await serviceCall { try await clients.users.batchGetUsers(.with { $0.ids = ids }).users }
                for user in users { cache.store(user, readAt: readAt) }
                return users.keyed(by: \.id)
            }
            events = DataLoader { ids in
                let readAt = cache.now()
                let events = try await serviceCall { try await clients.events.batchGetEvents(.with { $0.ids = ids }).events }
                for event in events { cache.store(event, readAt: readAt) }
                return events.keyed(by: \.id)
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

/// A request's DataLoader behind the gateway's entity cache: a cached entity
/// resolves at once, without joining a batch (or making the loaders).
struct CachedLoader<Value: Sendable>: Sendable {
    let state: RequestState
    let hit: @Sendable (RequestState, String) -> Value?
    let loader: KeyPath<RequestState.Loaders, DataLoader<String, Value>> & Sendable

    func resolve(_ key: String) -> Resolved {
        if let value = hit(state, key) { return .value(value) }
        return state.loaders[keyPath: loader].resolve(key)
    }

    func load(_ key: String) async throws -> Value? {
        if let value = hit(state, key) { return value }
        return try await state.loaders[keyPath: loader].load(key)
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
    exactCast(context!, to: RequestState.self)!
}
