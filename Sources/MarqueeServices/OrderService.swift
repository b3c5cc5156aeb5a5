import GRPCCore
import MarqueeProto
import MarqueePubSub
import MarqueeRPC
import MarqueeStore

/// Orders: seats are reserved atomically against capacity when an order is
/// placed (never oversold), held until it is paid, cancelled or expires.
public struct OrderService: Marquee_V1_OrderService.SimpleServiceProtocol {
    let env: ServiceEnvironment

    public init(env: ServiceEnvironment) { self.env = env }

    static let pending = Int64(Marquee_V1_OrderStatus.pending.rawValue)
    static let paid = Int64(Marquee_V1_OrderStatus.paid.rawValue)
    static let cancelled = Int64(Marquee_V1_OrderStatus.cancelled.rawValue)
    static let expired = Int64(Marquee_V1_OrderStatus.expired.rawValue)
    static let refunded = Int64(Marquee_V1_OrderStatus.refunded.rawValue)

    private struct KeyTaken: Error {}

    public func placeOrder(request: Marquee_V1_PlaceOrderRequest, context: ServerContext) async throws -> Marquee_V1_Order {
        let caller = try requireCaller()
        let eventID = try Check.id(request.eventID, "event_id")
        let key = try Check.text(request.idempotencyKey, "idempotency_key", max: 200)
        guard !request.items.isEmpty else { throw ServiceError.invalid("items", "at least one item is required") }
        guard request.items.count <= 20 else { throw ServiceError.invalid("items", "at most 20 items per order") }
        var quantities: [(String, Int64)] = []
        for (index, item) in request.items.enumerated() {
            let id = try Check.id(item.ticketTypeID, "items[\(index)].ticket_type_id")
            guard item.quantity > 0 else { throw ServiceError.invalid("items[\(index)].quantity", "must be positive") }
            guard !quantities.contains(where: { $0.0 == id }) else {
                throw ServiceError.invalid("items[\(index)].ticket_type_id", "appears twice; combine the quantities")
            }
            quantities.append((id, Int64(item.quantity)))
        }
        let hold = env.settings.orderHoldSeconds
        let items = quantities
        let outcome: (OrderRecord, Marquee_V1_Event)?
        do {
            outcome = try await env.transaction { conn -> (OrderRecord, Marquee_V1_Event)? in
                if let existing = try await OrderRepository.byIdempotencyKey(conn, userID: caller.userID, key: key) {
                    return (existing, Marquee_V1_Event())
                }
                guard let event = try await EventRepository.byID(conn, eventID), EventService.isVisible(event, to: caller) else {
                    throw ServiceError.notFound("event")
                }
                guard event.status == EventService.published else {
                    throw ServiceError.failedPrecondition("the event is not on sale (\(EventService.statusName(event.status)))", reason: "NOT_ON_SALE")
                }
                let types = try await EventRepository.ticketTypes(conn, eventIDs: [eventID])
                let now = Clock.nowMicros()
                var records: [OrderItemRecord] = []
                for (index, (id, quantity)) in items.enumerated() {
                    guard let type = types.first(where: { $0.id == id }) else {
                        throw ServiceError(.notFound, "ticket type not found", field: "items[\(index)].ticket_type_id")
                    }
                    guard quantity <= type.perOrderLimit else {
                        throw ServiceError.invalid("items[\(index)].quantity", "must be between 1 and \(type.perOrderLimit)")
                    }
                    if let start = type.salesStart, now < start { throw ServiceError.failedPrecondition("sales for \(type.name) have not started", reason: "SALES_CLOSED") }
                    if let end = type.salesEnd, now >= end { throw ServiceError.failedPrecondition("sales for \(type.name) are closed", reason: "SALES_CLOSED") }
                    records.append(OrderItemRecord(ticketTypeID: id, quantity: quantity, unitPriceMinor: type.priceMinor))
                }
                let total = records.reduce(Int64(0)) { $0 + $1.quantity * $1.unitPriceMinor }
                let order = OrderRecord(
                    id: Identifier.make(), userID: caller.userID, eventID: eventID, status: Self.pending, totalMinor: total,
                    currency: types.first?.currency ?? "EUR", refundedMinor: 0, expiresAt: now + hold * 1_000_000,
                    createdAt: now, items: records)
                guard try await OrderRepository.insert(conn, order, idempotencyKey: key) else { throw KeyTaken() }
                for item in records {
                    guard try await EventRepository.reserve(conn, ticketTypeID: item.ticketTypeID, quantity: item.quantity) else {
                        let name = types.first { $0.id == item.ticketTypeID }?.name ?? "this ticket type"
                        throw ServiceError.failedPrecondition("sold out: not enough \(name) tickets left", reason: "SOLD_OUT")
                    }
                }
                let after = try await EventRepository.ticketTypes(conn, eventIDs: [eventID])
                return (order, Convert.event(event, ticketTypes: after))
            }
        } catch is KeyTaken {
            // A concurrent request with the same key won; answer with its order.
            outcome = try await env.transaction { conn in
                try await OrderRepository.byIdempotencyKey(conn, userID: caller.userID, key: key).map { ($0, Marquee_V1_Event()) }
            }
        }
        guard let (order, event) = outcome else { throw ServiceError.unavailable("the order could not be placed, try again") }
        let message = Convert.order(order)
        if !event.id.isEmpty {
            await env.publish(Convert.bytes(event), to: Topic.inventoryChanged(eventID: eventID))
            await env.publish(Convert.bytes(message), to: Topic.orderStatus(orderID: order.id))
        }
        return message
    }

