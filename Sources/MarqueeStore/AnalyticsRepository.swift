/// Aggregates for organisers.
public enum AnalyticsRepository {
    public struct TicketTypeSales: Sendable, Equatable {
        public var ticketTypeID: String
        public var sold: Int64
        public var revenueMinor: Int64
    }

    /// Seats sold (in paid orders) and their revenue per ticket type of an event,
    /// net of partial refunds (a refund is shared among an order's items by value,
    /// the remainder of the division going to its last item).
    public static func sales(_ conn: any SQLConnection, eventID: String, paid: Int64) async throws -> [TicketTypeSales] {
        let rows = try await conn.query(
            """
            SELECT o.id, o.refunded_minor, o.total_minor, i.ticket_type_id, i.quantity, i.unit_price_minor
            FROM orders o JOIN order_items i ON i.order_id = o.id
            WHERE o.event_id = $1 AND o.status = $2 ORDER BY o.id, i.position
            """, .text(eventID), .int(paid))
        var byType: [String: TicketTypeSales] = [:]
        var order: [String] = []
        var index = 0
        while index < rows.count {
            let orderID = rows[index].text(0), refunded = rows[index].int(1), total = rows[index].int(2)
            var end = index
            while end < rows.count, rows[end].text(0) == orderID { end += 1 }
            var refundLeft = refunded
            for position in index..<end {
                let row = rows[position]
                let gross = row.int(4) * row.int(5)
                let share = position == end - 1 ? refundLeft : (total > 0 ? refunded * gross / total : 0)
                refundLeft -= share
                let type = row.text(3)
                if byType[type] == nil { order.append(type) }
                var sales = byType[type] ?? TicketTypeSales(ticketTypeID: type, sold: 0, revenueMinor: 0)
                sales.sold += row.int(4)
                sales.revenueMinor += gross - share
                byType[type] = sales
            }
            index = end
        }
        return order.compactMap { byType[$0] }
    }

    public static func checkedIn(_ conn: any SQLConnection, eventID: String, checkedIn: Int64) async throws -> Int64 {
        try await conn.query(
            "SELECT COUNT(*) FROM tickets WHERE event_id = $1 AND status = $2", .text(eventID), .int(checkedIn)
        ).first?.int(0) ?? 0
    }
}
