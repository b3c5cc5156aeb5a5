import MarqueeProto

/// Money for people: "€19.99", "$5.00", "£0.50", "CHF 12.00".
enum MoneyFormat {
    static func format(_ money: Marquee_V1_Money) -> String {
        let negative = money.amountMinor < 0
        let magnitude = money.amountMinor.magnitude
        let cents = magnitude % 100
        let amount = "\(magnitude / 100).\(cents < 10 ? "0" : "")\(cents)"
        let sign = negative ? "-" : ""
        switch money.currency {
        case "EUR": return "\(sign)€\(amount)"
        case "USD": return "\(sign)$\(amount)"
        case "GBP": return "\(sign)£\(amount)"
        default: return "\(sign)\(money.currency) \(amount)"
        }
    }
}

/// Proto enums ↔ GraphQL enum value names.
enum EnumNames {
    static func role(_ role: Marquee_V1_Role) -> String? {
        switch role {
        case .attendee: "ATTENDEE"
        case .organizer: "ORGANIZER"
        case .staff: "STAFF"
        case .admin: "ADMIN"
        default: nil
        }
    }

    static func eventStatus(_ status: Marquee_V1_EventStatus) -> String {
        switch status {
        case .draft: "DRAFT"
        case .cancelled: "CANCELLED"
        case .completed: "COMPLETED"
        default: "PUBLISHED"
        }
    }

    static func orderStatus(_ status: Marquee_V1_OrderStatus) -> String {
        switch status {
        case .paid: "PAID"
        case .cancelled: "CANCELLED"
        case .expired: "EXPIRED"
        case .refunded: "REFUNDED"
        default: "PENDING"
        }
    }

    static func paymentStatus(_ status: Marquee_V1_PaymentStatus) -> String {
        switch status {
        case .declined: "DECLINED"
        case .partiallyRefunded: "PARTIALLY_REFUNDED"
        case .refunded: "REFUNDED"
        default: "SUCCEEDED"
        }
    }

    static func ticketStatus(_ status: Marquee_V1_TicketStatus) -> String {
        switch status {
        case .checkedIn: "CHECKED_IN"
        case .void: "VOID"
        default: "VALID"
        }
    }
}
