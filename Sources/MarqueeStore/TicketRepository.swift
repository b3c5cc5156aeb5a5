/// Tickets and check-ins.
public enum TicketRepository {
    static let columns = "id, code, order_id, event_id, ticket_type_id, user_id, status, checked_in_at, created_at"

    static func ticket(_ row: SQLRow) -> TicketRecord {
        TicketRecord(
            id: row.text(0), code: row.text(1), orderID: row.text(2), eventID: row.text(3), ticketTypeID: row.text(4),
            userID: row.text(5), status: row.int(6), checkedInAt: row.optionalInt(7), createdAt: row.int(8))
    }

    public static func insert(_ conn: any SQLConnection, _ ticket: TicketRecord) async throws {
        try await conn.query(
            "INSERT INTO tickets (\(columns)) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            .text(ticket.id), .text(ticket.code), .text(ticket.orderID), .text(ticket.eventID), .text(ticket.ticketTypeID),
            .text(ticket.userID), .int(ticket.status), SQLValue(ticket.checkedInAt), .int(ticket.createdAt))
    }

    public static func byID(_ conn: any SQLConnection, _ id: String) async throws -> TicketRecord? {
        try await conn.query("SELECT \(columns) FROM tickets WHERE id = $1", .text(id)).first.map(ticket)
    }

    public static func byOrderIDs(_ conn: any SQLConnection, _ orderIDs: [String]) async throws -> [TicketRecord] {
        guard !orderIDs.isEmpty else { return [] }
        return try await conn.query(
            "SELECT \(columns) FROM tickets WHERE order_id IN (\(placeholders(orderIDs.count))) ORDER BY created_at, id",
            orderIDs.map { .text($0) }
        ).map(ticket)
    }

    public static func list(_ conn: any SQLConnection, userID: String, first: Int, after: (Int64, String)?) async throws -> Page<TicketRecord> {
        try await paginate(
            conn, select: "SELECT \(columns) FROM tickets", conditions: ["user_id = $1"], binds: [.text(userID)],
            sortColumn: "created_at", first: first, after: after, map: ticket, key: { ($0.createdAt, $0.id) })
    }

    /// Admits a valid ticket: one statement, so of any number of concurrent scans
    /// exactly one succeeds. Nil when the ticket was not VALID.
    public static func checkIn(_ conn: any SQLConnection, id: String, valid: Int64, checkedIn: Int64, by staffID: String, at now: Int64) async throws -> TicketRecord? {
        try await conn.query(
            "UPDATE tickets SET status = $3, checked_in_at = $4, checked_in_by = $5 WHERE id = $1 AND status = $2 RETURNING \(columns)",
            .text(id), .int(valid), .int(checkedIn), .int(now), .text(staffID)
        ).first.map(ticket)
    }

    public static func voidTickets(_ conn: any SQLConnection, orderID: String, void: Int64) async throws {
        try await conn.query("UPDATE tickets SET status = $2 WHERE order_id = $1", .text(orderID), .int(void))
    }
}
