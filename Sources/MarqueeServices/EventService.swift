import Foundation
import GRPCCore
import MarqueeProto
import MarqueePubSub
import MarqueeRPC
import MarqueeStore
import SwiftProtobuf

/// Events, venues and ticket types. Organisers manage their own events
/// (draft → published → cancelled/completed); published events are public.
public struct EventService: Marquee_V1_EventService.SimpleServiceProtocol {
    let env: ServiceEnvironment

    public init(env: ServiceEnvironment) { self.env = env }

    static let draft = Int64(Marquee_V1_EventStatus.draft.rawValue)
    static let published = Int64(Marquee_V1_EventStatus.published.rawValue)
    static let cancelled = Int64(Marquee_V1_EventStatus.cancelled.rawValue)
    static let completed = Int64(Marquee_V1_EventStatus.completed.rawValue)

    public func createEvent(request: Marquee_V1_CreateEventRequest, context: ServerContext) async throws -> Marquee_V1_Event {
        let caller = try requireRole("ORGANIZER")
        let title = try Check.text(request.title, "title", max: 200)
        let description = try Check.text(request.description_p, "description", min: 0, max: 10_000)
        let venue = VenueRecord(
            id: Identifier.make(), name: try Check.text(request.venueName, "venue_name", max: 200),
            address: try Check.text(request.venueAddress, "venue_address", min: 0, max: 500),
            city: try Check.text(request.city, "city", max: 100), country: try Check.text(request.country, "country", min: 0, max: 100))
        let (starts, ends) = try Self.times(request.hasStartsAt ? request.startsAt : nil, request.hasEndsAt ? request.endsAt : nil)
        let imageURL = try Check.url(request.imageURL, "image_url")
        let base = Self.slug(title)
        let record = try await env.transaction { conn -> EventRecord in
            var slug = base
            var suffix = 2
            while try await EventRepository.slugExists(conn, slug) {
                slug = "\(base)-\(suffix)"
                suffix += 1
            }
            let record = EventRecord(
                id: Identifier.make(), slug: slug, title: title, description: description, organizerID: caller.userID,
                venue: venue, startsAt: starts, endsAt: ends, status: Self.draft, imageURL: imageURL, createdAt: Clock.nowMicros())
            try await EventRepository.insert(conn, record)
            return record
        }
        return Convert.event(record, ticketTypes: [])
    }

    public func updateEvent(request: Marquee_V1_UpdateEventRequest, context: ServerContext) async throws -> Marquee_V1_Event {
        let caller = try requireRole("ORGANIZER")
        let id = try Check.id(request.id, "id")
        let title = try request.hasTitle ? Check.text(request.title, "title", max: 200) : nil
        let description = try request.hasDescription_p ? Check.text(request.description_p, "description", min: 0, max: 10_000) : nil
        let imageURL = try request.hasImageURL ? Check.url(request.imageURL, "image_url") : nil
        let event = try await mutate(id: id, caller: caller) { event in
            guard event.status == Self.draft || event.status == Self.published else {
                throw ServiceError.failedPrecondition("a \(Self.statusName(event.status)) event cannot be edited")
            }
            if let title { event.title = title }
            if let description { event.description = description }
            if let imageURL { event.imageURL = imageURL }
            let (starts, ends) = try Self.times(
                request.hasStartsAt ? request.startsAt : Convert.timestamp(event.startsAt),
                request.hasEndsAt ? request.endsAt : Convert.timestamp(event.endsAt))
            event.startsAt = starts
            event.endsAt = ends
        }
        return event
    }

    public func publishEvent(request: Marquee_V1_EventIdRequest, context: ServerContext) async throws -> Marquee_V1_Event {
        let caller = try requireRole("ORGANIZER")
        return try await mutate(id: try Check.id(request.id, "id"), caller: caller) { event in
            guard event.status == Self.draft else {
                throw ServiceError.failedPrecondition("a \(Self.statusName(event.status)) event cannot be published")
            }
            event.status = Self.published
        } precondition: { conn, event in
            guard try await !EventRepository.ticketTypes(conn, eventIDs: [event.id]).isEmpty else {
                throw ServiceError.failedPrecondition("add a ticket type before publishing the event")
            }
        }
    }

    public func cancelEvent(request: Marquee_V1_EventIdRequest, context: ServerContext) async throws -> Marquee_V1_Event {
        let caller = try requireRole("ORGANIZER")
        return try await mutate(id: try Check.id(request.id, "id"), caller: caller) { event in
            guard event.status == Self.draft || event.status == Self.published else {
                throw ServiceError.failedPrecondition("a \(Self.statusName(event.status)) event cannot be cancelled")
            }
            event.status = Self.cancelled
        }
    }

