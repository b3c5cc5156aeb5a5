import GRPCCore
import MarqueeProto
import MarqueePubSub
import MarqueeRPC
import MarqueeStore

/// Payments through the built-in sandbox processor (see ``SandboxCard``): a
/// successful payment marks the order paid and issues its tickets in the same
/// transaction; refunds may be partial; both are idempotent by key.
public struct PaymentService: Marquee_V1_PaymentService.SimpleServiceProtocol {
    let env: ServiceEnvironment

    public init(env: ServiceEnvironment) { self.env = env }

    static let succeeded = Int64(Marquee_V1_PaymentStatus.succeeded.rawValue)
    static let partiallyRefunded = Int64(Marquee_V1_PaymentStatus.partiallyRefunded.rawValue)
    static let refundedStatus = Int64(Marquee_V1_PaymentStatus.refunded.rawValue)

    public func payOrder(request: Marquee_V1_PayOrderRequest, context: ServerContext) async throws -> Marquee_V1_Payment {
        let caller = try requireCaller()
        let orderID = try Check.id(request.orderID, "order_id")
        let key = try Check.text(request.idempotencyKey, "idempotency_key", max: 200)
        let card = try SandboxCard(number: request.cardNumber, expMonth: request.expMonth, expYear: request.expYear, cvc: request.cvc)

        // Replays and state checks before the card is charged.
        let order = try await env.transaction { conn -> OrderRecord in
            guard let order = try await OrderRepository.byID(conn, orderID), OrderService.canSee(order, caller) else {
                throw ServiceError.notFound("order")
            }
            return order
        }
        if let replay = try await replay(orderID: orderID, key: key) { return replay }
        guard order.status == OrderService.pending else {
            throw ServiceError.failedPrecondition("the order is \(Self.statusName(order.status)), not awaiting payment")
        }
        if order.expiresAt <= Clock.nowMicros() {
            _ = try await OrderService(env: env).expireOrders()
            throw ServiceError.failedPrecondition("the order has expired; its seats were released", reason: "ORDER_EXPIRED")
        }
        try card.charge()

        let outcome = try await env.transaction { conn -> (PaymentRecord, OrderRecord, NotificationRecord)? in
            guard let paid = try await OrderRepository.transition(conn, id: orderID, from: [OrderService.pending], to: OrderService.paid) else {
                return nil
            }
            let now = Clock.nowMicros()
            let payment = PaymentRecord(
                id: Identifier.make(), orderID: orderID, amountMinor: paid.totalMinor, currency: paid.currency, refundedMinor: 0,
                status: Self.succeeded, cardLast4: card.last4, idempotencyKey: key, createdAt: now)
            try await PaymentRepository.insert(conn, payment)
            for item in paid.items {
                for _ in 0..<item.quantity {
                    let ticket = TicketRecord(
                        id: Identifier.make(), code: TicketService.newCode(), orderID: orderID, eventID: paid.eventID,
                        ticketTypeID: item.ticketTypeID, userID: paid.userID, status: TicketService.valid, checkedInAt: nil,
                        createdAt: now)
                    try await TicketRepository.insert(conn, ticket)
                }
            }
            let count = paid.items.reduce(Int64(0)) { $0 + $1.quantity }
            let notification = NotificationRecord(
                id: Identifier.make(), userID: paid.userID, kind: "order.paid", title: "Your tickets are ready",
                body: "Payment received: \(count) ticket\(count == 1 ? "" : "s") issued.", read: false, createdAt: now)
            try await NotificationRepository.insert(conn, notification)
            return (payment, paid, notification)
        }
        guard let (payment, paid, notification) = outcome else {
            // Someone else moved the order on: a concurrent replay of this key, or a real conflict.
            if let replay = try await replay(orderID: orderID, key: key) { return replay }
            throw ServiceError.failedPrecondition("the order is no longer awaiting payment")
        }
        await env.publish(Convert.bytes(Convert.order(paid)), to: Topic.orderStatus(orderID: orderID))
        await env.publish(Convert.bytes(Convert.notification(notification)), to: Topic.notificationCreated(userID: paid.userID))
        return Convert.payment(payment)
    }

