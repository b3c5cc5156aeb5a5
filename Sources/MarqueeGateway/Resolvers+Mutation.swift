import MarqueeGraphQL
import MarqueeProto
import MarqueeRPC
import SwiftProtobuf

extension Resolvers {
    func installMutations() {
        mutation("register") { input, _, state in
            let reply = try await serviceCall {
                try await state.clients.auth.register(.with {
                    $0.email = input.string("email")
                    $0.password = input.string("password")
                    $0.displayName = input.string("displayName")
                })
            }
            return try await Self.authPayload(reply, state)
        }
        mutation("login") { input, _, state in
            let reply = try await serviceCall {
                try await state.clients.auth.login(.with {
                    $0.email = input.string("email")
                    $0.password = input.string("password")
                })
            }
            return try await Self.authPayload(reply, state)
        }
        mutation("refreshToken", input: nil) { _, args, state in
            let token = args.string("refreshToken") ?? ""
            let reply = try await serviceCall { try await state.clients.auth.refreshToken(.with { $0.refreshToken = token }) }
            return try await Self.authPayload(reply, state)
        }
        on("Mutation", "logout", Never?.self) { _, args, state in
            let token = args.string("refreshToken") ?? ""
            return .async {
                _ = try await serviceCall { try await state.clients.auth.logout(.with { $0.refreshToken = token }) }
                return ["ok": true] as [String: any Sendable]
            }
        }
        mutation("updateProfile") { input, _, state in
            _ = try state.requireCaller()
            let name = input.optionalString("displayName") ?? ""
            return ["user": try await serviceCall { try await state.clients.users.updateProfile(.with { $0.displayName = name }) }]
        }
        mutation("createEvent") { input, _, state in
            let event = try await serviceCall {
                try await state.clients.events.createEvent(.with {
                    $0.title = input.string("title")
                    $0.description_p = input.string("description")
                    $0.venueName = input.string("venueName")
                    $0.venueAddress = input.string("venueAddress")
                    $0.city = input.string("city")
                    $0.country = input.string("country")
                    if let starts = input.timestamp("startsAt") { $0.startsAt = starts }
                    if let ends = input.timestamp("endsAt") { $0.endsAt = ends }
                    $0.imageURL = input.string("imageUrl")
                })
            }
            return ["event": event]
        }
        mutation("updateEvent") { input, _, state in
            let id = try input.id("id", as: "Event")
            let event = try await serviceCall {
                try await state.clients.events.updateEvent(.with {
                    $0.id = id
                    if let title = input.optionalString("title") { $0.title = title }
                    if let description = input.optionalString("description") { $0.description_p = description }
                    if let url = input.optionalString("imageUrl") { $0.imageURL = url }
                    if let starts = input.timestamp("startsAt") { $0.startsAt = starts }
                    if let ends = input.timestamp("endsAt") { $0.endsAt = ends }
                })
            }
            return ["event": event]
        }
        mutation("publishEvent", input: nil) { _, args, state in
            let id = try Input(args.values, path: []).id("id", as: "Event")
            return ["event": try await serviceCall { try await state.clients.events.publishEvent(.with { $0.id = id }) }]
        }
        mutation("cancelEvent", input: nil) { _, args, state in
            let id = try Input(args.values, path: []).id("id", as: "Event")
            return ["event": try await serviceCall { try await state.clients.events.cancelEvent(.with { $0.id = id }) }]
        }
        mutation("addTicketType") { input, _, state in
            let eventID = try input.id("eventId", as: "Event")
            let price = input.object("price")
            let type = try await serviceCall {
                try await state.clients.events.addTicketType(.with {
                    $0.eventID = eventID
                    $0.name = input.string("name")
                    $0.price.amountMinor = Int64(price?.int("amountMinor") ?? 0)
                    $0.price.currency = price?.string("currency") ?? ""
                    $0.capacity = Int32(clamping: input.int("capacity") ?? 0)
                    $0.perOrderLimit = Int32(clamping: input.int("perOrderLimit") ?? 10)
                    if let start = input.timestamp("salesStart") { $0.salesStart = start }
                    if let end = input.timestamp("salesEnd") { $0.salesEnd = end }
                })
            }
            return ["ticketType": type]
        }
        commerceMutations()
    }

