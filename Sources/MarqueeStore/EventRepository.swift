import Foundation

/// Events, their venues and ticket types.
public enum EventRepository {
    static let select = """
        SELECT e.id, e.slug, e.title, e.description, e.organizer_id, e.starts_at, e.ends_at, e.status,
          e.image_url, e.created_at, v.id, v.name, v.address, v.city, v.country
        FROM events e JOIN venues v ON v.id = e.venue_id
        """

    static func event(_ row: SQLRow) -> EventRecord {
        EventRecord(
            id: row.text(0), slug: row.text(1), title: row.text(2), description: row.text(3),
            organizerID: row.text(4),
            venue: VenueRecord(id: row.text(10), name: row.text(11), address: row.text(12), city: row.text(13), country: row.text(14)),
            startsAt: row.int(5), endsAt: row.int(6), status: row.int(7), imageURL: row.text(8), createdAt: row.int(9))
    }

    static func searchText(_ event: EventRecord) -> String {
        [event.title, event.description, event.venue.name, event.venue.city].joined(separator: " ").lowercased()
    }

    /// Inserts the event and its venue; `uniqueViolation` when the slug is taken.
    public static func insert(_ conn: any SQLConnection, _ event: EventRecord) async throws {
        let venue = event.venue
        try await conn.query(
            "INSERT INTO venues (id, name, address, city, country) VALUES ($1, $2, $3, $4, $5)",
            .text(venue.id), .text(venue.name), .text(venue.address), .text(venue.city), .text(venue.country))
        try await conn.query(
            """
            INSERT INTO events (id, slug, title, description, organizer_id, venue_id, city, starts_at, ends_at,
              status, image_url, search_text, created_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
            """,
            .text(event.id), .text(event.slug), .text(event.title), .text(event.description), .text(event.organizerID),
            .text(venue.id), .text(venue.city), .int(event.startsAt), .int(event.endsAt), .int(event.status),
            .text(event.imageURL), .text(searchText(event)), .int(event.createdAt))
    }

    /// Writes the editable fields and the status of an existing event.
    public static func update(_ conn: any SQLConnection, _ event: EventRecord) async throws {
        try await conn.query(
            """
            UPDATE events SET title = $2, description = $3, starts_at = $4, ends_at = $5, status = $6,
              image_url = $7, search_text = $8 WHERE id = $1
            """,
            .text(event.id), .text(event.title), .text(event.description), .int(event.startsAt), .int(event.endsAt),
            .int(event.status), .text(event.imageURL), .text(searchText(event)))
    }

    /// Reads one event, locking its row against concurrent updates (PostgreSQL).
    public static func byID(_ conn: any SQLConnection, _ id: String) async throws -> EventRecord? {
        try await conn.query("\(select) WHERE e.id = $1", .text(id)).first.map(event)
    }

    public static func bySlug(_ conn: any SQLConnection, _ slug: String) async throws -> EventRecord? {
        try await conn.query("\(select) WHERE e.slug = $1", .text(slug)).first.map(event)
    }

    public static func byIDs(_ conn: any SQLConnection, _ ids: [String]) async throws -> [EventRecord] {
        guard !ids.isEmpty else { return [] }
        return try await conn.query("\(select) WHERE e.id IN (\(placeholders(ids.count)))", ids.map { .text($0) }).map(event)
            .inRequestOrder(ids, \.id)
    }

    public static func slugExists(_ conn: any SQLConnection, _ slug: String) async throws -> Bool {
        try await !conn.query("SELECT 1 FROM events WHERE slug = $1", .text(slug)).isEmpty
    }

    public struct Filter: Sendable {
        public var city: String?
        public var startsFrom: Int64?
        public var startsTo: Int64?
        public var text: String?
        public var statuses: [Int64]
        public var organizerID: String?

        public init(city: String? = nil, startsFrom: Int64? = nil, startsTo: Int64? = nil, text: String? = nil,
                    statuses: [Int64], organizerID: String? = nil) {
            self.city = city
            self.startsFrom = startsFrom
            self.startsTo = startsTo
            self.text = text
            self.statuses = statuses
            self.organizerID = organizerID
        }
    }

