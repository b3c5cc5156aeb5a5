import GRPCCore
import MarqueeProto
import MarqueePubSub
import MarqueeRPC
import MarqueeStore

/// Tickets: issued when an order is paid (see ``PaymentService``), each with a
/// unique code and a signed QR payload; checked in exactly once by staff.
public struct TicketService: Marquee_V1_TicketService.SimpleServiceProtocol {
    let env: ServiceEnvironment

    public init(env: ServiceEnvironment) { self.env = env }

    static let valid = Int64(Marquee_V1_TicketStatus.valid.rawValue)
    static let checkedIn = Int64(Marquee_V1_TicketStatus.checkedIn.rawValue)
    static let void = Int64(Marquee_V1_TicketStatus.void.rawValue)

    public func listMyTickets(request: Marquee_V1_ListMyTicketsRequest, context: ServerContext) async throws -> Marquee_V1_ListTicketsResponse {
        let caller = try requireCaller()
        let (first, after) = try Check.page(request.page)
        let page = try await env.read { conn in try await TicketRepository.list(conn, userID: caller.userID, first: first, after: after) }
        return .with {
            $0.tickets = page.items.map(message)
            $0.pageInfo = Convert.pageInfo(page)
        }
    }

    public func batchGetTicketsByOrder(request: Marquee_V1_BatchGetTicketsByOrderRequest, context: ServerContext) async throws -> Marquee_V1_ListTicketsResponse {
        let caller = try requireCaller()
        let ids = try Check.ids(request.orderIds, "order_ids")
        let tickets = try await env.read { conn -> [TicketRecord] in
            let visible = try await OrderService.visible(conn, ids, caller).map(\.id)
            return try await TicketRepository.byOrderIDs(conn, visible)
        }
        return .with { $0.tickets = tickets.map(message) }
    }

    public func checkInTicket(request: Marquee_V1_CheckInTicketRequest, context: ServerContext) async throws -> Marquee_V1_CheckInResult {
        let caller = try requireCaller()
        guard !request.qrPayload.isEmpty else { throw ServiceError.invalid("qr_payload", "is required") }
        guard let (ticketID, code) = env.tokens.verifyQR(request.qrPayload) else {
            throw ServiceError.invalid("qr_payload", "is not a genuine Marquee ticket")
        }
        let eventID = try Check.id(request.eventID, "event_id")
        let now = Clock.nowMicros()
        let ticket = try await env.transaction { conn -> TicketRecord in
            guard let ticket = try await TicketRepository.byID(conn, ticketID), ticket.code == code else {
                throw ServiceError.notFound("ticket")
            }
            let event = try await EventRepository.byID(conn, ticket.eventID)
            let organizer = event.map { $0.organizerID == caller.userID } ?? false
            guard caller.isAdmin || caller.has("STAFF") || organizer else {
                throw ServiceError.permissionDenied("checking tickets in requires the STAFF role")
            }
            if eventID != ticket.eventID {
                throw ServiceError.failedPrecondition("this ticket is for another event", reason: "WRONG_EVENT")
            }
            switch ticket.status {
            case Self.void: throw ServiceError.failedPrecondition("this ticket is void (refunded)", reason: "TICKET_VOID")
            case Self.checkedIn: throw ServiceError.failedPrecondition("this ticket was already checked in", reason: "ALREADY_CHECKED_IN")
            default: break
            }
            guard let admitted = try await TicketRepository.checkIn(
                conn, id: ticketID, valid: Self.valid, checkedIn: Self.checkedIn, by: caller.userID, at: now)
            else { throw ServiceError.failedPrecondition("this ticket was already checked in", reason: "ALREADY_CHECKED_IN") }
            return admitted
        }
        let result = message(ticket)
        await env.publish(Convert.bytes(result), to: Topic.ticketCheckedIn(eventID: ticket.eventID))
        return .with {
            $0.ticket = result
            $0.checkedInAt = Convert.timestamp(now)
        }
    }

    private func message(_ record: TicketRecord) -> Marquee_V1_Ticket {
        Convert.ticket(record, qrPayload: env.tokens.qrPayload(ticketID: record.id, code: record.code))
    }

    /// A ticket code: 10 characters of Crockford base 32 (no 0/O, 1/I/L confusion).
    static func newCode() -> String {
        let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
        var generator = SystemRandomNumberGenerator()
        return String((0..<10).map { _ in alphabet[Int.random(in: 0..<32, using: &generator)] })
    }
}
