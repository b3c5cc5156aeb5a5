import Foundation
import Testing
@testable import MarqueeGateway
import MarqueeGraphQL
import MarqueeProto

@Suite struct GatewayUnitTests {
    @Test func theEmbeddedSchemaIsSchemaGraphQL() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let file = try String(contentsOf: root.appendingPathComponent("schema.graphql"), encoding: .utf8)
        var trimmed = Substring(file)
        while trimmed.last == "\n" { trimmed.removeLast() }
        #expect(PublicSchema.sdl == String(trimmed), "schema.graphql changed: run scripts/embed-schema")
    }

    @Test func globalIDsRoundTripAndRejectGarbage() {
        let id = GlobalID.encode("Event", "3f2a")
        #expect(GlobalID.decode(id)! == ("Event", "3f2a"))
        #expect(GlobalID.id(id, as: "Event") == "3f2a")
        #expect(GlobalID.id(id, as: "Order") == nil)
        #expect(GlobalID.decode("%%%") == nil)
        #expect(GlobalID.decode(GlobalID.base64(Array("nocolon".utf8))) == nil)
    }

    @Test(arguments: [
        ("2026-12-31T19:00:00Z", "2026-12-31T19:00:00Z"),
        ("2026-12-31T20:00:00+01:00", "2026-12-31T19:00:00Z"),
        ("2024-02-29T00:00:00.250Z", "2024-02-29T00:00:00.25Z"),
        ("1969-12-31T23:59:59Z", "1969-12-31T23:59:59Z"),
        ("0001-01-01T00:00:00.000000001Z", "0001-01-01T00:00:00.000000001Z"),
        ("9999-12-31T23:59:59.123456789Z", "9999-12-31T23:59:59.123456789Z"),
    ])
    func dateTimesParseAndFormatInUTC(input: String, formatted: String) throws {
        let timestamp = try #require(DateTime.parse(input))
        #expect(DateTime.format(timestamp) == formatted)
    }

    @Test(arguments: ["2026-02-30T00:00:00Z", "2026-12-31 19:00:00Z", "2026-12-31T19:00:00", "tomorrow", "2026-13-01T00:00:00Z"])
    func invalidDateTimesAreRejected(input: String) {
        #expect(DateTime.parse(input) == nil)
    }

    @Test func moneyIsFormattedForPeople() {
        func money(_ minor: Int64, _ currency: String) -> Marquee_V1_Money { .with { $0.amountMinor = minor; $0.currency = currency } }
        #expect(MoneyFormat.format(money(1999, "EUR")) == "€19.99")
        #expect(MoneyFormat.format(money(5, "USD")) == "$0.05")
        #expect(MoneyFormat.format(money(120_000, "CHF")) == "CHF 1200.00")
        #expect(MoneyFormat.format(money(-250, "GBP")) == "-£2.50")
    }

    @Test func serviceFieldsBecomeGraphQLPaths() {
        #expect(ServiceFailure.path("items[0].ticket_type_id") == ["items", "0", "ticketTypeId"])
        #expect(ServiceFailure.path("price.amount_minor") == ["price", "amountMinor"])
    }

    @Test func mediaTypesAreNegotiated() {
        #expect(GraphQLEndpoint.responseType(nil) == "application/json")
        #expect(GraphQLEndpoint.responseType("application/graphql-response+json, application/json;q=0.9") == "application/graphql-response+json")
        #expect(GraphQLEndpoint.responseType("*/*") == "application/json")
        #expect(GraphQLEndpoint.responseType("text/plain") == nil)
    }

    @Test func costGrowsWithPageSizes() throws {
        let schema = try GraphQLSchema.build(sdl: PublicSchema.sdl)
        func cost(_ query: String, _ variables: JSONObject = JSONObject()) throws -> Int? {
            QueryCost.estimate(document: try Parser.parse(Source(body: query)), schema: schema, variables: variables)
        }
        #expect(try cost("{ cities }") == 1)
        // events (1) + 20 × (edges (1) + 1 × (node (1) + title (1)))
        #expect(try cost("{ events { edges { node { title } } } }") == 1 + 20 * 3)
        #expect(try cost("query($n: Int) { events(first: $n) { edges { node { title } } } }", ["n": 100]) == 1 + 100 * 3)
        #expect(try cost("{ events(first: 5) { ...E } } fragment E on EventConnection { totalCount edges { cursor } }") == 1 + 5 * 3)
    }
}