    public func addTicketType(request: Marquee_V1_AddTicketTypeRequest, context: ServerContext) async throws -> Marquee_V1_TicketType {
        let caller = try requireRole("ORGANIZER")
        let eventID = try Check.id(request.eventID, "event_id")
        let name = try Check.text(request.name, "name", max: 100)
        guard request.hasPrice else { throw ServiceError.invalid("price", "is required") }
        guard (0...100_000_000).contains(request.price.amountMinor) else {
            throw ServiceError.invalid("price.amount_minor", "must be between 0 and 100000000")
        }
        let currency = try Check.currency(request.price.currency, "price.currency")
        guard (1...1_000_000).contains(request.capacity) else { throw ServiceError.invalid("capacity", "must be between 1 and 1000000") }
        let limit = request.perOrderLimit == 0 ? min(10, request.capacity) : request.perOrderLimit
        guard (1...100).contains(limit) else { throw ServiceError.invalid("per_order_limit", "must be between 1 and 100") }
        let start = request.hasSalesStart ? Convert.micros(request.salesStart) : nil
        let end = request.hasSalesEnd ? Convert.micros(request.salesEnd) : nil
        if let start, let end, end <= start { throw ServiceError.invalid("sales_end", "must be after sales_start") }
        let type = TicketTypeRecord(
            id: Identifier.make(), eventID: eventID, name: name, priceMinor: request.price.amountMinor, currency: currency,
            capacity: Int64(request.capacity), reserved: 0, perOrderLimit: Int64(limit), salesStart: start, salesEnd: end)
        let event = try await env.transaction { conn -> Marquee_V1_Event in
            let event = try await Self.managed(conn, eventID, caller)
            guard event.status == Self.draft || event.status == Self.published else {
                throw ServiceError.failedPrecondition("tickets cannot be added to a \(Self.statusName(event.status)) event")
            }
            let existing = try await EventRepository.ticketTypes(conn, eventIDs: [eventID])
            if let other = existing.first, other.currency != currency {
                throw ServiceError.invalid("price.currency", "must match the event's other ticket types (\(other.currency))")
            }
            try await EventRepository.insertTicketType(conn, type)
            return Convert.event(event, ticketTypes: existing + [type])
        }
        await env.publish(Convert.bytes(event), to: Topic.eventUpdated(eventID: eventID))
        await env.publish(Convert.bytes(event), to: Topic.inventoryChanged(eventID: eventID))
        return Convert.ticketType(type)
    }

    public func getEvent(request: Marquee_V1_GetEventRequest, context: ServerContext) async throws -> Marquee_V1_Event {
        let caller = CallContext.current?.caller
        let key = request.key
        let (event, types) = try await env.read { conn -> (EventRecord?, [TicketTypeRecord]) in
            let event: EventRecord?
            switch key {
            case .id(let id)?: event = try await EventRepository.byID(conn, Check.id(id, "id"))
            case .slug(let slug)?:
                guard !slug.isEmpty, slug.utf8.count <= 250 else { throw ServiceError.invalid("slug", "is not a valid slug") }
                event = try await EventRepository.bySlug(conn, slug)
            case nil: throw ServiceError.invalid("key", "an id or a slug is required")
            }
            guard let event else { return (nil, []) }
            return (event, try await EventRepository.ticketTypes(conn, eventIDs: [event.id]))
        }
        guard let event, Self.isVisible(event, to: caller) else { throw ServiceError.notFound("event") }
        return Convert.event(event, ticketTypes: types)
    }

    public func batchGetEvents(request: Marquee_V1_BatchGetEventsRequest, context: ServerContext) async throws -> Marquee_V1_BatchGetEventsResponse {
        let caller = CallContext.current?.caller
        let ids = try Check.ids(request.ids, "ids")
        let (events, types) = try await env.read { conn in
            let events = try await EventRepository.byIDs(conn, ids)
            return (events, try await EventRepository.ticketTypes(conn, eventIDs: events.map(\.id)))
        }
        return .with { $0.events = events.filter { Self.isVisible($0, to: caller) }.map { Convert.event($0, ticketTypes: types) } }
    }

    public func listEvents(request: Marquee_V1_ListEventsRequest, context: ServerContext) async throws -> Marquee_V1_ListEventsResponse {
        let caller = CallContext.current?.caller
        let (first, after) = try Check.page(request.page)
        var filter = EventRepository.Filter(statuses: request.statuses.map { Int64($0.rawValue) })
        if filter.statuses.isEmpty { filter.statuses = [Self.published] }
        if !request.organizerID.isEmpty { filter.organizerID = try Check.id(request.organizerID, "organizer_id") }
        // Only an organiser's own list (or an admin's) may include drafts.
        let ownList = caller.map { $0.isAdmin || (filter.organizerID == $0.userID) } ?? false
        if !ownList && filter.statuses.contains(Self.draft) {
            throw ServiceError.permissionDenied("drafts are listed only for their organiser (set organizer_id to yourself)")
        }
        if !request.city.isEmpty { filter.city = try Check.text(request.city, "city", max: 100) }
        if !request.text.isEmpty { filter.text = try Check.text(request.text, "text", max: 200) }
        if request.hasStarts {
            if request.starts.hasFrom { filter.startsFrom = Convert.micros(request.starts.from) }
            if request.starts.hasTo { filter.startsTo = Convert.micros(request.starts.to) }
        }
        let (page, types) = try await env.read { [filter] conn in
            let page = try await EventRepository.list(conn, filter, first: first, after: after)
            return (page, try await EventRepository.ticketTypes(conn, eventIDs: page.items.map(\.id)))
        }
        return .with {
            $0.events = page.items.map { Convert.event($0, ticketTypes: types) }
            $0.pageInfo = Convert.pageInfo(page)
        }
    }

