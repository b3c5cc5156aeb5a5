import Testing
import Synchronization
@testable import MarqueeGraphQL

/// Async resolvers: concurrency, DataLoader batching, null propagation across
/// pending work, serial mutations, subscriptions.
@Suite struct AsyncExecutionTests {
    static let sdl = """
    type Venue { id: ID!, name: String! }
    type Event { id: ID!, venue: Venue, mustVenue: Venue! }
    type Query { events: [Event!]!, slow: String, fails: String }
    type Mutation { add(n: Int!): Int! }
    type Subscription { ticks(count: Int!): Int }
    """

    @Test func dataLoaderBatchesOneLevelIntoOneCall() async throws {
        let schema = try makeSchema(Self.sdl)
        let calls = Mutex<[[String]]>([])
        let loader = DataLoader<String, JSON> { keys in
            calls.withLock { $0.append(keys) }
            try await Task.sleep(for: .milliseconds(5))
            return Dictionary(uniqueKeysWithValues: keys.map { ($0, ["id": .string($0), "name": .string("Venue \($0)")]) })
        }
        let query = schema.type(named: "Query") as! GraphQLObjectType
        query.field(named: "events")!.resolve = { _, _, _, _ in
            .async {
                try await Task.sleep(for: .milliseconds(2))
                return JSON.array((0..<100).map { ["id": .string("e\($0)"), "venueId": .string("v\($0 % 10)")] })
            }
        }
        let event = schema.type(named: "Event") as! GraphQLObjectType
        event.field(named: "venue")!.resolve = { source, _, _, _ in
            guard let id = (source as? JSON)?["venueId"]?.stringValue else { return .null }
            return loader.resolve(id)
        }
        let out = await run(schema, "{ events { id venue { id name } } }")
        let response = try json(out)
        let events = response["data"]?["events"]?.arrayValue ?? []
        #expect(events.count == 100)
        #expect(events[13] == ["id": "e13", "venue": ["id": "v3", "name": "Venue v3"]])
        #expect(calls.withLock { $0.count } == 1)
        #expect(calls.withLock { Set($0[0]) } == Set((0..<10).map { "v\($0)" }))
    }

    @Test func asyncErrorInNonNullFieldNullsTheNearestNullableAncestor() async throws {
        let schema = try makeSchema(Self.sdl)
        let query = schema.type(named: "Query") as! GraphQLObjectType
        query.field(named: "events")!.resolve = { _, _, _, _ in .value(JSON.array([["id": "e1"], ["id": "e2"]])) }
        query.field(named: "slow")!.resolve = { _, _, _, _ in .async { try await Task.sleep(for: .milliseconds(1)); return "done" } }
        let event = schema.type(named: "Event") as! GraphQLObjectType
        struct Boom: Error, CustomStringConvertible { var description: String { "venue service unavailable" } }
        event.field(named: "mustVenue")!.resolve = { source, _, _, _ in
            let id = (source as? JSON)?["id"]?.stringValue
            return .async {
                if id == "e2" { throw Boom() }
                return JSON.object(["id": "v", "name": "V"])
            }
        }
        // events is [Event!]!, so a failed e2.mustVenue nulls data itself.
        let out = await run(schema, "{ slow events { id mustVenue { name } } }")
        #expect(out == #"{"errors":[{"message":"venue service unavailable","locations":[{"line":1,"column":20}],"path":["events",1,"mustVenue"]}],"data":null}"#)
        // A nullable field stops the propagation at itself.
        let partial = await run(schema, "{ slow events { id venue { name } } }")
        #expect(partial == #"{"data":{"slow":"done","events":[{"id":"e1","venue":null},{"id":"e2","venue":null}]}}"#)
    }

    @Test func independentAsyncFieldsRunConcurrently() async throws {
        let schema = try makeSchema("type Query { a: Int, b: Int, c: Int }")
        let query = schema.type(named: "Query") as! GraphQLObjectType
        let inFlight = Mutex((now: 0, peak: 0))
        for name in ["a", "b", "c"] {
            query.field(named: name)!.resolve = { _, _, _, _ in
                .async {
                    inFlight.withLock { $0.now += 1; $0.peak = max($0.peak, $0.now) }
                    try await Task.sleep(for: .milliseconds(30))
                    inFlight.withLock { $0.now -= 1 }
                    return 1
                }
            }
        }
        let out = await run(schema, "{ a b c }")
        #expect(out == #"{"data":{"a":1,"b":1,"c":1}}"#)
        #expect(inFlight.withLock { $0.peak } == 3)
    }

