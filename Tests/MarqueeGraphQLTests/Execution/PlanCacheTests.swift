import Testing
@testable import MarqueeGraphQL

/// One cached document executed many times, concurrently, with different
/// variables: every result equals the result of a freshly parsed document.
@Suite struct PlanCacheTests {
    static let sdl = """
    interface Node { id: ID! }
    type Event implements Node { id: ID!, title(upper: Boolean = false): String!, seats(first: Int = 2): [Int!]! }
    type Venue implements Node { id: ID!, name: String! }
    union Hit = Event | Venue
    type Query { node(id: ID!): Node, hits: [Hit!]! }
    """

    static let root: JSON = [
        "hits": [["__typename": "Event", "id": "e1", "title": "gig", "seats": [1, 2, 3]],
                 ["__typename": "Venue", "id": "v1", "name": "hall"]],
    ]

    static func schema() throws -> GraphQLSchema {
        let schema = try makeSchema(sdl)
        let query = schema.type(named: "Query") as! GraphQLObjectType
        query.field(named: "node")!.resolve = { _, args, _, _ in
            let id = args.string("id") ?? ""
            return .value(id.hasPrefix("e") ? JSON.object(["__typename": "Event", "id": .string(id), "title": .string("t-\(id)"), "seats": [1, 2, 3]])
                                             : JSON.object(["__typename": "Venue", "id": .string(id), "name": .string("n-\(id)")]))
        }
        let event = schema.type(named: "Event") as! GraphQLObjectType
        event.field(named: "title")!.resolve = { source, args, _, _ in
            let title = (source as? JSON)?["title"]?.stringValue ?? ""
            return .value(args.bool("upper") == true ? title.uppercased() : title)
        }
        event.field(named: "seats")!.resolve = { source, args, _, _ in
            let seats = (source as? JSON)?["seats"]?.arrayValue ?? []
            return .value(JSON.array(Array(seats.prefix(args.int("first") ?? 0))))
        }
        return schema
    }

    static let query = """
    query Q($id: ID!, $upper: Boolean, $n: Int) {
      node(id: $id) { id ... on Event { title(upper: $upper) seats(first: $n) plain: title } ...V }
      hits { __typename ... on Event { title(upper: true) seats } ...V }
    }
    fragment V on Venue { name }
    """

    @Test func sharedPlansGiveTheSameResultsAsFreshOnes() async throws {
        let schema = try Self.schema()
        let engine = GraphQLEngine(schema: schema)  // caches the document, so its plans are shared
        let cases: [JSONObject] = (0..<40).map { i in
            ["id": .string(i % 2 == 0 ? "e\(i)" : "v\(i)"), "upper": .bool(i % 3 == 0), "n": .int(i % 4)]
        }
        let shared = await withTaskGroup(of: (Int, String).self) { group in
            for (index, variables) in cases.enumerated() {
                group.addTask {
                    let response = await engine.execute(GraphQLRequest(query: Self.query, variables: variables), rootValue: Self.root)
                    return (index, String(decoding: response.jsonBytes(), as: UTF8.self))
                }
            }
            var results = [String](repeating: "", count: cases.count)
            for await (index, text) in group { results[index] = text }
            return results
        }
        for (index, variables) in cases.enumerated() {
            let fresh = await run(schema, Self.query, root: Self.root, variables: variables)
            #expect(shared[index] == fresh, "variables \(variables)")
            // And what it must be, field by field.
            let text = shared[index]
            if index % 2 == 0 {
                let title = index % 3 == 0 ? "T-E\(index)" : "t-e\(index)"
                let seats = [1, 2, 3].prefix(index % 4).map(String.init).joined(separator: ",")
                #expect(text.contains(#""title":"\#(title)","seats":[\#(seats)],"plain":"t-e\#(index)""#), "\(text)")
            } else {
                #expect(text.contains(#""node":{"id":"v\#(index)","name":"n-v\#(index)"}"#), "\(text)")
            }
            #expect(text.contains(#""hits":[{"__typename":"Event","title":"GIG","seats":[1,2]},{"__typename":"Venue","name":"hall"}]"#), "\(text)")
        }
        #expect(shared[0].contains(#""title":"T-E0""#) && shared[0].contains(#""seats":[]"#))
        #expect(shared[1].contains(#""name":"n-v1""#))
    }

    @Test func variableConditionsAreNotShared() async throws {
        let schema = try Self.schema()
        let engine = GraphQLEngine(schema: schema)
        let query = "query($skip: Boolean!) { hits { ... on Event { id title @skip(if: $skip) } } }"
        for skip in [true, false, true] {
            let response = await engine.execute(GraphQLRequest(query: query, variables: ["skip": .bool(skip)]), rootValue: Self.root)
            let text = String(decoding: response.jsonBytes(), as: UTF8.self)
            #expect(text.contains(#""title""#) == !skip, "\(text)")
        }
    }

    @Test func argumentErrorsStayPerExecution() async throws {
        let schema = try Self.schema()
        let engine = GraphQLEngine(schema: schema)
        let query = "query($n: Int) { hits { ... on Event { seats(first: $n) } } }"
        let good = await engine.execute(GraphQLRequest(query: query, variables: ["n": .int(1)]), rootValue: Self.root)
        let again = await engine.execute(GraphQLRequest(query: query, variables: ["n": .int(2)]), rootValue: Self.root)
        #expect(String(decoding: good.jsonBytes(), as: UTF8.self).contains(#""seats":[1]"#))
        #expect(String(decoding: again.jsonBytes(), as: UTF8.self).contains(#""seats":[1,2]"#))
    }
}
