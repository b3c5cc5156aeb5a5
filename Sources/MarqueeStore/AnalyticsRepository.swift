/// Aggregates for organisers.
public enum AnalyticsRepository {
    public struct TicketTypeSales: Sendable, Equatable {
        public var ticketTypeID: String
        public var sold: Int64
        public var revenueMinor: Int64
    }

    /// Seats sold (in paid orders) and their revenue per ticket type of an event.
    public static func sales(_ conn: any SQLConnection, eventID: String, paid: Int64) async throws -> [TicketTypeSales] {
        try await conn.query(
            """
            SELECT i.ticket_type_id, CAST(COALESCE(SUM(i.quantity), 0) AS BIGINT),
              CAST(COALESCE(SUM(i.quantity * i.unit_price_minor), 0) AS BIGINT)
            FROM order_items i JOIN orders o ON o.id = i.order_id
            WHERE o.event_id = $1 AND o.status = $2 GROUP BY i.ticket_type_id
            """, .text(eventID), .int(paid)
        ).map { TicketTypeSales(ticketTypeID: $0.text(0), sold: $0.int(1), revenueMinor: $0.int(2)) }
    }

    public static func checkedIn(_ conn: any SQLConnection, eventID: String, checkedIn: Int64) async throws -> Int64 {
        try await conn.query(
            "SELECT COUNT(*) FROM tickets WHERE event_id = $1 AND status = $2", .text(eventID), .int(checkedIn)
        ).first?.int(0) ?? 0
    }
}