    public func refundOrder(request: Marquee_V1_RefundOrderRequest, context: ServerContext) async throws -> Marquee_V1_Payment {
        let caller = try requireCaller()
        let orderID = try Check.id(request.orderID, "order_id")
        let key = request.idempotencyKey.isEmpty ? Identifier.make() : try Check.text(request.idempotencyKey, "idempotency_key", max: 200)
        if request.hasAmount, request.amount.amountMinor < 0 { throw ServiceError.invalid("amount", "must not be negative") }
        let requested = request.hasAmount && request.amount.amountMinor > 0 ? request.amount.amountMinor : nil
        let requestedCurrency = request.hasAmount ? request.amount.currency : ""
        let outcome = try await env.transaction { conn -> (PaymentRecord, OrderRecord?) in
            guard let order = try await OrderRepository.byID(conn, orderID) else { throw ServiceError.notFound("order") }
            let event = try await EventRepository.byID(conn, order.eventID)
            let organizer = event.map { EventService.canManage($0, caller) } ?? false
            guard OrderService.canSee(order, caller) || organizer else { throw ServiceError.notFound("order") }
            guard organizer else { throw ServiceError.permissionDenied("refunds are made by the event's organiser") }
            guard let payment = try await PaymentRepository.byOrderIDs(conn, [orderID]).first else {
                throw ServiceError.failedPrecondition("the order has not been paid")
            }
            let remaining = payment.amountMinor - payment.refundedMinor
            let amount = requested ?? remaining
            if !requestedCurrency.isEmpty, requestedCurrency != payment.currency {
                throw ServiceError.invalid("amount.currency", "must be \(payment.currency)")
            }
            guard remaining > 0 else { throw ServiceError.failedPrecondition("the payment is already fully refunded") }
            guard amount <= remaining else {
                throw ServiceError.invalid("amount", "at most \(remaining) (minor units) remains refundable")
            }
            let full = amount == remaining
            guard let updated = try await PaymentRepository.refund(
                conn, paymentID: payment.id, amountMinor: amount, status: full ? Self.refundedStatus : Self.partiallyRefunded, key: key)
            else { return (payment, nil) }  // this key was already applied
            try await OrderRepository.addRefund(conn, id: orderID, amountMinor: amount)
            var changed: OrderRecord?
            if full {
                changed = try await OrderService.release(conn, orderID: orderID, from: [OrderService.paid], to: OrderService.refunded)
                try await TicketRepository.voidTickets(conn, orderID: orderID, void: TicketService.void)
            }
            return (updated, changed)
        }
        if let order = outcome.1 { await OrderService(env: env).publishChange(order) }
        return Convert.payment(outcome.0)
    }

    public func batchGetPayments(request: Marquee_V1_BatchGetPaymentsRequest, context: ServerContext) async throws -> Marquee_V1_BatchGetPaymentsResponse {
        let caller = try requireCaller()
        let ids = try Check.ids(request.orderIds, "order_ids")
        let payments = try await env.read { conn -> [PaymentRecord] in
            let visible = try await OrderService.visible(conn, ids, caller).map(\.id)
            return try await PaymentRepository.byOrderIDs(conn, visible)
        }
        return .with { $0.payments = payments.map(Convert.payment) }
    }

    /// The payment already made for this order with this key, if any; a payment
    /// made with another key means the order is paid.
    private func replay(orderID: String, key: String) async throws -> Marquee_V1_Payment? {
        guard let payment = try await env.transaction({ conn in try await PaymentRepository.byOrderIDs(conn, [orderID]).first }) else {
            return nil
        }
        guard payment.idempotencyKey == key else { throw ServiceError.failedPrecondition("the order is already paid", reason: "ALREADY_PAID") }
        return Convert.payment(payment)
    }

    static func statusName(_ status: Int64) -> String {
        switch status {
        case OrderService.paid: "paid"
        case OrderService.cancelled: "cancelled"
        case OrderService.expired: "expired"
        case OrderService.refunded: "refunded"
        default: "pending"
        }
    }
}

/// The sandbox card processor, like a card network's test mode:
///
/// | number | outcome |
/// |---|---|
/// | 4242 4242 4242 4242 (or any other Luhn-valid number) | succeeds |
/// | 4000 0000 0000 0002 | declined (FAILED_PRECONDITION) |
/// | 4000 0000 0000 9995 | insufficient funds (FAILED_PRECONDITION) |
/// | 4000 0000 0000 0119 | processing error (UNAVAILABLE; safe to retry with the same key) |
public struct SandboxCard: Sendable {
    public let number: String
    public var last4: String { String(number.suffix(4)) }

    public init(number raw: String, expMonth: Int32, expYear: Int32, cvc: String) throws {
        let number = raw.filter { $0 != " " && $0 != "-" }
        guard !number.isEmpty else { throw ServiceError.invalid("card_number", "is required") }
        guard (12...19).contains(number.count), number.allSatisfy(\.isASCII), number.allSatisfy(\.isNumber),
              Self.luhn(number) else {
            throw ServiceError.invalid("card_number", "is not a valid card number")
        }
        guard (1...12).contains(expMonth) else { throw ServiceError.invalid("exp_month", "must be 1–12") }
        let now = Clock.nowMicros() / 1_000_000
        let year = Int32(1970 + now / 31_556_952)
        guard expYear >= year, expYear <= year + 30 else { throw ServiceError.invalid("exp_year", "the card has expired") }
        guard (3...4).contains(cvc.count), cvc.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw ServiceError.invalid("cvc", "must be 3 or 4 digits")
        }
        self.number = number
    }

    /// Charges the card: throws the processor's answer when it is not a success.
    public func charge() throws {
        switch number {
        case "4000000000000002": throw ServiceError.failedPrecondition("the card was declined", reason: "CARD_DECLINED")
        case "4000000000009995": throw ServiceError.failedPrecondition("the card was declined: insufficient funds", reason: "CARD_DECLINED")
        case "4000000000000119": throw ServiceError.unavailable("the payment processor failed; try again")
        default: return
        }
    }

    static func luhn(_ digits: String) -> Bool {
        var sum = 0
        for (index, character) in digits.reversed().enumerated() {
            guard var digit = character.wholeNumberValue else { return false }
            if index % 2 == 1 {
                digit *= 2
                if digit > 9 { digit -= 9 }
            }
            sum += digit
        }
        return sum % 10 == 0
    }
}
