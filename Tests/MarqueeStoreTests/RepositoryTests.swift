import Testing
@testable import MarqueeStore

/// The repository suite: the same tests on SQLite and on a real PostgreSQL.
@Suite struct RepositoryTests {
    static func user(_ email: String) -> UserRecord {
        UserRecord(id: Identifier.make(), email: email, passwordHash: "x", displayName: "U", roles: ["ATTENDEE"], createdAt: Clock.nowMicros())
    }

    static func event(organizer: String, title: String = "Show", startsAt: Int64 = 1_000, status: Int64 = 2) -> EventRecord {
        EventRecord(
            id: Identifier.make(), slug: "s-\(Identifier.make())", title: title, description: "An evening", organizerID: organizer,
            venue: VenueRecord(id: Identifier.make(), name: "Hall", address: "1 Road", city: "Lisbon", country: "PT"),
            startsAt: startsAt, endsAt: startsAt + 10, status: status, imageURL: "", createdAt: Clock.nowMicros())
    }

    static func ticketType(event: String, capacity: Int64) -> TicketTypeRecord {
        TicketTypeRecord(
            id: Identifier.make(), eventID: event, name: "General", priceMinor: 2500, currency: "EUR", capacity: capacity,
            reserved: 0, perOrderLimit: 4, salesStart: nil, salesEnd: nil)
    }

    @Test(arguments: StoreKind.available)
    func migrationsApplyOnce(_ kind: StoreKind) async throws {
        try await withFreshStore(kind) { db in
            let again = try await Migrations.apply(to: db)
            #expect(again.isEmpty)
        }
    }

