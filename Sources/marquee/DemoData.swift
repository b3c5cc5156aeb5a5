import Logging
import MarqueeProto
import MarqueeRPC
import MarqueeServices
import MarqueeStore
import SwiftProtobuf

/// `marquee serve --demo`: a realistic sample through the services' own API —
/// demo accounts, organisers, 120 published events in eight cities with ticket
/// types. Idempotent: a store that has the demo organiser is left as it is.
enum DemoData {
    static let accounts: [(email: String, password: String, name: String, roles: [String])] = [
        ("admin@demo.marquee.dev", "marquee-admin", "Ada Admin", ["ADMIN"]),
        ("organizer@demo.marquee.dev", "marquee-organizer", "Nightfall Live", ["ORGANIZER"]),
        ("organizer2@demo.marquee.dev", "marquee-organizer", "Harbour Arts", ["ORGANIZER"]),
        ("staff@demo.marquee.dev", "marquee-staff", "Sam Scanner", ["STAFF"]),
        ("attendee@demo.marquee.dev", "marquee-attendee", "Alex Attendee", []),
    ]

    static let cities: [(city: String, country: String, venues: [String])] = [
        ("Lisbon", "PT", ["Coliseu dos Recreios", "LAV Lisboa"]), ("Berlin", "DE", ["Tempodrom", "Columbiahalle"]),
        ("Paris", "FR", ["La Cigale", "Le Trianon"]), ("London", "GB", ["Roundhouse", "KOKO"]),
        ("Amsterdam", "NL", ["Paradiso", "Melkweg"]), ("Barcelona", "ES", ["Razzmatazz", "Sala Apolo"]),
        ("Vienna", "AT", ["Arena Wien", "Flex"]), ("Prague", "CZ", ["Lucerna Music Bar", "Roxy"]),
    ]

    static let kinds = ["Jazz Night", "Indie Showcase", "Techno Marathon", "Chamber Concert", "Comedy Evening",
                        "Poetry Slam", "Folk Session", "Hip-Hop Live", "Piano Recital", "Film Screening",
                        "Tech Talk", "Wine Tasting", "Dance Workshop", "Blues Jam", "Opera Gala"]

    static func seed(env: ServiceEnvironment, clients: ServiceClients, logger: Logger) async throws {
        var ids: [String: String] = [:]
        for account in accounts {
            ids[account.email] = try await AuthService.ensureUser(
                env: env, email: account.email, password: account.password, displayName: account.name, roles: account.roles)
        }
        let organizers = ["organizer@demo.marquee.dev", "organizer2@demo.marquee.dev"]
        var tokens: [String] = []
        for email in organizers {
            tokens.append(try await env.tokens.accessToken(userID: ids[email]!, roles: ["ATTENDEE", "ORGANIZER"]).token)
        }
        let existing = try await CallContext.$current.withValue(CallContext(requestID: "demo", bearerToken: tokens[0])) {
            try await clients.events.listEvents(.with { $0.organizerID = ids[organizers[0]]!; $0.page.first = 1 })
        }
        if existing.pageInfo.totalCount == 0 {
            try await createEvents(clients: clients, tokens: tokens)
            logger.info("demo data seeded", metadata: ["events": "120"])
        }
        writeLine(Array("""

            Demo accounts (marquee serve --demo):
              admin      admin@demo.marquee.dev / marquee-admin
              organizer  organizer@demo.marquee.dev / marquee-organizer
              staff      staff@demo.marquee.dev / marquee-staff
              attendee   attendee@demo.marquee.dev / marquee-attendee
            Log in with the `login` mutation; send `Authorization: Bearer <accessToken>`.

            """.utf8))
    }

    static func createEvents(clients: ServiceClients, tokens: [String]) async throws {
        let day: Int64 = 86_400
        let start = (Int64(Clock.nowMicros() / 1_000_000) / day + 7) * day + 19 * 3600
        for index in 0..<120 {
            let place = cities[index % cities.count]
            let kind = kinds[index % kinds.count]
            let token = tokens[index % tokens.count]
            try await CallContext.$current.withValue(CallContext(requestID: "demo-\(index)", bearerToken: token)) {
                let startsAt = start + Int64(index / 2) * day + Int64(index % 3) * 3600
                let event = try await clients.events.createEvent(.with {
                    $0.title = "\(kind) \(place.city) #\(index / cities.count + 1)"
                    $0.description_p = "A \(kind.lowercased()) in \(place.city): an evening you will talk about for weeks."
                    $0.venueName = place.venues[index % place.venues.count]
                    $0.venueAddress = "\(index + 1) Main Street"
                    $0.city = place.city
                    $0.country = place.country
                    $0.startsAt = Google_Protobuf_Timestamp(seconds: startsAt, nanos: 0)
                    $0.endsAt = Google_Protobuf_Timestamp(seconds: startsAt + 3 * 3600, nanos: 0)
                })
                for (name, price, capacity) in [("General admission", Int64(2500 + index % 5 * 500), Int32(200)),
                                                ("VIP", Int64(7500), Int32(20))] {
                    _ = try await clients.events.addTicketType(.with {
                        $0.eventID = event.id
                        $0.name = name
                        $0.price.amountMinor = price
                        $0.price.currency = "EUR"
                        $0.capacity = capacity
                        $0.perOrderLimit = 6
                    })
                }
                _ = try await clients.events.publishEvent(.with { $0.id = event.id })
            }
        }
    }
}
