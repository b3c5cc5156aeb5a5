import Testing
import Synchronization
@testable import MarqueeGraphQL

@Suite struct EngineTests {
    let schema: GraphQLSchema
    init() throws { schema = try makeSchema("type Query { a: Int, q: Query }") }

    @Test func malformedRequestsGetRequestErrors() {
        #expect(throws: GraphQLError.self) { try GraphQLRequest(jsonText: "{nope") }
        #expect(throws: GraphQLError.self) { try GraphQLRequest(jsonText: "[]") }
        #expect(throws: GraphQLError.self) { try GraphQLRequest(jsonText: #"{"query": 1}"#) }
        #expect(throws: GraphQLError.self) { try GraphQLRequest(jsonText: #"{"query": "{a}", "variables": 3}"#) }
        #expect(throws: GraphQLError.self) { try GraphQLRequest(jsonText: #"{"variables": {}}"#) }
    }

    @Test func deeplyNestedDocumentsAreRejectedWithAnError() async {
        let deep = String(repeating: "{", count: 100_000)
        let out = await run(schema, deep)
        #expect(out.contains("nesting"))
        #expect(!out.contains(#""data""#))
        let deepList = "query($v: " + String(repeating: "[", count: 100_000) + "Int) { a }"
        #expect(await run(schema, deepList).contains("nesting"))
    }

    @Test func selectionDepthAndAliasLimits() async {
        var limits = GraphQLLimits()
        limits.maxSelectionDepth = 3
        limits.maxAliases = 2
        let engine = GraphQLEngine(schema: schema, limits: limits)
        let deep = await engine.execute(GraphQLRequest(query: "{ q { q { q { a } } } }"))
        #expect(deep.errors.first?.message.contains("maximum selection depth of 3") == true)
        let aliases = await engine.execute(GraphQLRequest(query: "{ x: a y: a z: a }"))
        #expect(aliases.errors.first?.message.contains("aliases") == true)
        let fine = await engine.execute(GraphQLRequest(query: "{ q { a } }"))
        #expect(fine.errors.isEmpty)
    }

    @Test func cachedDocumentsGiveTheSameAnswers() async {
        let engine = GraphQLEngine(schema: schema)
        let root: JSON = ["a": 1]
        let first = await engine.execute(GraphQLRequest(query: "{ a }"), rootValue: root)
        let second = await engine.execute(GraphQLRequest(query: "{ a }"), rootValue: root)
        #expect(first.json == second.json)
        let invalid = await engine.execute(GraphQLRequest(query: "{ b }"))
        let invalidAgain = await engine.execute(GraphQLRequest(query: "{ b }"))
        #expect(invalid.json == invalidAgain.json)
        #expect(invalid.data == nil)
    }
}

@Suite struct UnexpectedErrorTests {
    struct DatabaseDown: Error, CustomStringConvertible {
        var description: String { "connection to 10.0.0.5:5432 refused: SELECT * FROM secrets" }
    }
    struct NotFound: GraphQLErrorConvertible {
        var graphQLMessage: String { "Event not found." }
        var graphQLExtensions: JSONObject? { ["code": "NOT_FOUND"] }
    }

    func schema() throws -> GraphQLSchema {
        let schema = try makeSchema("type Query { broken: Int, missing: Int }")
        let query = schema.type(named: "Query") as! GraphQLObjectType
        query.field(named: "broken")!.resolve = { _, _, _, _ in throw DatabaseDown() }
        query.field(named: "missing")!.resolve = { _, _, _, _ in .async { throw NotFound() } }
        return schema
    }

    @Test func maskedErrorsHideTheirTextAndReachTheLog() async throws {
        let logged = Mutex<[String]>([])
        let engine = GraphQLEngine(schema: try schema(), unexpectedErrors: .mask { error, path in
            logged.withLock { $0.append("\(path.map(\.description).joined(separator: ".")): \(error)") }
        })
        let response = await engine.execute(GraphQLRequest(query: "{ broken missing }"))
        let text = String(decoding: response.jsonBytes(), as: UTF8.self)
        #expect(text == #"{"errors":[{"message":"Internal server error.","locations":[{"line":1,"column":3}],"path":["broken"],"extensions":{"code":"INTERNAL_SERVER_ERROR"}},{"message":"Event not found.","locations":[{"line":1,"column":10}],"path":["missing"],"extensions":{"code":"NOT_FOUND"}}],"data":{"broken":null,"missing":null}}"#)
        #expect(!text.contains("secrets"))
        #expect(logged.withLock { $0 } == ["broken: connection to 10.0.0.5:5432 refused: SELECT * FROM secrets"])
    }

    @Test func exposedErrorsShowTheirDescription() async throws {
        let engine = GraphQLEngine(schema: try schema())
        let response = await engine.execute(GraphQLRequest(query: "{ broken }"))
        #expect(response.errors.map(\.message) == ["connection to 10.0.0.5:5432 refused: SELECT * FROM secrets"])
    }
}
