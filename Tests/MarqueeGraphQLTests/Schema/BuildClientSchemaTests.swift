import Testing
@testable import MarqueeGraphQL

@Suite("Client schema")
struct BuildClientSchemaTests {
    @Test("the client schema of an introspection result prints as the schema", arguments: PrintCase.all)
    func roundTripsThroughIntrospection(_ testCase: PrintCase) async throws {
        let schema = try GraphQLSchema.build(sdl: testCase.sdl)
        let client = try buildClientSchema(await introspectionResult(schema))
        #expect(printSchema(client) == printSchema(schema))
    }

    @Test func richSchemaRoundTripsThroughIntrospection() async throws {
        let schema = try GraphQLSchema.build(sdl: IntrospectionFixture.sdl)
        let introspection = await introspectionResult(schema)
        let client = try buildClientSchema(introspection)
        #expect(printSchema(client) == printSchema(schema))
        #expect(validateSchema(client).isEmpty)
        // And the client schema introspects to the same result.
        #expect(await introspectionResult(client) == introspection)
    }

    @Test func buildsFromGraphQLCoresIntrospection() throws {
        let client = try buildClientSchema(try JSONParser.parse(IntrospectionFixture.expectedJSON))
        let schema = try GraphQLSchema.build(sdl: IntrospectionFixture.sdl)
        #expect(printSchema(client) == printSchema(schema))
    }

    @Test func rejectsWhatIsNotAnIntrospectionResult() {
        #expect(throws: GraphQLError.self) { try buildClientSchema(["data": ["__schema": nil]]) }
        #expect(throws: GraphQLError.self) {
            try buildClientSchema(["__schema": ["types": [["kind": "OBJECT", "name": "Query", "fields": [
                ["name": "a", "args": [], "type": ["kind": "OBJECT", "name": "Missing"]],
            ]]], "queryType": ["name": "Query"]]])
        }
    }
}
