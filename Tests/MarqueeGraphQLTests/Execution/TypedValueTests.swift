import Testing
@testable import MarqueeGraphQL

/// Resolvers that return Swift values (not JSON): the executor's direct paths
/// for built-in scalars, enums, objects and arrays give the same results and the
/// same errors as the general completion.
@Suite struct TypedValueTests {
    struct Seat: Sendable {
        let row: String
        let number: Int
    }

    struct Hall: Sendable {
        let name: String
        let seats: [Seat]
        let optionalSeats: [Seat?]
        let kind: String
    }

    static let sdl = """
    enum Kind { SMALL LARGE }
    type Seat { row: String!, number: Int!, label: String }
    type Hall {
      name: String!
      kind: Kind
      strictKind: Kind!
      seats: [Seat!]!
      optionalSeats: [Seat]!
      numbers: [Int]
      big: Int
      strictBig: Int!
      ratio: Float
      open: Boolean!
      missing: String!
      nothing: Seat
    }
    type Query { hall: Hall, strictHall: Hall! }
    """

    static func schema() throws -> GraphQLSchema {
        let schema = try makeSchema(sdl)
        let hall = Hall(
            name: "Main", seats: [Seat(row: "A", number: 1), Seat(row: "B", number: 2)],
            optionalSeats: [Seat(row: "C", number: 3), nil], kind: "LARGE")
        let query = schema.type(named: "Query") as! GraphQLObjectType
        query.field(named: "hall")!.resolve = { _, _, _, _ in .value(hall) }
        query.field(named: "strictHall")!.resolve = { _, _, _, _ in .value(hall) }
        func on<T: Sendable>(_ type: String, _ field: String, _ body: @escaping @Sendable (T) -> (any Sendable)?) {
            (schema.type(named: type) as! GraphQLObjectType).field(named: field)!.resolve = { source, _, _, _ in
                .value(body(source as! T))
            }
        }
        on("Hall", "name") { (h: Hall) in h.name }
        on("Hall", "kind") { (h: Hall) in h.kind }
        on("Hall", "strictKind") { (_: Hall) in "HUGE" }  // not a value of Kind
        on("Hall", "seats") { (h: Hall) in h.seats }
        on("Hall", "optionalSeats") { (h: Hall) in h.optionalSeats }
        on("Hall", "numbers") { (_: Hall) in [1, nil, 3] as [Int?] }
        on("Hall", "big") { (_: Hall) in Int(Int32.max) + 1 }
        on("Hall", "strictBig") { (_: Hall) in Int(Int32.min) - 1 }
        on("Hall", "ratio") { (_: Hall) in 0.5 }
        on("Hall", "open") { (_: Hall) in true }
        on("Hall", "missing") { (_: Hall) in nil }
        on("Hall", "nothing") { (_: Hall) in nil }
        on("Seat", "row") { (s: Seat) in s.row }
        on("Seat", "number") { (s: Seat) in s.number }
        on("Seat", "label") { (s: Seat) in "\(s.row)\(s.number)" }
        return schema
    }

    @Test func swiftValuesCompleteLikeJSON() async throws {
        let text = await run(try Self.schema(), """
        { hall { name kind seats { row number label } optionalSeats { label } numbers ratio open nothing { row } } }
        """)
        #expect(text == #"""
        {"data":{"hall":{"name":"Main","kind":"LARGE","seats":[{"row":"A","number":1,"label":"A1"},{"row":"B","number":2,"label":"B2"}],"optionalSeats":[{"label":"C3"},null],"numbers":[1,null,3],"ratio":0.5,"open":true,"nothing":null}}}
        """#)
    }

    @Test func outOfRangeIntsAreFieldErrors() async throws {
        let text = await run(try Self.schema(), "{ hall { name big } }")
        #expect(text.contains(#""data":{"hall":{"name":"Main","big":null}}"#), "\(text)")
        #expect(text.contains("Int cannot represent non 32-bit signed integer value: 2147483648"), "\(text)")
        #expect(text.contains(#""path":["hall","big"]"#), "\(text)")
    }

    @Test func nonNullErrorsPropagateToTheNearestNullableParent() async throws {
        let schema = try Self.schema()
        let strictBig = await run(schema, "{ hall { name strictBig } }")
        #expect(strictBig.contains(#""data":{"hall":null}"#), "\(strictBig)")
        #expect(strictBig.contains("-2147483649"), "\(strictBig)")

        let missing = await run(schema, "{ hall { missing } }")
        #expect(missing.contains(#""data":{"hall":null}"#), "\(missing)")
        #expect(missing.contains("Cannot return null for non-nullable field Hall.missing."), "\(missing)")

        let root = await run(schema, "{ strictHall { missing } }")
        #expect(root.contains(#""data":null"#), "\(root)")
    }

    @Test func unknownEnumValuesAreFieldErrors() async throws {
        let text = await run(try Self.schema(), "{ hall { kind strictKind } }")
        #expect(text.contains(#""data":{"hall":null}"#), "\(text)")
        #expect(text.contains(#"Enum \"Kind\" cannot represent value: \"HUGE\""#), "\(text)")
    }
}
