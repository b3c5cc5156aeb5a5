/// Rows of the store as plain values; the services turn them into messages.

public struct UserRecord: Sendable, Equatable {
    public var id: String
    public var email: String
    public var passwordHash: String
    public var displayName: String
    /// Role names, e.g. ["ATTENDEE", "ORGANIZER"].
    public var roles: [String]
    public var createdAt: Int64

    public init(id: String, email: String, passwordHash: String, displayName: String, roles: [String], createdAt: Int64) {
        self.id = id
        self.email = email
        self.passwordHash = passwordHash
        self.displayName = displayName
        self.roles = roles
        self.createdAt = createdAt
    }
}

public struct VenueRecord: Sendable, Equatable {
    public var id: String
    public var name: String
    public var address: String
    public var city: String
    public var country: String

    public init(id: String, name: String, address: String, city: String, country: String) {
        self.id = id
        self.name = name
        self.address = address
        self.city = city
        self.country = country
    }
}

public struct EventRecord: Sendable, Equatable {
    public var id: String
    public var slug: String
    public var title: String
    public var description: String
    public var organizerID: String
    public var venue: VenueRecord
    public var startsAt: Int64
    public var endsAt: Int64
    /// `marquee.v1.EventStatus` raw value.
    public var status: Int64
    public var imageURL: String
    public var createdAt: Int64

    public init(id: String, slug: String, title: String, description: String, organizerID: String, venue: VenueRecord, startsAt: Int64, endsAt: Int64, status: Int64, imageURL: String, createdAt: Int64) {
        self.id = id
        self.slug = slug
        self.title = title
        self.description = description
        self.organizerID = organizerID
        self.venue = venue
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.status = status
        self.imageURL = imageURL
        self.createdAt = createdAt
    }
}

public struct TicketTypeRecord: Sendable, Equatable {
    public var id: String
    public var eventID: String
    public var name: String
    public var priceMinor: Int64
    public var currency: String
    public var capacity: Int64
    public var reserved: Int64
    public var perOrderLimit: Int64
    public var salesStart: Int64?
    public var salesEnd: Int64?

    public init(id: String, eventID: String, name: String, priceMinor: Int64, currency: String, capacity: Int64, reserved: Int64, perOrderLimit: Int64, salesStart: Int64? = nil, salesEnd: Int64? = nil) {
        self.id = id
        self.eventID = eventID
        self.name = name
        self.priceMinor = priceMinor
        self.currency = currency
        self.capacity = capacity
        self.reserved = reserved
        self.perOrderLimit = perOrderLimit
        self.salesStart = salesStart
        self.salesEnd = salesEnd
    }
}

public struct OrderItemRecord: Sendable, Equatable {
    public var ticketTypeID: String
    public var quantity: Int64
    public var unitPriceMinor: Int64

    public init(ticketTypeID: String, quantity: Int64, unitPriceMinor: Int64) {
        self.ticketTypeID = ticketTypeID
        self.quantity = quantity
        self.unitPriceMinor = unitPriceMinor
    }
}

public struct OrderRecord: Sendable, Equatable {
    public var id: String
    public var userID: String
    public var eventID: String
    /// `marquee.v1.OrderStatus` raw value.
    public var status: Int64
    public var totalMinor: Int64
    public var currency: String
    public var refundedMinor: Int64
    public var expiresAt: Int64
    public var createdAt: Int64
    public var items: [OrderItemRecord]

    public init(id: String, userID: String, eventID: String, status: Int64, totalMinor: Int64, currency: String, refundedMinor: Int64, expiresAt: Int64, createdAt: Int64, items: [OrderItemRecord]) {
        self.id = id
        self.userID = userID
        self.eventID = eventID
        self.status = status
        self.totalMinor = totalMinor
        self.currency = currency
        self.refundedMinor = refundedMinor
        self.expiresAt = expiresAt
        self.createdAt = createdAt
        self.items = items
    }
}

public struct PaymentRecord: Sendable, Equatable {
    public var id: String
    public var orderID: String
    public var amountMinor: Int64
    public var currency: String
    public var refundedMinor: Int64
    /// `marquee.v1.PaymentStatus` raw value.
    public var status: Int64
    public var cardLast4: String
    public var idempotencyKey: String
    public var createdAt: Int64

    public init(id: String, orderID: String, amountMinor: Int64, currency: String, refundedMinor: Int64, status: Int64, cardLast4: String, idempotencyKey: String, createdAt: Int64) {
        self.id = id
        self.orderID = orderID
        self.amountMinor = amountMinor
        self.currency = currency
        self.refundedMinor = refundedMinor
        self.status = status
        self.cardLast4 = cardLast4
        self.idempotencyKey = idempotencyKey
        self.createdAt = createdAt
    }
}

public struct TicketRecord: Sendable, Equatable {
    public var id: String
    public var code: String
    public var orderID: String
    public var eventID: String
    public var ticketTypeID: String
    public var userID: String
    /// `marquee.v1.TicketStatus` raw value.
    public var status: Int64
    public var checkedInAt: Int64?
    public var createdAt: Int64

    public init(id: String, code: String, orderID: String, eventID: String, ticketTypeID: String, userID: String, status: Int64, checkedInAt: Int64? = nil, createdAt: Int64) {
        self.id = id
        self.code = code
        self.orderID = orderID
        self.eventID = eventID
        self.ticketTypeID = ticketTypeID
        self.userID = userID
        self.status = status
        self.checkedInAt = checkedInAt
        self.createdAt = createdAt
    }
}

public struct NotificationRecord: Sendable, Equatable {
    public var id: String
    public var userID: String
    public var kind: String
    public var title: String
    public var body: String
    public var read: Bool
    public var createdAt: Int64

    public init(id: String, userID: String, kind: String, title: String, body: String, read: Bool, createdAt: Int64) {
        self.id = id
        self.userID = userID
        self.kind = kind
        self.title = title
        self.body = body
        self.read = read
        self.createdAt = createdAt
    }
}

/// One page of a keyset-paginated list.
public struct Page<Item: Sendable>: Sendable {
    public var items: [Item]
    public var hasNextPage: Bool
    public var endCursor: String
    public var totalCount: Int
    /// The cursor of each item, in order.
    public var cursors: [String] = []
}

/// Opaque cursors: "sortKey:id", hex-encoded so clients treat them as opaque.
public enum Cursor {
    /// `<key>:<id>` in lowercase hex (one pass into one buffer: a page of 100
    /// events encodes 100 cursors).
    public static func encode(_ key: Int64, _ id: String) -> String {
        let plain = "\(key):\(id)".utf8
        return String(unsafeUninitializedCapacity: plain.count * 2) { buffer in
            var index = 0
            for byte in plain {
                buffer[index] = hexDigits[Int(byte >> 4)]
                buffer[index + 1] = hexDigits[Int(byte & 0xF)]
                index += 2
            }
            return index
        }
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// `nil` for a malformed cursor.
    public static func decode(_ cursor: String) -> (Int64, String)? {
        let hex = Array(cursor.utf8)
        guard hex.count % 2 == 0, hex.count <= 512 else { return nil }
        var bytes: [UInt8] = []
        var index = 0
        while index < hex.count {
            guard let byte = UInt8(String(decoding: hex[index..<index + 2], as: UTF8.self), radix: 16) else { return nil }
            bytes.append(byte)
            index += 2
        }
        let text = String(decoding: bytes, as: UTF8.self)
        guard let colon = text.firstIndex(of: ":"), let key = Int64(text[..<colon]) else { return nil }
        return (key, String(text[text.index(after: colon)...]))
    }
}