    private func commerceMutations() {
        mutation("placeOrder") { input, _, state in
            let eventID = try input.id("eventId", as: "Event")
            var items: [Marquee_V1_OrderItemRequest] = []
            for (index, item) in (input.list("items") ?? []).enumerated() {
                let line = Input(item, path: input.path + ["items", "\(index)"])
                guard let (eventOfType, typeID) = GlobalID.decode(line.string("ticketTypeId")).flatMap(Self.ticketTypeID),
                      eventOfType == eventID else {
                    throw ServiceFailure(badInput: "is not a ticket type of this event", field: line.path + ["ticketTypeId"])
                }
                items.append(.with {
                    $0.ticketTypeID = typeID
                    $0.quantity = Int32(clamping: line.int("quantity") ?? 0)
                })
            }
            let lines = items
            let order = try await serviceCall {
                try await state.clients.orders.placeOrder(.with {
                    $0.eventID = eventID
                    $0.items = lines
                    $0.idempotencyKey = input.string("idempotencyKey")
                })
            }
            return ["order": order]
        }
        mutation("payOrder") { input, _, state in
            let orderID = try input.id("orderId", as: "Order")
            let payment = try await serviceCall {
                try await state.clients.payments.payOrder(.with {
                    $0.orderID = orderID
                    $0.cardNumber = input.string("cardNumber")
                    $0.expMonth = Int32(clamping: input.int("expMonth") ?? 0)
                    $0.expYear = Int32(clamping: input.int("expYear") ?? 0)
                    $0.cvc = input.string("cvc")
                    $0.idempotencyKey = input.string("idempotencyKey")
                })
            }
            let order = try await serviceCall { try await state.clients.orders.getOrder(.with { $0.id = orderID }) }
            return ["payment": payment, "order": order]
        }
        mutation("cancelOrder", input: nil) { _, args, state in
            let id = try Input(args.values, path: []).id("id", as: "Order")
            return ["order": try await serviceCall { try await state.clients.orders.cancelOrder(.with { $0.id = id }) }]
        }
        mutation("refundOrder") { input, _, state in
            let orderID = try input.id("orderId", as: "Order")
            let amount = input.object("amount")
            let payment = try await serviceCall {
                try await state.clients.payments.refundOrder(.with {
                    $0.orderID = orderID
                    if let amount {
                        $0.amount.amountMinor = Int64(amount.int("amountMinor") ?? 0)
                        $0.amount.currency = amount.string("currency")
                    }
                    $0.idempotencyKey = input.string("idempotencyKey")
                })
            }
            let order = try await serviceCall { try await state.clients.orders.getOrder(.with { $0.id = orderID }) }
            return ["payment": payment, "order": order]
        }
        mutation("checkInTicket") { input, _, state in
            let eventID = try input.id("eventId", as: "Event")
            let result = try await serviceCall {
                try await state.clients.tickets.checkInTicket(.with {
                    $0.qrPayload = input.string("qrPayload")
                    $0.eventID = eventID
                })
            }
            return ["ticket": result.ticket, "checkedInAt": result.checkedInAt]
        }
        mutation("markNotificationRead", input: nil) { _, args, state in
            let id = try Input(args.values, path: []).id("id", as: "Notification")
            return ["notification": try await serviceCall { try await state.clients.notifications.markNotificationRead(.with { $0.id = id }) }]
        }
    }

    /// A mutation returning a payload: what `body` returns plus `errors: []`, or,
    /// when the service refuses for a reason the user can fix, only the errors.
    /// Other failures (unauthenticated, forbidden, unavailable) are GraphQL errors.
    private func mutation(
        _ name: String, input key: String? = "input",
        _ body: @escaping @Sendable (Input, Arguments, RequestState) async throws -> [String: any Sendable]
    ) {
        async("Mutation", name, Never?.self) { _, args, state in
            let input = Input(key.flatMap { args[$0]?.objectValue } ?? JSONObject(), path: key.map { [$0] } ?? [])
            do {
                var payload = try await body(input, args, state)
                // This gateway's clients read their writes at once (other gateways hear it from the broker).
                if let event = payload["event"] as? Marquee_V1_Event { state.cache.evict(EntityCache.eventKey(event.id)) }
                if let order = payload["order"] as? Marquee_V1_Order { state.cache.evict(EntityCache.eventKey(order.eventID)) }
                if let type = payload["ticketType"] as? Marquee_V1_TicketType { state.cache.evict(EntityCache.eventKey(type.eventID)) }
                if let user = payload["user"] as? Marquee_V1_User { state.cache.evict(EntityCache.userKey(user.id)) }
                payload["errors"] = [any Sendable]()
                return payload
            } catch let failure as ServiceFailure where failure.userFixable {
                return ["errors": [failure.userError] as [any Sendable]] as [String: any Sendable]
            }
        }
    }

    /// AuthPayload: the tokens and the user (read with the new token).
    static func authPayload(_ tokens: Marquee_V1_AuthTokens, _ state: RequestState) async throws -> [String: any Sendable] {
        var call = state.call
        call.bearerToken = tokens.accessToken
        let user = try await CallContext.$current.withValue(call) {
            try await MarqueeGateway.serviceCall { try await state.clients.users.getUser(.with { $0.id = tokens.userID }) }
        }
        return [
            "accessToken": tokens.accessToken, "accessTokenExpiresAt": tokens.accessTokenExpiresAt,
            "refreshToken": tokens.refreshToken, "user": user,
        ]
    }

    /// "eventID/ticketTypeID" of a TicketType global id.
    static func ticketTypeID(_ decoded: (type: String, id: String)) -> (String, String)? {
        guard decoded.type == "TicketType" else { return nil }
        let parts = decoded.id.split(separator: "/", maxSplits: 1).map(String.init)
        return parts.count == 2 ? (parts[0], parts[1]) : nil
    }
}

/// A mutation's input object, with its path for error reporting.
struct Input: Sendable {
    let object: JSONObject
    let path: [String]

    init(_ object: JSONObject, path: [String]) {
        self.object = object
        self.path = path
    }

    init(_ json: JSON, path: [String]) {
        self.init(json.objectValue ?? JSONObject(), path: path)
    }

    func string(_ name: String) -> String { object[name]?.stringValue ?? "" }
    func optionalString(_ name: String) -> String? { object[name]?.stringValue }
    func int(_ name: String) -> Int? { object[name]?.intValue }
    func list(_ name: String) -> [JSON]? { object[name]?.arrayValue }
    func object(_ name: String) -> Input? { object[name]?.objectValue.map { Input($0, path: path + [name]) } }
    func timestamp(_ name: String) -> Google_Protobuf_Timestamp? { object[name]?.stringValue.flatMap(DateTime.parse) }

    /// The service id inside a global id of `type`, or a BAD_USER_INPUT user error.
    func id(_ name: String, as type: String) throws -> String {
        guard let raw = GlobalID.id(string(name), as: type) else {
            throw ServiceFailure(badInput: "is not a valid \(type) id", field: path + [name])
        }
        return raw
    }
}