    public func listCities(request: Marquee_V1_ListCitiesRequest, context: ServerContext) async throws -> Marquee_V1_ListCitiesResponse {
        let cities = try await env.read { conn in try await EventRepository.cities(conn, statuses: [Self.published]) }
        return .with { $0.cities = cities }
    }

    public func batchGetTicketTypes(request: Marquee_V1_BatchGetTicketTypesRequest, context: ServerContext) async throws -> Marquee_V1_BatchGetTicketTypesResponse {
        let caller = CallContext.current?.caller
        let ids = try Check.ids(request.eventIds, "event_ids")
        let types = try await env.read { conn -> [TicketTypeRecord] in
            let visible = try await EventRepository.byIDs(conn, ids).filter { Self.isVisible($0, to: caller) }.map(\.id)
            return try await EventRepository.ticketTypes(conn, eventIDs: visible)
        }
        return .with { $0.ticketTypes = types.map(Convert.ticketType) }
    }

    public func batchGetVenues(request: Marquee_V1_BatchGetVenuesRequest, context: ServerContext) async throws -> Marquee_V1_BatchGetVenuesResponse {
        let ids = try Check.ids(request.ids, "ids")
        let venues = try await env.read { conn in try await EventRepository.venues(conn, ids: ids) }
        return .with { $0.venues = venues.map(Convert.venue) }
    }

    /// Loads an event the caller manages, applies `change`, writes it, publishes `event.updated`.
    private func mutate(
        id: String, caller: Caller, _ change: @escaping @Sendable (inout EventRecord) throws -> Void,
        precondition: @escaping @Sendable (any SQLConnection, EventRecord) async throws -> Void = { _, _ in }
    ) async throws -> Marquee_V1_Event {
        let event = try await env.transaction { conn -> Marquee_V1_Event in
            var event = try await Self.managed(conn, id, caller)
            try change(&event)
            try await precondition(conn, event)
            try await EventRepository.update(conn, event)
            return Convert.event(event, ticketTypes: try await EventRepository.ticketTypes(conn, eventIDs: [id]))
        }
        await env.publish(Convert.bytes(event), to: Topic.eventUpdated(eventID: id))
        return event
    }

    /// An event the caller manages: NOT_FOUND when it does not exist or is someone
    /// else's draft, PERMISSION_DENIED when it is someone else's public event.
    static func managed(_ conn: any SQLConnection, _ id: String, _ caller: Caller) async throws -> EventRecord {
        guard let event = try await EventRepository.byID(conn, id), isVisible(event, to: caller) else {
            throw ServiceError.notFound("event")
        }
        guard canManage(event, caller) else { throw ServiceError.permissionDenied("only the event's organiser can change it") }
        return event
    }

    static func canManage(_ event: EventRecord, _ caller: Caller) -> Bool {
        caller.isAdmin || event.organizerID == caller.userID
    }

    /// Drafts are private to their organiser; everything else is public.
    static func isVisible(_ event: EventRecord, to caller: Caller?) -> Bool {
        event.status != draft || caller.map { canManage(event, $0) } == true
    }

    static func statusName(_ status: Int64) -> String {
        switch status {
        case draft: "draft"
        case published: "published"
        case cancelled: "cancelled"
        default: "completed"
        }
    }

    static func times(_ starts: Google_Protobuf_Timestamp?, _ ends: Google_Protobuf_Timestamp?) throws -> (Int64, Int64) {
        guard let starts else { throw ServiceError.invalid("starts_at", "is required") }
        guard let ends else { throw ServiceError.invalid("ends_at", "is required") }
        let s = Convert.micros(starts), e = Convert.micros(ends)
        guard e > s else { throw ServiceError.invalid("ends_at", "must be after starts_at") }
        return (s, e)
    }

    /// "Jazz Night: Vol. 2!" → "jazz-night-vol-2".
    static func slug(_ title: String) -> String {
        var slug = ""
        for scalar in title.lowercased().unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                slug.unicodeScalars.append(scalar)
            } else if !slug.isEmpty, slug.last != "-" {
                slug.append("-")
            }
        }
        while slug.last == "-" { slug.removeLast() }
        return slug.isEmpty ? "event" : String(slug.prefix(80))
    }
}