    /// Events matching the filter, by start time.
    public static func list(_ conn: any SQLConnection, _ filter: Filter, first: Int, after: (Int64, String)?) async throws -> Page<EventRecord> {
        var conditions: [String] = []
        var binds: [SQLValue] = []
        func bind(_ value: SQLValue) -> String {
            binds.append(value)
            return "$\(binds.count)"
        }
        if !filter.statuses.isEmpty {
            conditions.append("e.status IN (\(filter.statuses.map { bind(.int($0)) }.joined(separator: ", ")))")
        }
        if let city = filter.city { conditions.append("LOWER(e.city) = \(bind(.text(city.lowercased())))") }
        if let from = filter.startsFrom { conditions.append("e.starts_at >= \(bind(.int(from)))") }
        if let to = filter.startsTo { conditions.append("e.starts_at < \(bind(.int(to)))") }
        if let organizer = filter.organizerID { conditions.append("e.organizer_id = \(bind(.text(organizer)))") }
        if let text = filter.text {
            for word in text.lowercased().split(separator: " ").prefix(8) {
                let escaped = word.replacingOccurrences(of: "\\", with: "\\\\")
                    .replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
                conditions.append("e.search_text LIKE \(bind(.text("%\(escaped)%"))) ESCAPE '\\'")
            }
        }
        return try await paginate(
            conn, select: select, conditions: conditions, binds: binds, sortColumn: "e.starts_at", idColumn: "e.id",
            first: first, after: after, map: event, key: { ($0.startsAt, $0.id) })
    }

    /// Marks published events that ended before `now` as completed; returns their ids.
    public static func completeEnded(_ conn: any SQLConnection, published: Int64, completed: Int64, now: Int64) async throws -> [String] {
        try await conn.query(
            "UPDATE events SET status = $2 WHERE status = $1 AND ends_at <= $3 RETURNING id",
            .int(published), .int(completed), .int(now)
        ).map { $0.text(0) }
    }

    /// The distinct cities of events with the given statuses, alphabetically.
    public static func cities(_ conn: any SQLConnection, statuses: [Int64]) async throws -> [String] {
        try await conn.query(
            "SELECT DISTINCT city FROM events WHERE status IN (\(placeholders(statuses.count))) ORDER BY city",
            statuses.map { .int($0) }
        ).map { $0.text(0) }
    }

    public static func venues(_ conn: any SQLConnection, ids: [String]) async throws -> [VenueRecord] {
        guard !ids.isEmpty else { return [] }
        return try await conn.query(
            "SELECT id, name, address, city, country FROM venues WHERE id IN (\(placeholders(ids.count)))", ids.map { .text($0) }
        ).map { VenueRecord(id: $0.text(0), name: $0.text(1), address: $0.text(2), city: $0.text(3), country: $0.text(4)) }
    }

    // MARK: ticket types

    static let ticketTypeColumns =
        "id, event_id, name, price_minor, currency, capacity, reserved, per_order_limit, sales_start, sales_end"

    static func ticketType(_ row: SQLRow) -> TicketTypeRecord {
        TicketTypeRecord(
            id: row.text(0), eventID: row.text(1), name: row.text(2), priceMinor: row.int(3), currency: row.text(4),
            capacity: row.int(5), reserved: row.int(6), perOrderLimit: row.int(7), salesStart: row.optionalInt(8),
            salesEnd: row.optionalInt(9))
    }

    public static func insertTicketType(_ conn: any SQLConnection, _ type: TicketTypeRecord) async throws {
        try await conn.query(
            "INSERT INTO ticket_types (\(ticketTypeColumns), created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
            .text(type.id), .text(type.eventID), .text(type.name), .int(type.priceMinor), .text(type.currency),
            .int(type.capacity), .int(type.reserved), .int(type.perOrderLimit), SQLValue(type.salesStart),
            SQLValue(type.salesEnd), .int(Clock.nowMicros()))
    }

    /// The ticket types of the given events, in creation order.
    public static func ticketTypes(_ conn: any SQLConnection, eventIDs: [String]) async throws -> [TicketTypeRecord] {
        guard !eventIDs.isEmpty else { return [] }
        return try await conn.query(
            "SELECT \(ticketTypeColumns) FROM ticket_types WHERE event_id IN (\(placeholders(eventIDs.count))) ORDER BY created_at, id",
            eventIDs.map { .text($0) }
        ).map(ticketType)
    }

    public static func ticketTypes(_ conn: any SQLConnection, ids: [String]) async throws -> [TicketTypeRecord] {
        guard !ids.isEmpty else { return [] }
        return try await conn.query(
            "SELECT \(ticketTypeColumns) FROM ticket_types WHERE id IN (\(placeholders(ids.count)))", ids.map { .text($0) }
        ).map(ticketType)
    }

    /// Reserves `quantity` seats if that many remain: the check and the write are
    /// one statement, so concurrent orders can never oversell. False when sold out.
    public static func reserve(_ conn: any SQLConnection, ticketTypeID: String, quantity: Int64) async throws -> Bool {
        try await !conn.query(
            "UPDATE ticket_types SET reserved = reserved + $2 WHERE id = $1 AND reserved + $2 <= capacity RETURNING id",
            .text(ticketTypeID), .int(quantity)
        ).isEmpty
    }

    /// Gives seats back (an order cancelled, expired or refunded).
    public static func release(_ conn: any SQLConnection, ticketTypeID: String, quantity: Int64) async throws {
        try await conn.query(
            "UPDATE ticket_types SET reserved = reserved - $2 WHERE id = $1 AND reserved >= $2",
            .text(ticketTypeID), .int(quantity))
    }
}
