import GRPCCore
import MarqueeProto
import MarqueeRPC
import MarqueeStore

/// Per-event figures for the event's organiser: seats sold and remaining per
/// ticket type, revenue, check-ins.
public struct AnalyticsService: Marquee_V1_AnalyticsService.SimpleServiceProtocol {
    let env: ServiceEnvironment

    public init(env: ServiceEnvironment) { self.env = env }

    public func getEventStats(request: Marquee_V1_GetEventStatsRequest, context: ServerContext) async throws -> Marquee_V1_EventStats {
        let caller = try requireCaller()
        let eventID = try Check.id(request.eventID, "event_id")
        let (types, sales, checkedIn) = try await env.read { conn in
            guard let event = try await EventRepository.byID(conn, eventID), EventService.isVisible(event, to: caller) else {
                throw ServiceError.notFound("event")
            }
            guard EventService.canManage(event, caller) else {
                throw ServiceError.permissionDenied("only the event's organiser can read its statistics")
            }
            return (
                try await EventRepository.ticketTypes(conn, eventIDs: [eventID]),
                try await AnalyticsRepository.sales(conn, eventID: eventID, paid: OrderService.paid),
                try await AnalyticsRepository.checkedIn(conn, eventID: eventID, checkedIn: TicketService.checkedIn))
        }
        let currency = types.first?.currency ?? "EUR"
        let perType = types.map { type in
            let sold = sales.first { $0.ticketTypeID == type.id }
            return Marquee_V1_TicketTypeStats.with {
                $0.ticketTypeID = type.id
                $0.name = type.name
                $0.sold = Int32(sold?.sold ?? 0)
                $0.remaining = Int32(type.capacity - type.reserved)
                $0.revenue = Convert.money(sold?.revenueMinor ?? 0, currency)
            }
        }
        return .with {
            $0.eventID = eventID
            $0.ticketTypes = perType
            $0.ticketsSold = perType.reduce(0) { $0 + $1.sold }
            $0.revenue = Convert.money(sales.reduce(0) { $0 + $1.revenueMinor }, currency)
            $0.checkedIn = Int32(checkedIn)
        }
    }
}