    public func getOrder(request: Marquee_V1_GetOrderRequest, context: ServerContext) async throws -> Marquee_V1_Order {
        let caller = try requireCaller()
        let id = try Check.id(request.id, "id")
        guard let order = try await env.transaction({ conn in try await Self.visible(conn, [id], caller).first }) else {
            throw ServiceError.notFound("order")
        }
        return Convert.order(order)
    }

    public func batchGetOrders(request: Marquee_V1_BatchGetOrdersRequest, context: ServerContext) async throws -> Marquee_V1_BatchGetOrdersResponse {
        let caller = try requireCaller()
        let ids = try Check.ids(request.ids, "ids")
        let orders = try await env.read { conn in try await Self.visible(conn, ids, caller) }
        return .with { $0.orders = orders.map(Convert.order) }
    }

    public func listMyOrders(request: Marquee_V1_ListMyOrdersRequest, context: ServerContext) async throws -> Marquee_V1_ListOrdersResponse {
        let caller = try requireCaller()
        let (first, after) = try Check.page(request.page)
        let page = try await env.read { conn in try await OrderRepository.list(conn, userID: caller.userID, first: first, after: after) }
        return .with {
            $0.orders = page.items.map(Convert.order)
            $0.pageInfo = Convert.pageInfo(page)
        }
    }

    public func cancelOrder(request: Marquee_V1_CancelOrderRequest, context: ServerContext) async throws -> Marquee_V1_Order {
        let caller = try requireCaller()
        let id = try Check.id(request.id, "id")
        let order = try await env.transaction { conn -> OrderRecord in
            guard let order = try await OrderRepository.byID(conn, id), order.userID == caller.userID || caller.isAdmin else {
                throw ServiceError.notFound("order")
            }
            guard order.status == Self.pending else {
                throw ServiceError.failedPrecondition(
                    order.status == Self.paid ? "a paid order is refunded, not cancelled" : "only a pending order can be cancelled")
            }
            guard let cancelled = try await Self.release(conn, orderID: id, from: [Self.pending], to: Self.cancelled) else {
                throw ServiceError.failedPrecondition("only a pending order can be cancelled")
            }
            return cancelled
        }
        await publishChange(order)
        return Convert.order(order)
    }

    /// Moves an order to `to` and gives its seats back, in the caller's transaction.
    static func release(_ conn: any SQLConnection, orderID: String, from: [Int64], to: Int64) async throws -> OrderRecord? {
        guard let order = try await OrderRepository.transition(conn, id: orderID, from: from, to: to) else { return nil }
        for item in order.items {
            try await EventRepository.release(conn, ticketTypeID: item.ticketTypeID, quantity: item.quantity)
        }
        return order
    }

    /// Publishes `order.status` and the event's new inventory.
    func publishChange(_ order: OrderRecord) async {
        await env.publish(Convert.bytes(Convert.order(order)), to: Topic.orderStatus(orderID: order.id))
        if let event = try? await env.transaction({ conn -> Marquee_V1_Event? in
            guard let event = try await EventRepository.byID(conn, order.eventID) else { return nil }
            return Convert.event(event, ticketTypes: try await EventRepository.ticketTypes(conn, eventIDs: [event.id]))
        }) {
            await env.publish(Convert.bytes(event), to: Topic.inventoryChanged(eventID: order.eventID))
        }
    }

    /// Expires unpaid orders whose hold ran out; returns how many.
    public func expireOrders(limit: Int = 100) async throws -> Int {
        let now = Clock.nowMicros()
        let ids = try await env.transaction { conn in
            try await OrderRepository.expiredPending(conn, pending: Self.pending, now: now, limit: limit)
        }
        var count = 0
        for id in ids {
            if let order = try await env.transaction({ conn in
                try await Self.release(conn, orderID: id, from: [Self.pending], to: Self.expired)
            }) {
                count += 1
                await publishChange(order)
            }
        }
        return count
    }

    /// Owners see their orders, organisers the orders of their events, administrators
    /// all; to anyone else an order does not exist (NOT_FOUND: ids do not leak).
    static func canSee(_ order: OrderRecord, _ caller: Caller) -> Bool {
        order.userID == caller.userID || caller.isAdmin
    }

    /// The orders among `ids` that the caller may see.
    static func visible(_ conn: any SQLConnection, _ ids: [String], _ caller: Caller) async throws -> [OrderRecord] {
        let orders = try await OrderRepository.byIDs(conn, ids)
        let foreign = Set(orders.filter { !canSee($0, caller) }.map(\.eventID))
        let managed = foreign.isEmpty ? [] : Set(
            try await EventRepository.byIDs(conn, Array(foreign)).filter { EventService.canManage($0, caller) }.map(\.id))
        return orders.filter { canSee($0, caller) || managed.contains($0.eventID) }
    }
}
