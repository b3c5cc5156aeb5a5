import GRPCCore
import MarqueeGraphQL
import MarqueeProto

extension Resolvers {
    func installQueries() {
        on("Query", "node", Never?.self) { _, args, state in Self.node(args.string("id") ?? "", state) }
        on("Query", "nodes", Never?.self) { _, args, state in
            let ids = args["ids"]?.arrayValue?.compactMap(\.stringValue) ?? []
            guard ids.count <= 100 else { throw codedError("At most 100 ids per request.", "BAD_USER_INPUT") }
            // Every key is enqueued before anything is awaited: one batch per loader.
            let pending = ids.map { Self.node($0, state) }
            return .async {
                var nodes: [(any Sendable)?] = []
                for resolved in pending { nodes.append(try await resolved.awaited()) }
                return nodes
            }
        }
        on("Query", "me", Never?.self) { _, _, state in
            state.users.resolve(try state.requireCaller().userID)
        }
        on("Query", "event", Never?.self) { _, args, state in
            if let id = args.string("id") {
                guard let raw = GlobalID.id(id, as: "Event") else { return .null }
                return state.events.resolve(raw)
            }
            guard let slug = args.string("slug") else {
                throw codedError("Give `id` or `slug`.", "BAD_USER_INPUT")
            }
            if let cached = state.cache.event(slug: slug) { return .value(cached) }
            return .async {
                let readAt = state.cache.now()
                let event = try await Self.nilIfNotFound {
                    try await state.clients.events.getEvent(.with { $0.slug = slug })
                }
                if let event { state.cache.store(event, readAt: readAt) }
                return event
            }
        }
        async("Query", "events", Never?.self) { _, args, state in
            let page = try pageRequest(args)
            var request = Marquee_V1_ListEventsRequest.with { $0.page = page }
            if let filter = args["filter"]?.objectValue {
                if let city = filter["city"]?.stringValue { request.city = city }
                if let text = filter["text"]?.stringValue { request.text = text }
                if let after = filter["startsAfter"]?.stringValue.flatMap(DateTime.parse) { request.starts.from = after }
                if let before = filter["startsBefore"]?.stringValue.flatMap(DateTime.parse) { request.starts.to = before }
                if let organizer = filter["organizerId"]?.stringValue {
                    guard let raw = GlobalID.id(organizer, as: "Organizer") ?? GlobalID.id(organizer, as: "User") else {
                        throw codedError("`filter.organizerId` is not an organiser id.", "BAD_USER_INPUT")
                    }
                    request.organizerID = raw
                }
            }
            let list = request
            let reply = try await serviceCall { try await state.clients.events.listEvents(list) }
            return connection(reply.events, reply.pageInfo, hadCursor: !page.after.isEmpty)
        }
        async("Query", "cities", Never?.self) { _, _, state in
            try await serviceCall { try await state.clients.events.listCities(Marquee_V1_ListCitiesRequest()) }.cities
        }
        async("Query", "search", Never?.self) { _, args, state in try await Self.search(args, state) }
        async("Query", "order", Never?.self) { _, args, state in
            _ = try state.requireCaller()
            guard let raw = GlobalID.id(args.string("id") ?? "", as: "Order") else { return nil }
            return try await state.orders.load(raw)
        }
        async("Query", "myOrders", Never?.self) { _, args, state in
            _ = try state.requireCaller()
            let page = try pageRequest(args)
            let reply = try await serviceCall { try await state.clients.orders.listMyOrders(.with { $0.page = page }) }
            return connection(reply.orders, reply.pageInfo, hadCursor: !page.after.isEmpty)
        }
        async("Query", "myTickets", Never?.self) { _, args, state in
            _ = try state.requireCaller()
            let page = try pageRequest(args)
            let reply = try await serviceCall { try await state.clients.tickets.listMyTickets(.with { $0.page = page }) }
            return connection(reply.tickets, reply.pageInfo, hadCursor: !page.after.isEmpty)
        }
        async("Query", "notifications", Never?.self) { _, args, state in
            _ = try state.requireCaller()
            let page = try pageRequest(args)
            let unread = args.bool("unreadOnly") ?? false
            let reply = try await serviceCall {
                try await state.clients.notifications.listNotifications(.with {
                    $0.page = page
                    $0.unreadOnly = unread
                })
            }
            return connection(reply.notifications, reply.pageInfo, hadCursor: !page.after.isEmpty)
        }
        async("Query", "eventStats", Never?.self) { _, args, state in
            _ = try state.requireCaller()
            guard let raw = GlobalID.id(args.string("eventId") ?? "", as: "Event") else {
                throw codedError("`eventId` is not an event id.", "BAD_USER_INPUT")
            }
            return try await serviceCall { try await state.clients.analytics.getEventStats(.with { $0.eventID = raw }) }
        }
    }

