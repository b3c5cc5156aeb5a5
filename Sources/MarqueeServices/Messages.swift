import Foundation
import MarqueeProto
import MarqueeStore
import SwiftProtobuf

/// Store records → protobuf messages, and the small conversions around them.
enum Convert {
    static func timestamp(_ micros: Int64) -> Google_Protobuf_Timestamp {
        Google_Protobuf_Timestamp(seconds: micros / 1_000_000, nanos: Int32(micros % 1_000_000) * 1_000)
    }

    static func micros(_ timestamp: Google_Protobuf_Timestamp) -> Int64 {
        timestamp.seconds * 1_000_000 + Int64(timestamp.nanos / 1_000)
    }

    static func money(_ minor: Int64, _ currency: String) -> Marquee_V1_Money {
        .with { $0.amountMinor = minor; $0.currency = currency }
    }

    static let roleNames: [Marquee_V1_Role: String] = [
        .attendee: "ATTENDEE", .organizer: "ORGANIZER", .staff: "STAFF", .admin: "ADMIN",
    ]

    static func role(_ name: String) -> Marquee_V1_Role {
        roleNames.first { $0.value == name }?.key ?? .unspecified
    }

    static func user(_ record: UserRecord) -> Marquee_V1_User {
        .with {
            $0.id = record.id
            $0.email = record.email
            $0.displayName = record.displayName
            $0.roles = record.roles.map(role)
            $0.createdAt = timestamp(record.createdAt)
        }
    }

    static func venue(_ record: VenueRecord) -> Marquee_V1_Venue {
        .with {
            $0.id = record.id
            $0.name = record.name
            $0.address = record.address
            $0.city = record.city
            $0.country = record.country
        }
    }

    static func ticketType(_ record: TicketTypeRecord) -> Marquee_V1_TicketType {
        .with {
            $0.id = record.id
            $0.eventID = record.eventID
            $0.name = record.name
            $0.price = money(record.priceMinor, record.currency)
            $0.capacity = Int32(record.capacity)
            $0.reserved = Int32(record.reserved)
            $0.perOrderLimit = Int32(record.perOrderLimit)
            if let start = record.salesStart { $0.salesStart = timestamp(start) }
            if let end = record.salesEnd { $0.salesEnd = timestamp(end) }
        }
    }

    static func event(_ record: EventRecord, ticketTypes: [TicketTypeRecord]) -> Marquee_V1_Event {
        .with {
            $0.id = record.id
            $0.slug = record.slug
            $0.title = record.title
            $0.description_p = record.description
            $0.organizerID = record.organizerID
            $0.venue = venue(record.venue)
            $0.startsAt = timestamp(record.startsAt)
            $0.endsAt = timestamp(record.endsAt)
            $0.status = Marquee_V1_EventStatus(rawValue: Int(record.status)) ?? .unspecified
            $0.imageURL = record.imageURL
            $0.ticketTypes = ticketTypes.filter { $0.eventID == record.id }.map(ticketType)
            $0.createdAt = timestamp(record.createdAt)
        }
    }

    static func order(_ record: OrderRecord) -> Marquee_V1_Order {
        .with {
            $0.id = record.id
            $0.userID = record.userID
            $0.eventID = record.eventID
            $0.items = record.items.map { item in
                .with {
                    $0.ticketTypeID = item.ticketTypeID
                    $0.quantity = Int32(item.quantity)
                    $0.unitPrice = money(item.unitPriceMinor, record.currency)
                }
            }
            $0.total = money(record.totalMinor, record.currency)
            $0.status = Marquee_V1_OrderStatus(rawValue: Int(record.status)) ?? .unspecified
            $0.expiresAt = timestamp(record.expiresAt)
            $0.createdAt = timestamp(record.createdAt)
            $0.refunded = money(record.refundedMinor, record.currency)
        }
    }

    static func payment(_ record: PaymentRecord) -> Marquee_V1_Payment {
        .with {
            $0.id = record.id
            $0.orderID = record.orderID
            $0.amount = money(record.amountMinor, record.currency)
            $0.refunded = money(record.refundedMinor, record.currency)
            $0.status = Marquee_V1_PaymentStatus(rawValue: Int(record.status)) ?? .unspecified
            $0.cardLast4 = record.cardLast4
            $0.createdAt = timestamp(record.createdAt)
        }
    }

    static func ticket(_ record: TicketRecord, qrPayload: String) -> Marquee_V1_Ticket {
        .with {
            $0.id = record.id
            $0.code = record.code
            $0.orderID = record.orderID
            $0.eventID = record.eventID
            $0.ticketTypeID = record.ticketTypeID
            $0.userID = record.userID
            $0.status = Marquee_V1_TicketStatus(rawValue: Int(record.status)) ?? .unspecified
            $0.qrPayload = qrPayload
            if let at = record.checkedInAt { $0.checkedInAt = timestamp(at) }
        }
    }

    static func notification(_ record: NotificationRecord) -> Marquee_V1_Notification {
        .with {
            $0.id = record.id
            $0.userID = record.userID
            $0.kind = record.kind
            $0.title = record.title
            $0.body = record.body
            $0.read = record.read
            $0.createdAt = timestamp(record.createdAt)
        }
    }

    static func pageInfo<T>(_ page: Page<T>) -> Marquee_V1_PageInfo {
        .with {
            $0.hasNextPage_p = page.hasNextPage
            $0.endCursor = page.endCursor
            $0.totalCount = Int32(clamping: page.totalCount)
            $0.cursors = page.cursors
        }
    }

    static func bytes(_ message: some SwiftProtobuf.Message) -> [UInt8] {
        (try? message.serializedBytes()) ?? []
    }
}
