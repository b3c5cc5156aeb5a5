/// Orders and their items.
public enum OrderRepository {
    static let columns =
        "id, user_id, event_id, status, total_minor, currency, refunded_minor, expires_at, created_at"

    static func order(_ row: SQLRow) -> OrderRecord {
        OrderRecord(
            id: row.text(0), userID: row.text(1), eventID: row.text(2), status: row.int(3), totalMinor: row.int(4),
            currency: row.text(5), refundedMinor: row.int(6), expiresAt: row.int(7), createdAt: row.int(8), items: [])
    }

    /// Inserts an order unless the user already has one with this idempotency key;
    /// false when the key was taken (nothing written).
    public static func insert(_ conn: any SQLConnection, _ order: OrderRecord, idempotencyKey: String) async throws -> Bool {
        let inserted = try await conn.query(
            """
            INSERT INTO orders (\(columns), idempotency_key) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
            ON CONFLICT (user_id, idempotency_key) DO NOTHING RETURNING id
            """,
            .text(order.id), .text(order.userID), .text(order.eventID), .int(order.status), .int(order.totalMinor),
            .text(order.currency), .int(order.refundedMinor), .int(order.expiresAt), .int(order.createdAt),
            .text(idempotencyKey))
        guard !inserted.isEmpty else { return false }
        for (position, item) in order.items.enumerated() {
            try await conn.query(
                "INSERT INTO order_items (order_id, ticket_type_id, quantity, unit_price_minor, position) VALUES ($1, $2, $3, $4, $5)",
                .text(order.id), .text(item.ticketTypeID), .int(item.quantity), .int(item.unitPriceMinor), .int(Int64(position)))
        }
        return true
    }

    public static func byIdempotencyKey(_ conn: any SQLConnection, userID: String, key: String) async throws -> OrderRecord? {
        let orders = try await withItems(conn, conn.query(
            "SELECT \(columns) FROM orders WHERE user_id = $1 AND idempotency_key = $2", .text(userID), .text(key)
        ).map(order))
        return orders.first
    }

    public static func byIDs(_ conn: any SQLConnection, _ ids: [String]) async throws -> [OrderRecord] {
        guard !ids.isEmpty else { return [] }
        return try await withItems(conn, conn.query(
            "SELECT \(columns) FROM orders WHERE id IN (\(placeholders(ids.count)))", ids.map { .text($0) }
        ).map(order).inRequestOrder(ids, \.id))
    }

    public static func byID(_ conn: any SQLConnection, _ id: String) async throws -> OrderRecord? {
        try await byIDs(conn, [id]).first
    }

    /// A user's orders, newest first.
    public static func list(_ conn: any SQLConnection, userID: String, first: Int, after: (Int64, String)?) async throws -> Page<OrderRecord> {
        var page = try await paginate(
            conn, select: "SELECT \(columns) FROM orders", conditions: ["user_id = $1"], binds: [.text(userID)],
            sortColumn: "created_at", descending: true, first: first, after: after, map: order,
            key: { ($0.createdAt, $0.id) })
        page.items = try await withItems(conn, page.items)
        return page
    }

    /// Moves an order from one status to another; nil when it was not in `from`
    /// (someone else changed it first).
    public static func transition(_ conn: any SQLConnection, id: String, from: [Int64], to: Int64) async throws -> OrderRecord? {
        let rows = try await conn.query(
            "UPDATE orders SET status = $1 WHERE id = $2 AND status IN (\(placeholders(from.count, after: 2))) RETURNING \(columns)",
            [.int(to), .text(id)] + from.map { .int($0) })
        return try await withItems(conn, rows.map(order)).first
    }

    public static func addRefund(_ conn: any SQLConnection, id: String, amountMinor: Int64) async throws {
        try await conn.query("UPDATE orders SET refunded_minor = refunded_minor + $2 WHERE id = $1", .text(id), .int(amountMinor))
    }

    /// Pending orders whose hold ran out before `now`.
    public static func expiredPending(_ conn: any SQLConnection, pending: Int64, now: Int64, limit: Int) async throws -> [String] {
        try await conn.query(
            "SELECT id FROM orders WHERE status = $1 AND expires_at <= $2 ORDER BY expires_at LIMIT $3",
            .int(pending), .int(now), .int(Int64(limit))
        ).map { $0.text(0) }
    }

    static func withItems(_ conn: any SQLConnection, _ orders: [OrderRecord]) async throws -> [OrderRecord] {
        guard !orders.isEmpty else { return [] }
        let rows = try await conn.query(
            "SELECT order_id, ticket_type_id, quantity, unit_price_minor FROM order_items WHERE order_id IN (\(placeholders(orders.count))) ORDER BY position",
            orders.map { .text($0.id) })
        var items: [String: [OrderItemRecord]] = [:]
        for row in rows {
            items[row.text(0), default: []].append(
                OrderItemRecord(ticketTypeID: row.text(1), quantity: row.int(2), unitPriceMinor: row.int(3)))
        }
        return orders.map { var order = $0; order.items = items[order.id] ?? []; return order }
    }
}