    @Test func mutationsRunSeriallyInDocumentOrder() async throws {
        let schema = try makeSchema(Self.sdl)
        let mutation = schema.type(named: "Mutation") as! GraphQLObjectType
        let log = Mutex<[Int]>([])
        mutation.field(named: "add")!.resolve = { _, args, _, _ in
            let n = args.int("n")!
            return .async {
                try await Task.sleep(for: .milliseconds(n == 1 ? 20 : 1))
                log.withLock { $0.append(n) }
                return log.withLock { $0.reduce(0, +) }
            }
        }
        let out = await run(schema, "mutation { first: add(n: 1) second: add(n: 2) third: add(n: 3) }")
        #expect(out == #"{"data":{"first":1,"second":3,"third":6}}"#)
        #expect(log.withLock { $0 } == [1, 2, 3])
    }

    @Test func subscriptionMapsEachEventThroughTheSelection() async throws {
        let schema = try makeSchema(Self.sdl)
        let subscription = schema.type(named: "Subscription") as! GraphQLObjectType
        subscription.field(named: "ticks")!.subscribe = { _, args, _, _ in
            let count = args.int("count") ?? 0
            return AsyncThrowingStream<any Sendable, any Error> { continuation in
                for i in 1...count { continuation.yield(JSON.object(["ticks": .int(i * 10)])) }
                continuation.finish()
            }
        }
        let engine = GraphQLEngine(schema: schema)
        guard case .stream(let stream) = await engine.subscribe(GraphQLRequest(query: "subscription { ticks(count: 3) }")) else {
            Issue.record("expected a stream")
            return
        }
        var seen: [String] = []
        for try await response in stream { seen.append(String(decoding: response.jsonBytes(), as: UTF8.self)) }
        #expect(seen == [#"{"data":{"ticks":10}}"#, #"{"data":{"ticks":20}}"#, #"{"data":{"ticks":30}}"#])
    }

    @Test func failingSourceStreamIsARequestErrorWithoutData() async throws {
        let schema = try makeSchema(Self.sdl)
        let subscription = schema.type(named: "Subscription") as! GraphQLObjectType
        struct Refused: Error, CustomStringConvertible { var description: String { "not allowed to watch this" } }
        subscription.field(named: "ticks")!.subscribe = { _, _, _, _ in throw Refused() }
        let engine = GraphQLEngine(schema: schema)
        guard case .response(let response) = await engine.subscribe(GraphQLRequest(query: "subscription { ticks(count: 1) }")) else {
            Issue.record("expected a single response")
            return
        }
        #expect(String(decoding: response.jsonBytes(), as: UTF8.self)
            == #"{"errors":[{"message":"not allowed to watch this","locations":[{"line":1,"column":16}],"path":["ticks"]}]}"#)
    }

    @Test func dataLoaderBatchErrorFailsEveryFieldOfTheBatch() async throws {
        let schema = try makeSchema(Self.sdl)
        struct Down: Error, CustomStringConvertible { var description: String { "venue service unavailable" } }
        let loader = DataLoader<String, JSON> { _ in throw Down() }
        let query = schema.type(named: "Query") as! GraphQLObjectType
        query.field(named: "events")!.resolve = { _, _, _, _ in .value(JSON.array([["id": "e1", "venueId": "v1"], ["id": "e2", "venueId": "v2"]])) }
        let event = schema.type(named: "Event") as! GraphQLObjectType
        event.field(named: "venue")!.resolve = { source, _, _, _ in
            loader.resolve((source as? JSON)?["venueId"]?.stringValue ?? "")
        }
        let response = try json(await run(schema, "{ events { id venue { name } } }"))
        #expect(response["data"] == ["events": [["id": "e1", "venue": nil], ["id": "e2", "venue": nil]]])
        let paths = response["errors"]?.arrayValue?.compactMap { $0["path"] }
        #expect(paths?.count == 2)
        #expect(paths?.contains(["events", 1, "venue"]) == true)
    }
}