    @Test(arguments: StoreKind.available)
    func aTakenEmailIsAUniqueViolationAndChangesNothing(_ kind: StoreKind) async throws {
        try await withFreshStore(kind) { db in
            try await db.transaction { try await UserRepository.insert($0, Self.user("a@x.io")) }
            await #expect { try await db.transaction { try await UserRepository.insert($0, Self.user("a@x.io")) } } throws: {
                ($0 as? StoreError)?.kind == .uniqueViolation
            }
            let count = try await db.transaction { try await $0.query("SELECT COUNT(*) FROM users").first?.int(0) }
            #expect(count == 1)
        }
    }

    @Test(arguments: StoreKind.available)
    func concurrentReservationsNeverExceedCapacity(_ kind: StoreKind) async throws {
        try await withFreshStore(kind) { db in
            let organizer = Self.user("o@x.io")
            let event = Self.event(organizer: organizer.id)
            let type = Self.ticketType(event: event.id, capacity: 50)
            try await db.transaction { conn in
                try await UserRepository.insert(conn, organizer)
                try await EventRepository.insert(conn, event)
                try await EventRepository.insertTicketType(conn, type)
            }
            let wins = try await withThrowingTaskGroup(of: Bool.self) { group in
                for _ in 0..<200 {
                    group.addTask {
                        try await db.transaction { try await EventRepository.reserve($0, ticketTypeID: type.id, quantity: 1) }
                    }
                }
                return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
            }
            #expect(wins == 50)
            let reserved = try await db.transaction { try await EventRepository.ticketTypes($0, ids: [type.id]).first?.reserved }
            #expect(reserved == 50)
        }
    }

    @Test(arguments: StoreKind.available)
    func aTicketIsCheckedInExactlyOnceUnderConcurrency(_ kind: StoreKind) async throws {
        try await withFreshStore(kind) { db in
            let buyer = Self.user("b@x.io")
            let event = Self.event(organizer: buyer.id)
            let type = Self.ticketType(event: event.id, capacity: 5)
            let order = OrderRecord(
                id: Identifier.make(), userID: buyer.id, eventID: event.id, status: 2, totalMinor: 2500, currency: "EUR",
                refundedMinor: 0, expiresAt: 0, createdAt: 0,
                items: [OrderItemRecord(ticketTypeID: type.id, quantity: 1, unitPriceMinor: 2500)])
            let ticket = TicketRecord(
                id: Identifier.make(), code: "ABC", orderID: order.id, eventID: event.id, ticketTypeID: type.id, userID: buyer.id,
                status: 1, checkedInAt: nil, createdAt: 0)
            try await db.transaction { conn in
                try await UserRepository.insert(conn, buyer)
                try await EventRepository.insert(conn, event)
                try await EventRepository.insertTicketType(conn, type)
                let inserted = try await OrderRepository.insert(conn, order, idempotencyKey: "k")
                #expect(inserted)
                try await TicketRepository.insert(conn, ticket)
            }
            let admitted = try await withThrowingTaskGroup(of: Bool.self) { group in
                for _ in 0..<20 {
                    group.addTask {
                        try await db.transaction {
                            try await TicketRepository.checkIn($0, id: ticket.id, valid: 1, checkedIn: 2, by: "staff", at: 5)
                        } != nil
                    }
                }
                return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
            }
            #expect(admitted == 1)
        }
    }

    @Test(arguments: StoreKind.available)
    func anOrderIdempotencyKeyIsUsedOnce(_ kind: StoreKind) async throws {
        try await withFreshStore(kind) { db in
            let buyer = Self.user("c@x.io")
            let event = Self.event(organizer: buyer.id)
            let type = Self.ticketType(event: event.id, capacity: 5)
            @Sendable func order() -> OrderRecord {
                OrderRecord(
                    id: Identifier.make(), userID: buyer.id, eventID: event.id, status: 1, totalMinor: 5000, currency: "EUR",
                    refundedMinor: 0, expiresAt: 10, createdAt: 1,
                    items: [OrderItemRecord(ticketTypeID: type.id, quantity: 2, unitPriceMinor: 2500)])
            }
            let first = order()
            try await db.transaction { conn in
                try await UserRepository.insert(conn, buyer)
                try await EventRepository.insert(conn, event)
                try await EventRepository.insertTicketType(conn, type)
                let inserted = try await OrderRepository.insert(conn, first, idempotencyKey: "same")
                let again = try await OrderRepository.insert(conn, order(), idempotencyKey: "same")
                #expect(inserted)
                #expect(!again)
            }
            let found = try await db.transaction { try await OrderRepository.byIdempotencyKey($0, userID: buyer.id, key: "same") }
            #expect(found?.id == first.id)
            #expect(found?.items == first.items)
        }
    }

    @Test(arguments: StoreKind.available)
    func aRefreshTokenIsConsumedOnceThenReportedAsReused(_ kind: StoreKind) async throws {
        try await withFreshStore(kind) { db in
            let user = Self.user("d@x.io")
            let state = try await db.transaction { conn in
                try await UserRepository.insert(conn, user)
                try await UserRepository.insertRefreshToken(conn, hash: "h1", familyID: "f", userID: user.id, expiresAt: Int64.max / 2)
                let first = try await UserRepository.consumeRefreshToken(conn, hash: "h1", now: 1)
                let second = try await UserRepository.consumeRefreshToken(conn, hash: "h1", now: 2)
                let unknown = try await UserRepository.consumeRefreshToken(conn, hash: "nope", now: 2)
                return [first, second, unknown]
            }
            #expect(state == [.active(userID: user.id, familyID: "f"), .reused(familyID: "f"), .unknown])
        }
    }

    @Test(arguments: StoreKind.available)
    func keysetPagesCoverEveryEventOnceInStartOrder(_ kind: StoreKind) async throws {
        try await withFreshStore(kind) { db in
            let organizer = Self.user("e@x.io")
            try await db.transaction { conn in
                try await UserRepository.insert(conn, organizer)
                for index in 0..<25 {
                    try await EventRepository.insert(conn, Self.event(organizer: organizer.id, title: "Gig \(index)", startsAt: Int64(index % 7)))
                }
                try await EventRepository.insert(conn, Self.event(organizer: organizer.id, title: "Draft", status: 1))
            }
            var seen: [EventRecord] = []
            var cursor: (Int64, String)?
            var pages = 0
            repeat {
                let page = try await db.transaction { [cursor] conn in
                    try await EventRepository.list(conn, .init(statuses: [2]), first: 10, after: cursor)
                }
                #expect(page.totalCount == 25)
                seen += page.items
                cursor = page.hasNextPage ? Cursor.decode(page.endCursor) : nil
                pages += 1
            } while cursor != nil
            #expect(pages == 3)
            #expect(seen.count == 25)
            #expect(Set(seen.map(\.id)).count == 25)
            #expect(seen.map(\.startsAt) == seen.map(\.startsAt).sorted())
        }
    }

    @Test(arguments: StoreKind.available)
    func textSearchMatchesEveryWordAndEscapesWildcards(_ kind: StoreKind) async throws {
        try await withFreshStore(kind) { db in
            let organizer = Self.user("f@x.io")
            try await db.transaction { conn in
                try await UserRepository.insert(conn, organizer)
                try await EventRepository.insert(conn, Self.event(organizer: organizer.id, title: "Jazz Night"))
                try await EventRepository.insert(conn, Self.event(organizer: organizer.id, title: "Rock Night"))
                try await EventRepository.insert(conn, Self.event(organizer: organizer.id, title: "100% Techno"))
            }
            func search(_ text: String) async throws -> [String] {
                try await db.transaction { try await EventRepository.list($0, .init(text: text, statuses: [2]), first: 10, after: nil) }
                    .items.map(\.title).sorted()
            }
            let night = try await search("night"), jazz = try await search("JAZZ night")
            let percent = try await search("%"), underscore = try await search("_")
            #expect(night == ["Jazz Night", "Rock Night"])
            #expect(jazz == ["Jazz Night"])
            #expect(percent == ["100% Techno"])
            #expect(underscore == [])
        }
    }

    @Test func cursorsRoundTripAndRejectGarbage() {
        let cursor = Cursor.encode(42, "abc")
        #expect(cursor == "34323a616263")  // `42:abc` in hex: cursors handed out earlier stay valid
        #expect(Cursor.decode(cursor)! == (42, "abc"))
        let unicode = Cursor.encode(-1_700_000_000, "évé/1")
        #expect(Cursor.decode(unicode)! == (-1_700_000_000, "évé/1"))
        #expect(Cursor.decode("zz") == nil)
        #expect(Cursor.decode("abc") == nil)
    }

    @Test func databaseURLsParse() throws {
        let url = try DatabaseURL("postgres://me:p%40ss@db.local:6543/app?sslmode=require")
        #expect(url.user == "me")
        #expect(url.password == "p@ss")
        #expect(url.host == "db.local")
        #expect(url.port == 6543)
        #expect(url.database == "app")
        #expect(url.requireTLS)
        #expect(throws: StoreError.self) { try DatabaseURL("mysql://x") }
    }
}