    /// Refetches any object by its global id (null when unknown or not visible).
    /// Synchronous so that `nodes` enqueues every key before the batch runs.
    static func node(_ id: String, _ state: RequestState) -> Resolved {
        guard let (type, raw) = GlobalID.decode(id) else { return .null }
        let parts = raw.split(separator: "/", maxSplits: 1).map(String.init)
        switch type {
        case "User": return state.users.resolve(raw)
        case "Organizer": return state.users.resolve(raw).map { ($0 as? Marquee_V1_User).map { OrganizerValue($0, id: raw) } }
        case "Venue": return state.venues.resolve(raw)
        case "Event": return state.events.resolve(raw)
        case "Order": return state.orders.resolve(raw)
        case "Payment": return state.payments.resolve(raw)
        case "TicketType" where parts.count == 2:
            return state.events.resolve(parts[0]).map { ($0 as? Marquee_V1_Event)?.ticketTypes.first { $0.id == parts[1] } }
        case "Ticket" where parts.count == 2:
            return state.ticketsByOrder.resolve(parts[0]).map { ($0 as? [Marquee_V1_Ticket])?.first { $0.id == parts[1] } }
        default: return .null
        }
    }

    /// Events whose text matches, and the venues and organisers among them whose
    /// names contain the text.
    static func search(_ args: Arguments, _ state: RequestState) async throws -> [any Sendable] {
        let text = (args.string("text") ?? "").trimmingCharacters(in: " ")
        guard !text.isEmpty else { throw codedError("`text` must not be empty.", "BAD_USER_INPUT") }
        let first = min(max(args.int("first") ?? 20, 1), 100)
        let reply = try await serviceCall {
            try await state.clients.events.listEvents(.with {
                $0.text = text
                $0.page.first = Int32(first)
            })
        }
        let needle = text.lowercased()
        var results: [any Sendable] = reply.events
        var venues = Set<String>()
        for event in reply.events where event.venue.name.lowercased().contains(needle) && venues.insert(event.venue.id).inserted {
            results.append(event.venue)
        }
        let organizerIDs = Array(Set(reply.events.map(\.organizerID))).sorted()
        if !organizerIDs.isEmpty {
            let users = try await serviceCall { try await state.clients.users.batchGetUsers(.with { $0.ids = organizerIDs }) }.users
            for user in users where user.displayName.lowercased().contains(needle) {
                results.append(OrganizerValue(user, id: user.id))
            }
        }
        return Array(results.prefix(first))
    }

    /// nil for NOT_FOUND (a nullable lookup), the failure otherwise.
    static func nilIfNotFound<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) async throws -> T? {
        do {
            return try await serviceCall(body)
        } catch let failure as ServiceFailure where failure.code == "NOT_FOUND" {
            return nil
        }
    }
}

extension String {
    func trimmingCharacters(in character: Character) -> String {
        Substring(self).trimmingCharacters(in: character)
    }
}

extension Resolved {
    /// The value, awaiting it when it is pending.
    func awaited() async throws -> (any Sendable)? {
        switch self {
        case .value(let value): value
        case .async(let work): try await work()
        }
    }

    /// The value transformed once it is there.
    func map(_ transform: @escaping @Sendable ((any Sendable)?) -> (any Sendable)?) -> Resolved {
        switch self {
        case .value(let value): .value(transform(value))
        case .async(let work): .async { transform(try await work()) }
        }
    }
}
